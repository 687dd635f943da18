import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { officeJsRules } from "../../../dev/simulator/common/officeJsSource";
import {
  failed,
  installOffice,
  messageCompose,
  messageRead,
  succeeded,
} from "../../../test/support/officeFake";
import { officeCall } from "./async";
import {
  DraftNotSavedError,
  NoItemError,
  OfficeApiError,
  RequirementError,
  requireSets,
  UnsupportedItemError,
} from "./errors";
import { onItemChanged } from "./events";
import { currentItemKey, readCurrentItem, toRestId } from "./item";
import { fitNotification, MAX_NOTIFICATION_LENGTH, notify } from "./notifications";

afterEach(() => vi.unstubAllGlobals());

const EWS_ID = "AAMkAGI2TG93AAA+bc/de==";

describe("REST ID conversion", () => {
  it("asks Office for the v2.0 REST form and keeps it exactly", () => {
    const { office } = installOffice();
    expect(toRestId(EWS_ID)).toBe("AAMkAGI2TG93AAA_bc-de==");
    expect(office.context.mailbox.convertToRestId).toHaveBeenCalledWith(EWS_ID, "v2.0");
  });
});

describe("readCurrentItem", () => {
  it("reads subject, sender, received time and the REST ID in read mode", async () => {
    const received = new Date("2026-11-20T09:30:00Z");
    installOffice({
      item: messageRead({
        itemId: EWS_ID,
        subject: "Quarterly numbers",
        from: { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" },
        dateTimeCreated: received,
      }),
    });
    const item = await readCurrentItem();
    expect(item).toEqual({
      kind: "message",
      restId: "AAMkAGI2TG93AAA_bc-de==",
      ewsId: EWS_ID,
      mode: "read",
      subject: "Quarterly numbers",
      from: { name: "Megan Bowen", address: "megan@contoso.com" },
      received,
      mailbox: { kind: "me" },
    });
  });

  it("says no message is selected when there is no item", async () => {
    installOffice({ item: null });
    await expect(readCurrentItem()).rejects.toBeInstanceOf(NoItemError);
  });

  it("refuses item types it can't purge", async () => {
    installOffice({ item: { itemId: EWS_ID, itemType: "note", subject: "x" } });
    await expect(readCurrentItem()).rejects.toBeInstanceOf(UnsupportedItemError);
  });

  it("names the missing requirement set", async () => {
    installOffice({ item: messageRead({ itemId: EWS_ID, subject: "x" }), sets: { Mailbox: "1.4" } });
    const error = await readCurrentItem().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequirementError);
    expect((error as Error).message).toContain("Mailbox 1.5");
  });

  it("uses getItemIdAsync for a saved draft in compose mode", async () => {
    installOffice({ item: messageCompose("Draft subject", EWS_ID) });
    const item = await readCurrentItem();
    expect(item.mode).toBe("compose");
    expect(item.restId).toBe("AAMkAGI2TG93AAA_bc-de==");
    expect(item.subject).toBe("Draft subject");
  });

  it("asks to save an unsaved draft first", async () => {
    installOffice({ item: messageCompose("", null) });
    const error = await readCurrentItem().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftNotSavedError);
    expect((error as Error).message).toMatch(/save the draft first/i);
  });

  it("names Mailbox 1.8 when compose-mode IDs aren't supported", async () => {
    installOffice({ item: messageCompose("Draft subject", EWS_ID), sets: { Mailbox: "1.7" } });
    await expect(readCurrentItem()).rejects.toThrow(/Mailbox 1\.8/);
  });

  it("currentItemKey follows the item Outlook shows", async () => {
    const stub = installOffice({ item: messageRead({ itemId: "A" }) });
    expect(await currentItemKey()).toBe("A");
    stub.setItem(null);
    expect(await currentItemKey()).toBeUndefined();
  });
});

describe("officeCall", () => {
  it("rejects with Office's code and name, without throwing inside the callback", async () => {
    installOffice();
    const error = await officeCall("displayDialogAsync", (cb) =>
      cb(failed(12004, "InvalidDomain") as never),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeApiError);
    expect(error).toMatchObject({
      operation: "displayDialogAsync",
      code: 12004,
      officeName: "InvalidDomain",
    });
  });

  it("turns a synchronous throw from Office.js into a rejection", async () => {
    installOffice();
    await expect(
      officeCall("x", () => {
        throw Object.assign(new Error("bad argument"), { code: 1000 });
      }),
    ).rejects.toMatchObject({ code: 1000, message: "bad argument" });
  });
});

describe("requirements", () => {
  it("throws for the first missing set", () => {
    installOffice({ sets: { Mailbox: "1.13" } });
    expect(() =>
      requireSets({ set: "DialogApi", version: "1.2", feature: "feature.confirmationDialog" }),
    ).toThrow(/DialogApi 1\.2/);
  });
});

describe("ItemChanged", () => {
  it("calls the handler on each change and stops when asked", async () => {
    const stub = installOffice();
    const handler = vi.fn();
    const stop = await onItemChanged(handler);
    stub.raise("olkItemSelectedChanged");
    expect(handler).toHaveBeenCalledTimes(1);
    await stop();
    stub.raise("olkItemSelectedChanged");
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe("notifications", () => {
  it("fits Outlook's 150-character limit", () => {
    const text = fitNotification("x".repeat(400));
    expect(text.length).toBe(MAX_NOTIFICATION_LENGTH);
    expect(text.endsWith("…")).toBe(true);
    expect(fitNotification("  short   text ")).toBe("short text");
  });

  it("replaces one fixed notification on the item", async () => {
    const item = messageRead({ itemId: "A" });
    const outlook = installOffice({ item });
    await notify("error", "y".repeat(200));
    await notify("info", "Deleted.");
    expect(outlook.notifications).toHaveLength(2);
    // One key: the second replaced the first, so the bar shows one.
    expect(outlook.shownOn(item)).toHaveLength(1);
    expect(outlook.notifications[0]?.message.length).toBeLessThanOrEqual(150);
    expect(outlook.notifications[1]).toMatchObject({
      type: "informationalMessage",
      icon: "Delete.Icon.16",
    });
  });

  it("sends only what office.js's own validation accepts, and nothing for an empty text", async () => {
    const office = officeJsRules();
    const replaceAsync = vi.fn((key: string, details: unknown, cb: (r: unknown) => void) => {
      office.validateNotification(key, details);
      cb(succeeded(undefined));
    });
    installOffice({ item: messageRead({ itemId: "A", notificationMessages: { replaceAsync } }) });
    for (const kind of ["info", "error", "progress"] as const) {
      for (const text of ["Deleted permanently.", "z".repeat(400), " a\n b "]) await notify(kind, text);
      for (const empty of ["", "   ", "\n"]) await notify(kind, empty);
    }
    expect(replaceAsync).toHaveBeenCalledTimes(9);
    // The icon names an image of the manifest's Resources, as Outlook requires.
    const manifest = readFileSync(resolve(import.meta.dirname, "../../../manifest.xml"), "utf8");
    expect(manifest).toMatch(/<bt:Image id="Delete\.Icon\.16"/);
  });
});
