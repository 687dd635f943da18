/**
 * The Office global for unit tests: one fake, installed with vi.stubGlobal per test (`installOffice`), configured
 * by what a test needs (the item, requirement sets, the signed-in account and the mailbox's address, the theme,
 * the display language, the dialog page and the notification bar) and recording what the code did with it.
 *
 * It follows office.js's shapes: async result objects, callbacks called asynchronously, Office's enums. Where the
 * simulator already models Outlook on the web's rules from Microsoft's sources (dev/simulator/common), the fake
 * uses the same code: the enums, REST ID conversion, requirement-set comparison, notification validation and the
 * 5-per-item limit, error shapes, and the requirement sets Outlook on the web claims. The simulator's office.js
 * stand-in itself is not used here: it forwards every call over postMessage to the shell's host runtime in a
 * browser (docs/testing.md says why the two stay separate).
 *
 * Items are plain objects in Outlook's shapes; the builders below make the four the add-in reads (a message in
 * read and compose mode, an appointment read by an attendee, the organizer's meeting form). An item without its
 * own `notificationMessages` gets the fake's notification bar.
 */
import { type Mock, vi } from "vitest";
import { OfficeErrors } from "../../dev/simulator/common/errors";
import { convertToRestId } from "../../dev/simulator/common/ids";
import {
  type NotificationDetails,
  type NotificationOutcome,
  removeNotification,
  replaceNotification,
  type StoredNotification,
  validateKey,
  validateNotification,
} from "../../dev/simulator/common/notifications";
import { AsyncResultStatus, EventType, MailboxEnums } from "../../dev/simulator/common/officeEnums";
import type { OfficeErrorShape } from "../../dev/simulator/common/protocol";
import { isSetSupported, supportedRequirementSets } from "../../dev/simulator/common/requirements";
import type { OfficeThemeSnapshot } from "../../dev/simulator/common/theme";

type Callback = (result: unknown) => void;
type Handler = (arg: unknown) => void;

export function succeeded<T>(value: T) {
  return { status: "succeeded", value };
}

export function failed(code: number, name: string, message = name) {
  return { status: "failed", error: { code, name, message } };
}

/** An Office.context.mailbox.item: the fields a test gives, in Outlook's shapes. */
export interface FakeItem {
  itemId?: string;
  itemType?: string;
  subject?: unknown;
  from?: { displayName: string; emailAddress: string };
  dateTimeCreated?: Date;
  getItemIdAsync?: (cb: Callback) => void;
  getSharedPropertiesAsync?: (cb: Callback) => void;
  notificationMessages?: { replaceAsync: (key: string, details: unknown, cb: Callback) => void };
  [field: string]: unknown;
}

/** The account Office.auth.getAuthContext reports (NestedAppAuth 1.1). */
export interface FakeAuthContext {
  userPrincipalName: string;
  tenantId?: string;
  userObjectId?: string;
}

/** A dialog window the add-in opened with displayDialogAsync, seen from the page inside it. */
export interface FakeDialogWindow {
  readonly url: string;
  readonly options: unknown;
  /** What the add-in sent the page (messageChild), in order. */
  readonly received: string[];
  /** The add-in's Dialog.close(). */
  readonly close: Mock<() => void>;
  /** Closed by the add-in or ended by a DialogEventReceived. */
  readonly closed: boolean;
  /** The page's messageParent: a DialogMessageReceived for the add-in (a string as is, anything else as JSON). */
  send(message: unknown, origin?: string): void;
  /** The window ends with this event code (12006: the person closed it). */
  end(code: number): void;
}

/** The page in each dialog the add-in opens. */
export interface FakeDialogPage {
  /** Outlook refuses to open the dialog with this code (12004, 12005, 12007, 12009, 12011). */
  failToOpen?: number;
  /** The page has loaded: the add-in listens for both its messages and its events. */
  loaded?(window: FakeDialogWindow): void;
  /** The add-in sent the page a message. */
  received?(window: FakeDialogWindow, message: string): void;
}

