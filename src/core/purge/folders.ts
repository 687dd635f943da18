/**
 * Deleting a custom mail folder outright: `POST /me/mailFolders/{id}/permanentDelete` (204). Graph removes the
 * folder with its messages and child folders from the mailbox; folders deleted this way do not go to
 * Recoverable Items\Purges ("Permanently deleted folders are removed from the mailbox", mailFolder:
 * permanentDelete, v1.0, Global service only). Permission: delegated Mail.ReadWrite.
 *
 * Well-known folders (Inbox, Drafts, Sent Items, …) are never offered. Graph v1.0's mailFolder has no
 * well-known-name property, so each documented well-known name is resolved to its id and compared; if that
 * can't be done, nothing is offered. Exchange refuses them anyway (ErrorDeleteDistinguishedFolder).
 *
 * The Graph client's only write calls are item permanentDelete and `$batch`; the folder action goes as a
 * one-member `$batch`, whose member status is Graph's own answer to the action (and whose member headers,
 * Retry-After included, are always readable).
 */
import { AuthError } from "../auth/errors";
import type { BatchFailure, BatchMemberResult, BatchRequest, BatchResult } from "../graph/batch";
import type { GraphClient } from "../graph/client";
import { GraphError } from "../graph/errors";
import { mailboxPath } from "../graph/paths";
import { defaultSleep, nextTry, parseRetryAfter, type RetryLimits } from "../graph/retry";
import type { MailboxRef } from "../graph/types";
import { t } from "../i18n";
import { mapLimited } from "./mailData";

type Reader = Pick<GraphClient, "getJson">;

/** Graph's documented well-known mail folder names (mailFolder resource type, v1.0). */
export const WELL_KNOWN_FOLDER_NAMES = [
  "archive",
  "clutter",
  "conflicts",
  "conversationhistory",
  "deleteditems",
  "drafts",
  "inbox",
  "junkemail",
  "localfailures",
  "msgfolderroot",
  "outbox",
  "recoverableitemsdeletions",
  "scheduled",
  "searchfolders",
  "sentitems",
  "serverfailures",
  "syncissues",
] as const;

/**
 * Id -> well-known name for every well-known folder the mailbox has. A 404 means the mailbox has no such
 * folder; any other failure is thrown, because then no folder can be offered safely.
 */
export async function wellKnownFolderIds(graph: Reader, mailbox: MailboxRef): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  await mapLimited(WELL_KNOWN_FOLDER_NAMES, 4, async (name) => {
    try {
      const folder = await graph.getJson<{ id: string }>(
        `${mailboxPath(mailbox)}/mailFolders/${name}?$select=id`,
      );
      ids.set(folder.id, name);
    } catch (error) {
      if (error instanceof GraphError && error.problem.status === 404) return;
      throw error;
    }
  });
  return ids;
}

/** What the confirmation shows about a folder, read fresh from Graph. */
export interface FolderTree {
  id: string;
  displayName: string;
  /** Messages in the folder and in every folder below it. */
  items: number;
  /** Folders below it, at every depth. */
  subfolders: number;
}

interface FolderJson {
  id: string;
  displayName?: string;
  totalItemCount?: number;
  childFolderCount?: number;
}

const FOLDER_FIELDS = "id,displayName,totalItemCount,childFolderCount";

/** Reads the folder and everything below it (hidden folders included: they go too). */
export async function describeFolderTree(
  graph: Reader,
  mailbox: MailboxRef,
  folderId: string,
): Promise<FolderTree> {
  const root = `${mailboxPath(mailbox)}/mailFolders`;
  const top = await graph.getJson<FolderJson>(
    `${root}/${encodeURIComponent(folderId)}?$select=${FOLDER_FIELDS}`,
  );
  let items = top.totalItemCount ?? 0;
  let subfolders = 0;
  let level = (top.childFolderCount ?? 0) > 0 ? [top.id] : [];
  // Exchange allows deep trees; bounded so a loop in a broken answer can't run forever.
  for (let depth = 0; depth < 32 && level.length > 0; depth++) {
    const pages = await mapLimited(level, 4, async (id) => {
      const children: FolderJson[] = [];
      let url: string | undefined =
        `${root}/${encodeURIComponent(id)}/childFolders?$top=100&includeHiddenFolders=true&$select=${FOLDER_FIELDS}`;
      while (url) {
        const page: { value: FolderJson[]; "@odata.nextLink"?: string } = await graph.getJson(url);
        children.push(...page.value);
        url = page["@odata.nextLink"];
      }
      return children;
    });
    level = [];
    for (const child of pages.flat()) {
      subfolders += 1;
      items += child.totalItemCount ?? 0;
      if ((child.childFolderCount ?? 0) > 0) level.push(child.id);
    }
  }
  return { id: top.id, displayName: top.displayName ?? "", items, subfolders };
}

