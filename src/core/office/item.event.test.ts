import { afterEach, describe, expect, it, vi } from "vitest";
import {
  appointmentRead,
  type FakeItem,
  installOffice,
  organizerForm,
} from "../../../test/support/officeFake";
import { toShownItem } from "../purge/dialogConfirm";
import { eventConfirmation } from "../purge/eventWording";
import { parseToPage } from "../purge/protocol";
import { itemToTarget } from "../purge/targets";
import { DraftNotSavedError, RequirementError } from "./errors";
import { currentItemKey, readCurrentItem, recurrenceOf } from "./item";

afterEach(() => vi.unstubAllGlobals());

const EWS_ID = "AAMkAGI2TG93AAA+ev/nt==";
const SERIES_EWS_ID = "AAMkAGI2TG93AAA+se/ries==";
const start = new Date("2026-12-01T09:00:00Z");
const end = new Date("2026-12-01T09:30:00Z");

function appointment(extra: Record<string, unknown> = {}): FakeItem {
  return appointmentRead({
    itemId: EWS_ID,
    subject: "Design review",
    organizer: { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" },
    start,
    end,
    requiredAttendees: [{ displayName: "Adele", emailAddress: "adele@contoso.com" }],
    optionalAttendees: [],
    ...extra,
  });
}

describe("readCurrentItem on appointments", () => {
  it("reads a single appointment as an event with its REST ID, organizer and times", async () => {
    installOffice({ item: appointment() });
    expect(await readCurrentItem()).toEqual({
      kind: "event",
      restId: "AAMkAGI2TG93AAA_ev-nt==",
      ewsId: EWS_ID,
      mode: "read",
      subject: "Design review",
      organizer: { name: "Megan Bowen", address: "megan@contoso.com" },
      start,
      end,
      recurrence: "single",
      isOrganizer: false,
      hasAttendees: true,
      mailbox: { kind: "me" },
    });
  });

  it("tells an occurrence (it has a seriesId) from a series master (recurrence, no seriesId)", async () => {
    const pattern = { recurrenceType: "weekly" };
    installOffice({ item: appointment({ seriesId: SERIES_EWS_ID, recurrence: pattern }) });
    const occurrence = await readCurrentItem();
    // The occurrence's own ID, never the series': deleting it must not take the series.
    expect(occurrence).toMatchObject({
      kind: "event",
      recurrence: "occurrence",
      restId: "AAMkAGI2TG93AAA_ev-nt==",
    });

    installOffice({ item: appointment({ recurrence: pattern }) });
    expect(await readCurrentItem()).toMatchObject({ recurrence: "series" });
  });

  it("knows the signed-in person organizes it (case-insensitive address match)", async () => {
    installOffice({
      item: appointment({ organizer: { displayName: "Adele Vance", emailAddress: "ADELE@contoso.com" } }),
    });
    expect(await readCurrentItem()).toMatchObject({ isOrganizer: true });
  });

  it("needs Mailbox 1.7 for seriesId and recurrence", async () => {
    installOffice({ item: appointment(), sets: { Mailbox: "1.6" } });
    const error = await readCurrentItem().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequirementError);
    expect((error as Error).message).toContain("Mailbox 1.7");
  });
});

/** The organizer's form (Office.AppointmentCompose): fields read with getAsync, no itemId, getItemIdAsync. */
function meetingForm(extra: Record<string, unknown> = {}, id: string | null = EWS_ID): FakeItem {
  return organizerForm(
    {
      subject: "Design review",
      organizer: { displayName: "Adele Vance", emailAddress: "adele@contoso.com" },
      start,
      end,
      recurrence: null,
      requiredAttendees: [{ displayName: "Megan Bowen", emailAddress: "megan@contoso.com" }],
      optionalAttendees: [],
      location: "Room 1",
      ...extra,
    },
    id,
  );
}

