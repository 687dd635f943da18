/**
 * Outlook's theme (Mailbox 1.14): `Office.context.officeTheme`. `isDarkTheme` and `themeId` aren't supported in
 * Outlook, so the body colours tell dark from light (learn.microsoft.com/javascript/api/office/office.officetheme).
 * Outlook gives no theme inside dialogs (office-js#6820); there, and in hosts without it, callers fall back to the
 * browser's `prefers-color-scheme`. Changes arrive through themeEvents.ts.
 */
export type Scheme = "light" | "dark";

/** "dark" for a dark body background (Rec. 709 luma under half), undefined for anything but "#rrggbb". */
export function schemeOf(theme: { bodyBackgroundColor?: unknown } | null | undefined): Scheme | undefined {
  const hex = /^#([0-9a-f]{6})$/i.exec(String(theme?.bodyBackgroundColor))?.[1];
  if (hex === undefined) return undefined;
  const rgb = Number.parseInt(hex, 16);
  const luma = 0.2126 * (rgb >> 16) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255);
  return luma < 128 ? "dark" : "light";
}

/** The scheme Outlook says it shows, if it says. */
export function officeScheme(): Scheme | undefined {
  try {
    return schemeOf(Office.context.officeTheme);
  } catch {
    return undefined;
  }
}
