/**
 * Conversation view. In Outlook on the web and the new Outlook, selecting a collapsed conversation
 * selects every message of it, in other folders too (learn.microsoft.com/office/dev/add-ins/outlook/item-multi-select,
 * "Multi-select in conversations"); the simulator does the same. The pane lists exactly what Outlook selected with
 * each message's folder, ticks nothing when the selection spans folders, and deletes exactly what was ticked.
 */
import { describe, expect, it } from "vitest";
import { screenshot, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

describe("conversation view: a collapsed conversation across folders", () => {
  it("selects the conversation in every folder; the pane names each folder and deletes only what was ticked", async () => {
    const { page, emulator } = stack;
    // A conversation with messages in the Inbox and in Sent Items (the emulator's seeded threads).
    const inbox = emulator.control.messages({ folder: "inbox" });
    const sent = emulator.control.messages({ folder: "sentitems" });
    const inInbox = new Set(inbox.map((m) => m.conversationId));
    const conversationId = sent.find((m) => inInbox.has(m.conversationId))?.conversationId;
    if (!conversationId) throw new Error("no conversation spans the Inbox and Sent Items");
    const members = [...inbox, ...sent].filter((m) => m.conversationId === conversationId);
    const everywhere = emulator.control.messages().filter((m) => m.conversationId === conversationId);

    await page.evaluate(() => window.simulator?.setConversationView(true));
    // The list shows conversations: clicking the row selects the whole conversation.
    const row = page.locator(`[data-conversation-id="${conversationId}"]`);
    await row.click();
    await page.waitForFunction((n) => window.simulator?.selection().length === n, everywhere.length);
    const selected = await page.evaluate(() => window.simulator?.selectedMessages() ?? []);
    expect(new Set(selected.map((m) => m.restId))).toEqual(new Set(everywhere.map((m) => m.id)));
    expect(new Set(selected.map((m) => m.folderId)).size).toBeGreaterThan(1);
    expect(members.length).toBeLessThanOrEqual(everywhere.length);

    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    const folders = [...new Set(everywhere.map((m) => m.folder))];
    const note = pane.getByRole("note").filter({ hasText: "Outlook selected a conversation" });
    await note.waitFor();
    for (const folder of folders) expect(await note.textContent()).toContain(folder);
    const boxes = pane.getByRole("checkbox");
    expect(await boxes.count()).toBe(everywhere.length);
    for (let i = 0; i < everywhere.length; i++) expect(await boxes.nth(i).isChecked()).toBe(false);
    expect(await pane.getByRole("button", { name: "Delete 0 permanently" }).isDisabled()).toBe(true);
    await screenshot(page, "conversation-selection");

    // Tick the conversation's messages in the Inbox only.
    const inboxMembers = everywhere.filter((m) => m.folder === "Inbox");
    expect(inboxMembers.length).toBeGreaterThan(0);
    const items = pane.getByRole("region", { name: "Selected messages" }).getByRole("listitem");
    expect(await items.count()).toBe(everywhere.length);
    for (let i = 0; i < everywhere.length; i++) {
      const item = items.nth(i);
      if ((await item.textContent())?.includes("· Inbox")) await item.getByRole("checkbox").check();
    }
    const ticked = await pane.getByRole("checkbox", { checked: true }).count();
    expect(ticked).toBe(inboxMembers.length);
    await pane.getByRole("button", { name: `Delete ${ticked} permanently` }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    // The confirmation names exactly what goes: the ticked messages, counted.
    const noun = ticked === 1 ? "message" : "messages";
    expect(await dialog.textContent()).toContain(`the ${ticked} selected ${noun} you ticked`);
    await screenshot(page, "conversation-confirm");
    const typed = dialog.getByLabel(`Type ${ticked} to confirm`);
    if ((await typed.count()) > 0) await typed.fill(String(ticked));
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("region", { name: "Report" }).waitFor({ timeout: 60_000 });

    // Only the ticked Inbox messages went; the conversation's Sent Items stayed.
    expect(new Set(emulator.control.purges().map((p) => p.id))).toEqual(
      new Set(inboxMembers.map((m) => m.id)),
    );
    const left = emulator.control.messages().filter((m) => m.conversationId === conversationId);
    expect(left.every((m) => m.folder !== "Inbox")).toBe(true);
    expect(left.length).toBe(everywhere.length - inboxMembers.length);
    expect(stack.external).toEqual([]);
  });
});
