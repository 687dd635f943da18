/**
 * Shared and delegate mailboxes end to end: the production build in the simulator against the emulator, whose
 * sales@ mailbox gives Adele full access and whose reception@ mailbox gives her Read, Write, DeleteOwn and EditOwn.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RECEPTION, SALES } from "../../dev/emulator/server";
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

// Consent prompts (the first Mail.ReadWrite.Shared or Calendars.ReadWrite) are accepted.
const stack = stackForThisFile({ acceptConsent: true });

async function openMailbox(
  upn: string,
  options?: { mode?: "shared" | "other-mailbox"; delegatePermissions?: number },
): Promise<void> {
  await stack.page.evaluate(([u, o]) => window.simulator?.openMailbox(u, o), [upn, options] as const);
}

async function openPane(): Promise<Frame> {
  await stack.page.getByRole("button", { name: /Permanent Delete pane/ }).click();
  return taskpaneFrame(stack.page);
}

/** The NAA token requests the host brokered, with the scopes each asked for. */
async function tokenRequests(): Promise<string[]> {
  const log = await stack.page.evaluate(() => window.simulator?.log() ?? []);
  return log.filter((e) => e.kind === "naa" && /GetToken/.test(e.detail)).map((e) => e.detail);
}

describe("shared mailbox", () => {
  it("purges a message in sales@ under /users/sales… with a Mail.ReadWrite.Shared token asked for only then", async () => {
    const { page, emulator } = stack;
    await openMailbox(SALES.upn);
    const message = await selectMessage(page, 0);
    const pane = await openPane();
    await pane.getByRole("heading", { name: message.subject }).waitFor();
    await pane.getByText(SALES.upn).first().waitFor();
    expect((await tokenRequests()).some((d) => d.includes("Mail.ReadWrite.Shared"))).toBe(false);

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.getByText(`In the mailbox ${SALES.upn}, not your own.`).waitFor();
    await screenshot(page, "shared-confirm");
    expect(deletesOf(emulator, message.id)).toHaveLength(0);
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();

    const [request, ...more] = deletesOf(emulator, message.id);
    expect(more).toEqual([]);
    expect(request?.status).toBe(204);
    expect(request?.path).toBe(`/v1.0/users/${SALES.upn}/messages/${message.id}/permanentDelete`);
    expect(request?.scopes).toContain("Mail.ReadWrite.Shared");
    expect(emulator.control.purges()).toEqual([
      expect.objectContaining({ id: message.id, mailbox: SALES.upn }),
    ]);
    expect((await tokenRequests()).some((d) => d.includes("Mail.ReadWrite.Shared"))).toBe(true);
    expect(stack.external).toEqual([]);
  });

  it("names the mailbox in the ribbon's confirmation and purges there", async () => {
    const { page, emulator } = stack;
    await openMailbox(SALES.upn);
    const message = await selectMessage(page, 1);
    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByText(`In the mailbox ${SALES.upn}, not your own.`).waitFor();
    await screenshot(page, "shared-ribbon-confirm");
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/Deleted permanently/);
    expect(deletesOf(emulator, message.id).map((r) => [r.mailbox, r.status])).toEqual([[SALES.upn, 204]]);
  });

  it("doesn't offer Delete for received mail with only DeleteOwn rights, says why, and sends nothing", async () => {
    const { page, emulator } = stack;
    await openMailbox(RECEPTION.upn);
    expect(await page.evaluate(() => window.simulator?.mailboxView()?.delegatePermissions)).toBe(
      1 | 2 | 4 | 16,
    );
    await page.evaluate(() => window.simulator?.openFolder("inbox"));
    const message = await selectMessage(page, 0);
    const pane = await openPane();
    await pane.getByRole("heading", { name: message.subject }).waitFor();
    const bar = pane.getByRole("group", { name: "Can't delete in this mailbox" });
    await bar.waitFor();
    expect(await bar.textContent()).toContain(
      `Your permissions on ${RECEPTION.upn} let you delete only items you created there`,
    );
    expect(await pane.getByRole("button", { name: "Delete permanently" }).count()).toBe(0);
    await screenshot(page, "shared-refused");

    // The ribbon refuses the same way, without opening a dialog.
    await pressRibbon(page, "Delete permanently");
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(
      /only your own items in reception@.*Nothing was deleted/,
    );
    expect(await page.evaluate(() => window.simulator?.dialogFrame())).toBeNull();
    expect(emulator.control.requests().filter((r) => r.op === "permanentDelete")).toEqual([]);
  });

  it("lets a delegate with DeleteOwn purge a draft she wrote in that mailbox", async () => {
    const { page, emulator } = stack;
    await openMailbox(RECEPTION.upn);
    await page.evaluate(() => window.simulator?.openFolder("drafts"));
    const message = await selectMessage(page, 0);
    const pane = await openPane();
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => [r.mailbox, r.status])).toEqual([[RECEPTION.upn, 204]]);
  });

  it("explains Exchange's 403 ErrorAccessDenied on /users as missing delete rights when Outlook's bits were wrong", async () => {
    const { page, emulator } = stack;
    // Outlook claims DeleteAll, Exchange knows better: the request is sent and refused.
    await openMailbox(RECEPTION.upn, { delegatePermissions: 1 | 2 | 4 | 8 });
    await page.evaluate(() => window.simulator?.openFolder("inbox"));
    const message = await selectMessage(page, 0);
    const pane = await openPane();
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    const bar = pane.getByRole("group", { name: "Not deleted" });
    await bar.waitFor();
    const text = (await bar.textContent()) ?? "";
    expect(text).toContain("You don't have delete rights on that mailbox");
    expect(text).toContain("(Graph error ErrorAccessDenied)");
    expect(text).toContain("Mail.ReadWrite.Shared permission is granted");
    expect(text).toContain("Nothing was deleted");
    await screenshot(page, "shared-403");
    expect(deletesOf(emulator, message.id).map((r) => [r.mailbox, r.status, r.errorCode])).toEqual([
      [RECEPTION.upn, 403, "ErrorAccessDenied"],
    ]);
    expect(emulator.control.purges()).toEqual([]);
  });

  it("treats a mailbox opened with 'Open another mailbox' as /users/{its address}", async () => {
    const { page, emulator } = stack;
    await openMailbox(SALES.upn, { mode: "other-mailbox" });
    const message = await selectMessage(page, 2);
    const pane = await openPane();
    await pane.getByText(/opened as another mailbox/).waitFor();
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => [r.mailbox, r.status])).toEqual([[SALES.upn, 204]]);
  });
});