/** Same folder, same contents as shown: otherwise the confirmation no longer describes what would go. */
export function sameTree(a: FolderTree, b: FolderTree): boolean {
  return (
    a.id === b.id && a.items === b.items && a.subfolders === b.subfolders && a.displayName === b.displayName
  );
}

export type FolderDeleteOutcome =
  /** Only on Graph's 204. */
  | { status: "deleted" }
  | { status: "already-gone"; message: string }
  | { status: "failed"; message: string; code?: string; httpStatus?: number };

export interface FolderDeleteOptions {
  signal?: AbortSignal;
  /** Sends at most, for 429/503 answers. @default 4 */
  maxAttempts?: number;
  /** A Retry-After beyond this is not waited for. @default 60_000 */
  maxRetryDelayMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Clock for an HTTP-date Retry-After. @default Date.now */
  now?: () => number;
  /** Jitter for the backoff when Graph gives no Retry-After (the core's one policy: graph/retry.ts). */
  random?: () => number;
}

const quote = (name: string) => t("common.quoted", { text: name });

/** Sentences for the person, per Graph answer. Nothing is called deleted without a 204. */
export function folderOutcomeFor(
  status: number,
  code: string | undefined,
  name: string,
): FolderDeleteOutcome {
  const note = code ? t("folder.note.code", { code }) : t("folder.note.status", { status: String(status) });
  const failed = (message: string): FolderDeleteOutcome => ({
    status: "failed",
    message,
    ...(code ? { code } : {}),
    httpStatus: status,
  });
  if (status === 204) return { status: "deleted" };
  if (status === 404) {
    return {
      status: "already-gone",
      message: t("folder.gone", { name: quote(name), note }),
    };
  }
  if (code === "ErrorDeleteDistinguishedFolder") {
    return failed(t("folder.distinguished", { name: quote(name), note }));
  }
  if (status === 403 && code === "ErrorAccessDenied") {
    return failed(t("folder.accessDenied", { note }));
  }
  if (status === 403) {
    return failed(t("folder.refused", { name: quote(name), note }));
  }
  if (status === 429 || status === 503) {
    return failed(t("folder.throttled", { note }));
  }
  if (status >= 500) {
    return failed(t("folder.serverError", { note }));
  }
  return failed(t("folder.rejected", { note }));
}

/** `POST {mailbox}/mailFolders/{id}/permanentDelete`, as a one-member `$batch`. */
export async function permanentDeleteFolder(
  graph: Pick<GraphClient, "batch">,
  mailbox: MailboxRef,
  folder: { id: string; displayName: string },
  options: FolderDeleteOptions = {},
): Promise<FolderDeleteOutcome> {
  const retry: FolderRetry = {
    maxRetries: (options.maxAttempts ?? 4) - 1,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 60_000,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  };
  const member = folderDeleteMember(mailbox, folder.id);
  // Set once a request may have reached Exchange without a readable 204 (a 504 at the gateway, retried by the
  // client or answered in the batch): from then on nothing may read "nothing was deleted".
  let uncertain = false;
  for (let attempt = 1; ; attempt++) {
    let result: BatchResult;
    try {
      result = await graph.batch([member], options.signal ? { signal: options.signal } : {});
    } catch (error) {
      // The sign-in failed after a send that may have deleted the folder: say so instead of the sign-in state.
      if (error instanceof AuthError && error.mayHaveRun) {
        return {
          status: "failed",
          message: `${t("folder.maybeDeleted", { name: quote(folder.displayName), note: "" })} ${error.message}`,
        };
      }
      throw error;
    }
    if (result.ok ? result.uncertain : !result.failure.nothingRan) uncertain = true;
    const sent: Sent = { attempt, retry, folderName: folder.displayName, uncertain };
    const step = result.ok
      ? afterAnswer(result.responses.get("1"), sent)
      : afterFailedBatch(result.failure, sent);
    if (step.kind === "end") return step.outcome;
    if (!(await waitUnlessCancelled(options.sleep ?? defaultSleep, step.delayMs, options.signal))) {
      return withUncertainty({ status: "failed", message: t("folder.cancelled") }, step.note, sent);
    }
  }
}

/** When to send again: the core's one rule (graph/retry.ts's nextTry), and the clock for an HTTP-date. */
interface FolderRetry extends RetryLimits {
  now: () => number;
}

/** One send of the folder's delete, as the answer to it is judged. */
interface Sent {
  /** 1 for the first send. */
  attempt: number;
  retry: FolderRetry;
  folderName: string;
  /** A send so far may have reached Exchange without a readable 204. */
  uncertain: boolean;
}

