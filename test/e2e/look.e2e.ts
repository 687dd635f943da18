/**
 * The pane where Outlook shows it: about 320 px wide (and 450 px, a widened pane), and at 200 % zoom (Outlook keeps
 * the pane's width in CSS pixels, so the add-in still gets 320 px but half the height). In each main state (one
 * message, a selection, the bulk confirmation, the report, the folder view, the contacts view): axe passes
 * (serious and critical, colour contrast included), nothing overflows sideways, and a picture is taken.
 *
 * Pictures (device scale 1, time zone UTC, en-US, animations off, so a run on the same Chromium gives the same
 * bytes): every scene to test-results/look/, and the README's to docs/images/ (see lookShot).
 */
import { describe, expect, it } from "vitest";
import { addinViolations } from "./axe";
import { stackForThisFile, taskpaneFrame } from "./harness";
import { lookShot, noSidewaysScroll, paneLocator } from "./look";

const stack = stackForThisFile({ context: { timezoneId: "UTC", locale: "en-US" } });

/** The first `count` messages of the inbox, with one that went missing and one the person can't delete. */
async function selectTwelve() {
  const { page, emulator } = stack;
  const inbox = await page.evaluate(() => window.simulator?.messages().slice(0, 12) ?? []);
  expect(inbox).toHaveLength(12);
  const [, , gone, , , refused] = inbox.map((m) => m.restId);
  if (!gone || !refused) throw new Error("too few messages");
  emulator.control.addFault({ op: "permanentDelete", itemId: gone, action: { kind: "error", status: 404 } });
  emulator.control.addFault({
    op: "permanentDelete",
    itemId: refused,
    action: { kind: "error", status: 403, code: "ErrorAccessDenied" },
  });
  await page.evaluate(
    (refs) => window.simulator?.selectMessages(refs),
    inbox.map((m) => m.restId),
  );
}

async function check(name: string, width: number) {
  const pane = await taskpaneFrame(stack.page);
  expect(await noSidewaysScroll(pane), `${name} at ${width} px scrolls sideways`).toBe(true);
  expect(await addinViolations(stack.page)).toEqual([]);
  await lookShot(paneLocator(stack.page), `${name}-${width}`);
}

for (const width of [320, 450]) {
  describe(`task pane ${width} px wide`, () => {
    it("one message, a selection, the bulk confirmation and the report", async () => {
      const { page } = stack;
      await page.evaluate((w) => window.simulator?.setTaskpaneWidth(w), width);
      const subject = await page.evaluate(() => {
        window.simulator?.selectMessage(0);
        return window.simulator?.messages()[0]?.subject ?? "";
      });
      await page.evaluate(() => window.simulator?.openTaskpane());
      await page.evaluate(() => window.simulator?.pinTaskpane(true));
      const pane = await taskpaneFrame(page);
      await pane.getByRole("heading", { name: subject }).waitFor();
      await check("pane", width);

      await selectTwelve();
      const deleteButton = pane.getByRole("button", { name: "Delete 12 permanently" });
      await deleteButton.waitFor();
      await check("selection", width);

      await deleteButton.click();
      const dialog = pane.getByRole("alertdialog");
      await dialog.waitFor();
      await dialog.getByLabel("Type 12 to confirm").fill("12");
      await page.waitForTimeout(300); // the dialog's entrance transition
      await check("bulk-confirm", width);
      await dialog.getByRole("button", { name: "Delete permanently" }).click();

      const report = pane.getByRole("region", { name: "Report" });
      await report.waitFor({ timeout: 60_000 });
      await check("report", width);
      await lookShot(report, `report-rows-${width}`);
      // Each row reads as item, outcome, reason: the outcome is never broken inside a word.
      const outcome = pane.getByRole("cell", { name: "Not found", exact: true }).first();
      const box = await outcome.boundingBox();
      expect(box?.height ?? 0).toBeLessThan(40);
    });

    it("the folder view and the contacts view", async () => {
      const { page } = stack;
      await page.evaluate((w) => window.simulator?.setTaskpaneWidth(w), width);
      await page.evaluate(() => window.simulator?.selectMessage(0));
      await page.evaluate(() => window.simulator?.openTaskpane());
      const pane = await taskpaneFrame(page);
      await pane.getByRole("button", { name: "Delete a whole folder…" }).click();
      await pane.getByLabel("Folder", { exact: true }).waitFor();
      await check("folder", width);

      await pane.getByRole("button", { name: "Delete contacts…" }).click();
      await pane.getByRole("list", { name: "Contacts found" }).waitFor();
      await check("contacts", width);
    });
  });
}

describe("200 % zoom", () => {
  it("at 320 px and half the height, every state scrolls only up and down and its buttons can be reached", async () => {
    const { page } = stack;
    await page.setViewportSize({ width: 1400, height: 450 });
    try {
      await page.evaluate(() => window.simulator?.setTaskpaneWidth(320));
      await page.evaluate(() => window.simulator?.selectMessage(0));
      await page.evaluate(() => window.simulator?.openTaskpane());
      await page.evaluate(() => window.simulator?.pinTaskpane(true));
      const pane = await taskpaneFrame(page);
      await pane.getByRole("button", { name: "Delete permanently" }).waitFor();
      await selectTwelve();
      const deleteButton = pane.getByRole("button", { name: "Delete 12 permanently" });
      await deleteButton.waitFor();
      expect(await noSidewaysScroll(pane)).toBe(true);
      await deleteButton.scrollIntoViewIfNeeded();
      await deleteButton.click();
      const dialog = pane.getByRole("alertdialog");
      await dialog.getByLabel("Type 12 to confirm").fill("12");
      const confirm = dialog.getByRole("button", { name: "Delete permanently" });
      await confirm.scrollIntoViewIfNeeded();
      await confirm.click();
      await pane.getByRole("region", { name: "Report" }).waitFor({ timeout: 60_000 });
      expect(await noSidewaysScroll(pane)).toBe(true);
      const download = pane.getByRole("button", { name: "Download CSV" });
      await download.scrollIntoViewIfNeeded();
      expect(await download.isVisible()).toBe(true);
      await lookShot(paneLocator(page), "report-zoom200");
      await pane.getByRole("button", { name: "Delete contacts…" }).scrollIntoViewIfNeeded();
      await pane.getByRole("button", { name: "Delete contacts…" }).click();
      await pane.getByRole("list", { name: "Contacts found" }).waitFor();
      expect(await noSidewaysScroll(pane)).toBe(true);
      expect(await addinViolations(page)).toEqual([]);
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });
});
