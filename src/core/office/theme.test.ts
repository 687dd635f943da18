import { afterEach, describe, expect, it, vi } from "vitest";
import { installOffice, removeOffice } from "../../../test/support/officeFake";
import { officeScheme, schemeOf } from "./theme";

describe("Outlook's theme", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("tells dark from light by the body background, as Outlook gives no isDarkTheme", () => {
    expect(schemeOf({ bodyBackgroundColor: "#ffffff" })).toBe("light");
    expect(schemeOf({ bodyBackgroundColor: "#292929" })).toBe("dark");
    expect(schemeOf({ bodyBackgroundColor: "#000000" })).toBe("dark");
    expect(schemeOf({ bodyBackgroundColor: "#F3F2F1" })).toBe("light");
    // Mid greys: Rec. 709 luma, so a green-heavy grey is light and a blue one dark.
    expect(schemeOf({ bodyBackgroundColor: "#6a6a6a" })).toBe("dark");
    expect(schemeOf({ bodyBackgroundColor: "#00c000" })).toBe("light");
    expect(schemeOf({ bodyBackgroundColor: "#0000ff" })).toBe("dark");
  });

  it("says nothing for what isn't a #rrggbb colour", () => {
    for (const value of [undefined, null, "", "white", "#fff", "292929", 0x292929]) {
      expect(schemeOf({ bodyBackgroundColor: value })).toBeUndefined();
    }
    expect(schemeOf(undefined)).toBeUndefined();
  });

  it("reads Office.context.officeTheme, and nothing where the host has none (dialogs, office-js#6820)", () => {
    installOffice({ officeTheme: { bodyBackgroundColor: "#1f1f1f" } });
    expect(officeScheme()).toBe("dark");
    installOffice();
    expect(officeScheme()).toBeUndefined();
    removeOffice();
    expect(officeScheme()).toBeUndefined();
  });
});