export interface FakeOfficeOptions {
  /** The selected item; none (null) by default. */
  item?: FakeItem | null;
  /** Requirement sets the host claims, name to highest version; default: Outlook on the web's (the simulator's). */
  sets?: Record<string, string>;
  /** Office.auth.getAuthContext's account; null: the host lacks the function. */
  authContext?: FakeAuthContext | null;
  /** Office.context.mailbox.userProfile.emailAddress, the address of the mailbox shown. */
  userEmail?: string;
  /** Office.context.officeTheme; undefined by default, as in dialogs (office-js#6820). */
  officeTheme?: Partial<OfficeThemeSnapshot> | Record<string, unknown>;
  displayLanguage?: string;
  /** The page in the dialogs the add-in opens; by default a page that loads and says nothing. */
  dialog?: FakeDialogPage;
  /** The notification bar refuses every message with this error. */
  notificationError?: OfficeErrorShape;
}

/** Outlook on the web's requirement sets, as the simulator claims them for a task pane with nested app auth. */
export const OUTLOOK_WEB_SETS: Readonly<Record<string, string>> = supportedRequirementSets({
  naa: true,
  role: "taskpane",
});

const DEFAULT_ACCOUNT: FakeAuthContext = {
  userPrincipalName: "adele@contoso.com",
  tenantId: "t",
  userObjectId: "o",
};

function lowerKeys(sets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(sets).map(([name, version]) => [name.toLowerCase(), version]));
}

/** The notification bar of the items shown: office.js's validation, the host's 5-per-item limit. */
function notificationBar(error: OfficeErrorShape | undefined) {
  const byItem = new WeakMap<object, StoredNotification[]>();
  const sent: NotificationDetails[] = [];
  const settle = (item: object, cb: Callback | undefined, outcome: NotificationOutcome) => {
    if (outcome.ok) byItem.set(item, outcome.list);
    const result = outcome.ok ? succeeded(undefined) : { status: "failed", error: { ...outcome.error } };
    queueMicrotask(() => cb?.(result));
  };
  const refused = (cb: Callback | undefined): boolean => {
    if (!error) return false;
    queueMicrotask(() => cb?.({ status: "failed", error: { ...error } }));
    return true;
  };
  const messagesOf = (item: object) => ({
    replaceAsync(key: unknown, details: unknown, cb?: Callback) {
      const valid = validateNotification(key, details);
      if (refused(cb)) return;
      sent.push(details as NotificationDetails);
      settle(item, cb, replaceNotification(byItem.get(item) ?? [], key as string, valid));
    },
    removeAsync(key: unknown, cb?: Callback) {
      const valid = validateKey(key);
      if (refused(cb)) return;
      settle(item, cb, removeNotification(byItem.get(item) ?? [], valid));
    },
    getAllAsync(cb?: Callback) {
      const list = byItem.get(item) ?? [];
      queueMicrotask(() => cb?.(succeeded(list.map((n) => ({ ...n })))));
    },
  });
  return { sent, messagesOf, shown: (item: object) => byItem.get(item) ?? [] };
}

/**
 * displayDialogAsync over the test's page. One dialog at a time: Outlook refuses a second one while the first is
 * open with 12007 ("A dialog box is already opened from this host window", Office Common API error codes on
 * learn.microsoft.com; dev/simulator/common/errors.ts). A closed window delivers nothing more.
 */
