/**
 * Graph reads for bulk purges: verify a selection before it is shown, list mail folders, and enumerate a
 * folder's messages page by page. Reads count against Outlook's 4-concurrent limit too, so at most 4 run at once.
 * Permission: Mail.ReadWrite covers these reads (no extra scope).
 */
import type { GraphClient } from "../graph/client";
import { GraphError } from "../graph/errors";
import { mailboxPath } from "../graph/paths";
import type { MailboxRef } from "../graph/types";
import { t } from "../i18n";
import type { SelectedMessage } from "../office/selection";
import type { PurgeTarget } from "./types";

const MESSAGE_FIELDS = "id,subject,from,receivedDateTime,parentFolderId,isDraft";

interface GraphMessage {
  id: string;
  subject?: string | null;
  from?: { emailAddress?: { name?: string; address?: string } } | null;
  receivedDateTime?: string | null;
  parentFolderId?: string;
  isDraft?: boolean;
}

export interface MailFolder {
  id: string;
  displayName: string;
  totalItemCount: number;
  /** deleteditems, junkemail, inbox, ... when it is a well-known folder. */
  wellKnown: string | undefined;
}

type Reader = Pick<GraphClient, "getJson">;

/** "/v1.0/me" or "/v1.0/users/{id}". */
function base(mailbox: MailboxRef): string {
  return mailboxPath(mailbox);
}

export function toTarget(message: GraphMessage, mailbox: MailboxRef, folderName?: string): PurgeTarget {
  const received = message.receivedDateTime ? new Date(message.receivedDateTime) : undefined;
  const from = message.from?.emailAddress;
  return {
    ref: { kind: "message", id: message.id, mailbox },
    subject: message.subject ?? "",
    from: from ? { name: from.name ?? "", address: from.address ?? "" } : undefined,
    received: received && !Number.isNaN(received.getTime()) ? received : undefined,
    folderName,
  };
}

/** Runs `work` over `items` with at most `limit` at once, keeping order in the result. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  // After a failure no new work starts, and the call settles only once the work already running has: reads
  // don't go on in the background after the caller has shown the error (they would count against Outlook's 4
  // concurrent requests for whatever the person does next).
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}

/** Why a selected message in another person's or a shared mailbox is left out of a multi-selection. */
export function sharedSelectionReason(): string {
  return t("selection.sharedReason");
}

export interface ResolvedSelection {
  /** Messages Graph confirmed, with what the confirmation shows. */
  targets: PurgeTarget[];
  /** Selected entries left out, each with why (not found, a draft being edited, not a message). */
  skipped: { subject: string; reason: string }[];
}

export async function resolveSelection(
  graph: Reader,
  selected: readonly SelectedMessage[],
  mailbox: MailboxRef,
  folders: ReadonlyMap<string, string>,
): Promise<ResolvedSelection> {
  const skipped: ResolvedSelection["skipped"] = [];
  const candidates = selected.filter((s) => {
    if (s.itemMode.toLowerCase() === "compose") {
      skipped.push({ subject: s.subject, reason: t("selection.draft") });
      return false;
    }
    if (s.itemType && s.itemType.toLowerCase() !== "message") {
      skipped.push({ subject: s.subject, reason: t("selection.notMessage") });
      return false;
    }
    return true;
  });
  const read = await mapLimited(candidates, 4, async (s) => {
    try {
      const path = `${base(mailbox)}/messages/${encodeURIComponent(s.restId)}?$select=${MESSAGE_FIELDS}`;
      return { s, message: await graph.getJson<GraphMessage>(path) };
    } catch (error) {
      if (error instanceof GraphError && error.problem.code === "ErrorInvalidMailboxItemId") {
        // The item exists, in someone else's mailbox (a shared one: Outlook gives no owner with several
        // selected). Never guess whose: say so and offer nothing for it.
        return { s, message: undefined, elsewhere: true };
      }
      if (error instanceof GraphError && (error.problem.status === 404 || error.problem.status === 400)) {
        return { s, message: undefined };
      }
      throw error;
    }
  });
  const targets: PurgeTarget[] = [];
  for (const entry of read) {
    const { s, message } = entry;
    if (!message) {
      skipped.push({
        subject: s.subject,
        reason: "elsewhere" in entry ? sharedSelectionReason() : t("selection.gone"),
      });
      continue;
    }
    targets.push(
      toTarget(message, mailbox, message.parentFolderId ? folders.get(message.parentFolderId) : undefined),
    );
  }
  return { targets, skipped };
}

interface FolderPage {
  value: { id: string; displayName: string; totalItemCount?: number; childFolderCount?: number }[];
  "@odata.nextLink"?: string;
}

const FIRST = ["deleteditems", "junkemail"] as const;
const KNOWN = [...FIRST, "inbox", "sentitems", "drafts", "archive"] as const;

