// @vitest-environment jsdom
/**
 * The task pane as a person meets it: every state by role and visible text, the confirmation, every Graph
 * outcome, hostile subjects and the keyboard. Office, MSAL and Graph are replaced by fake PaneDeps.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AUTH_MESSAGES, AuthError } from "../core/auth/errors";
import type { ItemRef } from "../core/graph/types";
import { DraftNotSavedError, NoItemError, RequirementError } from "../core/office/errors";
import type { MailItem } from "../core/office/item";
import { REQUIREMENTS } from "../core/office/requirements";
import * as wording from "../core/purge/graphWording";
import type { MailFolder } from "../core/purge/mailData";
import type { DeleteReport, ItemResult, ProblemReport } from "../core/purge/types";
import { App } from "./App";
import type { BulkDeps } from "./bulk/bulkDeps";
import type { PaneDeps } from "./paneDeps";

/**
 * jsdom has no layout: `offsetParent` is always null and <body> measures 0x0, so tabster (Fluent's focus
 * manager) takes every element for invisible. It then finds nothing to focus in a dialog and lets Tab stall on
 * its guard elements. Give elements the offsetParent and the body the size a browser would, so focus moves
 * here as it does in Outlook.
 */
const realOffsetParent = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "offsetParent");
const realBodyRect = Object.getOwnPropertyDescriptor(HTMLBodyElement.prototype, "getBoundingClientRect");
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      for (let e: HTMLElement | null = this; e; e = e.parentElement) {
        if (e.hidden || getComputedStyle(e).display === "none") return null;
      }
      return this.parentElement;
    },
  });
  Object.defineProperty(HTMLBodyElement.prototype, "getBoundingClientRect", {
    configurable: true,
    value: () => new DOMRect(0, 0, 350, 700),
  });
});
afterAll(() => {
  if (realOffsetParent) Object.defineProperty(HTMLElement.prototype, "offsetParent", realOffsetParent);
  if (realBodyRect) Object.defineProperty(HTMLBodyElement.prototype, "getBoundingClientRect", realBodyRect);
  else Reflect.deleteProperty(HTMLBodyElement.prototype, "getBoundingClientRect");
});

const RECEIVED = new Date("2026-11-20T09:30:00Z");

function mailItem(overrides: Partial<MailItem> = {}): MailItem {
  return {
    kind: "message",
    restId: "AAMkAGI2TG93AAA-bc_de==",
    ewsId: "AAMkAGI2TG93AAA+bc/de==",
    mode: "read",
    subject: "Quarterly numbers",
    from: { name: "Megan Bowen", address: "megan@contoso.com" },
    received: RECEIVED,
    mailbox: { kind: "me" },
    ...overrides,
  };
}

const OTHER_ITEM = mailItem({
  restId: "AAMkOTHER-id==",
  ewsId: "AAMkOTHER+id==",
  subject: "Lunch on Friday",
  from: { name: "Adele Vance", address: "adele@contoso.com" },
});

interface Fake {
  deps: PaneDeps;
  readItem: ReturnType<typeof vi.fn<PaneDeps["readItem"]>>;
  deleteItem: ReturnType<typeof vi.fn<PaneDeps["deleteItem"]>>;
  signIn: ReturnType<typeof vi.fn<PaneDeps["signIn"]>>;
  checkSignIn: ReturnType<typeof vi.fn<PaneDeps["checkSignIn"]>>;
  /** What Outlook shows now; readItem returns it (or throws it when it is an Error). */
  current: MailItem | Error;
  /** Raises ItemChanged, as Outlook would after the person selects another message. */
  fireItemChanged(): void;
}

function fake(overrides: Partial<PaneDeps> = {}, current: MailItem | Error = mailItem()): Fake {
  const listeners: (() => void)[] = [];
  const f: Fake = {
    current,
    readItem: vi.fn(async () => {
      if (f.current instanceof Error) throw f.current;
      return f.current;
    }),
    deleteItem: vi.fn(async (): Promise<DeleteReport> => ({ status: "purged" })),
    signIn: vi.fn(async () => undefined),
    checkSignIn: vi.fn(async () => undefined),
    fireItemChanged: () => {
      for (const listener of listeners) listener();
    },
    deps: undefined as unknown as PaneDeps,
  };
  f.deps = {
    configProblem: undefined,
    readItem: f.readItem,
    watchItem: async (onChange) => {
      listeners.push(onChange);
      return () => listeners.splice(listeners.indexOf(onChange), 1);
    },
    checkSignIn: f.checkSignIn,
    signIn: f.signIn,
    deleteItem: f.deleteItem,
    ...overrides,
  };
  return f;
}