function dialogs(page: FakeDialogPage, defaultOrigin: () => string | undefined) {
  const opened: FakeDialogWindow[] = [];
  const open = (): FakeDialogWindow | undefined => opened.find((w) => !w.closed);
  function displayDialogAsync(url: string, options: unknown, callback?: Callback) {
    const cb = typeof options === "function" ? (options as Callback) : callback;
    const refusal =
      page.failToOpen !== undefined
        ? dialogError(page.failToOpen)
        : open()
          ? OfficeErrors.dialogAlreadyOpen
          : undefined;
    if (refusal) {
      queueMicrotask(() => cb?.({ status: "failed", error: { ...refusal } }));
      return;
    }
    const handlers = new Map<string, Handler>();
    let closed = false;
    let loaded = false;
    const deliver = (type: string, arg: unknown) => queueMicrotask(() => handlers.get(type)?.(arg));
    const window: FakeDialogWindow = {
      url,
      options,
      received: [],
      close: vi.fn(() => {
        closed = true;
      }),
      get closed() {
        return closed;
      },
      send(message, origin = defaultOrigin()) {
        if (closed) return;
        const text = typeof message === "string" ? message : JSON.stringify(message);
        deliver(EventType.DialogMessageReceived, {
          type: EventType.DialogMessageReceived,
          message: text,
          origin,
        });
      },
      end(code) {
        if (closed) return;
        closed = true;
        deliver(EventType.DialogEventReceived, { type: EventType.DialogEventReceived, error: code });
      },
    };
    const dialog = {
      addEventHandler(type: string, handler: Handler) {
        handlers.set(type, handler);
        if (
          !loaded &&
          handlers.has(EventType.DialogMessageReceived) &&
          handlers.has(EventType.DialogEventReceived)
        ) {
          loaded = true;
          page.loaded?.(window);
        }
      },
      messageChild(message: string) {
        window.received.push(message);
        page.received?.(window, message);
      },
      close: window.close,
    };
    opened.push(window);
    queueMicrotask(() => cb?.(succeeded(dialog)));
  }
  return { opened, displayDialogAsync };
}

function dialogError(code: number): OfficeErrorShape {
  const known = Object.values(OfficeErrors).find((e) => e.code === code && e.name === "Display Dialog Error");
  return known ?? { code, name: "Display Dialog Error", message: `Dialog error ${code}` };
}

export function installOffice(options: FakeOfficeOptions = {}) {
  const sets = lowerKeys(options.sets ?? OUTLOOK_WEB_SETS);
  const handlers = new Map<string, Handler>();
  const readyCallbacks: ((info: unknown) => void)[] = [];
  const bar = notificationBar(options.notificationError);
  const dialog = dialogs(options.dialog ?? {}, () =>
    globalThis.window?.location?.origin === undefined ? undefined : globalThis.window.location.origin,
  );
  let item: FakeItem | null = null;
  const withBar = (next: FakeItem | null): FakeItem | null =>
    next && !next.notificationMessages
      ? Object.assign(next, { notificationMessages: bar.messagesOf(next) })
      : next;
  item = withBar(options.item ?? null);

  const account = options.authContext === undefined ? DEFAULT_ACCOUNT : options.authContext;
  const auth = {
    getAuthContext: vi.fn(async (): Promise<FakeAuthContext> => ({ ...(account ?? DEFAULT_ACCOUNT) })),
  };
  if (account === null) Reflect.deleteProperty(auth, "getAuthContext");

  const mailbox = {
    get item() {
      return item;
    },
    set item(next: FakeItem | null) {
      item = withBar(next);
    },
    userProfile: {
      emailAddress: options.userEmail ?? account?.userPrincipalName ?? DEFAULT_ACCOUNT.userPrincipalName,
    },
    convertToRestId: vi.fn((id: string, version: string) => convertToRestId(id, version)),
    addHandlerAsync: vi.fn((type: string, handler: Handler, cb?: Callback) => {
      handlers.set(type, handler);
      queueMicrotask(() => cb?.(succeeded(undefined)));
    }),
    removeHandlerAsync: vi.fn((type: string, cb?: Callback) => {
      const known = handlers.delete(type);
      const result = known
        ? succeeded(undefined)
        : { status: "failed", error: { ...OfficeErrors.eventRegistration } };
      queueMicrotask(() => cb?.(result));
    }),
  };

  const office = {
    AsyncResultStatus,
    EventType,
    MailboxEnums,
    context: {
      displayLanguage: options.displayLanguage ?? "en-US",
      officeTheme: options.officeTheme,
      requirements: {
        isSetSupported: vi.fn((name: string, version?: string | number) =>
          isSetSupported(sets, name, version),
        ),
      },
      mailbox,
      ui: {
        displayDialogAsync: vi.fn(dialog.displayDialogAsync),
        messageParent: vi.fn(),
        addHandlerAsync: vi.fn(),
      },
    },
    auth,
    actions: { associate: vi.fn() },
    onReady: vi.fn((callback?: (info: unknown) => void) => {
      return new Promise((resolve) => {
        readyCallbacks.push((info) => {
          callback?.(info);
          resolve(info);
        });
      });
    }),
  };
  vi.stubGlobal("Office", office);
  return {
    office,
    /** Office has initialised: onReady's callbacks run now, with Outlook on the web's host info. */
    ready() {
      for (const run of readyCallbacks.splice(0)) run({ host: "Outlook", platform: "OfficeOnline" });
    },
    /** Raises a mailbox event the code subscribed to. */
    raise(type: string, arg: unknown = { type }) {
      handlers.get(type)?.(arg);
    },
    /** Outlook shows another item (or none). */
    setItem(next: FakeItem | null) {
      mailbox.item = next;
    },
    /** Outlook shows a mailbox at this address (userProfile.emailAddress). */
    setUserEmail(address: string) {
      mailbox.userProfile.emailAddress = address;
    },
    /** Every notification the code sent, in order (details as given to replaceAsync). */
    notifications: bar.sent,
    /** The notifications the bar of an item shows now. */
    shownOn: bar.shown,
    /** The dialog windows the code opened, in order. */
    dialogs: dialog.opened,
  };
}

