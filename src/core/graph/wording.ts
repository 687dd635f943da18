/**
 * The sentences people read. Each says what happened and what to do, never claims a deletion that was not
 * confirmed by a 204, and names Graph's error code where there is one. No ids, subjects or tokens.
 */
import type { ItemKind, ItemRef } from "./types";

/** What the failed call was for: deleting one item, or reading (getJson). */
export type Subject = { op: "delete"; item: ItemRef } | { op: "read" };

const NOUN: Record<ItemKind, string> = { message: "message", contact: "contact", event: "event" };
const STILL_THERE: Record<ItemKind, string> = {
  message: "still in the folder",
  contact: "still in the contacts",
  event: "still in the calendar",
};
const DELEGATED_SCOPE: Record<ItemKind, string> = {
  message: "Mail.ReadWrite",
  contact: "Contacts.ReadWrite",
  event: "Calendars.ReadWrite",
};

/** " (Graph error X)" or "" — appended inside the first sentence. */
export function codeNote(code: string | undefined): string {
  return code === undefined ? "" : ` (Graph error ${code})`;
}

function statusNote(status: number, code: string | undefined): string {
  return code === undefined ? ` (HTTP ${status})` : ` (HTTP ${status}, Graph error ${code})`;
}

/**
 * "The message was not deleted." — unless an earlier attempt may have reached Exchange (a 504 or a dropped
 * connection), in which case only the person can tell by looking.
 */
function notDeleted(kind: ItemKind, uncertain: boolean, then: string): string {
  const noun = NOUN[kind];
  return uncertain
    ? `An earlier attempt may already have deleted the ${noun}; if it is ${STILL_THERE[kind]}, ${then}.`
    : `The ${noun} was not deleted; ${then}.`;
}

export function unauthorized(code: string | undefined): string {
  return `Your sign-in has expired or was revoked${codeNote(code)}. Sign in again, then retry.`;
}

export function forbidden(subject: Subject, code: string | undefined): string {
  const note = codeNote(code ?? "unknown");
  if (subject.op === "read") {
    if (code === "Authorization_RequestDenied") {
      return `Your organization's consent settings or policies don't allow the add-in to do this${note}. Ask an administrator to grant consent.`;
    }
    return `Microsoft Graph refused to let the add-in read this${note}. The add-in may lack permission for this mailbox; an administrator may need to grant consent.`;
  }
  const { item } = subject;
  const noun = NOUN[item.kind];
  switch (code) {
    case "ErrorAccessDenied":
      if (item.mailbox.kind === "me") {
        return `The add-in isn't allowed to delete this ${noun}${note}. It needs the delegated ${DELEGATED_SCOPE[item.kind]} permission, and an administrator may need to grant consent. Nothing was deleted.`;
      }
      // The add-in got a token carrying the .Shared scope for this call (no token, no request), so consent is in
      // place: Exchange refuses because the person lacks rights on that mailbox or folder. Said apart from consent.
      return `You don't have delete rights on that mailbox, so Exchange refused to delete this ${noun}${note}. The add-in's ${DELEGATED_SCOPE[item.kind]}.Shared permission is granted; what is missing is your own permission on the mailbox. Nothing was deleted; ask the mailbox's owner or an administrator for Full Access or "Delete all" rights.`;
    case "Authorization_RequestDenied":
      return `Your organization's consent settings or policies don't allow the add-in to delete this ${noun}${note}. Ask an administrator to grant consent. Nothing was deleted.`;
    case "ErrorCannotDeleteObject":
      return `Exchange refused to delete this ${noun}${note}: it may already be in Recoverable Items, or a retention label may protect it. Nothing was deleted.`;
    default:
      return `Microsoft Graph refused to delete this ${noun}${note}. Nothing was deleted; ask an administrator if you should have access.`;
  }
}

export function alreadyGone(kind: ItemKind, uncertain: boolean): string {
  const noun = NOUN[kind];
  if (uncertain) {
    // A 404 after a 504: our own earlier attempt most likely purged it, but no 204 confirms that.
    return `This ${noun} is no longer where it was. An earlier attempt got no answer in time, so that attempt probably deleted it.`;
  }
  return `This ${noun} is no longer where it was (deleted or moved elsewhere). Nothing was purged.`;
}

export function wrongMailbox(kind: ItemKind, code: string, mailbox?: ItemRef["mailbox"]): string {
  const noun = NOUN[kind];
  if (mailbox?.kind === "user") {
    return `This ${noun} belongs to a different mailbox than the shared one the add-in addressed${codeNote(code)}. Nothing was deleted; open it again from the folder it is in and retry.`;
  }
  return `This ${noun} belongs to a different mailbox than yours (a shared or delegated one)${codeNote(code)}, and Outlook didn't say whose, so the add-in won't guess. Nothing was deleted; open the ${noun} on its own in that mailbox's folder and delete it from there.`;
}

export function notFoundRead(code: string | undefined): string {
  return `Microsoft Graph couldn't find what the add-in asked for${codeNote(code)}: it may have been deleted or moved.`;
}

export function malformedId(subject: Subject, code: string): string {
  const noun = subject.op === "delete" ? NOUN[subject.item.kind] : "item";
  const tail = subject.op === "delete" ? ` Nothing was deleted; select the ${noun} again and retry.` : "";
  return `Outlook gave the add-in an item ID that Microsoft Graph can't read${codeNote(code)}.${tail}`;
}

