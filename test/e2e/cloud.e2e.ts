/**
 * A mailbox in a sovereign cloud: the simulator claims a US Government mailbox (its restUrl), and the add-in
 * explains that Graph has no message permanentDelete there instead of calling Graph and failing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  commandFinished,
  pressRibbon,
  resetStack,
  type Stack,
  screenshot,
  selectMessage,
  startStack,
  taskpaneFrame,
} from "./harness";

let stack: Stack;

// The shell itself lists folders and messages (as Outlook shows the mailbox); anything else came from the add-in.
const SHELL_READS = new Set(["listMailFolders", "getMailFolder", "listMessages"]);
const addinRequests = () => stack.emulator.control.requests().filter((r) => !SHELL_READS.has(r.op ?? ""));

async function tokenRequests(): Promise<unknown[]> {
  const log = await stack.page.evaluate(() => window.simulator?.log() ?? []);
  return log.filter((e) => e.kind === "naa" && /GetToken/.test(e.detail));
}

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(async () => {
  await resetStack(stack);
});

describe("sovereign cloud", () => {
  it("explains in the pane that a US Government mailbox can't be purged, and nothing reaches the emulator", async () => {
    const { page } = stack;
    await page.evaluate(() => window.simulator?.setCloud("usgov"));
    const message = await selectMessage(page, 0);
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: message.subject }).waitFor();
    const bar = pane.getByRole("group", { name: "Not available in this cloud" });
    await bar.waitFor();
    const text = (await bar.textContent()) ?? "";
    expect(text).toContain("US Government cloud (GCC High)");
    expect(text).toContain("exists only in Microsoft's global cloud");
    expect(text).toContain("Nothing was deleted");
    expect(await pane.getByRole("button", { name: "Delete permanently" }).count()).toBe(0);
    await screenshot(page, "cloud-usgov-pane");
    // No token asked for, so the add-in can't have called Graph; and nothing but the shell's own reads arrived.
    expect(await tokenRequests()).toEqual([]);
    expect(addinRequests()).toEqual([]);
    expect(stack.external).toEqual([]);
  });

  it("says the same in the ribbon's notification, without a dialog or a request", async () => {
    const { page } = stack;
    await page.evaluate(() => window.simulator?.setCloud("usgov"));
    await selectMessage(page, 1);
    await pressRibbon(page, "Delete permanently");
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message)).toEqual([
      "Microsoft Graph can't permanently delete messages in the US Government cloud, where this mailbox is. Nothing was deleted.",
    ]);
    expect(await page.evaluate(() => window.simulator?.dialogFrame())).toBeNull();
    expect(await tokenRequests()).toEqual([]);
    expect(addinRequests()).toEqual([]);
  });

  it("still purges in the global cloud", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.setCloud("global"));
    const message = await selectMessage(page, 0);
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(emulator.control.purges().map((p) => p.id)).toEqual([message.id]);
  });
});
