/**
 * The pane follows Outlook's theme: Office.context.officeTheme where Outlook gives it (core/office/theme.ts),
 * otherwise the browser's `prefers-color-scheme`, with Fluent's own web light and dark themes, as generated
 * tables (lightTheme.ts, darkTheme.ts; tools/theme/make-themes.ts says why). The dark theme and the code that
 * follows changes (themeWatch.ts) load only when needed and after the first paint.
 * High contrast needs nothing here: the browser's forced colours take over, and Fluent's components carry their
 * own `forced-colors` styles.
 */
import type { Theme } from "@fluentui/react-components";
import { officeScheme, type Scheme } from "../core/office/theme";
import { lightTheme } from "./lightTheme";

export const darkQuery = () => window.matchMedia?.("(prefers-color-scheme: dark)");

/** Outlook's scheme where it says, else the browser's. */
export function currentScheme(): Scheme {
  return officeScheme() ?? (darkQuery()?.matches ? "dark" : "light");
}

export async function themeFor(scheme: Scheme): Promise<Theme> {
  return scheme === "dark" ? (await import("./darkTheme")).darkTheme : lightTheme;
}

/** The page around the provider (scroll bars, what shows below short content) in the same scheme. */
export function paintPage(theme: Theme, scheme: Scheme): void {
  const root = document.documentElement.style;
  root.colorScheme = scheme;
  root.backgroundColor = theme.colorNeutralBackground1;
}
