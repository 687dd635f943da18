import { describe, expect, it } from "vitest";
import { de } from "./de";
import { en } from "./en";
import { activateLanguage } from "./index";
import { isOne, pluralCategory } from "./plural";

describe("plurals", () => {
  it("take the .one form by the active locale's plural rules", () => {
    activateLanguage("en", en, "en-US");
    expect([0, 1, 2, 1.5].map(isOne)).toEqual([false, true, false, false]);
    activateLanguage("de", de, "de-DE");
    expect([0, 1, 2].map(isOne)).toEqual([false, true, false]);
    // French counts 0 as singular, English doesn't: the rules follow the locale, not `count === 1`.
    activateLanguage("en", en, "fr-FR");
    expect(isOne(0)).toBe(true);
    activateLanguage("en", en, "en-US");
    expect(isOne(0)).toBe(false);
  });

  it("read categories the catalogues don't spell out as .other (Polish 'few' and 'many')", () => {
    expect(pluralCategory(3, "pl")).toBe("few");
    expect(pluralCategory(5, "pl")).toBe("many");
    activateLanguage("en", en, "pl");
    expect(isOne(3)).toBe(false);
    expect(isOne(1)).toBe(true);
  });
});