export function badRequest(subject: Subject, status: number, code: string | undefined): string {
  const tail = subject.op === "delete" ? ` The ${NOUN[subject.item.kind]} was not deleted.` : "";
  return `Microsoft Graph rejected the add-in's request${statusNote(status, code)}.${tail}`;
}

export function unexpectedSuccess(subject: Subject, status: number): string {
  if (subject.op === "read") {
    return `Microsoft Graph answered HTTP ${status} with content the add-in can't read. Try again; if it keeps happening, contact support.`;
  }
  const { kind } = subject.item;
  return `Microsoft Graph answered HTTP ${status} instead of 204 No Content, so the add-in can't confirm the ${NOUN[kind]} was deleted. If it is ${STILL_THERE[kind]}, try again.`;
}

export function unexpectedStatus(subject: Subject, status: number, code: string | undefined): string {
  const tail = subject.op === "delete" ? ` The ${NOUN[subject.item.kind]} was not deleted.` : "";
  return `Microsoft Graph gave an answer the add-in doesn't expect${statusNote(status, code)}.${tail}`;
}

export function throttledTooLong(
  subject: Subject,
  retryAfterMs: number,
  code: string | undefined,
  uncertain: boolean,
): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  const wait = `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const first = `Microsoft Graph asked the add-in to wait ${wait} before trying again${codeNote(code)}.`;
  if (subject.op === "read") return `${first} Try again after that.`;
  return `${first} ${notDeleted(subject.item.kind, uncertain, "try again after that")}`;
}

export function throttled(subject: Subject, code: string | undefined, uncertain: boolean): string {
  const first = `Microsoft Graph is limiting the add-in's requests right now${codeNote(code)}.`;
  if (subject.op === "read") return `${first} Try again in a few minutes.`;
  return `${first} ${notDeleted(subject.item.kind, uncertain, "try again in a few minutes")}`;
}

export function unavailable(
  subject: Subject,
  status: number,
  code: string | undefined,
  uncertain: boolean,
): string {
  if (status === 504) {
    // A gateway timeout says nothing about whether Exchange carried the request out.
    const first = `Microsoft Graph didn't answer in time${statusNote(status, code)}.`;
    if (subject.op === "read") return `${first} Try again in a few minutes.`;
    const { kind } = subject.item;
    return `${first} The ${NOUN[kind]} may or may not have been deleted; if it is ${STILL_THERE[kind]}, try again in a few minutes.`;
  }
  const first = `Microsoft Graph is temporarily unavailable${statusNote(status, code)}.`;
  if (subject.op === "read") return `${first} Try again in a few minutes.`;
  return `${first} ${notDeleted(subject.item.kind, uncertain, "try again in a few minutes")}`;
}

export function serverError(subject: Subject, status: number, code: string | undefined): string {
  const first = `Microsoft Graph had a server error${statusNote(status, code)}.`;
  if (subject.op === "read") return `${first} Try again later.`;
  const { kind } = subject.item;
  return `${first} If the ${NOUN[kind]} is ${STILL_THERE[kind]}, it was not deleted; try again later.`;
}

/**
 * fetch rejected. `beforeSend` is true only when the cause proves no byte reached Graph (refused connection,
 * DNS, TLS); a browser's bare "Failed to fetch" proves nothing, so the sentence stays conditional.
 */
export function network(subject: Subject, beforeSend: boolean, uncertain: boolean): string {
  if (subject.op === "read") return "Couldn't reach Microsoft Graph. Check your connection and try again.";
  const { kind } = subject.item;
  const noun = NOUN[kind];
  if (beforeSend && !uncertain) {
    return `Couldn't reach Microsoft Graph. Check your connection and try again. The ${noun} was not deleted.`;
  }
  return `Couldn't reach Microsoft Graph, or the connection dropped before it answered. Check your connection; the ${noun} may or may not have been deleted; if it is ${STILL_THERE[kind]}, try again.`;
}

export function timeout(subject: Subject, timeoutMs: number): string {
  const seconds = Math.max(1, Math.round(timeoutMs / 1000));
  const first = `Microsoft Graph didn't answer within ${seconds} second${seconds === 1 ? "" : "s"}.`;
  if (subject.op === "read") return `${first} Check your connection and try again.`;
  const { kind } = subject.item;
  return `${first} The ${NOUN[kind]} may or may not have been deleted; if it is ${STILL_THERE[kind]}, try again.`;
}

export function aborted(subject: Subject, requestMayHaveArrived: boolean): string {
  if (subject.op === "read") return "Cancelled.";
  const { kind } = subject.item;
  const noun = NOUN[kind];
  if (requestMayHaveArrived) {
    return `Cancelled while the request was under way. The ${noun} may or may not have been deleted; if it is ${STILL_THERE[kind]}, try again.`;
  }
  return `Cancelled. The ${noun} was not deleted.`;
}

export function missingId(kind: ItemKind): string {
  return `The add-in has no usable ID for this ${NOUN[kind]}. Nothing was deleted; select it again and retry.`;
}

export function foreignLink(): string {
  return "Microsoft Graph pointed the add-in to another site; the add-in did not follow it, to keep your sign-in safe.";
}
