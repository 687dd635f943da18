/**
 * Graph reads for the Contacts view: contact folders, and the contacts in one folder, optionally narrowed by a
 * search. Outlook add-ins don't activate on contacts, so nothing here comes from Office.js: every contact shown
 * was read from Graph, and the confirmation is bound to those IDs.
 *
 * Permission: delegated Contacts.ReadWrite (the same scope contact permanentDelete needs), asked for only when
 * the Contacts view is used. Global Graph only for permanentDelete (contact: permanentDelete, v1.0).
 *
 * Search: Graph documents no `$search` on contacts, and on `emailAddresses` it accepts only
 * `emailAddresses/any(a:a/address eq '…')` (no startswith, nothing on `name`). So a term with "@" is an exact
 * address match; any other term is a case-insensitive prefix of the display name, first name or surname.
 * No `$orderby` beside `$filter` (Exchange refuses some combinations as too complex): results are sorted here.
 */
import type { GraphClient } from "../graph/client";
import { mailboxPath } from "../graph/paths";
import type { MailboxRef } from "../graph/types";
import { t } from "../i18n";
import { type PurgeProgress, purgeItems, type RequestLedger } from "./scheduler";
import type { ItemResult, PurgeTarget } from "./types";

type Reader = Pick<GraphClient, "getJson">;

export interface ContactFolder {
  /** undefined: the default Contacts folder (`/me/contacts`). */
  id: string | undefined;
  displayName: string;
}

export const DEFAULT_CONTACT_FOLDER: ContactFolder = { id: undefined, displayName: "Contacts" };

/** Results beyond this are not listed: the person is asked to narrow the search instead. */
export const CONTACT_LIST_LIMIT = 500;

const CONTACT_FIELDS = "id,displayName,givenName,surname,emailAddresses,companyName";

interface GraphContact {
  id: string;
  displayName?: string | null;
  givenName?: string | null;
  surname?: string | null;
  companyName?: string | null;
  emailAddresses?: { name?: string | null; address?: string | null }[] | null;
}

interface Page<T> {
  value: T[];
  "@odata.nextLink"?: string;
}

/** An OData string literal: single quotes doubled, so a name like O'Neill can't end the literal early. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The `$filter` for a search term, or undefined for "everything in the folder". */
export function contactSearchFilter(term: string): string | undefined {
  const text = term.trim();
  if (text === "") return undefined;
  if (text.includes("@")) return `emailAddresses/any(a:a/address eq ${odataString(text)})`;
  const literal = odataString(text);
  return ["displayName", "givenName", "surname"].map((p) => `startswith(${p},${literal})`).join(" or ");
}

/** The default Contacts folder first, then the others by name (`/me/contactFolders`, every page). */
export async function listContactFolders(graph: Reader, mailbox: MailboxRef): Promise<ContactFolder[]> {
  const folders: ContactFolder[] = [];
  let url: string | undefined = `${mailboxPath(mailbox)}/contactFolders?$top=100&$select=id,displayName`;
  while (url) {
    const page: Page<{ id: string; displayName?: string | null }> = await graph.getJson(url);
    for (const f of page.value) folders.push({ id: f.id, displayName: f.displayName || "(unnamed folder)" });
    url = page["@odata.nextLink"];
  }
  folders.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return [DEFAULT_CONTACT_FOLDER, ...folders];
}

export function contactToTarget(
  contact: GraphContact,
  mailbox: MailboxRef,
  folder: ContactFolder,
): PurgeTarget {
  const name =
    contact.displayName?.trim() ||
    [contact.givenName, contact.surname].filter((s) => s?.trim()).join(" ") ||
    contact.companyName?.trim() ||
    "";
  const address = contact.emailAddresses?.find((e) => e.address)?.address ?? "";
  return {
    // A contact in another folder is addressed through it: /contactFolders/{fid}/contacts/{id}.
    ref: {
      kind: "contact",
      id: contact.id,
      mailbox,
      ...(folder.id !== undefined ? { folderId: folder.id } : {}),
    },
    subject: name,
    // The name is already the subject line; the address alone goes where a message shows its sender.
    from: address ? { name: "", address } : undefined,
    received: undefined,
    folderName: folder.displayName,
  };
}

export interface ContactListing {
  targets: PurgeTarget[];
  /** More matched than CONTACT_LIST_LIMIT: only the first ones are listed. */
  truncated: boolean;
}

/** The contacts of one folder that match `term` (all of them for an empty term), sorted by name. */
export async function listContacts(
  graph: Reader,
  mailbox: MailboxRef,
  folder: ContactFolder,
  term: string,
  options: { signal?: AbortSignal } = {},
): Promise<ContactListing> {
  const base =
    folder.id === undefined
      ? `${mailboxPath(mailbox)}/contacts`
      : `${mailboxPath(mailbox)}/contactFolders/${encodeURIComponent(folder.id)}/contacts`;
  const filter = contactSearchFilter(term);
  const query = new URLSearchParams({ $top: "100", $select: CONTACT_FIELDS });
  if (filter !== undefined) query.set("$filter", filter);
  let url: string | undefined = `${base}?${query.toString()}`;
  const targets: PurgeTarget[] = [];
  let truncated = false;
  while (url) {
    const page: Page<GraphContact> = await graph.getJson(
      url,
      options.signal ? { signal: options.signal } : {},
    );
    for (const c of page.value) targets.push(contactToTarget(c, mailbox, folder));
    url = page["@odata.nextLink"];
    if (targets.length >= CONTACT_LIST_LIMIT) {
      truncated = url !== undefined || targets.length > CONTACT_LIST_LIMIT;
      break;
    }
  }
  const listed = targets.slice(0, CONTACT_LIST_LIMIT);
  listed.sort((a, b) => a.subject.localeCompare(b.subject) || a.ref.id.localeCompare(b.ref.id));
  return { targets: listed, truncated };
}

/** What the Contacts view needs, bound to one Graph client (Contacts.ReadWrite) and mailbox. */
export interface ContactActions {
  listFolders(): Promise<ContactFolder[]>;
  list(folder: ContactFolder, term: string, options?: { signal?: AbortSignal }): Promise<ContactListing>;
  /** Through the scheduler: one result per target; throws AuthError only when nothing could be sent. */
  purge(
    targets: readonly PurgeTarget[],
    options: { signal: AbortSignal; onProgress: (progress: PurgeProgress) => void },
  ): Promise<ItemResult[]>;
}

/**
 * `ledger`: the pane's request ledger, shared with mail: Outlook's 10,000-per-10-minutes budget is per app and
 * mailbox, whatever the resource.
 */
export function createContactActions(
  graph: Pick<GraphClient, "getJson" | "permanentDelete" | "batch">,
  mailbox: MailboxRef,
  ledger: RequestLedger,
): ContactActions {
  return {
    listFolders: () => listContactFolders(graph, mailbox),
    list: (folder, term, options) => listContacts(graph, mailbox, folder, term, options),
    async purge(targets, { signal, onProgress }) {
      if (targets.some((t) => t.ref.kind !== "contact")) throw new TypeError("Only contacts go this way.");
      const outcomes = await purgeItems(
        targets.map((t) => t.ref),
        { client: graph, signal, onProgress, ledger },
      );
      return targets.map((target) => ({
        target,
        // The scheduler gives every item exactly one outcome; this only guards the contract.
        outcome: outcomes.get(target.ref.id) ?? { status: "not-attempted", message: t("common.notDeleted") },
      }));
    },
  };
}