function renderPane(f: Fake) {
  const user = userEvent.setup();
  const view = render(<App deps={f.deps} locale="en-US" />);
  return { user, ...view };
}

/** The pane's own Delete button (the dialog has one with the same name). */
async function paneDeleteButton(): Promise<HTMLElement> {
  const main = await screen.findByRole("main");
  return within(main).findByRole("button", { name: "Delete permanently" });
}

/** Tabster marks the surface aria-hidden in jsdom, so the dialog is found among hidden elements. */
function findDialog(): Promise<HTMLElement> {
  return screen.findByRole("alertdialog", { hidden: true });
}

function queryDialog(): HTMLElement | null {
  return screen.queryByRole("alertdialog", { hidden: true });
}

function dialogButton(dialog: HTMLElement, name: string | RegExp): HTMLElement {
  return within(dialog).getByRole("button", { name, hidden: true });
}

/** A status bar (MessageBar, role group) by its title. */
function findBar(title: string): Promise<HTMLElement> {
  return screen.findByRole("group", { name: title });
}

async function openDialog(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(await paneDeleteButton());
  return findDialog();
}

async function confirmDelete(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  const dialog = await openDialog(user);
  await user.click(dialogButton(dialog, "Delete permanently"));
}

const REF: ItemRef = { kind: "message", id: mailItem().restId, mailbox: { kind: "me" } };

