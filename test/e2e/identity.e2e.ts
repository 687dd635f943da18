/**
 * A person whose sign-in name (UPN, alex.wilber@contoso.onmicrosoft.com) is not their email address
 * (alex.wilber@contoso.com, alias alex@contoso.com): Outlook shows the email address, getAuthContext the UPN
 * (docs/platform-facts.md#identity-upn-and-mail-address). Their own mail, folders and events are purged under /me without a Mail.ReadWrite.Shared consent;
 * a mailbox opened with "Open another mailbox" and a shared folder still go to /users/{owner} with it.
 */
import type { Frame } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { ALEX, SALES, TENANT_ID } from "../../dev/emulator/server";
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

const stack = stackForThisFile({
  shell: {
    user: {
      upn: ALEX.upn,
      mail: ALEX.mail ?? "",
      name: ALEX.displayName,
      oid: ALEX.id,
      tid: TENANT_ID,
      timeZone: "W. Europe Standard Time",
    },
  },
  // Consent prompts (the first Mail.ReadWrite.Shared or Calendars.ReadWrite) are accepted.
  acceptConsent: true,
});

// The simulator's reset keeps the calendar open if a test opened it: start each test in the inbox.
beforeEach(async () => {
  await stack.page.evaluate(() => window.simulator?.openFolder("inbox"));
});

async function openPane(): Promise<Frame> {
  await stack.page.getByRole("button", { name: /Permanent Delete pane/ }).click();
  return taskpaneFrame(stack.page);
}

/** The NAA token requests the host brokered, with the scopes each asked for. */
async function tokenRequests(): Promise<string[]> {
  const log = await stack.page.evaluate(() => window.simulator?.log() ?? []);
  return log.filter((e) => e.kind === "naa" && /GetToken/.test(e.detail)).map((e) => e.detail);
}
const askedForShared = async () => (await tokenRequests()).some((d) => d.includes("Mail.ReadWrite.Shared"));

async function deleteInPane(pane: Frame): Promise<void> {
  await pane.getByRole("button", { name: "Delete permanently" }).click();
  await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
  await pane.getByText("Deleted permanently", { exact: true }).waitFor();
}

