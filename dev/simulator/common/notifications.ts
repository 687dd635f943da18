/**
 * Outlook's rules for item.notificationMessages (Mailbox 1.3). What office.js checks before anything reaches the host
 * follows its own validation exactly (npm `@microsoft/office-js` 1.1.110, `dist/outlook-web-16.01.debug.js`,
 * modules `./src/validation/validateNotificationMessages.ts`, `./src/utils/validateString.ts`,
 * `./src/methods/addNotificationMessage.ts`; `common.test.ts` runs office.js's code against this one):
 * - key: a non-empty string (else ArgumentNull / ArgumentType), at most 32 characters (ArgumentOutOfRange);
 * - informationalMessage: `icon` a non-empty string of at most 32 characters and `persistent` a boolean are
 *   REQUIRED (missing -> ArgumentNull, wrong type -> ArgumentType), `actions` not allowed;
 * - insightMessage: `icon` required, `persistent` not allowed (outside Windows), `actions` required;
 * - progressIndicator, errorMessage (and any other type): no `icon`, `persistent` or `actions` (ArgumentException);
 * - message: a non-empty string of at most 150 characters;
 * - an unknown type: ArgumentException after the checks above.
 * The host then allows at most 5 notifications per item (NumberOfNotificationMessagesExceeded), replaceAsync adds
 * when the key is new, removeAsync of an unknown key fails.
 */
import { OfficeErrors } from "./errors";
import type { OfficeErrorShape } from "./protocol";
import { isRecord } from "./protocol";

export const MAX_NOTIFICATION_MESSAGE = 150;
export const MAX_NOTIFICATION_KEY = 32;
export const MAX_NOTIFICATIONS_PER_ITEM = 5;
export const MAX_NOTIFICATION_ICON = 32;

export const NotificationTypes = [
  "progressIndicator",
  "informationalMessage",
  "errorMessage",
  "insightMessage",
] as const;
export type NotificationType = (typeof NotificationTypes)[number];

export interface NotificationDetails {
  type: NotificationType;
  message: string;
  icon?: string;
  persistent?: boolean;
}

export interface StoredNotification extends NotificationDetails {
  key: string;
}

const isNullOrUndefined = (value: unknown): value is null | undefined =>
  value === null || value === undefined;

function officeError(name: string, detail: string, paramName: string): Error {
  const error = new Error(`${name}: ${detail}\nParameter name: ${paramName}`);
  error.name = name;
  Object.assign(error, { paramName });
  return error;
}
const nullArgument = (paramName: string) =>
  officeError("Sys.ArgumentNullException", "Value cannot be null.", paramName);
const argumentType = (paramName: string, actual: string) =>
  officeError(
    "Sys.ArgumentTypeException",
    `Object of type '${actual}' cannot be converted to type 'string'.`,
    paramName,
  );
const argumentException = (paramName: string) =>
  officeError("Sys.ArgumentException", "Value does not fall within the expected range.", paramName);
const outOfRange = (paramName: string, actual: number) =>
  officeError(
    "Sys.ArgumentOutOfRangeException",
    `Specified argument was out of the range of valid values.\nActual value was ${actual}.`,
    paramName,
  );

/** office.js's validateStringParam: null, undefined and "" are "null"; anything else but a string a type error. */
function requireString(paramName: string, value: unknown): string {
  if (isNullOrUndefined(value) || value === "") throw nullArgument(paramName);
  if (typeof value !== "string") throw argumentType(paramName, typeof value);
  return value;
}

function validateIcon(icon: unknown): string {
  const value = requireString("icon", icon);
  if (value.length > MAX_NOTIFICATION_ICON) throw outOfRange("icon", value.length);
  return value;
}

