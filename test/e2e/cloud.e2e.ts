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
  // Calendars.ReadWrite's first use goes interactive, and the person accepts the prompt.
  stack = await startStack({ acceptConsent: true });
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

  it("signs in through the dialog fallback for the China cloud's Graph, and purges an event there", async () => {
    const { page, emulator } = stack;
    // A China mailbox: its Graph and Entra ID are China's (tokens for microsoftgraph.chinacloudapi.cn only).
    emulator.control.configure({ cloud: "china" });
    await page.evaluate(() => window.simulator?.setCloud("china"));
    await page.evaluate(() => window.simulator?.setNaa(false));
    await page.evaluate(() => window.simulator?.openCalendar());
    const event = await page.evaluate(() => {
      const sim = window.simulator;
      const found = sim?.events().find((e) => e.type === "singleInstance");
      if (!sim || !found) throw new Error("no single event in the calendar");
      sim.selectEvent(found.restId);
      return found;
    });
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: event.subject }).waitFor();
    // No nested app auth: signin.html runs the redirect flow in an Office dialog, told the mailbox's cloud.
    const signIn = pane.getByRole("button", { name: "Sign in" });
    await signIn.click();
    await signIn.waitFor({ state: "detached", timeout: 30_000 });
    const authorize = emulator.control
      .requests()
      .filter((r) => r.kind === "identity" && r.op === "authorize");
    expect(authorize.length).toBeGreaterThan(0);
    const asked = authorize.map((r) => new URLSearchParams(r.query).get("scope") ?? "").join(" ");
    // The China cloud's Graph resource and the calendar scope only: an event delete needs Calendars.ReadWrite, and
    // Mail.ReadWrite would be a permission the operation doesn't use.
    expect(asked).toContain("https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite");
    expect(asked).not.toContain("Mail.ReadWrite");

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    const deletes = emulator.control.requests().filter((r) => r.op === "permanentDelete");
    expect(deletes.map((r) => [r.itemId, r.status])).toEqual([[event.restId, 204]]);
    expect(deletes[0]?.scopes).toContain("Calendars.ReadWrite");
    expect(stack.external).toEqual([]);
  });
});
