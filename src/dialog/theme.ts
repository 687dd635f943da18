/**
 * Dialog pages follow the browser's prefers-color-scheme (confirm.css): Outlook gives dialogs no officeTheme
 * (office-js#6820). Where a host does give one, it wins: its scheme goes to <html data-scheme>.
 */
import { officeScheme } from "../core/office/theme";

export function applyOfficeScheme(): void {
  const scheme = officeScheme();
  if (scheme) document.documentElement.dataset.scheme = scheme;
}