export type FakeOffice = ReturnType<typeof installOffice>;

/** No Office global at all: a page loaded outside Office, before office.js. */
export function removeOffice(): void {
  vi.stubGlobal("Office", undefined);
}

/** A field of a compose form, read with getAsync; `later` answers on a timer rather than a microtask. */
export function composeField<T>(value: T, later = true) {
  return {
    getAsync: (cb: Callback) => (later ? setTimeout(() => cb(succeeded(value))) : cb(succeeded(value))),
  };
}

/** getSharedPropertiesAsync (Mailbox 1.8) as Outlook offers it on an item in a shared folder or mailbox. */
export function sharedPropertiesAsync(properties: Record<string, unknown>) {
  return vi.fn((cb: Callback) => queueMicrotask(() => cb(succeeded({ ...properties }))));
}

/** getItemIdAsync of a compose form: the ID once saved, ItemNotSaved while not (`id` null). */
export function itemIdAsync(id: string | null, notSavedMessage = OfficeErrors.itemNotSaved.message) {
  return (cb: Callback) =>
    setTimeout(() =>
      cb(
        id === null ? failed(OfficeErrors.itemNotSaved.code, "ItemNotSaved", notSavedMessage) : succeeded(id),
      ),
    );
}

/** A message in read mode (Office.MessageRead). */
export function messageRead(fields: Partial<FakeItem> & { itemId: string }): FakeItem {
  return { itemType: MailboxEnums.ItemType.Message, ...fields };
}

/** A message being written (Office.MessageCompose): the subject read with getAsync, the ID once saved (null: never). */
export function messageCompose(subject: string, id: string | null): FakeItem {
  return {
    itemType: MailboxEnums.ItemType.Message,
    subject: composeField(subject),
    getItemIdAsync: itemIdAsync(id),
  };
}

/** An appointment read by an attendee (Office.AppointmentRead): Dates, seriesId and recurrence (Mailbox 1.7). */
export function appointmentRead(fields: Partial<FakeItem> & { itemId: string }): FakeItem {
  return { itemType: MailboxEnums.ItemType.Appointment, seriesId: null, recurrence: null, ...fields };
}

/**
 * The organizer's meeting form (Office.AppointmentCompose): no itemId, every field read with getAsync, seriesId a
 * plain property, getItemIdAsync for the ID (null: never saved).
 */
export function organizerForm(fields: Record<string, unknown>, id: string | null): FakeItem {
  const asFields = Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, name === "seriesId" ? value : composeField(value)]),
  );
  return {
    itemType: MailboxEnums.ItemType.Appointment,
    seriesId: null,
    getItemIdAsync: itemIdAsync(id, "The ID can't be retrieved until the item is saved."),
    ...asFields,
  };
}
