/**
 * Office dialogs (DialogApi 1.1 to open, 1.2 for messageChild). One dialog per page at a time: Outlook answers
 * 12007 while another is open, and `close()` has no callback, so the wrapper keeps its own "open" flag.
 * Errors keep Office's code; `dialogProblem` turns each into a sentence with what to do.
 */
import { officeCall } from "./async";
import { OfficeApiError } from "./errors";

export { dialogProblem } from "./errors";

export type DialogEvent =
  | { type: "message"; message: string; origin: string | undefined }
  | { type: "closed"; code: number };

export interface DialogSession {
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