/** What to do after an answer: end with this outcome, or send again after a wait (`note` for a cancel then). */
type Step = { kind: "end"; outcome: FolderDeleteOutcome } | { kind: "retry"; delayMs: number; note: string };

/** Same member shape as an item delete: a body-less POST action needs Content-Type and {} inside a batch. */
function folderDeleteMember(mailbox: MailboxRef, folderId: string): BatchRequest {
  return {
    id: "1",
    method: "POST",
    url: `${mailboxPath(mailbox).replace(/^\/v1\.0/, "")}/mailFolders/${encodeURIComponent(folderId)}/permanentDelete`,
    headers: { "Content-Type": "application/json" },
    body: {},
  };
}

/** The batch itself failed: a 401 after the refresh, a whole refusal (429/503: again after a wait), or the wire. */
function afterFailedBatch(failure: BatchFailure, sent: Sent): Step {
  const note = failure.status ? t("folder.note.status", { status: String(failure.status) }) : "";
  const end = (outcome: FolderDeleteOutcome): Step => ({
    kind: "end",
    outcome: withUncertainty(outcome, note, sent),
  });
  if (failure.problem.kind === "unauthorized")
    return end({ status: "failed", message: t("folder.unauthorized") });
  const refused = failure.nothingRan && (failure.status === 429 || failure.status === 503);
  const next = refused ? nextTry(failure.retryAfterMs, sent.attempt - 1, sent.retry) : undefined;
  if (next?.retry) return { kind: "retry", delayMs: next.delayMs, note };
  return end(
    failure.nothingRan
      ? { status: "failed", message: t("folder.notReached", { note }) }
      : { status: "failed", message: t("folder.connectionFailed") },
  );
}

/**
 * Graph's answer to the member: 429/503 again after its Retry-After (always readable in a batch) or a backoff,
 * unless that is beyond the longest wait; anything else is the outcome.
 */
function afterAnswer(answer: BatchMemberResult | undefined, sent: Sent): Step {
  if (answer?.kind !== "answered") {
    return { kind: "end", outcome: { status: "failed", message: t("folder.unreadable") } };
  }
  const code = errorCode(answer.body);
  const note = code
    ? t("folder.note.code", { code })
    : t("folder.note.status", { status: String(answer.status) });
  if (answer.status === 429 || answer.status === 503) {
    const after = parseRetryAfter(answer.headers["retry-after"] ?? null, sent.retry.now());
    const next = nextTry(after, sent.attempt - 1, sent.retry);
    if (next.retry) return { kind: "retry", delayMs: next.delayMs, note };
  }
  // A 504 inside the batch: the gateway gave up, Exchange may still have deleted it.
  const uncertain = sent.uncertain || answer.status === 504;
  const outcome = folderOutcomeFor(answer.status, code, sent.folderName);
  return { kind: "end", outcome: withUncertainty(outcome, note, { ...sent, uncertain }) };
}

/** After a send that may have deleted the folder, no outcome says nothing was deleted. */
function withUncertainty(
  outcome: FolderDeleteOutcome,
  note: string,
  { uncertain, folderName }: Pick<Sent, "uncertain" | "folderName">,
): FolderDeleteOutcome {
  if (!uncertain || outcome.status === "deleted") return outcome;
  if (outcome.status === "already-gone") {
    return { status: "already-gone", message: t("folder.goneUncertain", { name: quote(folderName) }) };
  }
  return { ...outcome, message: t("folder.maybeDeleted", { name: quote(folderName), note }) };
}

/** False when the wait was cancelled. */
async function waitUnlessCancelled(
  sleep: NonNullable<FolderDeleteOptions["sleep"]>,
  ms: number,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  try {
    await sleep(ms, signal);
  } catch {
    return false;
  }
  return !signal?.aborted;
}

function errorCode(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const error = (body as { error?: { code?: unknown } }).error;
  return typeof error?.code === "string" ? error.code : undefined;
}

/** What the folder view needs to delete custom folders outright, bound to one Graph client and mailbox. */
export interface FolderActions {
  wellKnownIds(): Promise<Map<string, string>>;
  describe(folderId: string): Promise<FolderTree>;
  permanentDelete(
    folder: { id: string; displayName: string },
    options?: FolderDeleteOptions,
  ): Promise<FolderDeleteOutcome>;
}

export function createFolderActions(
  graph: Pick<GraphClient, "getJson" | "batch">,
  mailbox: MailboxRef,
): FolderActions {
  return {
    wellKnownIds: () => wellKnownFolderIds(graph, mailbox),
    describe: (folderId) => describeFolderTree(graph, mailbox, folderId),
    permanentDelete: (folder, options) => permanentDeleteFolder(graph, mailbox, folder, options),
  };
}
