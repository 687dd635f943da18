import { describe, expect, it } from "vitest";
import { DelegatePermission } from "../../../src/core/office/shared";
import { DELEGATE_BITS } from "../../emulator/data";
import { decideDialog } from "./dialogRules";
import { failed, OfficeErrors, succeeded } from "./errors";
import { convertToEwsId, convertToRestId } from "./ids";
import {
  addNotification,
  keepOnNavigation,
  removeNotification,
  replaceNotification,
  type StoredNotification,
  validateNotification,
} from "./notifications";
import { MailboxEnums } from "./officeEnums";
import { officeJsMailboxEnums, officeJsRules } from "./officeJsSource";
import { decodeFrameName, encodeFrameName } from "./protocol";
import { compareVersions, isSetSupported, supportedRequirementSets } from "./requirements";

describe("async results", () => {
  it("have Office's shape on success and failure", () => {
    expect(succeeded(42, { n: 1 })).toEqual({
      status: "succeeded",
      value: 42,
      error: undefined,
      asyncContext: { n: 1 },
    });
    const result = failed(OfficeErrors.itemNotSaved, "ctx");
    expect(result.status).toBe("failed");
    expect(result.value).toBeUndefined();
    expect(result.error).toEqual({
      code: 9046,
      name: "ItemNotSaved",
      message: expect.stringContaining("saved"),
    });
    expect(result.asyncContext).toBe("ctx");
  });

  it("hands out a copy of the error, so a caller cannot corrupt the catalogue", () => {
    const result = failed(OfficeErrors.dialogIgnored, undefined);
    if (result.error) (result.error as { code: number }).code = 1;
    expect(OfficeErrors.dialogIgnored.code).toBe(12009);
  });
});

describe("item id conversion", () => {
  // office.js's own rule (npm @microsoft/office-js 1.1.110, dist/outlook-web-16.01.debug.js, convertToRestId.ts):
  // itemId.replace(/[/]/g, "-").replace(/[+]/g, "_"); convertToEwsId.ts reverses it.
  it("maps '/' to '-' and '+' to '_', as office.js does (not the base64url pairing)", () => {
    const ews = "AAMkAD+abc/def+ghi/==";
    const rest = convertToRestId(ews, "v2.0");
    expect(rest).toBe("AAMkAD_abc-def_ghi-==");
    expect(convertToRestId(ews, "v1.0")).toBe(rest);
    expect(convertToRestId(ews, "beta")).toBe(rest);
    expect(convertToEwsId(rest, "v2.0")).toBe(ews);
    expect(convertToRestId("a/b", "v2.0")).toBe("a-b");
    expect(convertToRestId("a+b", "v2.0")).toBe("a_b");
    expect(convertToEwsId("a-b_c", "v2.0")).toBe("a/b+c");
  });

  it("gives what office.js's own convertToRestId and convertToEwsId give, for random ids", () => {
    const office = officeJsRules();
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_=";
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let n = 0; n < 500; n++) {
      const id = Array.from({ length: 1 + (next() % 160) }, () => alphabet[next() % alphabet.length]).join(
        "",
      );
      for (const version of ["v1.0", "v2.0", "beta"]) {
        expect(convertToRestId(id, version)).toBe(office.convertToRestId(id, version));
        expect(convertToEwsId(id, version)).toBe(office.convertToEwsId(id, version));
      }
    }
    expect(() => office.convertToRestId("a", "v3.0")).toThrow(/ArgumentException/);
    expect(() => convertToRestId("a", "v3.0")).toThrow(/ArgumentException/);
  });

  it("throws for a missing id", () => {
    expect(() => convertToRestId(undefined as unknown as string, "v2.0")).toThrow(/ArgumentNull/);
    expect(() => convertToEwsId(null as unknown as string, "v2.0")).toThrow(/ArgumentNull/);
  });

  it("rejects an unknown REST version", () => {
    expect(() => convertToRestId("a", "v3.0")).toThrow(/restVersion/);
  });
});