describe("task pane states", () => {
  it("shows a spinner while the item is being read", async () => {
    const f = fake({ readItem: () => new Promise<MailItem>(() => undefined) });
    renderPane(f);
    expect(screen.getByRole("progressbar", { name: /Reading the selected message/ })).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
    expect(screen.queryByRole("button", { name: "Delete permanently" })).not.toBeInTheDocument();
  });

  it("says to select a message when there is none", async () => {
    renderPane(fake({}, new NoItemError()));
    const bar = await findBar("Nothing to delete");
    expect(bar).toHaveTextContent("No message is selected. Select a message, then try again.");
    expect(bar).toHaveAttribute("data-intent", "info");
    expect(screen.queryByRole("button", { name: "Delete permanently" })).not.toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("asks to save an unsaved draft first", async () => {
    renderPane(fake({}, new DraftNotSavedError()));
    const bar = await findBar("Nothing to delete");
    expect(bar).toHaveTextContent(/Save the draft first/);
    expect(screen.queryByRole("button", { name: "Delete permanently" })).not.toBeInTheDocument();
  });

  it("names the requirement set this Outlook lacks", async () => {
    const { set, version, feature } = REQUIREMENTS.restIds;
    renderPane(fake({}, new RequirementError(set, version, feature)));
    const bar = await findBar("Not supported here");
    expect(bar).toHaveTextContent("Mailbox 1.5");
    expect(bar).toHaveAttribute("data-intent", "error");
    expect(screen.queryByRole("button", { name: "Delete permanently" })).not.toBeInTheDocument();
  });

  it("says how to configure the add-in and offers no Delete button when it is not configured", async () => {
    const f = fake({ configProblem: AUTH_MESSAGES.notConfigured });
    renderPane(f);
    const bar = await findBar("Not configured");
    expect(bar).toHaveTextContent(/Set VITE_AAD_CLIENT_ID when building it/);
    expect(bar).toHaveTextContent(/'Deploy' section/);
    // The item is still shown, but nothing can be deleted and no sign-in is attempted.
    expect(await screen.findByRole("group", { name: "Selected message" })).toHaveTextContent(
      "Quarterly numbers",
    );
    expect(screen.queryByRole("button", { name: "Delete permanently" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign in" })).not.toBeInTheDocument();
    expect(f.checkSignIn).not.toHaveBeenCalled();
  });

  it("offers a Sign in button when a silent sign-in needs interaction, and it calls signIn", async () => {
    const f = fake();
    f.checkSignIn.mockRejectedValue(new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired));
    const { user } = renderPane(f);
    const bar = await findBar("Sign-in needed");
    expect(bar).toHaveTextContent(AUTH_MESSAGES.interactionRequired);
    expect(f.signIn).not.toHaveBeenCalled(); // never a sign-in window without a click

    await user.click(within(bar).getByRole("button", { name: "Sign in" }));
    expect(f.signIn).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole("group", { name: "Sign-in needed" })).toBeNull());
  });

  it("shows a failed sign-in again instead of hiding it", async () => {
    const f = fake();
    f.checkSignIn.mockRejectedValue(new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired));
    f.signIn.mockRejectedValue(new AuthError("popup-blocked", AUTH_MESSAGES.popupBlocked));
    const { user } = renderPane(f);
    await user.click(within(await findBar("Sign-in needed")).getByRole("button", { name: "Sign in" }));
    expect(await findBar("Sign-in needed")).toHaveTextContent(/Allow pop-ups for Outlook/);
  });

  it("shows subject, sender and date, and a Delete permanently button when ready", async () => {
    renderPane(fake());
    const card = await screen.findByRole("group", { name: "Selected message" });
    expect(within(card).getByRole("heading", { name: "Quarterly numbers" })).toBeInTheDocument();
    expect(card).toHaveTextContent("From Megan Bowen <megan@contoso.com>");
    const expectedDate = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(
      RECEIVED,
    );
    expect(card).toHaveTextContent(`Received ${expectedDate}`);
    expect(await paneDeleteButton()).toBeEnabled();
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false");
  });

  it("shows (no subject) for an empty subject", async () => {
    renderPane(fake({}, mailItem({ subject: "   " })));
    const card = await screen.findByRole("group", { name: "Selected message" });
    expect(within(card).getByRole("heading", { name: "(no subject)" })).toBeInTheDocument();
  });

  it("follows ItemChanged: the pane shows the newly selected message", async () => {
    const f = fake();
    renderPane(f);
    await screen.findByRole("heading", { name: "Quarterly numbers" });
    f.current = OTHER_ITEM;
    act(() => f.fireItemChanged());
    expect(await screen.findByRole("heading", { name: "Lunch on Friday" })).toBeInTheDocument();
  });
});

describe("confirmation dialog", () => {
  it("names the subject and sender, says Outlook can't recover it and mentions holds", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    expect(dialog).toHaveAccessibleName("Delete this message permanently?");
    expect(within(dialog).getByRole("heading", { name: "Quarterly numbers", hidden: true })).toBeVisible();
    expect(dialog).toHaveTextContent("Megan Bowen <megan@contoso.com>");
    expect(dialog).toHaveTextContent("Outlook can't bring it back");
    expect(dialog).toHaveTextContent(/on hold.*retention period/);
    expect(dialog).toHaveAccessibleDescription(/Outlook can't bring it back/);
    expect(f.deleteItem).not.toHaveBeenCalled();
  });

  it("re-reads the item at the press instead of trusting what the pane showed", async () => {
    const f = fake();
    const { user } = renderPane(f);
    await paneDeleteButton();
    const readsBefore = f.readItem.mock.calls.length;
    await openDialog(user);
    expect(f.readItem.mock.calls.length).toBeGreaterThan(readsBefore);
  });

  it("Cancel closes the dialog and deletes nothing", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    await user.click(dialogButton(dialog, "Cancel"));
    await waitFor(() => expect(queryDialog()).toBeNull());
    expect(await findBar("Cancelled")).toHaveTextContent("Nothing was deleted.");
    expect(f.deleteItem).not.toHaveBeenCalled();
  });

  it("Escape closes the dialog and deletes nothing", async () => {
    const f = fake();
    const { user } = renderPane(f);
    await openDialog(user);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(queryDialog()).toBeNull());
    expect(await findBar("Cancelled")).toBeInTheDocument();
    expect(f.deleteItem).not.toHaveBeenCalled();
  });

  it("confirming deletes exactly once, with the item's ref, and reports it", async () => {
    const f = fake();
    const { user } = renderPane(f);
    await confirmDelete(user);
    const bar = await findBar("Deleted permanently");
    expect(bar).toHaveTextContent("“Quarterly numbers” was deleted permanently.");
    expect(bar).toHaveTextContent(/on hold/);
    expect(bar).toHaveAttribute("data-intent", "success");
    expect(f.deleteItem).toHaveBeenCalledTimes(1);
    expect(f.deleteItem).toHaveBeenCalledWith(REF);
    expect(queryDialog()).toBeNull();
  });

  it("the result can be dismissed", async () => {
    const f = fake();
    const { user } = renderPane(f);
    await confirmDelete(user);
    const bar = await findBar("Deleted permanently");
    await user.click(within(bar).getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("group", { name: "Deleted permanently" })).toBeNull();
  });

  it("shows Deleting… and keeps the button unusable while the request runs", async () => {
    let finish: (outcome: DeleteReport) => void = () => undefined;
    const f = fake();
    f.deleteItem.mockImplementation(() => new Promise<DeleteReport>((resolve) => (finish = resolve)));
    const { user } = renderPane(f);
    await confirmDelete(user);
    // The closing dialog keeps the page aria-hidden for a moment: wait for the main region to be exposed again.
    const main = await screen.findByRole("main");
    const busy = await within(main).findByRole("button", { name: "Deleting…" });
    expect(busy).toHaveAttribute("aria-disabled", "true");
    expect(main).toHaveAttribute("aria-busy", "true");
    await user.click(busy);
    expect(f.deleteItem).toHaveBeenCalledTimes(1);
    act(() => finish({ status: "purged" }));
    expect(await findBar("Deleted permanently")).toBeInTheDocument();
    // Outlook may show the purged message until the selection moves: nothing more is offered for it.
    expect(within(main).queryByRole("button", { name: /Delete permanently|Deleting/ })).toBeNull();
  });

  it("offers Delete again once the selection moves to another message", async () => {
    const f = fake();
    const { user } = renderPane(f);
    await confirmDelete(user);
    expect(await findBar("Deleted permanently")).toBeInTheDocument();
    f.current = OTHER_ITEM;
    act(() => f.fireItemChanged());
    expect(await screen.findByRole("heading", { name: "Lunch on Friday" })).toBeInTheDocument();
    expect(await paneDeleteButton()).toBeEnabled();
  });
});

