/**
 * Outlook's theme as an add-in sees it: `Office.context.officeTheme` and the `OfficeThemeChanged` event
 * (Mailbox 1.14; learn.microsoft.com/javascript/api/office/office.officetheme and
 * .../outlook/office.officethemechangedeventargs).
 *
 * - Outlook fills the four colours; `isDarkTheme` and `themeId` "aren't supported in Outlook" (same page), so the
 *   simulator leaves them undefined.
 * - The event can only be handled in a task pane ("Function commands can't register a handler"), so only task
 *   panes get it.
 * - Inside dialogs `Office.context.officeTheme` is undefined (office-js#6820). Whether a function-command runtime
 *   gets it is not documented: the stricter reading, undefined there too.
 * - Outlook on the web updates `Office.context.officeTheme` before it raises the event; Outlook desktop raises it
 *   with the context still stale (office-js#6348). The simulator updates first, as the web does, and the event's
 *   own `officeTheme` carries the new theme either way.
 * - The colour values are illustrative (Fluent's neutral backgrounds); Microsoft publishes none for Outlook.
 *   High contrast: Windows turns on the browser's forced colours, which the simulator can't do for a page; it
 *   reports the high-contrast-black colours, and tests turn forced colours on in the browser (Playwright
 *   `forcedColors: "active"`).
 */
export type SimTheme = "light" | "dark" | "high-contrast";

export interface OfficeThemeSnapshot {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
}

export const OFFICE_THEMES: Record<SimTheme, OfficeThemeSnapshot> = {
  light: {
    bodyBackgroundColor: "#ffffff",
    bodyForegroundColor: "#242424",
    controlBackgroundColor: "#ffffff",
    controlForegroundColor: "#242424",
  },
  dark: {
    bodyBackgroundColor: "#292929",
    bodyForegroundColor: "#ffffff",
    controlBackgroundColor: "#1f1f1f",
    controlForegroundColor: "#ffffff",
  },
  "high-contrast": {
    bodyBackgroundColor: "#000000",
    bodyForegroundColor: "#ffffff",
    controlBackgroundColor: "#000000",
    controlForegroundColor: "#ffffff",
  },
};

export function isSimTheme(value: unknown): value is SimTheme {
  return value === "light" || value === "dark" || value === "high-contrast";
}
