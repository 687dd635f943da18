/** Follows theme changes after the first paint (loaded then): Outlook's OfficeThemeChanged, else the browser's. */
import type { Theme } from "@fluentui/react-components";
import type { Scheme } from "../core/office/theme";
import { officeScheme } from "../core/office/theme";
import { onOfficeSchemeChanged } from "../core/office/themeEvents";
import { darkQuery, themeFor } from "./theme";

/**
 * Calls `apply` with the theme whenever Outlook's scheme changes, or the browser's while Outlook hasn't given one.
 * The last change wins, even when an earlier one is still fetching the dark theme.
 */
export function watchTheme(apply: (theme: Theme, scheme: Scheme) => void): void {
  let fromOutlook = officeScheme() !== undefined;
  let latest = 0;
  const update = (scheme: Scheme) => {
    const mine = ++latest;
    void themeFor(scheme).then((theme) => mine === latest && apply(theme, scheme));
  };
  darkQuery()?.addEventListener("change", (event) => {
    if (!fromOutlook) update(event.matches ? "dark" : "light");
  });
  // Without the event (older Outlook), the pane keeps the theme it opened with.
  onOfficeSchemeChanged((scheme) => {
    fromOutlook = true;
    update(scheme);
  }).catch(() => undefined);
}
