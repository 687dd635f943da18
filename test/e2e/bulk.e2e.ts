/** Bulk purges in the task pane: multi-select with throttled and missing members, the CSV report. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { screenshot, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

/** Parses the add-in's CSV (RFC 4180: quoted cells, doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && body[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

describe("bulk purge from a multi-selection", () => {
  it("purges 50 selected messages through 429s and a 404, reports each, and the CSV matches the emulator", async () => {
    const { page, emulator } = stack;
    const inbox = await page.evaluate(() => window.simulator?.messages().slice(0, 50) ?? []);
    expect(inbox).toHaveLength(50);
    const ids = inbox.map((m) => m.restId);
    const idAt = (i: number): string => {
      const id = ids[i];
      if (!id) throw new Error(`no message at ${i}`);
      return id;
    };
    const [gone, t1, t2, t3] = [idAt(7), idAt(11), idAt(23), idAt(42)];
    // One message disappears after it was listed; three are throttled once each, inside $batch.
    emulator.control.addFault({
      op: "permanentDelete",
      itemId: gone,
      action: { kind: "error", status: 404 },
    });
    for (const id of [t1, t2, t3]) {
      emulator.control.addFault({
        op: "permanentDelete",
        itemId: id,
        times: 1,
        action: { kind: "error", status: 429, retryAfter: { seconds: 1 } },
      });
    }

    await page.evaluate((refs) => window.simulator?.selectMessages(refs), ids);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    const deleteButton = pane.getByRole("button", { name: "Delete 50 permanently" });
    await deleteButton.waitFor();
    expect(emulator.control.requests().filter((r) => r.op === "permanentDelete")).toEqual([]);
    await screenshot(page, "bulk-selection");

    await deleteButton.click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    const confirm = dialog.getByRole("button", { name: "Delete permanently" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel("Type 50 to confirm").fill("50");
    await screenshot(page, "bulk-confirm");
    await confirm.click();

    await pane.getByRole("region", { name: "Report" }).waitFor({ timeout: 60_000 });
    await screenshot(page, "bulk-report");

    const purged = emulator.control.purges().map((p) => p.id);
    expect(new Set(purged)).toEqual(new Set(ids.filter((id) => id !== gone)));
    const deletes = emulator.control.requests().filter((r) => r.op === "permanentDelete");
    expect(deletes.filter((r) => r.status === 429)).toHaveLength(3);
    expect(deletes.every((r) => r.batchMember)).toBe(true);
    // Never more than 20 members in a batch.
    const perBatch = new Map<string, number>();
    for (const r of deletes)
      perBatch.set(r.batchRequestId ?? "", (perBatch.get(r.batchRequestId ?? "") ?? 0) + 1);
    expect(Math.max(...perBatch.values())).toBeLessThanOrEqual(20);

    // The CSV, as downloaded, names every item once with the outcome the emulator recorded.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pane.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    const path = await download.path();
    const rows = parseCsv(await readFile(path, "utf8"));
    expect(rows[0]).toEqual([
      "Subject",
      "Sender",
      "Sender address",
      "Received",
      "Folder",
      "Outcome",
      "Reason",
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(50);
    const bySubject = new Map(inbox.map((m) => [m.restId, m.subject]));
    const deletedSubjects = purged.map((id) => bySubject.get(id)).sort();
    const reportedDeleted = body
      .filter((r) => r[5] === "Deleted permanently")
      .map((r) => r[0]?.replace(/^'/, ""));
    expect(reportedDeleted.sort()).toEqual(deletedSubjects);
    expect(body.filter((r) => r[5] === "Not found")).toHaveLength(1);
    expect(stack.external).toEqual([]);
  });

  it("purges 5 selected messages against the strict emulator: one outcome each, only shapes Graph accepts", async () => {
    const { page, emulator } = stack;
    const picked = await page.evaluate(() => window.simulator?.messages().slice(0, 5) ?? []);
    expect(picked).toHaveLength(5);
    const ids = picked.map((m) => m.restId);
    await page.evaluate((refs) => window.simulator?.selectMessages(refs), ids);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    const deleteButton = pane.getByRole("button", { name: "Delete 5 permanently" });
    await deleteButton.waitFor();
    await deleteButton.click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    // Below 10 items the confirmation asks for no typed count.
    expect(await dialog.getByLabel("Type 5 to confirm").count()).toBe(0);
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("region", { name: "Report" }).waitFor({ timeout: 30_000 });

    // Each selected message purged exactly once; no batch refused (the emulator refuses a mixed or forward-
    // depending $batch with 400 and answers 424 after a failed sequential member).
    const purged = emulator.control.purges().map((p) => p.id);
    expect(purged.sort()).toEqual([...ids].sort());
    const batches = emulator.control.requests().filter((r) => r.op === "$batch");
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((r) => r.status === 200)).toBe(true);
    const deletes = emulator.control.requests().filter((r) => r.op === "permanentDelete");
    expect(deletes.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
    // 5 items: more than one parallel batch's worth (4), so lanes; deleting requests stay within ceil(5/20) + 4.
    expect(batches.length).toBeLessThanOrEqual(5);
    expect(await pane.getByRole("region", { name: "Report" }).textContent()).toContain("Deleted permanently");
  });
});
