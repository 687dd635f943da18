/**
 * Error codes, names and messages as Outlook on the web reports them through office.js.
 *
 * Sources: "Office Common API error codes" (learn.microsoft.com, office-js-docs-pr) for 5xxx/9016-9057/12xxx, the
 * NotificationMessages reference for the notification names, and office-js issue reports (e.g. #2843 quoting
 * "PersistedNotificationArraySaveError: 9027") for the 902x block. ItemNotSaved is documented by name only
 * (MessageCompose.getItemIdAsync: "ItemNotSaved: The ID can't be retrieved until the item is saved."); its number
 * is not published, 9046 is this simulator's choice, so add-ins should branch on `error.name` for it.
 */
import type { OfficeErrorShape } from "./protocol";

export const OfficeErrors = {
  internalError: { code: 5001, name: "Internal Error", message: "An internal error has occurred." },
  eventRegistration: {
    code: 5003,
    name: "Event Registration Error",
    message: "The specified event type is not supported by the current object.",
  },
  invalidApiCall: {
    code: 5004,
    name: "Invalid API call",
    message: "Invalid API call in the current context.",
  },
  permissionDenied: { code: 5009, name: "Permission Denied", message: "Access Denied" },
  saveError: {
    code: 9021,
    name: "SaveError",
    message: "Connection error occurred while trying to save the item on the server.",
  },
  duplicateNotificationKey: {
    code: 9023,
    name: "DuplicateNotificationKey",
    message: "A notification message with the specified key already exists.",
  },
  notificationKeyNotFound: {
    code: 9024,
    name: "KeyNotFound",
    message: "A notification message with the specified key doesn't exist.",
  },
  numberOfNotificationsExceeded: {
    code: 9025,
    name: "NumberOfNotificationMessagesExceeded",
    message: "The maximum number of notification messages (5) has been reached for this item.",
  },
  itemNotSaved: {
    code: 9046,
    name: "ItemNotSaved",
    message: "The ID can't be retrieved until the item is saved.",
  },
  /** office-js#3680: getSelectedItemsAsync outside the selection flow while item is null. */
  selectionItemNull: {
    code: 5004,
    name: "Invalid API call",
    message: "Invalid operation (getSelectedItemsAsync) when Office.context.mailbox.item is null.",
  },
  dialogUntrustedDomain: {
    code: 12004,
    name: "Display Dialog Error",
    message: "The domain of the URL is not included in the AppDomains element in the manifest.",
  },
  dialogHttp: {
    code: 12005,
    name: "Display Dialog Error",
    message: "The URL uses the HTTP protocol. HTTPS is required.",
  },
  dialogAlreadyOpen: {
    code: 12007,
    name: "Display Dialog Error",
    message: "A dialog box is already opened from this host window.",
  },
  dialogIgnored: {
    code: 12009,
    name: "Display Dialog Error",
    message: "The user chose to ignore the dialog box.",
  },
  dialogBlocked: {
    code: 12011,
    name: "Display Dialog Error",
    message: "Browser restrictions prevented us from creating the dialog box.",
  },
  apiNotSupported: {
    code: 13012,
    name: "API Not Supported",
    message: "The API is not supported in this platform.",
  },
} as const satisfies Record<string, OfficeErrorShape>;

/** Dialog event codes raised through DialogEventReceived. */
export const DialogEventCode = {
  /** The person closed the dialog with its X. */
  closedByUser: 12006,
  /** Page not found or unloadable. */
  pageNotFound: 12002,
  /** Navigated to an http URL. */
  httpNavigation: 12003,
} as const;

export type AsyncResultStatusValue = "succeeded" | "failed";

export interface SimAsyncResult<T> {
  status: AsyncResultStatusValue;
  value: T | undefined;
  error: OfficeErrorShape | undefined;
  asyncContext: unknown;
  diagnostics?: unknown;
}

export function succeeded<T>(value: T, asyncContext: unknown): SimAsyncResult<T> {
  return { status: "succeeded", value, error: undefined, asyncContext };
}

export function failed<T>(error: OfficeErrorShape, asyncContext: unknown): SimAsyncResult<T> {
  // A fresh object each time: callers may mutate what they receive.
  return { status: "failed", value: undefined, error: { ...error }, asyncContext };
}

/**
 * Error thrown synchronously by office.js argument validation (MicrosoftAjax style, as Outlook's office.js does for
 * an over-long notification message or key).
 */
export function argumentOutOfRange(paramName: string, detail: string): Error {
  const error = new Error(`Sys.ArgumentOutOfRangeException: ${detail}\nParameter name: ${paramName}`);
  error.name = "Sys.ArgumentOutOfRangeException";
  Object.assign(error, { paramName });
  return error;
}

export function argumentError(paramName: string, detail: string): Error {
  const error = new Error(`Sys.ArgumentException: ${detail}\nParameter name: ${paramName}`);
  error.name = "Sys.ArgumentException";
  Object.assign(error, { paramName });
  return error;
}