describe("the item changes while the confirmation is open", () => {
  it("deletes nothing after ItemChanged and says the selection changed", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    f.current = OTHER_ITEM;
    act(() => f.fireItemChanged());
    // The pane behind the dialog follows the new selection; the dialog still names what it asked about.
    expect(await screen.findByRole("heading", { name: "Lunch on Friday", hidden: true })).toBeInTheDocument();
    expect(dialog).toHaveTextContent("Quarterly numbers");

    await user.click(dialogButton(dialog, "Delete permanently"));
    const bar = await findBar("Nothing deleted");
    expect(bar).toHaveTextContent(
      /The selection changed while the confirmation was open, so nothing was deleted/,
    );
    expect(f.deleteItem).not.toHaveBeenCalled();
  });

  it("deletes nothing when Outlook raised no ItemChanged but the item is another one now", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    f.current = OTHER_ITEM; // ItemChanged is unreliable: no event
    await user.click(dialogButton(dialog, "Delete permanently"));
    expect(await findBar("Nothing deleted")).toHaveTextContent(/selection changed/);
    expect(f.deleteItem).not.toHaveBeenCalled();
  });

  it("deletes nothing when the item is gone by the time of the answer", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    f.current = new NoItemError();
    await user.click(dialogButton(dialog, "Delete permanently"));
    expect(await findBar("Nothing deleted")).toHaveTextContent(/selection changed/);
    expect(f.deleteItem).not.toHaveBeenCalled();
  });
});

describe("no double send", () => {
  it("two presses of Delete open one confirmation", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const button = await paneDeleteButton();
    // Both clicks land before React re-renders the button as busy.
    fireEvent.click(button);
    fireEvent.click(button);
    const dialog = await findDialog();
    expect(screen.getAllByRole("alertdialog", { hidden: true })).toHaveLength(1);
    await user.click(dialogButton(dialog, "Delete permanently"));
    await findBar("Deleted permanently");
    expect(f.deleteItem).toHaveBeenCalledTimes(1);
  });

  it("two clicks on the dialog's Delete permanently send one request", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    const confirm = dialogButton(dialog, "Delete permanently");
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await findBar("Deleted permanently");
    expect(f.deleteItem).toHaveBeenCalledTimes(1);
  });

  it("a double click on the dialog's Delete permanently sends one request", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    await user.dblClick(dialogButton(dialog, "Delete permanently"));
    await findBar("Deleted permanently");
    expect(f.deleteItem).toHaveBeenCalledTimes(1);
  });
});

