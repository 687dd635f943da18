/**
 * Office dialogs (DialogApi 1.1 to open, 1.2 for messageChild). One dialog per page at a time: Outlook answers
 * 12007 while another is open, and `close()` has no callback, so the wrapper keeps its own "open" flag.
 * Errors keep Office's code; `dialogProblem` turns each into a sentence with what to do.
 */
import { officeCall } from "./async";
import { OfficeApiError } from "./errors";
import { isSupported, REFINEMENTS } from "./requirements";

export { dialogProblem } from "./errors";

export type DialogEvent =
  | { type: "message"; message: string; origin: string | undefined }
  | { type: "closed"; code: number };

export interface DialogSession {
  /**
   * The host implements DialogOrigin 1.1, so every DialogMessageReceived carries the sender's origin: a message
   * without one is then not from our page and is refused (see fromOwnOrigin).
   */
  readonly originReported: boolean;
  /** Sends a message to the dialog page (DialogApi 1.2 messageChild). */
  send(message: string): void;
  /** The next message or event from the dialog, in order. */
  next(): Promise<DialogEvent>;
  close(): void;
}

export interface DialogOptions {
  height: number;
  width: number;
  displayInIframe?: boolean;
}

let openDialogs = 0;

/**
 * Whether a dialog message counts as coming from the add-in's own page (`origin`).
 *
 * Office.js gives DialogMessageReceived an `origin` on every client that supports DialogOrigin 1.1 and leaves it
 * undefined only on clients without that set (office-js typings for Dialog.addEventHandler; "Dialog Origin
 * requirement sets" on learn.microsoft.com). So where the set is supported an undefined origin is refused like a
 * foreign one. Where it isn't (older Outlook on Mac and Windows builds), undefined is accepted on purpose: those
 * clients deliver messageParent only from a page in the add-in's own domain (cross-domain messaging to the host
 * runtime came with DialogOrigin 1.1; "Use the Office dialog API", "Best practices and rules for the Office dialog
 * API"), so the host itself has checked the sender. The confirmation's nonce and exact IDs still bind the answer.
 */
export function fromOwnOrigin(
  session: Pick<DialogSession, "originReported">,
  messageOrigin: string | undefined,
  origin: string,
): boolean {
  if (messageOrigin === undefined) return !session.originReported;
  return messageOrigin === origin;
}

export function isDialogOpen(): boolean {
  return openDialogs > 0;
}

export async function openDialog(url: string, options: DialogOptions): Promise<DialogSession> {
  if (openDialogs > 0) {
    throw new OfficeApiError("displayDialogAsync", 12007, "DialogAlreadyOpened", "A dialog is already open.");
  }
  openDialogs += 1;
  let dialog: Office.Dialog;
  try {
    dialog = await officeCall<Office.Dialog>("displayDialogAsync", (cb) =>
      Office.context.ui.displayDialogAsync(
        url,
        { height: options.height, width: options.width, displayInIframe: options.displayInIframe ?? false },
        cb,
      ),
    );
  } catch (error) {
    openDialogs -= 1;
    throw error;
  }

  const queue: DialogEvent[] = [];
  const waiters: ((event: DialogEvent) => void)[] = [];
  let closed = false;
  const push = (event: DialogEvent) => {
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  };
  const release = () => {
    if (!closed) {
      closed = true;
      openDialogs -= 1;
    }
  };

  dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
    if ("message" in arg) push({ type: "message", message: String(arg.message), origin: arg.origin });
  });
  dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
    if ("error" in arg) {
      release();
      push({ type: "closed", code: arg.error });
    }
  });

  return {
    originReported: isSupported(REFINEMENTS.dialogOrigin),
    send(message) {
      if (!closed) dialog.messageChild(message);
    },
    next() {
      const event = queue.shift();
      if (event) return Promise.resolve(event);
      return new Promise<DialogEvent>((resolve) => waiters.push(resolve));
    },
    close() {
      if (closed) return;
      release();
      try {
        dialog.close();
      } catch {
        // The dialog may already be gone (the person closed it); nothing else to do.
      }
    },
  };
}