describe("notification messages", () => {
  const info = {
    type: "informationalMessage" as const,
    message: "Purged.",
    icon: "Delete.Icon.16",
    persistent: false,
  };

  it("accepts 150 characters and throws ArgumentOutOfRange at 151", () => {
    expect(validateNotification("k", { ...info, message: "x".repeat(150) }).message).toHaveLength(150);
    expect(() => validateNotification("k", { type: "errorMessage", message: "x".repeat(151) })).toThrow(
      expect.objectContaining({ name: "Sys.ArgumentOutOfRangeException" }),
    );
  });

  it("limits keys to 32 characters", () => {
    expect(() => validateNotification("k".repeat(32), info)).not.toThrow();
    expect(() => validateNotification("k".repeat(33), info)).toThrow(/ArgumentOutOfRange/);
  });

  it("needs an icon (at most 32 characters) and a boolean persistent on informational messages", () => {
    const { icon: _icon, ...noIcon } = info;
    const { persistent: _persistent, ...noPersistent } = info;
    expect(() => validateNotification("k", noIcon)).toThrow(/ArgumentNullException[\s\S]*icon/);
    expect(() => validateNotification("k", { ...info, icon: "" })).toThrow(/ArgumentNullException/);
    expect(() => validateNotification("k", { ...info, icon: "i".repeat(33) })).toThrow(/ArgumentOutOfRange/);
    expect(() => validateNotification("k", noPersistent)).toThrow(/ArgumentNullException[\s\S]*persistent/);
    expect(() => validateNotification("k", { ...info, persistent: "false" })).toThrow(
      /ArgumentTypeException/,
    );
  });

  it("refuses an empty or missing message", () => {
    expect(() => validateNotification("k", { ...info, message: "" })).toThrow(/ArgumentNullException/);
    expect(() => validateNotification("k", { type: "errorMessage" })).toThrow(/ArgumentNullException/);
  });

  it("refuses icon or persistent on progress and error messages, and unknown types", () => {
    expect(() =>
      validateNotification("k", { type: "progressIndicator", message: "m", persistent: true }),
    ).toThrow(/ArgumentException/);
    expect(() => validateNotification("k", { type: "errorMessage", message: "m", icon: "i" })).toThrow();
    expect(() => validateNotification("k", { type: "toast", message: "m" })).toThrow(
      /ArgumentException[\s\S]*type/,
    );
  });

  // office.js's own validation, lifted from @microsoft/office-js 1.1.110 (outlook-web-16.01.debug.js) and run
  // beside the simulator's: both throw (the same exception) or both accept, for every case.
  it("throws exactly where office.js's own validation throws, with the same exception", () => {
    const office = officeJsRules();
    const keys: unknown[] = ["k", "", "k".repeat(32), "k".repeat(33), 7, null];
    const details: unknown[] = [
      info,
      { ...info, icon: undefined },
      { ...info, icon: "" },
      { ...info, icon: "i".repeat(32) },
      { ...info, icon: "i".repeat(33) },
      { ...info, persistent: undefined },
      { ...info, persistent: 1 },
      { ...info, actions: [] },
      { ...info, message: "" },
      { ...info, message: "x".repeat(150) },
      { ...info, message: "x".repeat(151) },
      { ...info, message: 5 },
      { type: "progressIndicator", message: "Working" },
      { type: "progressIndicator", message: "Working", icon: "i" },
      { type: "errorMessage", message: "Failed" },
      { type: "errorMessage", message: "Failed", persistent: false },
      { type: "errorMessage", message: "" },
      { type: "insightMessage", message: "m", icon: "i" },
      { type: "insightMessage", message: "m", icon: "i", actions: [] },
      { type: "insightMessage", message: "m", icon: "i", actions: [{ actionType: "showTaskPane" }] },
      {
        type: "insightMessage",
        message: "m",
        icon: "i",
        actions: [{ actionType: "showTaskPane", commandId: "c", actionText: "Open" }],
      },
      { type: "insightMessage", message: "m", icon: "i", persistent: true, actions: [] },
      { type: "toast", message: "m" },
      { type: "", message: "m" },
      { message: "m" },
      {},
    ];
    const outcome = (run: () => unknown) => {
      try {
        run();
        return "ok";
      } catch (error) {
        return (error as Error).name;
      }
    };
    let compared = 0;
    for (const key of keys) {
      for (const d of details) {
        const theirs = outcome(() => office.validateNotification(key, d));
        const ours = outcome(() => validateNotification(key, d));
        expect({ key, d, ours }).toEqual({ key, d, ours: theirs });
        compared++;
      }
    }
    expect(compared).toBe(keys.length * details.length);
  });

  it("allows five per item and fails the sixth with NumberOfNotificationMessagesExceeded", () => {
    let list: StoredNotification[] = [];
    for (let i = 0; i < 5; i++) {
      const outcome = addNotification(list, `k${i}`, info);
      if (!outcome.ok) throw new Error("unexpected failure");
      list = outcome.list;
    }
    const sixth = addNotification(list, "k5", info);
    expect(sixth).toEqual({
      ok: false,
      error: expect.objectContaining({ name: "NumberOfNotificationMessagesExceeded" }),
    });
    // Replacing an existing key is not an addition.
    const replaced = replaceNotification(list, "k0", { type: "errorMessage", message: "Failed." });
    expect(replaced.ok && replaced.list[0]).toEqual({ key: "k0", type: "errorMessage", message: "Failed." });
    expect(replaceNotification(list, "new", info).ok).toBe(false);
  });

  it("fails a duplicate add and the removal of an unknown key", () => {
    const first = addNotification([], "a", info);
    if (!first.ok) throw new Error("unexpected failure");
    expect(addNotification(first.list, "a", info)).toMatchObject({ ok: false, error: { code: 9023 } });
    expect(removeNotification(first.list, "b")).toMatchObject({ ok: false, error: { code: 9024 } });
    expect(removeNotification(first.list, "a")).toEqual({ ok: true, list: [] });
  });

  it("keeps only persistent informational messages when the person moves on", () => {
    const list: StoredNotification[] = [
      { key: "p", type: "informationalMessage", message: "m", icon: "i", persistent: true },
      { key: "t", type: "informationalMessage", message: "m", icon: "i", persistent: false },
      { key: "e", type: "errorMessage", message: "m" },
      { key: "g", type: "progressIndicator", message: "m" },
    ];
    expect(keepOnNavigation(list).map((n) => n.key)).toEqual(["p"]);
  });
});