describe("every Graph outcome as a sentence", () => {
  const deleting = { op: "delete", item: REF } as const;

  async function runWith(outcome: DeleteReport | Error) {
    const f = fake();
    if (outcome instanceof Error) f.deleteItem.mockRejectedValue(outcome);
    else f.deleteItem.mockResolvedValue(outcome);
    const { user } = renderPane(f);
    await confirmDelete(user);
    return f;
  }

  function failed(problem: ProblemReport): DeleteReport {
    return { status: "failed", problem };
  }

  it("not found: calm information, not an error", async () => {
    await runWith({
      status: "already-gone",
      code: "ErrorItemNotFound",
      message: wording.notFound({ kind: "message", mailbox: { kind: "me" } }, false),
    });
    const bar = await findBar("Not found");
    expect(bar).toHaveAttribute("data-intent", "info");
    expect(bar).toHaveTextContent("This message wasn't found where Outlook showed it: deleted, or moved");
    expect(bar).toHaveTextContent("Nothing was deleted.");
    expect(screen.queryByRole("group", { name: "Deleted permanently" })).toBeNull();
    expect(screen.queryByRole("group", { name: "Not deleted" })).toBeNull();
  });

  it("forbidden: says what to do and shows Graph's code and request ID", async () => {
    await runWith(
      failed({
        kind: "forbidden",
        status: 403,
        code: "ErrorAccessDenied",
        requestId: "5b1c6a1e-0000-4000-8000-000000000001",
        date: "Fri, 20 Nov 2026 09:31:00 GMT",
        message: wording.forbidden(deleting, "ErrorAccessDenied"),
      }),
    );
    const bar = await findBar("Not deleted");
    expect(bar).toHaveAttribute("data-intent", "error");
    expect(bar).toHaveTextContent(
      "The add-in isn't allowed to delete this message (Graph error ErrorAccessDenied).",
    );
    expect(bar).toHaveTextContent(/an administrator may need to grant consent/);
    expect(
      screen.getByText(
        "HTTP 403 · Code: ErrorAccessDenied · Request ID: 5b1c6a1e-0000-4000-8000-000000000001 · Date: Fri, 20 Nov 2026 09:31:00 GMT",
      ),
    ).toBeVisible();
  });

  it("throttled", async () => {
    await runWith(
      failed({
        kind: "throttled",
        status: 429,
        code: "ApplicationThrottled",
        message: wording.throttled(deleting, "ApplicationThrottled", false),
      }),
    );
    const bar = await findBar("Not deleted");
    expect(bar).toHaveTextContent("Microsoft Graph is limiting the add-in's requests right now");
    expect(bar).toHaveTextContent("The message was not deleted; try again in a few minutes.");
    expect(screen.getByText(/HTTP 429 · Code: ApplicationThrottled/)).toBeVisible();
  });

  it("network", async () => {
    await runWith(failed({ kind: "network", message: wording.network(deleting, true, false) }));
    const bar = await findBar("Not deleted");
    expect(bar).toHaveTextContent("Couldn't reach Microsoft Graph. Check your connection and try again.");
    expect(bar).toHaveTextContent("The message was not deleted.");
  });

  it("timeout: says the deletion is uncertain and how to check", async () => {
    await runWith(failed({ kind: "timeout", message: wording.timeout(deleting, 30_000) }));
    const bar = await findBar("Not deleted");
    expect(bar).toHaveTextContent("Microsoft Graph didn't answer within 30 seconds.");
    expect(bar).toHaveTextContent(
      /may or may not have been deleted; if it is still in the folder, try again/,
    );
  });

  it("an AuthError from the delete leads to the sign-in state, shown once", async () => {
    const f = await runWith(new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired));
    const bar = await findBar("Sign-in needed");
    expect(bar).toHaveTextContent(AUTH_MESSAGES.interactionRequired);
    expect(screen.getAllByRole("group", { name: "Sign-in needed" })).toHaveLength(1);
    await userEvent.setup().click(within(bar).getByRole("button", { name: "Sign in" }));
    expect(f.signIn).toHaveBeenCalledTimes(1);
  });

  it("an unexpected exception says nothing was deleted", async () => {
    await runWith(new TypeError("x is undefined"));
    const bar = await findBar("Something went wrong");
    expect(bar).toHaveTextContent("nothing was deleted");
    expect(bar).not.toHaveTextContent("x is undefined");
  });
});

