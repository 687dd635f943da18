import { afterEach, describe, expect, it } from "vitest";
import { de } from "./de";
import { en } from "./en";
import {
  activateLanguage,
  type Catalogue,
  currentLanguage,
  formatDateTime,
  formatNumber,
  languageFor,
  loadLanguage,
  t,
} from "./index";

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]))].sort();

afterEach(() => activateLanguage("en", en));

describe("catalogues", () => {
  const catalogues: Record<string, Catalogue> = { de };
  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name} has exactly the English keys`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    });
    it(`${name} uses exactly the English placeholders in every entry`, () => {
      const wrong = Object.entries(en)
        .filter(([key, text]) => {
          const translated = catalogue[key as keyof Catalogue];
          return JSON.stringify(placeholders(translated)) !== JSON.stringify(placeholders(text));
        })
        .map(([key]) => key);
      expect(wrong).toEqual([]);
    });
    it(`${name} translates every sentence (no empty entries, no stray braces)`, () => {
      for (const text of Object.values(catalogue)) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.replace(/\{[A-Za-z0-9_]+\}/g, "")).not.toMatch(/[{}]/);
      }
    });
  }
});

describe("language choice", () => {
  it.each([
    ["de", "de"],
    ["de-DE", "de"],
    ["de-AT", "de"],
    ["de-CH", "de"],
    ["DE-de", "de"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["", "en"],
    [undefined, "en"],
  ] as const)("%s speaks %s", (tag, language) => {
    expect(languageFor(tag)).toBe(language);
  });

  it("loads German for a German display language and falls back to English otherwise", async () => {
    expect(await loadLanguage("de-AT")).toBe("de");
    expect(currentLanguage()).toBe("de");
    expect(t("common.deletePermanently")).toBe("Endgültig löschen");
    expect(await loadLanguage("ja-JP")).toBe("en");
    expect(t("common.deletePermanently")).toBe("Delete permanently");
  });
});

describe("numbers and dates in the person's locale", () => {
  it("groups thousands as the locale does", () => {
    activateLanguage("de", de, "de-DE");
    expect(formatNumber(1000)).toBe("1.000");
    expect(t("selection.count.other", { count: 1234 })).toBe("1.234 Nachrichten ausgewählt");
    activateLanguage("en", en, "en-US");
    expect(formatNumber(1000)).toBe("1,000");
    expect(t("selection.count.other", { count: 1234 })).toBe("1,234 messages selected");
  });

  it("keeps codes passed as strings as they are", () => {
    activateLanguage("de", de, "de-DE");
    expect(t("dialog.errorNote", { code: "12004" })).toBe(" (Fehler 12004)");
  });

  it("formats dates in the display language's region", () => {
    const date = new Date(Date.UTC(2026, 10, 23, 9, 5));
    activateLanguage("de", de, "de-CH");
    const swiss = formatDateTime(date);
    expect(swiss).toMatch(/23\.11\.2026/);
    activateLanguage("en", en, "en-US");
    expect(formatDateTime(date)).toMatch(/Nov 23, 2026/);
  });
});
