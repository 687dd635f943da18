// @vitest-environment jsdom
/**
 * The pane in another person's or a shared mailbox, and in a sovereign cloud: what is offered, what is said, and
 * which mailbox the confirmation names. Office, MSAL and Graph are replaced by fake PaneDeps.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CLOUDS, unavailableMessage } from "../core/cloud";
import type { CurrentItem, EventItem, MailItem } from "../core/office/item";
import { DelegatePermission, deleteRefusal, type MailboxAccess } from "../core/office/shared";
import type { DeleteReport } from "../core/purge/types";
import { App } from "./App";
import type { PaneDeps } from "./paneDeps";

const SALES = "sales@contoso.com";
const ACCESS: MailboxAccess = {
  mailbox: { kind: "user", id: SALES },
  via: "shared-folder",
  address: SALES,
  permissions: DelegatePermission.Read | DelegatePermission.DeleteAll,
  targetRestUrl: "https://outlook.office.com/api",
};

function sharedItem(overrides: Partial<MailItem> = {}): MailItem {
  return {
    kind: "message",
    restId: "AAMkSALES-id==",
    ewsId: "AAMkSALES+id==",
    mode: "read",
    subject: "Leads for Q3",
    from: { name: "Megan Bowen", address: "megan@contoso.com" },
    received: new Date("2026-11-20T09:30:00Z"),
    mailbox: ACCESS.mailbox,
    access: ACCESS,
    ...overrides,
  };
}

function deps(item: CurrentItem, overrides: Partial<PaneDeps> = {}) {
  const deleteItem = vi.fn(async (): Promise<DeleteReport> => ({ status: "purged" }));
  const checkSignIn = vi.fn(async () => undefined);
  const value: PaneDeps = {
    configProblem: undefined,
    readItem: async () => item,
    watchItem: async () => () => undefined,
    checkSignIn,
    signIn: async () => undefined,
    deleteItem,
    ...overrides,
  };
  return { value, deleteItem, checkSignIn };
}

describe("the pane in a shared mailbox", () => {
  it("says whose mailbox it is, names it in the confirmation, and deletes there", async () => {
    const user = userEvent.setup();
    const d = deps(sharedItem());
    render(<App deps={d.value} locale="en-US" />);
    const main = await screen.findByRole("main");
    await within(main).findByText(SALES);
    expect(within(main).getByText(/shared with you/)).toBeTruthy();
    await user.click(await within(main).findByRole("button", { name: "Delete permanently" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain(`In the mailbox ${SALES}, not your own.`);
    await user.click(within(dialog).getByRole("button", { name: "Delete permanently", hidden: true }));
    await waitFor(() => expect(d.deleteItem).toHaveBeenCalledTimes(1));
    expect(d.deleteItem).toHaveBeenCalledWith({
      kind: "message",
      id: "AAMkSALES-id==",
      mailbox: ACCESS.mailbox,
    });
  });

  it("offers no Delete button without delete rights and says why", async () => {
    const access = { ...ACCESS, permissions: DelegatePermission.Read };
    const refusal = deleteRefusal(access, false);
    const d = deps(sharedItem({ access, refusal }));
    render(<App deps={d.value} locale="en-US" />);
    const bar = await screen.findByRole("group", { name: "Can't delete in this mailbox" });
    expect(bar.textContent).toContain(`Your permissions on ${SALES} don't include deleting items`);
    const main = screen.getByRole("main");
    expect(within(main).queryByRole("button", { name: "Delete permanently" })).toBeNull();
    expect(d.deleteItem).not.toHaveBeenCalled();
  });

  it("names the person's own mailbox in the confirmation for their own mail", async () => {
    const user = userEvent.setup();
    const d = deps(sharedItem({ mailbox: { kind: "me" }, access: undefined }));
    render(<App deps={d.value} locale="en-US" />);
    const main = await screen.findByRole("main");
    await user.click(await within(main).findByRole("button", { name: "Delete permanently" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    expect(dialog.textContent).toContain("In your own mailbox.");
  });
});

describe("the pane in a sovereign cloud", () => {
  it("explains, offers no button, and doesn't even check the sign-in", async () => {
    const sentence = unavailableMessage(CLOUDS.usgov, "message");
    const d = deps(sharedItem({ mailbox: { kind: "me" }, access: undefined }), { unavailable: sentence });
    render(<App deps={d.value} locale="en-US" />);
    const bar = await screen.findByRole("group", { name: "Not available in this cloud" });
    expect(bar.textContent).toContain("US Government cloud (GCC High)");
    const main = screen.getByRole("main");
    await within(main).findByText("Leads for Q3");
    expect(within(main).queryByRole("button", { name: "Delete permanently" })).toBeNull();
    expect(d.checkSignIn).not.toHaveBeenCalled();
    expect(d.deleteItem).not.toHaveBeenCalled();
  });
});

describe("the pane in the China cloud (Graph deletes events there, not messages)", () => {
  const noMessages = unavailableMessage(CLOUDS.china, "message");
  const unavailableFor = (kind: "message" | "event") => (kind === "event" ? undefined : noMessages);
  const event: EventItem = {
    kind: "event",
    restId: "AAMkEVENT-id==",
    ewsId: "AAMkEVENT+id==",
    mode: "read",
    subject: "Budget review",
    organizer: { name: "Megan Bowen", address: "megan@contoso.com" },
    start: new Date("2026-11-24T09:00:00Z"),
    end: new Date("2026-11-24T10:00:00Z"),
    recurrence: "single",
    isOrganizer: false,
    hasAttendees: true,
    mailbox: { kind: "me" },
  };

  it("offers Delete for an event and deletes it", async () => {
    const user = userEvent.setup();
    const d = deps(event, { unavailableFor });
    render(<App deps={d.value} locale="en-US" />);
    const main = await screen.findByRole("main");
    await within(main).findByText("Budget review");
    expect(screen.queryByRole("group", { name: "Not available in this cloud" })).toBeNull();
    await user.click(await within(main).findByRole("button", { name: "Delete permanently" }));
    const dialog = await screen.findByRole("alertdialog", { hidden: true });
    await user.click(within(dialog).getByRole("button", { name: "Delete permanently", hidden: true }));
    await waitFor(() => expect(d.deleteItem).toHaveBeenCalledTimes(1));
    expect(d.deleteItem).toHaveBeenCalledWith(expect.objectContaining({ kind: "event", id: event.restId }));
  });

  it("explains for a message, offers no button and deletes nothing", async () => {
    const d = deps(sharedItem({ mailbox: { kind: "me" }, access: undefined }), { unavailableFor });
    render(<App deps={d.value} locale="en-US" />);
    const bar = await screen.findByRole("group", { name: "Not available in this cloud" });
    expect(bar.textContent).toContain(noMessages);
    const main = screen.getByRole("main");
    await within(main).findByText("Leads for Q3");
    expect(within(main).queryByRole("button", { name: "Delete permanently" })).toBeNull();
    expect(d.deleteItem).not.toHaveBeenCalled();
  });
});