/** Mail folders at every depth, Deleted Items and Junk Email first, then the rest by name. */
export async function listMailFolders(graph: Reader, mailbox: MailboxRef): Promise<MailFolder[]> {
  const root = `${base(mailbox)}/mailFolders`;
  const known = new Map<string, string>();
  await mapLimited(KNOWN, 4, async (name) => {
    try {
      const folder = await graph.getJson<{ id: string }>(`${root}/${name}?$select=id`);
      known.set(folder.id, name);
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
    }
  });
  const select = "$top=100&$select=id,displayName,totalItemCount,childFolderCount";
  const folders: MailFolder[] = [];
  const readAll = async (first: string): Promise<string[]> => {
    const parents: string[] = [];
    let url: string | undefined = first;
    while (url) {
      const page: FolderPage = await graph.getJson<FolderPage>(url);
      for (const f of page.value) {
        folders.push({
          id: f.id,
          displayName: f.displayName,
          totalItemCount: f.totalItemCount ?? 0,
          wellKnown: known.get(f.id),
        });
        if ((f.childFolderCount ?? 0) > 0) parents.push(f.id);
      }
      url = page["@odata.nextLink"];
    }
    return parents;
  };
  // Breadth first, a bounded number of levels (Exchange allows deep trees; people rarely go past a few).
  let level = await readAll(`${root}?${select}`);
  for (let depth = 0; depth < 8 && level.length > 0; depth++) {
    const next = await mapLimited(level, 4, (id) =>
      readAll(`${root}/${encodeURIComponent(id)}/childFolders?${select}`),
    );
    level = next.flat();
  }
  const rank = (f: MailFolder) => {
    const i = FIRST.indexOf(f.wellKnown as (typeof FIRST)[number]);
    return i === -1 ? FIRST.length : i;
  };
  return folders.sort((a, b) => rank(a) - rank(b) || a.displayName.localeCompare(b.displayName));
}

export async function folderCount(graph: Reader, mailbox: MailboxRef, folderId: string): Promise<number> {
  const folder = await graph.getJson<{ totalItemCount?: number }>(
    `${base(mailbox)}/mailFolders/${encodeURIComponent(folderId)}?$select=totalItemCount`,
  );
  return folder.totalItemCount ?? 0;
}

/** Messages per page: Graph allows up to 1000, but large pages can time out (504; see listFolderMessages). */
export const FOLDER_PAGE_SIZE = 250;
const MIN_PAGE_SIZE = 25;

/**
 * Every message in a folder, newest first, each once.
 *
 * - Oldest first on the wire (`$orderby=receivedDateTime asc`): Graph pages with `$skip`, so mail that arrives while a
 *   large folder is listed would push a newest-first listing down and repeat a message on the next page; arrivals
 *   sort last here and shift nothing already read. (A message moved in with an older date can still shift a page:
 *   hence the de-duplication, and the folder's count is compared again before anything is deleted.)
 * - 250 per page with only the fields shown: the list-messages page warns that a page with hundreds of messages can
 *   time out (HTTP 504). A page that still times out is asked again at half the size, down to 25; the smaller size
 *   then stays. `@odata.nextLink` is followed as given (its `$skip` is Graph's own bookkeeping); only its `$top` is
 *   changed for a smaller page.
 */
export async function listFolderMessages(
  graph: Reader,
  mailbox: MailboxRef,
  folder: Pick<MailFolder, "id" | "displayName">,
  options: { signal?: AbortSignal; onPage?: (loaded: number) => void } = {},
): Promise<PurgeTarget[]> {
  const byId = new Map<string, PurgeTarget>();
  let pageSize = FOLDER_PAGE_SIZE;
  let url: string | undefined =
    `${base(mailbox)}/mailFolders/${encodeURIComponent(folder.id)}/messages?$top=${pageSize}` +
    `&$orderby=receivedDateTime asc&$select=${MESSAGE_FIELDS}`;
  while (url) {
    let page: { value: GraphMessage[]; "@odata.nextLink"?: string };
    try {
      page = await graph.getJson(url, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      const timedOut = error instanceof GraphError && error.problem.status === 504;
      if (!timedOut || pageSize <= MIN_PAGE_SIZE || options.signal?.aborted) throw error;
      pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(pageSize / 2));
      url = withTop(url, pageSize);
      continue;
    }
    for (const m of page.value) {
      if (!byId.has(m.id)) byId.set(m.id, toTarget(m, mailbox, folder.displayName));
    }
    options.onPage?.(byId.size);
    const next = page["@odata.nextLink"];
    url = next === undefined ? undefined : pageSize === FOLDER_PAGE_SIZE ? next : withTop(next, pageSize);
  }
  return [...byId.values()].sort((x, y) => (y.received?.getTime() ?? 0) - (x.received?.getTime() ?? 0));
}

/** The same URL asking for `top` per page. */
function withTop(url: string, top: number): string {
  const [path = "", query = ""] = url.split("?", 2);
  const params = query.split("&").filter((p) => p !== "" && !/^(\$|%24)top=/i.test(p));
  return `${path}?${[`$top=${top}`, ...params].join("&")}`;
}