describe("hostile and huge subjects", () => {
  it("renders markup in a subject as text", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const { user, container } = renderPane(fake({}, mailItem({ subject: hostile })));
    expect(await screen.findByRole("heading", { name: hostile })).toBeInTheDocument();
    const dialog = await openDialog(user);
    expect(within(dialog).getByRole("heading", { name: hostile, hidden: true })).toBeInTheDocument();
    expect(container.querySelector("img")).toBeNull();
    expect(document.querySelector("img")).toBeNull();
  });

  it("renders a 10,000-character subject whole, as text", async () => {
    const huge = `${"A".repeat(4_999)}<b>x</b>${"B".repeat(4_993)}`;
    expect(huge).toHaveLength(10_000);
    const { user } = renderPane(fake({}, mailItem({ subject: huge })));
    expect(await screen.findByRole("heading", { name: huge })).toBeInTheDocument();
    const dialog = await openDialog(user);
    expect(within(dialog).getByRole("heading", { name: huge, hidden: true })).toBeInTheDocument();
    expect(document.querySelector("b")).toBeNull();
  });
});

describe("keyboard only", () => {
  it("Cancel has the initial focus in the dialog, so Enter alone never deletes", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const dialog = await openDialog(user);
    expect(dialogButton(dialog, "Cancel")).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(queryDialog()).toBeNull());
    expect(f.deleteItem).not.toHaveBeenCalled();
  });

  it("runs the whole flow with Tab and Enter", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const button = await paneDeleteButton();

    await user.tab();
    expect(button).toHaveFocus();
    await user.keyboard("{Enter}");
    let dialog = await findDialog();
    expect(dialogButton(dialog, "Cancel")).toHaveFocus();

    // Enter on Cancel: nothing deleted, and focus returns to the pane's button.
    await user.keyboard("{Enter}");
    await waitFor(() => expect(queryDialog()).toBeNull());
    expect(f.deleteItem).not.toHaveBeenCalled();
    await waitFor(() => expect(button).toHaveFocus());

    // Again, this time moving to Delete permanently in the dialog.
    await user.keyboard("{Enter}");
    dialog = await findDialog();
    await user.tab({ shift: true });
    expect(dialogButton(dialog, "Delete permanently")).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await findBar("Deleted permanently")).toBeInTheDocument();
    expect(f.deleteItem).toHaveBeenCalledTimes(1);
    expect(f.deleteItem).toHaveBeenCalledWith(REF);
  });

  it("Escape from the keyboard cancels and returns focus to the pane", async () => {
    const f = fake();
    const { user } = renderPane(f);
    const button = await paneDeleteButton();
    await user.tab();
    await user.keyboard("{Enter}");
    await findDialog();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(queryDialog()).toBeNull());
    await waitFor(() => expect(button).toHaveFocus());
    expect(f.deleteItem).not.toHaveBeenCalled();
  });
});