describe("displayDialogAsync error selection", () => {
  const base = {
    callerOrigin: "https://localhost:3000",
    appDomains: ["https://localhost:3001"],
    dialogOpen: false,
    behavior: "normal" as const,
  };

  it("opens a same-origin https dialog", () => {
    expect(decideDialog({ ...base, url: "https://localhost:3000/dialog/confirm.html" }).kind).toBe("open");
  });

  it("answers 12005 for http, 12004 for a foreign domain, and trusts AppDomains", () => {
    const code = (url: string) => {
      const d = decideDialog({ ...base, url });
      return d.kind === "error" ? d.error.code : d.kind;
    };
    expect(code("http://localhost:3000/dialog/confirm.html")).toBe(12005);
    expect(code("https://evil.example/dialog.html")).toBe(12004);
    expect(code("https://localhost:3002/x.html")).toBe(12004);
    expect(code("/dialog/confirm.html")).toBe(12004);
    expect(code("https://localhost:3001/common/oauth2/v2.0/authorize")).toBe("open");
  });

  it("answers 12007 while a dialog is open, before the browser or the person are asked", () => {
    const d = decideDialog({
      ...base,
      url: "https://localhost:3000/d.html",
      dialogOpen: true,
      behavior: "blocked",
    });
    expect(d).toMatchObject({ kind: "error", error: { code: 12007 } });
  });

  it("answers 12009 when the person ignores the prompt and 12011 when the browser blocks", () => {
    const url = "https://localhost:3000/d.html";
    expect(decideDialog({ ...base, url, behavior: "ignore" })).toMatchObject({ error: { code: 12009 } });
    expect(decideDialog({ ...base, url, behavior: "blocked" })).toMatchObject({ error: { code: 12011 } });
    expect(decideDialog({ ...base, url, behavior: "prompt" }).kind).toBe("prompt");
    // No prompt to ignore when promptBeforeOpen is false.
    expect(decideDialog({ ...base, url, behavior: "ignore", promptBeforeOpen: false })).toMatchObject({
      error: { code: 12011 },
    });
    expect(decideDialog({ ...base, url, behavior: "prompt", promptBeforeOpen: false }).kind).toBe("open");
  });
});

