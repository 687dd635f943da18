import { readFileSync } from "node:fs";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { DARK_THEME_PATH, darkValues } from "../../tools/theme/make-dark-theme";
import { darkTheme } from "./darkTheme";

describe("the pane's dark theme", () => {
  it("is exactly Fluent's webDarkTheme, token for token", () => {
    expect(darkTheme).toEqual(webDarkTheme);
    expect(Object.keys(darkTheme)).toEqual(Object.keys(webLightTheme));
  });

  it("is what tools/theme/make-dark-theme.ts writes for the installed Fluent (run `npm run theme` after an update)", () => {
    const source = readFileSync(DARK_THEME_PATH, "utf8");
    const stored = /const DARK =\s*("(?:[^"\\]|\\.)*")/.exec(source)?.[1];
    expect(stored && JSON.parse(stored)).toBe(darkValues());
  });
});
