import { afterEach, describe, expect, it, vi } from "vitest";
import { installOffice, type StubItem } from "../../../test/support/officeStub";
import { toShownItem } from "../purge/dialogConfirm";
import { parseToPage } from "../purge/protocol";
import { itemToTarget } from "../purge/targets";
import { RequirementError, UnsupportedItemError } from "./errors";
import { readCurrentItem, recurrenceOf } from "./item";

afterEach(() => vi.unstubAllGlobals());

const EWS_ID = "AAMkAGI2TG93AAA+ev/nt==";
const SERIES_EWS_ID = "AAMkAGI2TG93AAA+se/ries==";
const start = new Date("2026-12-01T09:00:00Z");
const end = new Date("2026-12-01T09:30:00Z");

function appointment(extra: Record<string, unknown> = {}): StubItem {
  return {
    itemId: EWS_ID,
    itemType: "appointment",
    subject: "Design review",
    organizer: { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" },
    start,
    end,
    seriesId: null,
    recurrence: null,
    requiredAttendees: [{ displayName: "Adele", emailAddress: "adele@contoso.com" }],
    optionalAttendees: [],
    ...extra,
  } as StubItem;
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

  it("refuses an appointment being composed (no read-mode properties)", async () => {
    installOffice({ item: appointment({ subject: { getAsync: () => undefined } }) });
    await expect(readCurrentItem()).rejects.toBeInstanceOf(UnsupportedItemError);
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
