/** What the person sees in the task pane when Graph fails, and what reached the emulator. */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { FaultRule } from "../../dev/emulator/server";
import { deletesOf, screenshot, selectMessage, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

async function openPaneOn(index: number): Promise<{ pane: Frame; id: string; subject: string }> {
  const { page } = stack;
  const message = await selectMessage(page, index);
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("heading", { name: message.subject }).waitFor();
  return { pane, ...message };
}

async function purgeInPane(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: "Delete permanently" }).click();
  await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
}

async function resultText(pane: Frame, title: string): Promise<string> {
  const bar = pane.getByText(title, { exact: true });
  await bar.waitFor();
  return ((await pane.locator("[aria-live]").first().textContent()) ?? "").replace(/\s+/g, " ");
}

function fault(id: string, action: FaultRule["action"], extra: Partial<FaultRule> = {}) {
  stack.emulator.control.addFault({ op: "permanentDelete", itemId: id, action, ...extra });
}

describe("task pane failures", () => {
  it("reads a 404 as not found, calmly", async () => {
    const { pane, id } = await openPaneOn(0);
    fault(id, { kind: "error", status: 404 });
    await purgeInPane(pane);
    const text = await resultText(pane, "Not found");
    expect(text).toMatch(/wasn't found where Outlook showed it: deleted, or moved/);
    expect(text).not.toMatch(/no longer|gone/i);
    expect(await pane.locator('[data-intent="error"]').count()).toBe(0);
    expect(stack.emulator.control.purges()).toEqual([]);
  });

  it("names the missing permission and Graph's code on 403", async () => {
    const { pane, id } = await openPaneOn(1);
    fault(id, { kind: "error", status: 403, code: "ErrorAccessDenied" });
    await purgeInPane(pane);
    const text = await resultText(pane, "Not deleted");
    await screenshot(stack.page, "taskpane-403");
    expect(text).toContain("Mail.ReadWrite");
    expect(text).toContain("ErrorAccessDenied");
    expect(deletesOf(stack.emulator, id).map((r) => r.status)).toEqual([403]);
  });

  it("waits for Retry-After on 429 and then succeeds", async () => {
    stack.emulator.control.configure({ exposeRetryAfter: true });
    try {
      const { pane, id } = await openPaneOn(2);
      fault(id, { kind: "error", status: 429, retryAfter: { seconds: 1 } }, { times: 1 });
      await purgeInPane(pane);
      await resultText(pane, "Deleted permanently");
      const attempts = deletesOf(stack.emulator, id);
      expect(attempts.map((r) => r.status)).toEqual([429, 204]);
      const [first, second] = attempts;
      expect(Date.parse(second?.startedAt ?? "") - Date.parse(first?.startedAt ?? "")).toBeGreaterThanOrEqual(
        1000,
      );
    } finally {
      stack.emulator.control.configure({ exposeRetryAfter: false });
    }
  });

  it("reports a dropped connection as a failure and deletes nothing", async () => {
    const { pane, id } = await openPaneOn(3);
    fault(id, { kind: "drop" });
    await purgeInPane(pane);
    const text = await resultText(pane, "Not deleted");
    expect(text).toMatch(/reach Microsoft Graph|connection/i);
    expect(stack.emulator.control.purges()).toEqual([]);
    // The add-in sends the POST once (the Graph client's unit tests count exactly one); Chromium itself may
    // resend a request whose reused keep-alive connection was reset before any answer, so up to two arrive.
    expect(deletesOf(stack.emulator, id).length).toBeLessThanOrEqual(2);
    expect(deletesOf(stack.emulator, id).every((r) => r.status === "dropped")).toBe(true);
  });

  it("deletes nothing when the selection changes while the confirmation is open", async () => {
    const { page } = stack;
    const { pane, id } = await openPaneOn(4);
    await page.evaluate(() => window.simulator?.pinTaskpane(true));
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    const other = await selectMessage(page, 5);
    // The pane behind the modal dialog follows the new selection (it is aria-hidden while the dialog is open).
    await pane
      .getByRole("heading", { name: other.subject, exact: true, includeHidden: true })
      .first()
      .waitFor({ state: "attached" });
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const text = await resultText(pane, "Nothing deleted");
    expect(text).toMatch(/selection changed/i);
    expect(deletesOf(stack.emulator, id)).toHaveLength(0);
    expect(deletesOf(stack.emulator, other.id)).toHaveLength(0);
    expect(stack.emulator.control.requests().filter((r) => r.op === "permanentDelete")).toEqual([]);
  });
});
