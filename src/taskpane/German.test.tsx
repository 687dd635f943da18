// @vitest-environment jsdom
/**
 * The task pane in German: the whole flow (the message, the confirmation, the result, a Graph error) in the
 * German catalogue, with dates and numbers in the German locale. English stays the default of every other test.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ItemRef } from "../core/graph/types";
import { activateLanguage, loadLanguage } from "../core/i18n";
import { de } from "../core/i18n/de";
import { en } from "../core/i18n/en";
import type { MailItem } from "../core/office/item";
import * as wording from "../core/purge/graphWording";
import type { DeleteReport } from "../core/purge/types";
import { App } from "./App";
import type { PaneDeps } from "./paneDeps";

const ITEM: MailItem = {
  kind: "message",
  restId: "AAMk-german==",
  ewsId: "AAMk+german==",
  mode: "read",
  subject: "Quartalszahlen",
  from: { name: "Megan Bowen", address: "megan@contoso.com" },
  received: new Date("2026-11-20T09:30:00Z"),
  mailbox: { kind: "me" },
};

function deps(deleteItem: (ref: ItemRef) => Promise<DeleteReport>): PaneDeps {
  return {
    configProblem: undefined,
    readItem: vi.fn(async () => ITEM),
    watchItem: vi.fn(async () => () => undefined),
    checkSignIn: vi.fn(async () => undefined),
    signIn: vi.fn(async () => undefined),
    deleteItem: vi.fn(deleteItem),
  };
}

beforeEach(async () => {
  expect(await loadLanguage("de-DE")).toBe("de");
});
afterEach(() => activateLanguage("en", en));

describe("the pane in German", () => {
  it("shows the message, asks in German and reports the purge in German", async () => {
    const user = userEvent.setup();
    const fake = deps(async () => ({ status: "purged" }));
    render(<App deps={fake} locale="de-DE" />);

    expect(await screen.findByRole("heading", { level: 1, name: de["pane.title"] })).toBeTruthy();
    expect(screen.getByText(de["pane.intro"])).toBeTruthy();
    const card = screen.getByRole("group", { name: de["pane.selectedMessage"] });
    expect(within(card).getByText(/^Von/).textContent).toBe("Von Megan Bowen <megan@contoso.com>");
    // German date: 20.11.2026, in the pane's locale.
    expect(within(card).getByText(/^Empfangen/).textContent).toMatch(/^Empfangen 20\.11\.2026, \d\d:\d\d$/);

    await user.click(screen.getByRole("button", { name: "Endgültig löschen" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Diese Nachricht endgültig löschen?")).toBeTruthy();
    expect(within(dialog).getByText("In Ihrem eigenen Postfach.")).toBeTruthy();
    expect(within(dialog).getByText(/„Gelöschte Elemente wiederherstellen“/)).toBeTruthy();
    // Cancel ("Abbrechen") has focus, as in English.
    await waitFor(() => expect(document.activeElement?.textContent).toBe("Abbrechen"));
    await user.click(within(dialog).getByRole("button", { name: "Endgültig löschen" }));

    const result = await screen.findByRole("group", { name: "Endgültig gelöscht" });
    expect(result.textContent).toContain("„Quartalszahlen“ wurde endgültig gelöscht.");
    expect(fake.deleteItem).toHaveBeenCalledTimes(1);
  });

  it("says a Graph 403 in German, naming the error code", async () => {
    const user = userEvent.setup();
    const fake = deps(async (ref) => ({
      status: "failed",
      problem: {
        kind: "forbidden",
        status: 403,
        code: "ErrorAccessDenied",
        message: wording.forbidden({ op: "delete", item: ref }, "ErrorAccessDenied"),
      },
    }));
    render(<App deps={fake} locale="de-DE" />);
    await user.click(await screen.findByRole("button", { name: "Endgültig löschen" }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Endgültig löschen" }));
    const result = await screen.findByRole("group", { name: "Nicht gelöscht" });
    expect(result.textContent).toContain(
      "Das Add-In darf diese Nachricht nicht löschen (Graph-Fehler ErrorAccessDenied). Es benötigt die delegierte Berechtigung Mail.ReadWrite",
    );
    expect(result.textContent).toContain("Es wurde nichts gelöscht.");
  });
});
