/**
 * The sentences people read about Graph failures. Each says what happened and what to do, never claims a deletion
 * that was not confirmed by a 204, and names Graph's error code where there is one. No ids, subjects or tokens.
 * The words are in the active catalogue (src/core/i18n); these functions choose the sentence and fill it.
 * graphReports.ts picks the function for a typed problem from the Graph client.
 */
import type { ItemKind, ItemRef } from "../graph/types";
import { t } from "../i18n";
import { isOne } from "../i18n/plural";

/** What the failed call was for: deleting one item, or reading (getJson). */
export type Subject = { op: "delete"; item: ItemRef } | { op: "read" };

const DELEGATED_SCOPE: Record<ItemKind, string> = {
  message: "Mail.ReadWrite",
  contact: "Contacts.ReadWrite",
  event: "Calendars.ReadWrite",
};

/** The grammatical forms of an item kind's noun that sentences take ({theNom}, {thisAcc}, {it}, …). */
export function nounForms(kind: ItemKind) {
  return {
    theNom: t(`noun.${kind}.theNom` as const),
    theAcc: t(`noun.${kind}.theAcc` as const),
    TheNom: t(`noun.${kind}.TheNom` as const),
    thisNom: t(`noun.${kind}.thisNom` as const),
    thisAcc: t(`noun.${kind}.thisAcc` as const),
    ThisNom: t(`noun.${kind}.ThisNom` as const),
    it: t(`noun.${kind}.it` as const),
    itAcc: t(`noun.${kind}.itAcc` as const),
    stillThere: t(`noun.${kind}.stillThere` as const),
  };
}

/** " (Graph error X)" or "" — appended inside the first sentence. */
export function codeNote(code: string | undefined): string {
  return code === undefined ? "" : t("graph.codeNote", { code });
}

function statusNote(status: number, code: string | undefined): string {
  return code === undefined
    ? t("graph.statusNote", { status: String(status) })
    : t("graph.statusCodeNote", { status: String(status), code });
}

type Then = "afterThat" | "fewMinutes" | "again";

/**
 * "The message was not deleted." — unless an earlier attempt may have reached Exchange (a 504 or a dropped
 * connection), in which case only the person can tell by looking.
 */
function notDeleted(kind: ItemKind, uncertain: boolean, next: Then): string {
  const params = { ...nounForms(kind), advice: t(`graph.then.${next}` as const) };
  return uncertain ? t("graph.notDeletedUncertain", params) : t("graph.notDeleted", params);
}

function maybeDeleted(kind: ItemKind, next: Then): string {
  return t("graph.maybeDeleted", { ...nounForms(kind), advice: t(`graph.then.${next}` as const) });
}

export function unauthorized(code: string | undefined): string {
  return t("graph.unauthorized", { note: codeNote(code) });
}

export function forbidden(subject: Subject, code: string | undefined): string {
  const note = codeNote(code ?? "unknown");
  if (subject.op === "read") {
    if (code === "Authorization_RequestDenied") return t("graph.forbidden.readConsent", { note });
    return t("graph.forbidden.read", { note });
  }
  const { item } = subject;
  const params = { ...nounForms(item.kind), note, scope: DELEGATED_SCOPE[item.kind] };
  switch (code) {
    case "ErrorAccessDenied":
      if (item.mailbox.kind === "me") return t("graph.forbidden.accessDenied", params);
      // The add-in got a token carrying the .Shared scope for this call (no token, no request), so consent is in
      // place: Exchange refuses because the person lacks rights on that mailbox or folder. Said apart from consent.
      return t("graph.forbidden.accessDeniedShared", params);
    case "Authorization_RequestDenied":
      return t("graph.forbidden.consent", params);
    case "ErrorCannotDeleteObject":
      return t("graph.forbidden.cannotDelete", params);
    default:
      return t("graph.forbidden.other", params);
  }
}

/**
 * A 404 for a delete: the item wasn't where its ID pointed. Never worded as "gone": it may have moved, or (in a shared
 * or delegated mailbox) be out of the person's reach, which Exchange answers the same way. Uncertain: a 404 after a
 * 504 or a lost answer: our own earlier attempt most likely purged it, but no 204 confirms that.
 */
export function notFound(item: Pick<ItemRef, "kind" | "mailbox">, uncertain: boolean): string {
  const params = nounForms(item.kind);
  if (uncertain) return t("graph.notFoundUncertain", params);
  return item.mailbox.kind === "user"
    ? t("graph.notFound.shared", { ...params, mailbox: item.mailbox.id })
    : t("graph.notFound.own", params);
}

/** 404 MailboxNotEnabledForRESTAPI: Graph can't serve the mailbox at all (on-premises, inactive, unlicensed). */
export function mailboxNotEnabled(kind: ItemKind): string {
  return t("graph.mailboxNotEnabled", nounForms(kind));
}

export function wrongMailbox(kind: ItemKind, code: string, mailbox?: ItemRef["mailbox"]): string {
  const params = { ...nounForms(kind), note: codeNote(code) };
  return mailbox?.kind === "user"
    ? t("graph.wrongMailbox.shared", params)
    : t("graph.wrongMailbox.other", params);
}

export function notFoundRead(code: string | undefined): string {
  return t("graph.notFoundRead", { note: codeNote(code) });
}

