/** Dates in the person's Office display language. */
export function formatReceived(date: Date | undefined, locale: string | undefined): string {
  if (!date || Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(locale || undefined, { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

export function displaySubject(subject: string): string {
  return subject.trim() === "" ? "(no subject)" : subject;
}

export function displaySender(from: { name: string; address: string } | undefined): string {
  if (!from) return "";
  if (from.name && from.address && from.name !== from.address) return `${from.name} <${from.address}>`;
  return from.name || from.address;
}
