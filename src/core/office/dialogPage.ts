/**
 * For the add-in's own dialog pages (confirmation, sign-in): messages to the page that opened them. Where the
 * host supports DialogOrigin 1.1 the message names its recipient, the add-in's own origin (`targetOrigin`), so
 * Office delivers it to no other page, as postMessage would with an explicit target. Hosts without the set take
 * no options (passing them requires DialogOrigin 1.1) and deliver only between pages of the add-in's own domain.
 */
import { isSupported, REFINEMENTS } from "./requirements";

export function messageOwnParent(message: string, ownOrigin: string): void {
  if (isSupported(REFINEMENTS.dialogOrigin))
    Office.context.ui.messageParent(message, { targetOrigin: ownOrigin });
  else Office.context.ui.messageParent(message);
}

/**
 * Whether a message from the parent (DialogParentMessageReceived) comes from the add-in's own origin: the same rule
 * as the parent applies to the dialog's messages (office/dialog.ts fromOwnOrigin). Office.js sets `origin` on every
 * client with DialogOrigin 1.1, so there a message without one is refused; clients without the set deliver only
 * between the add-in's own pages, so there none is accepted.
 */
export function fromOwnParent(messageOrigin: unknown, ownOrigin: string): boolean {
  if (messageOrigin === undefined) return !isSupported(REFINEMENTS.dialogOrigin);
  return messageOrigin === ownOrigin;
}
