import { readFileSync } from "node:fs";
import { tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { DARK_THEME_PATH, darkValues, LIGHT_THEME_PATH, lightValues } from "../../tools/theme/make-themes";
import { darkTheme } from "./darkTheme";
import { lightTheme } from "./lightTheme";

function storedTable(path: string, name: string): unknown {
  const source = readFileSync(path, "utf8");
  const stored = new RegExp(`const ${name} =\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(source)?.[1];
  return stored && JSON.parse(stored);
}

describe("the pane's themes", () => {
  it("light is exactly Fluent's webLightTheme, token for token, numbers as numbers", () => {
    expect(lightTheme).toEqual(webLightTheme);
    expect(lightTheme.fontWeightSemibold).toBe(600);
    expect(lightTheme.borderRadiusNone).toBe("0");
  });

  it("dark is exactly Fluent's webDarkTheme, with the light theme's keys in the same order", () => {
    expect(darkTheme).toEqual(webDarkTheme);
    expect(Object.keys(darkTheme)).toEqual(Object.keys(lightTheme));
  });

  it("leaves out token names the theme does not have (tokens has a few aliases)", () => {
    const extra = Object.keys(tokens).filter((key) => !(key in webLightTheme));
    for (const key of extra) expect(lightTheme).not.toHaveProperty(key);
  });

  it("are what tools/theme/make-themes.ts writes for the installed Fluent (run `npm run theme` after an update)", () => {
    expect(storedTable(LIGHT_THEME_PATH, "LIGHT")).toBe(lightValues());
    expect(storedTable(DARK_THEME_PATH, "DARK")).toBe(darkValues());
  });
});