/** Throws as office.js does, synchronously, before anything reaches the host. */
export function validateNotification(key: unknown, details: unknown): NotificationDetails {
  validateKey(key);
  // office.js reads data.type straight away: no object, a TypeError.
  if (isNullOrUndefined(details))
    throw new TypeError(`Cannot read properties of ${String(details)} (reading 'type')`);
  const data = (isRecord(details) ? details : {}) as Record<string, unknown>;
  const type = requireString("type", data.type);
  const { icon, persistent, actions } = data;
  if (type === "informationalMessage") {
    validateIcon(icon);
    if (isNullOrUndefined(persistent)) throw nullArgument("persistent");
    if (typeof persistent !== "boolean") throw argumentType("persistent", typeof persistent);
    if (!isNullOrUndefined(actions)) throw argumentException("actions");
  } else if (type === "insightMessage") {
    validateIcon(icon);
    if (!isNullOrUndefined(persistent)) throw argumentException("persistent");
    if (isNullOrUndefined(actions)) throw nullArgument("actions");
    validateActions(actions);
  } else {
    if (!isNullOrUndefined(icon)) throw argumentException("icon");
    if (!isNullOrUndefined(persistent)) throw argumentException("persistent");
    if (!isNullOrUndefined(actions)) throw argumentException("actions");
  }
  const message = requireString("message", data.message);
  if (message.length > MAX_NOTIFICATION_MESSAGE) throw outOfRange("message", message.length);
  if (!(NotificationTypes as readonly string[]).includes(type)) throw argumentException("type");
  const result: NotificationDetails = { type: type as NotificationType, message };
  if (typeof icon === "string") result.icon = icon;
  if (typeof persistent === "boolean") result.persistent = persistent;
  return result;
}

/** Insight messages' one action: showTaskPane with a commandId and a text of at most 30 characters. */
function validateActions(actions: unknown): void {
  if (!Array.isArray(actions)) throw argumentException("actions");
  if (actions.length > 1) throw argumentException("actions");
  const action: unknown = actions[0];
  if (action === undefined) return;
  const a = (isRecord(action) ? action : {}) as Record<string, unknown>;
  if (isNullOrUndefined(a.actionType)) throw nullArgument("actionType");
  if (a.actionType !== "showTaskPane") throw argumentException("actionType");
  if (typeof a.commandId !== "string" || a.commandId === "") throw argumentException("commandId");
  if (typeof a.actionText !== "string" || a.actionText === "") throw nullArgument("actionText");
  if (a.actionText.length > 30) throw outOfRange("actionText", a.actionText.length);
}

export function validateKey(key: unknown): string {
  const value = requireString("key", key);
  if (value.length > MAX_NOTIFICATION_KEY) throw outOfRange("key", value.length);
  return value;
}

export type NotificationOutcome =
  | { ok: true; list: StoredNotification[] }
  | { ok: false; error: OfficeErrorShape };

export function addNotification(
  list: readonly StoredNotification[],
  key: string,
  details: NotificationDetails,
): NotificationOutcome {
  if (list.some((n) => n.key === key)) return { ok: false, error: OfficeErrors.duplicateNotificationKey };
  if (list.length >= MAX_NOTIFICATIONS_PER_ITEM) {
    return { ok: false, error: OfficeErrors.numberOfNotificationsExceeded };
  }
  return { ok: true, list: [...list, { key, ...details }] };
}

export function replaceNotification(
  list: readonly StoredNotification[],
  key: string,
  details: NotificationDetails,
): NotificationOutcome {
  const index = list.findIndex((n) => n.key === key);
  if (index === -1) return addNotification(list, key, details);
  const next = [...list];
  next[index] = { key, ...details };
  return { ok: true, list: next };
}

export function removeNotification(list: readonly StoredNotification[], key: string): NotificationOutcome {
  if (!list.some((n) => n.key === key)) return { ok: false, error: OfficeErrors.notificationKeyNotFound };
  return { ok: true, list: list.filter((n) => n.key !== key) };
}

/** What survives when the person moves to another item: persistent informational messages only. */
export function keepOnNavigation(list: readonly StoredNotification[]): StoredNotification[] {
  return list.filter((n) => n.type === "informationalMessage" && n.persistent === true);
}
