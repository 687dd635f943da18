/** Dates in the person's Office display language; text from the active catalogue. */
import { currentLocale, formatDateTime, t } from "../core/i18n";

/** `locale` is Office's display language as the pane got it; the active catalogue's locale when absent. */
export function formatReceived(date: Date | undefined, locale: string | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return "";
  // formatDateTime keeps one formatter (see core/i18n): a 100-row list must not build 100 of them.
  if (!locale || locale === currentLocale()) return formatDateTime(date);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

export function displaySubject(subject: string): string {
  return subject.trim() === "" ? t("common.noSubject") : subject;
}

export function displaySender(from: { name: string; address: string } | undefined): string {
  if (!from) return "";
  if (from.name && from.address && from.name !== from.address) return `${from.name} <${from.address}>`;
  return from.name || from.address;
}
