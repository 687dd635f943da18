import type { ItemKind, ItemRef, MailboxRef } from "./types";

// Collection and folder-collection segment per item kind (Graph v1.0 resource names).
const COLLECTION: Record<ItemKind, { items: string; folders: string }> = {
  message: { items: "messages", folders: "mailFolders" },
  contact: { items: "contacts", folders: "contactFolders" },
  event: { items: "events", folders: "calendars" },
};

/** "/v1.0/me" or "/v1.0/users/{encoded id}". */
export function mailboxPath(mailbox: MailboxRef): string {
  if (mailbox.kind === "me") return "/v1.0/me";
  requireSegment(mailbox.id, "mailbox id");
  return `/v1.0/users/${encodeURIComponent(mailbox.id)}`;
}

/**
 * The Graph path of one item, every segment encoded (REST ids may hold "+", "/", "="; a raw "/" would
 * change the path and "+" would read as a space in some proxies):
 * "/v1.0/me/messages/{id}", "/v1.0/users/{upn}/mailFolders/{fid}/messages/{id}",
 * ".../contactFolders/{fid}/contacts/{id}", ".../calendars/{fid}/events/{id}".
 */
export function itemPath(item: ItemRef): string {
  const collection = COLLECTION[item.kind];
  requireSegment(item.id, "item id");
  let path = mailboxPath(item.mailbox);
  if (item.folderId !== undefined) {
    requireSegment(item.folderId, "folder id");
    path += `/${collection.folders}/${encodeURIComponent(item.folderId)}`;
  }
  return `${path}/${collection.items}/${encodeURIComponent(item.id)}`;
}

// An empty segment would silently address the collection instead of the item ("/me/messages//permanentDelete"), and
// "." or ".." (which encodeURIComponent leaves as they are) would be removed or resolved by URL normalisation
// (RFC 3986 section 5.2.4), so "/me/messages/../permanentDelete" would address something else.
function requireSegment(value: string, what: string): void {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`Graph ${what} must be a non-empty string.`);
  }
  if (value === "." || value === "..") throw new TypeError(`Graph ${what} can't be "." or "..".`);
}
