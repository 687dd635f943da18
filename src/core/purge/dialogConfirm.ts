/**
 * Confirmation through an Office dialog, for the ribbon command (DialogApi 1.2: the item list goes to the page
 * with messageChild, so subjects never travel in a URL). The page answers yes or no; this side checks that the
 * answer is well-formed, comes from our origin, carries our nonce and names exactly the IDs shown. Anything
 * else voids the confirmation. Outlook doesn't always raise DialogEventReceived (e.g. a dialog timing out in
 * Outlook on the web), so the wait has its own deadline.
 */
import { type DialogSession, fromOwnOrigin, openDialog } from "../office/dialog";
import {
  ConfirmationRejected,
  type FromPage,
  newNonce,
  parseFromPage,
  type ShownEvent,
  type ShownItem,
} from "./protocol";
import type { ConfirmationAnswer, ConfirmationRequest, EventDetails, PurgeTarget } from "./types";

export { ConfirmationRejected };

export interface DialogConfirmOptions {
  origin: string;
  /** How long to wait for the page to load and for the person to answer. */
  timeoutMs: number;
  open?: typeof openDialog;
}

function toShownEvent(event: EventDetails): ShownEvent {
  return {
    start: event.start ? event.start.toISOString() : "",
    end: event.end ? event.end.toISOString() : "",
    recurrence: event.recurrence,
    organizerName: event.organizer?.name ?? "",
    organizerAddress: event.organizer?.address ?? "",
    isOrganizer: event.isOrganizer,
    ...(event.hasAttendees === undefined ? {} : { hasAttendees: event.hasAttendees }),
  };
}

export function toShownItem(target: PurgeTarget): ShownItem {
  return {
    id: target.ref.id,
    subject: target.subject,
    fromName: target.from?.name ?? "",
    fromAddress: target.from?.address ?? "",
    received: target.received ? target.received.toISOString() : "",
    // The page names the mailbox a shared or delegated item belongs to, so nobody purges in the wrong one.
    ...(target.ref.mailbox.kind === "user" ? { mailbox: target.ref.mailbox.id } : {}),
    // Events: the page must say whether one occurrence or the whole series goes.
    ...(target.event ? { event: toShownEvent(target.event) } : {}),
  };
}

type Next = { kind: "message"; message: FromPage } | { kind: "closed"; code: number } | { kind: "timeout" };

async function nextFromPage(
  session: DialogSession,
  origin: string,
  deadline: Promise<"timeout">,
): Promise<Next> {
  const event = await Promise.race([session.next(), deadline]);
  if (event === "timeout") return { kind: "timeout" };
  if (event.type === "closed") return { kind: "closed", code: event.code };
  // Another origin, or none where the host reports origins (DialogOrigin 1.1): not our page's answer.
  if (!fromOwnOrigin(session, event.origin, origin)) {
    throw new ConfirmationRejected("A message came from another origin.");
  }
  const message = parseFromPage(event.message);
  if (!message) throw new ConfirmationRejected("The confirmation page sent a message of the wrong shape.");
  return { kind: "message", message };
}

export async function confirmInDialog(
  request: ConfirmationRequest,
  options: DialogConfirmOptions,
): Promise<ConfirmationAnswer> {
  const open = options.open ?? openDialog;
  // A UI-only page: Outlook on the web shows it in an iframe, which avoids pop-up blockers.
  const session = await open(new URL("/dialog/confirm.html", options.origin).href, {
    height: 45,
    width: 35,
    displayInIframe: true,
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), options.timeoutMs);
  });
  const nonce = newNonce();
  try {
    const first = await nextFromPage(session, options.origin, deadline);
    if (first.kind === "timeout") return { confirmed: false, reason: "timed-out" };
    if (first.kind === "closed") return { confirmed: false, reason: "closed" };
    if (first.message.type !== "ready")
      throw new ConfirmationRejected("The page answered before it was shown anything.");
    session.send(JSON.stringify({ type: "show", nonce, items: request.targets.map(toShownItem) }));

    const second = await nextFromPage(session, options.origin, deadline);
    if (second.kind === "timeout") return { confirmed: false, reason: "timed-out" };
    if (second.kind === "closed") return { confirmed: false, reason: "closed" };
    const answer = second.message;
    if (answer.type !== "answer" || answer.nonce !== nonce) {
      throw new ConfirmationRejected("The answer doesn't belong to this confirmation.");
    }
    return answer.confirmed
      ? { confirmed: true, ids: answer.ids }
      : { confirmed: false, reason: "cancelled" };
  } finally {
    clearTimeout(timer);
    session.close();
  }
}
