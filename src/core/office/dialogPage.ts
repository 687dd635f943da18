/**
 * For the add-in's own dialog pages (confirmation, sign-in): messages to the page that opened them. Where the
 * host supports DialogOrigin 1.1 the message names its recipient, the add-in's own origin (`targetOrigin`), so
 * Office delivers it to no other page, as postMessage would with an explicit target. Hosts without the set take
 * no options (passing them requires DialogOrigin 1.1) and deliver only between pages of the add-in's own domain.
 */
export function messageOwnParent(message: string, ownOrigin: string): void {
  let withTarget = false;
  try {
    withTarget = Office.context.requirements.isSetSupported("DialogOrigin", "1.1");
  } catch {
    withTarget = false;
  }
  if (withTarget) Office.context.ui.messageParent(message, { targetOrigin: ownOrigin });
  else Office.context.ui.messageParent(message);
}
