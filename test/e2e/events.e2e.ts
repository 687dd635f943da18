/**
 * Calendar events: a single event purged from the task pane, an occurrence and a whole series from the ribbon's
 * confirmation page. Calendars.ReadWrite is asked for only when an event is deleted; what the emulator received
 * is checked (path, scope, what went to Purges).
 */
import type { Frame } from "playwright-core";
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

type Listed = {
  restId: string;
  subject: string;
  type: string;
  seriesMasterId: string | null;
  isOrganizer: boolean;
};

/** Opens the calendar and the first event of this kind; returns it. */
async function openEvent(type: "singleInstance" | "occurrence" | "seriesMaster"): Promise<Listed> {
  const { page } = stack;
  await page.evaluate(() => window.simulator?.openCalendar());
  const event = await page.evaluate((wanted) => {
    const sim = window.simulator;
    if (!sim) throw new Error("no simulator");
    const found = sim.events().find((e) => e.type === wanted);
    if (!found) throw new Error(`no ${wanted} in the calendar`);
    sim.selectEvent(found.restId);
    return found;
  }, type);
  return event;
}

/** The NAA token requests the host brokered, with the scopes each asked for. */
async function tokenRequests(): Promise<string[]> {
  const log = await stack.page.evaluate(() => window.simulator?.log() ?? []);
  return log.filter((e) => e.kind === "naa" && /GetToken/.test(e.detail)).map((e) => e.detail);
}
const askedForCalendars = async () => (await tokenRequests()).some((d) => d.includes("Calendars.ReadWrite"));

async function confirmInRibbonDialog(): Promise<Frame> {
  await pressRibbon(stack.page, "Delete permanently");
  const dialog = await dialogFrame(stack.page);
  await dialog.getByRole("button", { name: "Cancel" }).waitFor();
  return dialog;
}

describe("calendar events", () => {
  it("purges a single event from the task pane under /me/events with Calendars.ReadWrite asked for only then", async () => {
    const { page, emulator } = stack;
    const event = await openEvent("singleInstance");
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: event.subject }).waitFor();
    expect(await askedForCalendars()).toBe(false);

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.getByText("Delete this event permanently?").waitFor();
    await dialog.getByText("This one event is deleted from your calendar.").waitFor();
    await screenshot(page, "event-taskpane-confirm");
    expect(deletesOf(emulator, event.restId)).toHaveLength(0);
    expect(await askedForCalendars()).toBe(false);

    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();

    const [request, ...more] = deletesOf(emulator, event.restId);
    expect(more).toEqual([]);
    expect(request?.status).toBe(204);
    expect(request?.path).toBe(`/v1.0/me/events/${event.restId}/permanentDelete`);
    expect(request?.scopes).toContain("Calendars.ReadWrite");
    expect(emulator.control.purges()).toEqual([expect.objectContaining({ id: event.restId, kind: "event" })]);
    expect(await askedForCalendars()).toBe(true);
    expect(stack.external).toEqual([]);
  });

  it("purges only the occurrence from the ribbon, saying so, and leaves the rest of the series", async () => {
    const { page, emulator } = stack;
    const occurrence = await openEvent("occurrence");
    const dialog = await confirmInRibbonDialog();
    expect(await dialog.locator("#title").textContent()).toBe("Delete this one occurrence permanently?");
    await dialog
      .getByText(/Only this occurrence .* is deleted\. The other occurrences of the series stay/)
      .waitFor();
    if (occurrence.isOrganizer) await dialog.getByText(/says nothing about attendees/).waitFor();
    await screenshot(page, "event-occurrence-confirm");
    expect(await askedForCalendars()).toBe(false);

    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/deleted permanently/i);
    const [request, ...more] = deletesOf(emulator, occurrence.restId);
    expect(more).toEqual([]);
    expect(request?.status).toBe(204);
    expect(request?.path).toBe(`/v1.0/me/events/${occurrence.restId}/permanentDelete`);
    expect(request?.scopes).toContain("Calendars.ReadWrite");
    // Only the occurrence: neither the master nor another occurrence went.
    expect(emulator.control.purges().map((p) => p.id)).toEqual([occurrence.restId]);
    expect(await askedForCalendars()).toBe(true);
  });

  it("purges the whole series from the ribbon when the series is open, saying so", async () => {
    const { page, emulator } = stack;
    const master = await openEvent("seriesMaster");
    const occurrences = await page.evaluate(
      (id) => window.simulator?.events().filter((e) => e.seriesMasterId === id).length ?? 0,
      master.restId,
    );
    expect(occurrences).toBeGreaterThan(1);
    const dialog = await confirmInRibbonDialog();
    expect(await dialog.locator("#title").textContent()).toBe("Delete the whole series permanently?");
    await dialog
      .getByText(/the whole series is deleted from your calendar, with every one of its occurrences/)
      .waitFor();
    await screenshot(page, "event-series-confirm");

    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await commandFinished(page);
    expect(deletesOf(emulator, master.restId).map((r) => r.status)).toEqual([204]);
    const purged = emulator.control.purges();
    expect(purged.map((p) => p.id)).toContain(master.restId);
    expect(purged).toHaveLength(occurrences + 1);
  });

  it("deletes nothing on Cancel and asks for no calendar scope", async () => {
    const { page, emulator } = stack;
    const event = await openEvent("singleInstance");
    const dialog = await confirmInRibbonDialog();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/Nothing was deleted/);
    expect(deletesOf(emulator, event.restId)).toHaveLength(0);
    expect(emulator.control.purges()).toEqual([]);
    expect(await askedForCalendars()).toBe(false);
  });

  it("purges an event from the task pane in the China cloud, where Graph deletes events but not messages", async () => {
    const { page, emulator } = stack;
    // A China mailbox: its Graph and Entra ID are China's (tokens for microsoftgraph.chinacloudapi.cn only).
    emulator.control.configure({ cloud: "china" });
    await page.evaluate(() => window.simulator?.setCloud("china"));
    const event = await openEvent("singleInstance");
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: event.subject }).waitFor();
    expect(await pane.getByRole("group", { name: "Not available in this cloud" }).count()).toBe(0);

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    const [request, ...more] = deletesOf(emulator, event.restId);
    expect(more).toEqual([]);
    expect(request?.status).toBe(204);
    // The token was asked for the China cloud's Graph resource, and only for the calendar.
    const asked = await tokenRequests();
    expect(asked.some((d) => d.includes("microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite"))).toBe(true);
    expect(asked.some((d) => d.includes("Mail.ReadWrite"))).toBe(false);
    expect(stack.external).toEqual([]);
  });
});
