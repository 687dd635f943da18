/**
 * Meetings the person organizes. Outlook opens them as the organizer's editable form
 * (AppointmentOrganizerCommandSurface, Office.AppointmentCompose: no itemId, getItemIdAsync for a saved item); the
 * simulator does the same. What the person sees: the form, the ribbon's buttons, the confirmation saying what Graph
 * documents (and doesn't) about attendees, the result; and for a new meeting never saved, a sentence and no dialog.
 */
import { describe, expect, it } from "vitest";
import {
  commandFinished,
  deletesOf,
  dialogFrame,
  pressRibbon,
  screenshot,
  stackForThisFile,
  taskpaneFrame,
} from "./harness";

// Consent prompts (the first Mail.ReadWrite.Shared or Calendars.ReadWrite) are accepted.
const stack = stackForThisFile({ acceptConsent: true });

const ATTENDEE_NOTE = /says nothing about attendees: it doesn't say they get a cancellation/;

/** Opens the calendar and a single meeting the signed-in person organizes (with attendees). */
async function openOrganizedMeeting(): Promise<{ restId: string; subject: string }> {
  const { page } = stack;
  await page.evaluate(() => window.simulator?.openCalendar());
  return page.evaluate(() => {
    const sim = window.simulator;
    if (!sim) throw new Error("no simulator");
    const found = sim.events().find((e) => e.type === "singleInstance" && e.isOrganizer);
    if (!found) throw new Error("no single meeting organized by the person");
    sim.selectEvent(found.restId);
    return { restId: found.restId, subject: found.subject };
  });
}

describe("a meeting the person organizes", () => {
  it("opens as the organizer's form, and the ribbon's Delete purges it after a confirmation about attendees", async () => {
    const { page, emulator } = stack;
    const meeting = await openOrganizedMeeting();
    // As Outlook: the organizer's form, not a read view; no itemId, the ID only through getItemIdAsync.
    const item = await page.evaluate(() => window.simulator?.currentItem());
    expect(item).toMatchObject({ mode: "compose", itemType: "appointment" });
    expect(item && "itemId" in item).toBe(false);
    await page.getByRole("form", { name: "Meeting you organize" }).waitFor();
    const ribbon = await page.evaluate(() => window.simulator?.ribbon());
    expect(ribbon?.map((b) => [b.id, b.enabled])).toEqual([
      ["PermanentDelete.EventOrganizer.Delete", true],
      ["PermanentDelete.EventOrganizer.OpenPane", true],
    ]);

    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Cancel" }).waitFor();
    expect(await dialog.locator("#title").textContent()).toBe("Delete this event permanently?");
    await dialog.getByText("Organized by you.", { exact: false }).waitFor();
    await dialog.getByText(ATTENDEE_NOTE).waitFor();
    await dialog.getByText(/If attendees should know, cancel the meeting in Outlook instead\./).waitFor();
    await screenshot(page, "organizer-ribbon-confirm");
    expect(deletesOf(emulator, meeting.restId)).toHaveLength(0);

    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/deleted permanently/i);
    const [request, ...more] = deletesOf(emulator, meeting.restId);
    expect(more).toEqual([]);
    expect(request?.status).toBe(204);
    expect(request?.path).toBe(`/v1.0/me/events/${meeting.restId}/permanentDelete`);
    expect(emulator.control.purges()).toEqual([
      expect.objectContaining({ id: meeting.restId, kind: "event" }),
    ]);
    expect(stack.external).toEqual([]);
  });

  it("the task pane on the organizer's form shows the meeting and purges it after the same confirmation", async () => {
    const { page, emulator } = stack;
    const meeting = await openOrganizedMeeting();
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: meeting.subject }).waitFor();
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    const confirm = pane.getByRole("alertdialog");
    await confirm.getByText("Delete this event permanently?").waitFor();
    await confirm.getByText(ATTENDEE_NOTE).waitFor();
    await screenshot(page, "organizer-taskpane-confirm");
    expect(deletesOf(emulator, meeting.restId)).toHaveLength(0);

    await confirm.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, meeting.restId).map((r) => r.status)).toEqual([204]);
  });

  it("a new meeting never saved: the ribbon says there is nothing to delete yet, opens no dialog, sends nothing", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.openCalendar());
    await page.getByRole("button", { name: "New event" }).click();
    await page.getByRole("form", { name: "New event" }).waitFor();
    expect(await page.evaluate(() => window.simulator?.currentItem())).toMatchObject({
      mode: "compose",
      itemType: "appointment",
    });

    await pressRibbon(page, "Delete permanently");
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message)).toEqual([
      "This meeting hasn't been saved yet, so there's nothing to delete. If you don't want it, discard it in Outlook.",
    ]);
    await page
      .getByRole("region", { name: "Add-in notifications" })
      .getByText(/This meeting hasn't been saved yet/)
      .waitFor();
    await screenshot(page, "organizer-new-meeting");
    expect(await page.evaluate(() => window.simulator?.dialogFrame())).toBeNull();
    const log = await page.evaluate(() => window.simulator?.log() ?? []);
    expect(log.some((e) => e.kind === "dialog")).toBe(false);
    expect(emulator.control.requests().filter((r) => r.op === "permanentDelete")).toEqual([]);
  });

  it("a new meeting never saved: the task pane says the same", async () => {
    const { page } = stack;
    await page.evaluate(() => window.simulator?.openCalendar());
    await page.evaluate(() => window.simulator?.openNewMeeting("Planning"));
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByText(/This meeting hasn't been saved yet, so there's nothing to delete\./).waitFor();
    expect(await pane.getByRole("button", { name: "Delete permanently" }).count()).toBe(0);
  });
});
