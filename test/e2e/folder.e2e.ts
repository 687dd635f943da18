/** Purging a whole folder: 500 messages, Cancel part way, then run again to finish what is left. */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

async function confirmFolderPurge(pane: Frame, count: number): Promise<void> {
  const start = pane.getByRole("button", { name: `Delete all ${count} in Deleted Items…` });
  await start.click();
  const dialog = pane.getByRole("alertdialog");
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(`all ${count} messages in Deleted Items`);
  await dialog.getByLabel(`Type ${count} to confirm`).fill(String(count));
  await dialog.getByRole("button", { name: "Delete permanently" }).click();
}

describe("folder purge", () => {
  it("purges 500 in Deleted Items with Cancel part way, and a second run finishes the rest", async () => {
    const { page, emulator } = stack;
    const existing = emulator.control.messages({ folder: "deleteditems" }).length;
    emulator.control.addMessages({ folder: "deleteditems", count: 500 - existing });
    const all = emulator.control.messages({ folder: "deleteditems" }).map((m) => m.id);
    expect(all).toHaveLength(500);
    // Slow enough to press Cancel part way.
    emulator.control.configure({ requestTimeMs: 25 });
    try {
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
      // Wait until at least 100 are gone, then cancel.
      await expect
        .poll(() => emulator.control.purges().length, { timeout: 30_000, interval: 50 })
        .toBeGreaterThanOrEqual(100);
      await screenshot(page, "folder-progress");
      await progress.getByRole("button", { name: "Cancel" }).click();
      const firstSummary = pane.getByText("Some messages not deleted", { exact: true });
      await firstSummary.waitFor({ timeout: 30_000 });
      const purgedFirst = emulator.control.purges().length;
      expect(purgedFirst).toBeGreaterThanOrEqual(100);
      expect(purgedFirst).toBeLessThan(500);
      const sentAtCancel = emulator.control.requests().filter((r) => r.op === "permanentDelete").length;
      const bar = await pane.locator("[data-intent]").last().textContent();
      expect(bar).toContain(`${purgedFirst} of 500 deleted permanently`);
      expect(bar).toContain(`${500 - purgedFirst} not attempted`);
      // The add-in never caused its own throttling: its folder reads and deletes never overlapped past 4.
      expect(emulator.control.requests().filter((r) => r.status === 429)).toEqual([]);
      // Nothing was sent after the run ended.
      await page.waitForTimeout(300);
      expect(emulator.control.requests().filter((r) => r.op === "permanentDelete")).toHaveLength(
        sentAtCancel,
      );

      // Running it again continues with what is left.
      const left = 500 - purgedFirst;
      await pane.getByRole("button", { name: "Dismiss" }).last().click();
      await confirmFolderPurge(pane, left);
      await pane.getByText("Deleted permanently", { exact: true }).last().waitFor({ timeout: 60_000 });
      await screenshot(page, "folder-done");
      expect(new Set(emulator.control.purges().map((p) => p.id))).toEqual(new Set(all));
      expect(emulator.control.requests().filter((r) => r.status === 429)).toEqual([]);
    } finally {
      emulator.control.configure({ requestTimeMs: 0 });
    }
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
    // From here the folder's count is read slowly: the re-check after the yes takes 3 s.
    emulator.control.addFault({ op: "getMailFolder", latencyMs: 3000, action: { kind: "latency" } });
    await dialog.getByLabel(`Type ${count} to confirm`).fill(String(count));
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const progress = pane.getByRole("region", { name: "Deletion progress" });
    await progress.getByRole("button", { name: "Cancel" }).click();
    await pane.getByText("Some messages not deleted", { exact: true }).waitFor({ timeout: 30_000 });
    const bar = await pane.locator("[data-intent]").last().textContent();
    expect(bar).toContain(`0 of ${count} deleted permanently`);
    expect(bar).toContain(`${count} not attempted`);
    // Nothing reached Graph: no delete, no $batch, nothing purged, also a moment later.
    await page.waitForTimeout(500);
    const writes = emulator.control.requests().filter((r) => r.op === "$batch" || r.op === "permanentDelete");
    expect(writes).toEqual([]);
    expect(emulator.control.purges()).toEqual([]);
  });
});
