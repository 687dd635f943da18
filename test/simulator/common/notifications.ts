/**
 * Outlook's rules for item.notificationMessages (Mailbox 1.3): key <= 32 characters, message <= 150 characters
 * (longer -> ArgumentOutOfRange, thrown by office.js), icon/persistent only for informational messages,
 * at most 5 notifications per item (-> NumberOfNotificationMessagesExceeded), replaceAsync adds when the key is new,
 * removeAsync of an unknown key fails.
 */
import { argumentError, argumentOutOfRange, OfficeErrors } from "./errors";
import type { OfficeErrorShape } from "./protocol";
import { isRecord } from "./protocol";

export const MAX_NOTIFICATION_MESSAGE = 150;
export const MAX_NOTIFICATION_KEY = 32;
export const MAX_NOTIFICATIONS_PER_ITEM = 5;

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

/** Throws as office.js does, synchronously, before anything reaches the host. */
export function validateNotification(key: unknown, details: unknown): NotificationDetails {
  validateKey(key);
  if (!isRecord(details)) throw argumentError("JSONmessage", "JSONmessage must be an object.");
  const { type, message, icon, persistent } = details;
  if (typeof type !== "string" || !(NotificationTypes as readonly string[]).includes(type)) {
    throw argumentError("type", `Unknown notification type ${String(type)}.`);
  }
  if (typeof message !== "string") throw argumentError("message", "message must be a string.");
  if (message.length > MAX_NOTIFICATION_MESSAGE) {
    throw argumentOutOfRange(
      "message",
      `The message can't be longer than ${MAX_NOTIFICATION_MESSAGE} characters.`,
    );
  }
  const typed = type as NotificationType;
  if (
    (typed === "progressIndicator" || typed === "errorMessage") &&
    (icon !== undefined || persistent !== undefined)
  ) {
    throw argumentError("JSONmessage", "icon and persistent are not valid for progress or error messages.");
  }
  if (typed === "insightMessage" && persistent !== undefined) {
    throw argumentError("persistent", "persistent is not valid for insight messages.");
  }
  if (icon !== undefined && typeof icon !== "string") throw argumentError("icon", "icon must be a string.");
  if (persistent !== undefined && typeof persistent !== "boolean") {
    throw argumentError("persistent", "persistent must be a boolean.");
  }
  const result: NotificationDetails = { type: typed, message };
  if (typeof icon === "string") result.icon = icon;
  if (typeof persistent === "boolean") result.persistent = persistent;
  return result;
}

export function validateKey(key: unknown): string {
  if (typeof key !== "string" || key.length === 0)
    throw argumentError("key", "key must be a non-empty string.");
  if (key.length > MAX_NOTIFICATION_KEY) {
    throw argumentOutOfRange("key", `The key can't be longer than ${MAX_NOTIFICATION_KEY} characters.`);
  }
  return key;
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
