/** Dates in the person's Office display language; text from the active catalogue. */
import { currentLocale, t } from "../core/i18n";

export function formatReceived(date: Date | undefined, locale: string | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale || currentLocale(), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}

export function displaySubject(subject: string): string {
  return subject.trim() === "" ? t("common.noSubject") : subject;
}

export function displaySender(from: { name: string; address: string } | undefined): string {
  if (!from) return "";
  if (from.name && from.address && from.name !== from.address) return `${from.name} <${from.address}>`;
  return from.name || from.address;
}
