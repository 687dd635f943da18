/**
 * Notification bar messages on the current item (Mailbox 1.3, ReadItem). Outlook allows at most 150 characters
 * per message and 5 messages per item, so the add-in reuses one fixed key and truncates. Informational
 * messages need an icon resid from manifest.xml ("Delete.Icon.16", at most 32 characters) and a boolean persistent;
 * progress and error messages take neither; no message may be empty (office.js's own validation, outlook-web-16.01).
 */
import { officeCall } from "./async";

export const NOTIFICATION_KEY = "permanentDelete";
export const MAX_NOTIFICATION_LENGTH = 150;

export type NotificationKind = "info" | "error" | "progress";

export function fitNotification(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= MAX_NOTIFICATION_LENGTH) return clean;
  return `${clean.slice(0, MAX_NOTIFICATION_LENGTH - 1).trimEnd()}…`;
}

export async function notify(kind: NotificationKind, text: string): Promise<void> {
  const item = Office.context.mailbox?.item;
  if (!item) return;
  const message = fitNotification(text);
  // office.js throws (ArgumentNullException) for an empty message: nothing to say, nothing sent.
  if (message === "") return;
  const details: Office.NotificationMessageDetails =
    kind === "progress"
      ? { type: Office.MailboxEnums.ItemNotificationMessageType.ProgressIndicator, message }
      : kind === "error"
        ? { type: Office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message }
        : {
            type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
            message,
            icon: "Delete.Icon.16",
            persistent: false,
          };
  await officeCall<void>("notificationMessages.replaceAsync", (cb) =>
    item.notificationMessages.replaceAsync(NOTIFICATION_KEY, details, cb),
  );
}