describe("bulk views and the mailbox shown", () => {
  const bulk: BulkDeps = {
    multiSelectSupported: false,
    readSelection: async () => [],
    watchSelection: async () => () => undefined,
    resolveSelection: async () => ({ targets: [], skipped: [] }),
    listFolders: async () => [],
    folderCount: async () => 0,
    listFolderMessages: async () => [],
    purge: async () => [],
  };

  it("offers folder deletion for the person's own mailbox", async () => {
    const f = fake();
    render(<App deps={f.deps} bulk={bulk} locale="en-US" />);
    expect(await screen.findByRole("button", { name: "Delete a whole folder…" })).toBeInTheDocument();
  });

  it("keeps a running folder purge, its Cancel and its report when Outlook moves to another mailbox", async () => {
    const user = userEvent.setup();
    const f = fake();
    let finish: (() => void) | undefined;
    const targets = Array.from({ length: 3 }, (_, i) => ({
      ref: { kind: "message" as const, id: `f${i}`, mailbox: { kind: "me" as const } },
      subject: `Old ${i}`,
      from: undefined,
      received: undefined,
      folderName: "Archive",
    }));
    const purge = vi.fn(
      (list: readonly (typeof targets)[number][]) =>
        new Promise<ItemResult[]>((resolve) => {
          finish = () => resolve(list.map((target) => ({ target, outcome: { status: "purged" } })));
        }),
    );
    const folders: BulkDeps = {
      ...bulk,
      listFolders: async () => [{ id: "a", displayName: "Archive", totalItemCount: 3 } as MailFolder],
      folderCount: async () => 3,
      listFolderMessages: async () => targets,
      purge,
    };
    render(<App deps={f.deps} bulk={folders} locale="en-US" />);
    await user.click(await screen.findByRole("button", { name: "Delete a whole folder…" }));
    await user.click(await screen.findByRole("button", { name: /Delete all 3 in Archive/ }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Delete permanently", hidden: true }));
    await screen.findByRole("region", { name: "Deletion progress" });
    // The person opens a message of a shared mailbox while the run goes on.
    f.current = mailItem({ mailbox: { kind: "user", id: "sales@contoso.com" } });
    f.fireItemChanged();
    expect(await screen.findByText(/works in your own mailbox only/)).toBeInTheDocument();
    const progress = screen.getByRole("region", { name: "Deletion progress" });
    expect(within(progress).getByRole("button", { name: "Cancel" })).toBeEnabled();
    // No second run can start meanwhile, and nothing acting on the own mailbox is offered in another.
    expect(screen.queryByRole("button", { name: "Delete a whole folder…" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Delete all 3 in Archive/ })).toBeNull();
    finish?.();
    expect(await screen.findByText("3 of 3 deleted permanently", { exact: false })).toBeInTheDocument();
    expect(await screen.findByRole("region", { name: "Report" })).toBeInTheDocument();
    expect(purge).toHaveBeenCalledTimes(1);
  });

  it("offers no bulk deletion while Graph hasn't said whose mailbox is shown (UPN isn't the address), nor a mailbox note", async () => {
    const unresolved = mailItem({
      access: {
        mailbox: { kind: "me" },
        via: "unresolved",
        address: "alex.wilber@contoso.com",
        permissions: undefined,
        targetRestUrl: undefined,
      },
    });
    const f = fake({}, unresolved);
    render(<App deps={f.deps} bulk={bulk} locale="en-US" />);
    expect(await screen.findByText(/works in your own mailbox only/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete a whole folder…" })).toBeNull();
    expect(screen.queryByText(/opened as another mailbox|shared with you/)).toBeNull();
    // Once Graph says it is the person's own (an item change re-reads it), the folder views are offered.
    f.current = mailItem();
    f.fireItemChanged();
    expect(await screen.findByRole("button", { name: "Delete a whole folder…" })).toBeInTheDocument();
  });

  it("asks whose mailbox it is at the press, with a sign-in allowed (interactive read)", async () => {
    const user = userEvent.setup();
    const f = fake();
    render(<App deps={f.deps} locale="en-US" />);
    await user.click(await screen.findByRole("button", { name: "Delete permanently" }));
    await screen.findByRole("alertdialog", { hidden: true });
    expect(f.readItem).toHaveBeenCalledWith({ interactive: true });
  });

  it("reads the item again after signing in: whose mailbox it is may only now be known", async () => {
    const user = userEvent.setup();
    const f = fake();
    f.checkSignIn.mockRejectedValue(new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired));
    render(<App deps={f.deps} locale="en-US" />);
    const signIn = await screen.findByRole("button", { name: "Sign in" });
    const readsBefore = f.readItem.mock.calls.length;
    await user.click(signIn);
    await waitFor(() => expect(f.readItem.mock.calls.length).toBeGreaterThan(readsBefore));
  });

  it("offers no bulk deletion while the pane shows another mailbox's message, and says why", async () => {
    const shared = mailItem({ mailbox: { kind: "user", id: "sales@contoso.com" } });
    const f = fake({}, shared);
    render(<App deps={f.deps} bulk={bulk} locale="en-US" />);
    expect(await screen.findByText(/works in your own mailbox only/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Delete a whole folder…" })).toBeNull();
  });
});
