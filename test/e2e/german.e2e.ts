/**
 * The whole add-in in German: the simulator's display language is de-DE, so the ribbon reads the manifest's
 * Override strings and every page loads the German catalogue. Sentences are built from that catalogue, and each
 * test checks that the emulator deleted exactly what was confirmed (or nothing).
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tIn } from "../../src/core/i18n";
import { de } from "../../src/core/i18n/de";
import {
  commandFinished,
  deletesOf,
  dialogFrame,
  pressRibbon,
  screenshot,
  selectMessage,
  stackForThisFile,
  taskpaneFrame,
} from "./harness";

const stack = stackForThisFile();

async function inGerman(): Promise<void> {
  await stack.page.evaluate(() => window.simulator?.setLanguage("de-DE"));
}

async function openPaneOn(index: number): Promise<{ pane: Frame; id: string; subject: string }> {
  const { page } = stack;
  const message = await selectMessage(page, index);
  await page.getByRole("button", { name: "Bereich „Endgültig löschen“", exact: true }).first().click();
  const pane = await taskpaneFrame(page);
  await pane.getByRole("heading", { name: message.subject }).waitFor();
  return { pane, ...message };
}

describe("in German", () => {
  it("labels the ribbon from the manifest's German overrides", async () => {
    const { page } = stack;
    await inGerman();
    await selectMessage(page, 0);
    await page.getByRole("button", { name: de["common.deletePermanently"], exact: true }).first().waitFor();
    await page.getByRole("button", { name: "Bereich „Endgültig löschen“", exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Delete permanently", exact: true }).count()).toBe(0);
  });

  it("purges from the ribbon after the German confirmation, and says so in German", async () => {
    const { page, emulator } = stack;
    await inGerman();
    const message = await selectMessage(page, 0);
    await pressRibbon(page, de["common.deletePermanently"]);
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: de["common.cancel"] }).waitFor();
    await dialog.getByText(de["confirm.title"]).waitFor();
    await dialog.getByText(de["confirm.ownMailbox"]).waitFor();
    await dialog.getByText(de["confirm.pageWarning"]).waitFor();
    expect(await dialog.evaluate(() => document.documentElement.lang)).toBe("de");
    // Cancel ("Abbrechen") has the focus: Enter alone never deletes.
    expect(await dialog.evaluate(() => document.activeElement?.textContent)).toBe(de["common.cancel"]);
    await screenshot(page, "german-ribbon-confirm");
    expect(deletesOf(emulator, message.id)).toHaveLength(0);

    await dialog.getByRole("button", { name: de["common.deletePermanently"] }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toContain(de["purge.notification.deleted"]);
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    expect(emulator.control.purges().map((p) => p.id)).toEqual([message.id]);
  });

  it("cancels in German from the ribbon and deletes nothing", async () => {
    const { page, emulator } = stack;
    await inGerman();
    const message = await selectMessage(page, 1);
    await pressRibbon(page, de["common.deletePermanently"]);
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: de["common.cancel"] }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toContain(de["common.nothingDeleted"]);
    expect(deletesOf(emulator, message.id)).toHaveLength(0);
    expect(emulator.control.purges()).toEqual([]);
  });

  it("purges a message from the German task pane", async () => {
    const { page, emulator } = stack;
    await inGerman();
    const { pane, id, subject } = await openPaneOn(2);
    await pane.getByRole("heading", { level: 1, name: de["pane.title"] }).waitFor();
    await pane.getByText(de["pane.intro"]).waitFor();
    expect(await pane.evaluate(() => document.documentElement.lang)).toBe("de");

    await pane.getByRole("button", { name: de["common.deletePermanently"] }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.getByText(de["confirm.title"]).waitFor();
    await screenshot(page, "german-taskpane-confirm");
    expect(deletesOf(emulator, id)).toHaveLength(0);
    await dialog.getByRole("button", { name: de["common.deletePermanently"] }).click();

    await pane.getByText(de["purge.title.deleted"], { exact: true }).waitFor();
    const status = ((await pane.locator("[aria-live]").first().textContent()) ?? "").replace(/\s+/g, " ");
    expect(status).toContain(
      tIn(de, "purge.deleted", { subject: `„${subject}“`, hold: de["purge.holdNote"] }),
    );
    await screenshot(page, "german-taskpane-deleted");
    expect(deletesOf(emulator, id).map((r) => r.status)).toEqual([204]);
    expect(emulator.control.purges().map((p) => p.id)).toEqual([id]);
    expect(stack.external).toEqual([]);
  });

  it("explains a 403 in German, naming Graph's code, and deletes nothing", async () => {
    const { page, emulator } = stack;
    await inGerman();
    const { pane, id } = await openPaneOn(3);
    emulator.control.addFault({
      op: "permanentDelete",
      itemId: id,
      action: { kind: "error", status: 403, code: "ErrorAccessDenied" },
    });
    await pane.getByRole("button", { name: de["common.deletePermanently"] }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: de["common.deletePermanently"] }).click();
    await pane.getByText(de["purge.title.notDeleted"], { exact: true }).waitFor();
    const status = ((await pane.locator("[aria-live]").first().textContent()) ?? "").replace(/\s+/g, " ");
    await screenshot(page, "german-taskpane-403");
    expect(status).toContain(
      tIn(de, "graph.forbidden.accessDenied", {
        thisAcc: de["noun.message.thisAcc"],
        note: tIn(de, "graph.codeNote", { code: "ErrorAccessDenied" }),
        scope: "Mail.ReadWrite",
      }),
    );
    expect(deletesOf(emulator, id).map((r) => r.status)).toEqual([403]);
    expect(emulator.control.purges()).toEqual([]);
  });
});
