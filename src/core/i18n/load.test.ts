import { afterEach, describe, expect, it, vi } from "vitest";

// Each test imports a fresh copy of the module, with a catalogue whose chunk fails to load.
afterEach(() => {
  vi.doUnmock("./de.ts");
  vi.doUnmock("./en.ts");
  vi.resetModules();
});

describe("loadLanguage when a catalogue's chunk can't be fetched", () => {
  it("falls back to English when German fails", async () => {
    vi.resetModules();
    vi.doMock("./de.ts", () => {
      throw new Error("Failed to fetch dynamically imported module");
    });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const i18n = await import("./index");
    expect(await i18n.loadLanguage("de-DE")).toBe("en");
    expect(i18n.t("common.deletePermanently")).toBe("Delete permanently");
  });

  it("rejects when English fails too, and t() then refuses rather than showing keys", async () => {
    vi.resetModules();
    vi.doMock("./en.ts", () => {
      throw new Error("Failed to fetch dynamically imported module");
    });
    const i18n = await import("./index");
    await expect(i18n.loadLanguage("en-US")).rejects.toThrow();
    expect(() => i18n.t("common.deletePermanently")).toThrow(/No language loaded/);
    // What the pages say then, in the only words they have.
    expect(i18n.NO_CATALOGUE).toMatch(/couldn't load its text.*Nothing was deleted\./);
  });
});