describe("requirement sets", () => {
  it("compares versions numerically", () => {
    expect(compareVersions("1.10", "1.9")).toBe(1);
    expect(compareVersions("1.1", "1.1.0")).toBe(0);
  });

  // Microsoft's list for the modern Outlook on the web (outlook-api-requirement-sets.md, ms.date 06/23/2026).
  it("offers what Outlook on the web lists: Mailbox 1.16, and NestedAppAuth only where the host has them", () => {
    const pane = supportedRequirementSets({ naa: true, role: "taskpane" });
    expect(isSetSupported(pane, "Mailbox", "1.13")).toBe(true);
    expect(isSetSupported(pane, "mailbox", "1.16")).toBe(true);
    expect(isSetSupported(pane, "mailbox", "1.17")).toBe(false);
    expect(isSetSupported(pane, "DevicePermissionService", "1.1")).toBe(true);
    expect(isSetSupported(pane, "DialogApi", "1.1")).toBe(true);
    expect(isSetSupported(pane, "SharedRuntime", "1.1")).toBe(false);
    expect(
      isSetSupported(
        supportedRequirementSets({ naa: true, role: "taskpane", mailboxVersion: "1.7" }),
        "Mailbox",
        "1.8",
      ),
    ).toBe(false);
    expect(isSetSupported(pane, "NestedAppAuth", "1.1")).toBe(true);
    expect(isSetSupported(pane, "DialogApi", "1.2")).toBe(true);
    expect(isSetSupported(pane, "DialogApi", 1.3)).toBe(false);
    expect(isSetSupported(pane, "IdentityAPI", "1.3")).toBe(true);
    expect(
      isSetSupported(supportedRequirementSets({ naa: false, role: "taskpane" }), "NestedAppAuth", "1.1"),
    ).toBe(false);
    const dialog = supportedRequirementSets({ naa: true, role: "dialog" });
    expect(isSetSupported(dialog, "NestedAppAuth")).toBe(false);
    expect(isSetSupported(dialog, "Mailbox", "1.1")).toBe(false);
    expect(isSetSupported(dialog, "DialogOrigin", "1.1")).toBe(true);
  });
});

describe("Office.MailboxEnums", () => {
  const real = officeJsMailboxEnums();

  it("has office.js's own values wherever the stand-in, the Office fake, the add-in or the emulator spell one out", () => {
    // OWAView is in @types/office-js (Office.MailboxEnums.OWAView) but not in the Outlook web script's enums.
    const { OWAView, ...fromScript } = MailboxEnums;
    expect(Object.keys(OWAView)).toEqual(["OneColumnNarrow", "OneColumn", "TwoColumns", "ThreeColumns"]);
    for (const [name, values] of Object.entries(fromScript))
      expect([name, values]).toEqual([name, real[name]]);
    expect(DelegatePermission).toEqual(real.DelegatePermissions);
    expect(DELEGATE_BITS).toEqual(real.DelegatePermissions);
  });

  it("is read from the script itself: every enum office.js's Outlook web script assigns, hex literals evaluated", () => {
    expect(Object.keys(real).length).toBeGreaterThan(20);
    expect(real.DelegatePermissions?.EditAll).toBe(0x20);
    expect(real.ItemType).toEqual({ Message: "message", Appointment: "appointment" });
  });
});

describe("frame names", () => {
  it("round-trip and reject foreign window names", () => {
    const name = { hostOrigin: "https://localhost:3100", frameId: "f1", role: "dialog" as const };
    expect(decodeFrameName(encodeFrameName(name))).toEqual(name);
    expect(decodeFrameName("")).toBeNull();
    expect(decodeFrameName('outlook-sim:{"hostOrigin":"x","frameId":"f","role":"popup"}')).toBeNull();
  });
});
