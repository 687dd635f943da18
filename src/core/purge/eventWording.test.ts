import { describe, expect, it } from "vitest";
import { type EventFacts, eventConfirmation, organizerNote } from "./eventWording";

const format = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");
const base: EventFacts = {
  start: new Date("2026-12-01T09:00:00Z"),
  end: new Date("2026-12-01T09:30:00Z"),
  recurrence: "single",
  organizerName: "Megan Bowen",
  organizerAddress: "megan@contoso.com",
  isOrganizer: false,
  hasAttendees: true,
};

describe("eventConfirmation", () => {
  it("a single event: one event goes, with its time and organizer", () => {
    const w = eventConfirmation(base, format);
    expect(w.title).toBe("Delete this event permanently?");
    expect(w.scope).toBe("This one event is deleted from your calendar.");
    expect(w.details).toBe(
      "When: 2026-12-01 09:00 to 2026-12-01 09:30. Organized by Megan Bowen <megan@contoso.com>.",
    );
    expect(w.attendees).toBeUndefined();
  });

  it("an occurrence: says only this one goes, when, and that the rest of the series stays", () => {
    const w = eventConfirmation({ ...base, recurrence: "occurrence" }, format);
    expect(w.title).toBe("Delete this one occurrence permanently?");
    expect(w.scope).toContain("Only this occurrence (2026-12-01 09:00 to 2026-12-01 09:30) is deleted.");
    expect(w.scope).toContain("The other occurrences of the series stay in your calendar");
    expect(w.title).not.toMatch(/series/);
  });

  it("a series: says the whole series goes with every occurrence", () => {
    const w = eventConfirmation({ ...base, recurrence: "series" }, format);
    expect(w.title).toBe("Delete the whole series permanently?");
    expect(w.scope).toContain(
      "the whole series is deleted from your calendar, with every one of its occurrences",
    );
  });

  it("an organizer of a meeting is told Graph documents nothing about attendees, and nothing more is claimed", () => {
    const w = eventConfirmation({ ...base, isOrganizer: true }, format);
    expect(w.attendees).toBe(organizerNote());
    expect(w.details).toContain("Organized by you.");
    expect(organizerNote()).toContain("says nothing about attendees");
    // No claim that a cancellation is, or is not, sent.
    expect(organizerNote()).not.toMatch(/attendees (will|won't) /);
  });

  it("no attendee note for the organizer's own appointment without attendees; a note when Outlook didn't say", () => {
    expect(
      eventConfirmation({ ...base, isOrganizer: true, hasAttendees: false }, format).attendees,
    ).toBeUndefined();
    expect(eventConfirmation({ ...base, isOrganizer: true, hasAttendees: undefined }, format).attendees).toBe(
      organizerNote(),
    );
  });

  it("leaves out what Outlook didn't give", () => {
    const w = eventConfirmation(
      { ...base, start: undefined, end: undefined, organizerName: "", organizerAddress: "" },
      format,
    );
    expect(w.details).toBe("");
    expect(
      eventConfirmation({ ...base, start: undefined, end: undefined, recurrence: "occurrence" }, format)
        .scope,
    ).toMatch(/^Only this occurrence is deleted\./);
  });
});
