/**
 * Graph scopes, least privilege per operation (docs/platform-facts.md#graph-permanentdelete-and-scopes): message
 * permanentDelete needs delegated Mail.ReadWrite in the person's own mailbox and Mail.ReadWrite.Shared in a mailbox
 * someone shared with them; contact permanentDelete needs Contacts.ReadWrite, event permanentDelete
 * Calendars.ReadWrite. Each is asked for only when that operation is used (incremental consent), so a person who never
 * opens a shared mailbox never consents to the .Shared scope. Only Graph resource scopes: one token request naming two
 * resources fails (AADSTS28000).
 */
import type { CloudId } from "../cloud";
import { CLOUDS } from "../cloud";
import type { ItemRef, MailboxRef } from "../graph/types";

export const SCOPES = {
  mail: ["Mail.ReadWrite"],
  /** Another person's or a shared mailbox: /users/{owner}/... */
  mailShared: ["Mail.ReadWrite.Shared"],
  /** The person's own contacts (Contacts view): contact permanentDelete and the reads before it. */
  contacts: ["Contacts.ReadWrite"],
  /** The person's own calendar: event permanentDelete (asked for only when an event is deleted). */
  events: ["Calendars.ReadWrite"],
} as const satisfies Record<string, readonly string[]>;

/** The scope a mail operation on this mailbox needs. */
export function mailScopes(mailbox: MailboxRef): readonly string[] {
  return mailbox.kind === "me" ? SCOPES.mail : SCOPES.mailShared;
}

/** The scope deleting this item needs: it follows the item's kind (and, for mail, its mailbox). */
export function itemScopes(ref: Pick<ItemRef, "kind" | "mailbox">): readonly string[] {
  if (ref.kind === "event") return SCOPES.events;
  if (ref.kind === "contact") return SCOPES.contacts;
  return mailScopes(ref.mailbox);
}

/**
 * Bare scope names mean the global Graph resource (https://graph.microsoft.com/...). In a national cloud the
 * token must be for that cloud's Graph, so the scopes carry its resource URI.
 */
export function scopesForCloud(cloud: CloudId, scopes: readonly string[]): string[] {
  if (cloud === "global") return [...scopes];
  const resource = CLOUDS[cloud].graphBaseUrl;
  return scopes.map((s) => (s.includes("://") ? s : `${resource}/${s}`));
}