describe("a person whose UPN isn't their email address", () => {
  it("shows their email address in Outlook and their UPN as the signed-in account", async () => {
    const profile = await stack.page.evaluate(() => {
      const sim = window.simulator;
      return { mailbox: sim?.mailboxView() ?? null, user: sim?.host.config.user };
    });
    expect(profile).toEqual({
      mailbox: null,
      user: expect.objectContaining({ upn: ALEX.upn, mail: ALEX.mail }),
    });
  });

  it("purges their own message from the pane under /me, offers the mailbox views, asks no .Shared scope", async () => {
    const { page, emulator } = stack;
    const message = await selectMessage(page, 0);
    const pane = await openPane();
    await pane.getByRole("heading", { name: message.subject }).waitFor();
    await pane.getByRole("button", { name: "Delete a whole folder…" }).waitFor();
    expect(await pane.getByText(/opened as another mailbox|shared with you/).count()).toBe(0);
    await deleteInPane(pane);
    expect(deletesOf(emulator, message.id).map((r) => [r.path, r.status])).toEqual([
      [`/v1.0/me/messages/${message.id}/permanentDelete`, 204],
    ]);
    expect(emulator.control.purges()).toEqual([
      expect.objectContaining({ id: message.id, mailbox: ALEX.upn }),
    ]);
    expect(await askedForShared()).toBe(false);
    await screenshot(page, "identity-own-pane");
  });

  it("purges their own message from the ribbon under /me, asks no .Shared scope", async () => {
    const { page, emulator } = stack;
    const message = await selectMessage(page, 1);
    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await commandFinished(page);
    // What was sent is the proof: the shell may already have dropped the purged message (and its notification bar)
    // when the dialog window's closing gave it focus, so the bar isn't read here (ribbon.e2e reads it for Adele).
    expect(await page.evaluate(() => window.simulator?.lastCommand()?.timedOut)).toBe(false);
    expect(deletesOf(emulator, message.id).map((r) => [r.path, r.status])).toEqual([
      [`/v1.0/me/messages/${message.id}/permanentDelete`, 204],
    ]);
    expect(await askedForShared()).toBe(false);
  });

  it("deletes one of their own folders from the pane, asks no .Shared scope", async () => {
    const { page, emulator } = stack;
    const mailbox = emulator.state.findMailbox(ALEX.upn);
    const folder = [...(mailbox?.folders.values() ?? [])].find((f) => f.displayName === "Contoso Launch");
    if (!folder) throw new Error("no Contoso Launch folder");
    const count = [...(mailbox?.messages.values() ?? [])].filter((m) => m.folderId === folder.id).length;
    await selectMessage(page, 2);
    const pane = await openPane();
    await pane.getByRole("button", { name: "Delete a whole folder…" }).click();
    await pane.getByLabel("Folder", { exact: true }).selectOption(folder.id);
    await pane.getByRole("button", { name: "Delete the folder “Contoso Launch” itself…" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    if (count >= 10) await dialog.getByLabel(`Type ${count} to confirm`).fill(String(count));
    await dialog.getByRole("button", { name: "Delete folder permanently" }).click();
    await pane.getByText("Folder deleted", { exact: true }).waitFor();
    const sent = emulator.control.requests().filter((r) => r.op === "permanentDeleteMailFolder");
    expect(sent.map((r) => [r.path, r.status])).toEqual([
      [`/v1.0/me/mailFolders/${folder.id}/permanentDelete`, 204],
    ]);
    expect(await askedForShared()).toBe(false);
  });

  it("purges an event they organize from the pane under /me/events, not refused as a shared calendar", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.openCalendar());
    const event = await page.evaluate(() => {
      const found = window.simulator?.events().find((e) => e.type === "singleInstance" && e.isOrganizer);
      if (!found) throw new Error("no event Alex organizes");
      window.simulator?.selectEvent(found.restId);
      return found;
    });
    const pane = await openPane();
    await pane.getByRole("heading", { name: event.subject }).waitFor();
    await deleteInPane(pane);
    expect(deletesOf(emulator, event.restId).map((r) => [r.path, r.status])).toEqual([
      [`/v1.0/me/events/${event.restId}/permanentDelete`, 204],
    ]);
    expect(await askedForShared()).toBe(false);
  });

  it("treats the mailbox as their own when Outlook shows one of their aliases", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => {
      const user = window.simulator?.host.config.user;
      if (user) user.mail = "alex@contoso.com";
    });
    try {
      const message = await selectMessage(page, 3);
      const pane = await openPane();
      await pane.getByRole("heading", { name: message.subject }).waitFor();
      expect(await pane.evaluate(() => Office.context.mailbox.userProfile.emailAddress)).toBe(
        "alex@contoso.com",
      );
      await deleteInPane(pane);
      expect(deletesOf(emulator, message.id).map((r) => [r.path, r.status])).toEqual([
        [`/v1.0/me/messages/${message.id}/permanentDelete`, 204],
      ]);
      expect(await askedForShared()).toBe(false);
    } finally {
      await page.evaluate((mail) => {
        const user = window.simulator?.host.config.user;
        if (user) user.mail = mail;
      }, ALEX.mail ?? "");
    }
  });

  it("still treats a mailbox opened with 'Open another mailbox' as /users/{its address}, with .Shared", async () => {
    const { page, emulator } = stack;
    await page.evaluate((upn) => window.simulator?.openMailbox(upn, { mode: "other-mailbox" }), SALES.upn);
    const message = await selectMessage(page, 0);
    const pane = await openPane();
    await pane.getByText(/opened as another mailbox/).waitFor();
    expect(await pane.getByRole("button", { name: "Delete a whole folder…" }).count()).toBe(0);
    await deleteInPane(pane);
    expect(deletesOf(emulator, message.id).map((r) => [r.path, r.status])).toEqual([
      [`/v1.0/users/${SALES.upn}/messages/${message.id}/permanentDelete`, 204],
    ]);
    expect(await askedForShared()).toBe(true);
  });

  it("still purges in a shared folder from the ribbon under /users/{owner}, with .Shared", async () => {
    const { page, emulator } = stack;
    await page.evaluate((upn) => window.simulator?.openMailbox(upn), SALES.upn);
    const message = await selectMessage(page, 1);
    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByText(`In the mailbox ${SALES.upn}, not your own.`).waitFor();
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await commandFinished(page);
    expect(deletesOf(emulator, message.id).map((r) => [r.mailbox, r.status])).toEqual([[SALES.upn, 204]]);
    expect(await askedForShared()).toBe(true);
  });
});