export function malformedId(subject: Subject, code: string): string {
  const tail = subject.op === "delete" ? t("graph.malformedIdTail", nounForms(subject.item.kind)) : "";
  return t("graph.malformedId", { note: codeNote(code) }) + tail;
}

function notDeletedTail(subject: Subject): string {
  return subject.op === "delete" ? t("graph.notDeletedTail", nounForms(subject.item.kind)) : "";
}

export function badRequest(subject: Subject, status: number, code: string | undefined): string {
  return t("graph.badRequest", { note: statusNote(status, code) }) + notDeletedTail(subject);
}

export function unexpectedSuccess(subject: Subject, status: number): string {
  if (subject.op === "read") return t("graph.unexpectedSuccess.read", { status: String(status) });
  return t("graph.unexpectedSuccess.delete", { ...nounForms(subject.item.kind), status: String(status) });
}

export function unexpectedStatus(subject: Subject, status: number, code: string | undefined): string {
  return t("graph.unexpectedStatus", { note: statusNote(status, code) }) + notDeletedTail(subject);
}

export function throttledTooLong(
  subject: Subject,
  retryAfterMs: number,
  code: string | undefined,
  uncertain: boolean,
): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = isOne(minutes) ? t("graph.wait.one", { minutes }) : t("graph.wait.other", { minutes });
  const first = t("graph.throttledTooLong", { wait, note: codeNote(code) });
  if (subject.op === "read") return `${first} ${t("common.tryAfterThat")}`;
  return `${first} ${notDeleted(subject.item.kind, uncertain, "afterThat")}`;
}

export function throttled(subject: Subject, code: string | undefined, uncertain: boolean): string {
  const first = t("graph.throttled", { note: codeNote(code) });
  if (subject.op === "read") return `${first} ${t("common.tryFewMinutes")}`;
  return `${first} ${notDeleted(subject.item.kind, uncertain, "fewMinutes")}`;
}

export function unavailable(
  subject: Subject,
  status: number,
  code: string | undefined,
  uncertain: boolean,
): string {
  if (status === 504) {
    // A gateway timeout says nothing about whether Exchange carried the request out.
    const first = t("graph.gatewayTimeout", { note: statusNote(status, code) });
    if (subject.op === "read") return `${first} ${t("common.tryFewMinutes")}`;
    return `${first} ${maybeDeleted(subject.item.kind, "fewMinutes")}`;
  }
  const first = t("graph.unavailable", { note: statusNote(status, code) });
  if (subject.op === "read") return `${first} ${t("common.tryFewMinutes")}`;
  return `${first} ${notDeleted(subject.item.kind, uncertain, "fewMinutes")}`;
}

export function serverError(subject: Subject, status: number, code: string | undefined): string {
  const first = t("graph.serverError", { note: statusNote(status, code) });
  if (subject.op === "read") return `${first} ${t("common.tryLater")}`;
  return `${first} ${t("graph.serverErrorTail", nounForms(subject.item.kind))}`;
}

/**
 * fetch rejected. `beforeSend` is true only when the cause proves no byte reached Graph (refused connection,
 * DNS, TLS); a browser's bare "Failed to fetch" proves nothing, so the sentence stays conditional.
 */
export function network(subject: Subject, beforeSend: boolean, uncertain: boolean): string {
  if (subject.op === "read") return t("graph.network");
  const { kind } = subject.item;
  if (beforeSend && !uncertain) return t("graph.network") + t("graph.notDeletedTail", nounForms(kind));
  return t("graph.networkUncertain", nounForms(kind));
}

export function timeout(subject: Subject, timeoutMs: number): string {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  const first = isOne(seconds) ? t("graph.timeout.one", { seconds }) : t("graph.timeout.other", { seconds });
  if (subject.op === "read") return `${first} ${t("common.checkConnection")}`;
  return `${first} ${maybeDeleted(subject.item.kind, "again")}`;
}

export function aborted(subject: Subject, requestMayHaveArrived: boolean): string {
  if (subject.op === "read") return t("graph.cancelled");
  const { kind } = subject.item;
  if (requestMayHaveArrived) return `${t("graph.cancelledUnderWay")} ${maybeDeleted(kind, "again")}`;
  return t("graph.cancelledNotDeleted", nounForms(kind));
}

/** The run stopped (cancelled) before this item was sent. */
export function cancelledBeforeItem(): string {
  return t("graph.cancelledBeforeItem");
}

/** Sent once (no answer that says what happened), then the run stopped on `reason` (a sign-in that failed). */
export function maybeDeletedThenStopped(kind: ItemKind, reason: string): string {
  return `${maybeDeleted(kind, "again")} ${reason}`;
}

export function missingId(kind: ItemKind): string {
  return t("graph.missingId", nounForms(kind));
}

export function foreignLink(): string {
  return t("graph.foreignLink");
}

// Sentences the batch path needs beyond the single-request ones; same rules (no claim without a 204).

/** A batch answer that did not say what happened to this member (missing, repeated, unreadable). */
export function unknownOutcomeMessage(kind: ItemKind): string {
  return t("graph.unknownOutcome", nounForms(kind));
}

/** Items kept waiting on 424 answers (a request before them in the batch failed) more times than we allow. */
export function dependencyMessage(kind: ItemKind): string {
  return t("graph.dependency", nounForms(kind));
}
