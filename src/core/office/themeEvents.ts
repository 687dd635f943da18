/**
 * OfficeThemeChanged (Mailbox 1.14; task panes only: function commands can't register it). On Outlook desktop the
 * event fires while `Office.context.officeTheme` still holds the old theme (office-js#6348), so the event's own
 * `officeTheme` is read first.
 */
import { officeCall } from "./async";
import { isSupported, REFINEMENTS } from "./requirements";
import { officeScheme, type Scheme, schemeOf } from "./theme";

/** Calls `handler` with Outlook's new scheme whenever the person changes Outlook's theme, for the page's life. */
export async function onOfficeSchemeChanged(handler: (scheme: Scheme) => void): Promise<void> {
  const mailbox = Office.context.mailbox;
  if (!mailbox || !isSupported(REFINEMENTS.themeChanged)) return;
  await officeCall<void>("addHandlerAsync(OfficeThemeChanged)", (cb) =>
    mailbox.addHandlerAsync(
      Office.EventType.OfficeThemeChanged,
      (event: Office.OfficeThemeChangedEventArgs) => {
        const scheme = schemeOf(event.officeTheme) ?? officeScheme();
        if (scheme) handler(scheme);
      },
      cb,
    ),
  );
}