describe("readCurrentItem on the organizer's meeting form (AppointmentOrganizerCommandSurface)", () => {
  it("reads a saved meeting through getItemIdAsync and getAsync, as the organizer's event", async () => {
    installOffice({ item: meetingForm() });
    expect(await readCurrentItem()).toEqual({
      kind: "event",
      restId: "AAMkAGI2TG93AAA_ev-nt==",
      ewsId: EWS_ID,
      mode: "compose",
      subject: "Design review",
      organizer: { name: "Adele Vance", address: "adele@contoso.com" },
      start,
      end,
      recurrence: "single",
      isOrganizer: true,
      hasAttendees: true,
      mailbox: { kind: "me" },
    });
  });

  it("tells an occurrence form (seriesId) from a series form (recurrence) and a meeting without attendees", async () => {
    const pattern = { recurrenceType: "weekly" };
    installOffice({ item: meetingForm({ seriesId: SERIES_EWS_ID }) });
    expect(await readCurrentItem()).toMatchObject({ recurrence: "occurrence" });
    installOffice({ item: meetingForm({ recurrence: pattern, requiredAttendees: [] }) });
    expect(await readCurrentItem()).toMatchObject({ recurrence: "series", hasAttendees: false });
  });

  it("says a new meeting that was never saved has nothing to delete yet", async () => {
    installOffice({ item: meetingForm({}, null) });
    const error = await readCurrentItem().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftNotSavedError);
    expect((error as Error).message).toBe(
      "This meeting hasn't been saved yet, so there's nothing to delete. If you don't want it, discard it in Outlook.",
    );
    expect((error as Error).message.length).toBeLessThanOrEqual(150);
  });

  it("needs Mailbox 1.8 for getItemIdAsync on the form", async () => {
    installOffice({ item: meetingForm(), sets: { Mailbox: "1.7" } });
    const error = await readCurrentItem().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequirementError);
    expect((error as Error).message).toContain("Mailbox 1.8");
    expect((error as Error).message).toContain("Deleting a calendar event");
  });

  it("currentItemKey re-reads the form's ID through getItemIdAsync (none while unsaved)", async () => {
    installOffice({ item: meetingForm() });
    expect(await currentItemKey()).toBe(EWS_ID);
    installOffice({ item: meetingForm({}, null) });
    expect(await currentItemKey()).toBeUndefined();
  });

  it("carries the organizer's facts to the confirmation, with what Graph says about attendees", async () => {
    installOffice({ item: meetingForm() });
    const shown = toShownItem(itemToTarget(await readCurrentItem()));
    expect(shown.event).toMatchObject({ isOrganizer: true, hasAttendees: true, recurrence: "single" });
    const wording = eventConfirmation(
      {
        start,
        end,
        recurrence: "single",
        organizerName: "Adele Vance",
        organizerAddress: "adele@contoso.com",
        isOrganizer: true,
        hasAttendees: true,
      },
      (d) => d.toISOString(),
    );
    expect(wording.attendees).toMatch(/says nothing about attendees/);
    expect(wording.attendees).toMatch(/cancel the meeting in Outlook instead/);
  });
});

describe("recurrenceOf", () => {
  it("is single without seriesId or pattern, and an empty seriesId counts as none", () => {
    expect(recurrenceOf({ seriesId: null, recurrence: null })).toBe("single");
    expect(recurrenceOf({ seriesId: "", recurrence: null })).toBe("single");
    expect(recurrenceOf({ seriesId: undefined, recurrence: {} })).toBe("series");
    expect(recurrenceOf({ seriesId: "X", recurrence: {} })).toBe("occurrence");
  });
});

describe("an event's way to the confirmation", () => {
  it("targets /events with the event kind and carries the recurrence to the ribbon's page", async () => {
    installOffice({ item: appointment({ seriesId: SERIES_EWS_ID, recurrence: {} }) });
    const item = await readCurrentItem();
    const target = itemToTarget(item);
    expect(target.ref).toEqual({ kind: "event", id: "AAMkAGI2TG93AAA_ev-nt==", mailbox: { kind: "me" } });
    const shown = toShownItem(target);
    expect(shown.event).toEqual({
      start: start.toISOString(),
      end: end.toISOString(),
      recurrence: "occurrence",
      organizerName: "Megan Bowen",
      organizerAddress: "megan@contoso.com",
      isOrganizer: false,
      hasAttendees: true,
    });
    const parsed = parseToPage(JSON.stringify({ type: "show", nonce: "n", items: [shown] }));
    expect(parsed?.items[0]?.event?.recurrence).toBe("occurrence");
  });

  it("the page rejects a list whose event facts are malformed", () => {
    const bad = {
      id: "x",
      subject: "s",
      fromName: "",
      fromAddress: "",
      received: "",
      event: {
        start: "",
        end: "",
        recurrence: "all",
        organizerName: "",
        organizerAddress: "",
        isOrganizer: false,
      },
    };
    expect(parseToPage(JSON.stringify({ type: "show", nonce: "n", items: [bad] }))).toBeUndefined();
  });
});
