/**
 * Purging a whole folder: 500 messages, Cancel part way, then run again to finish what is left; a Cancel during the
 * re-check after the yes; 1,000 messages in one run, after the other tests, against the strict emulator.
 */
import type { Frame } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../dev/emulator/server";
import { screenshot, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

async function confirmFolderPurge(
  pane: Frame,
  count: number,
  beforeYes: () => void | Promise<void> = () => undefined,
): Promise<void> {
  const start = pane.getByRole("button", { name: `Delete all ${count} in Deleted Items…` });
  await start.click();
  const dialog = pane.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(
    count === 1 ? "the 1 message in Deleted Items" : `all ${count} messages in Deleted Items`,
  );
  await beforeYes();
  await dialog.getByLabel(`Type ${count} to confirm`).fill(String(count));
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
}

const running = (emulator: Emulator) => emulator.control.requests().filter((r) => r.endedAt === null);

describe("folder purge", () => {
  // Nothing a test started may still be running at Graph when the next begins: it would hold the next test's slots.
  afterEach(async () => {
    await expect.poll(() => running(stack.emulator), { timeout: 10_000 }).toEqual([]);
  });

  it("purges 500 in Deleted Items with Cancel part way, and a second run finishes the rest", async () => {
    const { page, emulator } = stack;
    const existing = emulator.control.messages({ folder: "deleteditems" }).length;
    emulator.control.addMessages({ folder: "deleteditems", count: 500 - existing });
    const all = emulator.control.messages({ folder: "deleteditems" }).map((m) => m.id);
    expect(all).toHaveLength(500);
    // The add-in sends 4 lanes of sequential batches, one batch per lane at a time. The first 8 batches go through;
    // from the 9th on, each waits at Graph until the test releases it.
    const later = emulator.control.hold({ op: "$batch", nth: 9 });
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.getByRole("button", { name: "Delete a whole folder…" }).click();
    const folder = pane.getByLabel("Folder", { exact: true });
    await folder.waitFor();
    // Deleted Items and Junk Email come first.
    const options = await folder.locator("option").allTextContents();
    expect(options[0]).toMatch(/^Deleted Items \(500\)$/);
    expect(options[1]).toMatch(/^Junk Email/);

    await confirmFolderPurge(pane, 500);
    const progress = pane.getByRole("region", { name: "Deletion progress" });
    await progress.waitFor();
    // Every lane has a batch waiting at Graph: Cancel now.
    await later.caught(4, { timeoutMs: 30_000 });
    const purgedBefore = emulator.control.purges().length;
    expect(purgedBefore).toBeGreaterThan(0);
    await screenshot(page, "folder-progress");
    await progress.getByRole("button", { name: "Cancel" }).click();
    // The run waits for what is already at Graph, and says so.
    await progress
      .getByText("Stopping: nothing new is sent; what is already on its way is reported.")
      .waitFor();
    const firstSummary = pane.getByText("Some messages not deleted", { exact: true });
    expect(await firstSummary.count()).toBe(0);
    expect(later.status()).toMatchObject({ caught: 4, waiting: 4 });

    later.release();
    await firstSummary.waitFor({ timeout: 30_000 });
    await later.answered();
    // The 4 batches that were on their way were carried out and reported; nothing new was sent after the Cancel.
    const batches = emulator.control.requests().filter((r) => r.op === "$batch");
    expect(batches).toHaveLength(12);
    const deletes = emulator.control.requests().filter((r) => r.op === "permanentDelete");
    const purgedFirst = emulator.control.purges().length;
    expect(purgedFirst).toBeGreaterThan(purgedBefore);
    expect(purgedFirst).toBeLessThan(500);
    expect(deletes.filter((r) => r.status === 204)).toHaveLength(purgedFirst);
    const bar = await pane.locator("[data-intent]").last().textContent();
    expect(bar).toContain(`${purgedFirst} of 500 deleted permanently`);
    expect(bar).toContain(`${500 - purgedFirst} not attempted`);
    // The add-in never caused its own throttling: its folder reads and deletes never overlapped past 4.
    expect(emulator.control.requests().filter((r) => r.status === 429)).toEqual([]);

    // Running it again continues with what is left.
    later.end();
    const left = 500 - purgedFirst;
    await pane.getByRole("button", { name: "Dismiss" }).last().click();
    await confirmFolderPurge(pane, left, () => {
      // The folder was listed again since the first run ended, and still nothing more was deleted.
      expect(emulator.control.requests().filter((r) => r.op === "permanentDelete")).toHaveLength(
        deletes.length,
      );
    });
    await pane.getByText("Deleted permanently", { exact: true }).last().waitFor({ timeout: 60_000 });
    await screenshot(page, "folder-done");
    expect(new Set(emulator.control.purges().map((p) => p.id))).toEqual(new Set(all));
    expect(emulator.control.requests().filter((r) => r.status === 429)).toEqual([]);
  });

  it("a Cancel pressed while the folder is checked again after the yes sends nothing at all", async () => {
    const { page, emulator } = stack;
    const existing = emulator.control.messages({ folder: "deleteditems" }).length;
    if (existing < 12) emulator.control.addMessages({ folder: "deleteditems", count: 12 - existing });
    const count = emulator.control.messages({ folder: "deleteditems" }).length;
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.getByRole("button", { name: "Delete a whole folder…" }).click();
    await pane.getByLabel("Folder", { exact: true }).waitFor();
    const start = pane.getByRole("button", { name: `Delete all ${count} in Deleted Items…` });
    await start.click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    // From here the folder's count is read under a hold: the re-check after the yes waits at Graph.
    const recheck = emulator.control.hold({ op: "getMailFolder", times: 1 });
    await dialog.getByLabel(`Type ${count} to confirm`).fill(String(count));
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await recheck.caught(1);
    const progress = pane.getByRole("region", { name: "Deletion progress" });
    await progress.getByRole("button", { name: "Cancel" }).click();
    await progress
      .getByText("Stopping: nothing new is sent; what is already on its way is reported.")
      .waitFor();
    // The run ends once the re-check has its answer: until then it is still stopping.
    const summary = pane.getByText("Some messages not deleted", { exact: true });
    expect(await summary.count()).toBe(0);
    recheck.release();
    await summary.waitFor({ timeout: 30_000 });
    await recheck.answered();
    const bar = await pane.locator("[data-intent]").last().textContent();
    expect(bar).toContain(`0 of ${count} deleted permanently`);
    expect(bar).toContain(`${count} not attempted`);
    // Nothing reached Graph: no delete, no $batch, nothing purged, though the re-check answered after the Cancel.
    const writes = emulator.control.requests().filter((r) => r.op === "$batch" || r.op === "permanentDelete");
    expect(writes).toEqual([]);
    expect(emulator.control.purges()).toEqual([]);
  });

  it("purges 1,000 in Deleted Items in one run: each once, no 429, every $batch answered 200, at most 54", async () => {
    const { page, emulator } = stack;
    const existing = emulator.control.messages({ folder: "deleteditems" }).length;
    emulator.control.addMessages({ folder: "deleteditems", count: 1000 - existing });
    const all = emulator.control.messages({ folder: "deleteditems" }).map((m) => m.id);
    expect(all).toHaveLength(1000);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.getByRole("button", { name: "Delete a whole folder…" }).click();
    await pane.getByLabel("Folder", { exact: true }).waitFor();
    await pane.getByRole("button", { name: /^Delete all 1,?000 in Deleted Items…$/ }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    await dialog.getByLabel(/^Type 1,?000 to confirm/).fill("1000");
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).last().waitFor({ timeout: 60_000 });

    const purged = emulator.control.purges().map((p) => p.id);
    expect(purged).toHaveLength(1000);
    expect(new Set(purged)).toEqual(new Set(all));
    const requests = emulator.control.requests();
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    const batches = requests.filter((r) => r.op === "$batch");
    expect(batches.filter((r) => r.status !== 200)).toEqual([]);
    // 4 lanes of sequential batches of up to 20: ceil(1000 / 20) + 4.
    expect(batches.length).toBeLessThanOrEqual(54);
  });
});
