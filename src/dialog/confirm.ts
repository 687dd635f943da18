/**
 * Confirmation page for the ribbon command, opened with displayDialogAsync. It answers yes or no and nothing
 * else: no MSAL, no Graph, no Office mailbox access (dialogs have none). It renders only with textContent, so a
 * hostile subject is shown as text. The "yes" names the IDs that were on screen, with the nonce it was given.
 */
import "./confirm.css";
import {
  currentLanguage,
  currentLocale,
  loadLanguage,
  type MessageKey,
  NO_CATALOGUE,
  t,
  template,
} from "../core/i18n";
import { fromOwnParent, messageOwnParent } from "../core/office/dialogPage";
import { type EventConfirmation, eventConfirmation } from "../core/purge/eventWording";
import { parseToPage, type ShownEvent, type ShownItem, type ToPage } from "../core/purge/protocol";
import { applyOfficeScheme } from "./theme";

function send(message: object): void {
  // DialogOrigin 1.1: name the parent's origin (the add-in's own) explicitly.
  messageOwnParent(JSON.stringify(message), window.location.origin);
}

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Missing #${id}`);
  return element as T;
}

function formatDate(date: Date): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(date);
}

function parseDate(iso: string): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function describeDate(iso: string): string {
  const date = parseDate(iso);
  return date ? formatDate(date) : "";
}

function confirmationFor(event: ShownEvent): EventConfirmation {
  return eventConfirmation(
    {
      start: parseDate(event.start),
      end: parseDate(event.end),
      recurrence: event.recurrence,
      organizerName: event.organizerName,
      organizerAddress: event.organizerAddress,
      isOrganizer: event.isOrganizer,
      hasAttendees: event.hasAttendees,
    },
    formatDate,
  );
}

/** An event's lines: what exactly goes (one occurrence or the series), when, whose, and about attendees. */
function renderEvent(li: HTMLLIElement, event: ShownEvent): void {
  const wording = confirmationFor(event);
  for (const [className, text] of [
    ["scope", wording.scope],
    ["meta", wording.details],
    ["attendees", wording.attendees ?? ""],
  ] as const) {
    if (!text) continue;
    const line = document.createElement("span");
    line.className = className;
    line.textContent = text;
    li.append(line);
  }
}

function renderItem(item: ShownItem): HTMLLIElement {
  const li = document.createElement("li");
  const subject = document.createElement("bdi");
  subject.className = "subject";
  subject.textContent = item.subject.trim() === "" ? t("common.noSubject") : item.subject;
  if (item.event) {
    li.append(subject);
    renderEvent(li, item.event);
    return li;
  }
  const meta = document.createElement("span");
  meta.className = "meta";
  const from = item.fromName || item.fromAddress;
  const sender = document.createElement("bdi");
  sender.textContent = from
    ? t("item.from", {
        sender: `${from}${item.fromName && item.fromAddress ? ` <${item.fromAddress}>` : ""}`,
      })
    : "";
  meta.append(sender);
  const when = describeDate(item.received);
  if (when) {
    meta.append(
      document.createTextNode(
        from ? t("confirm.fromReceived", { date: when }) : t("confirm.receivedOnly", { date: when }),
      ),
    );
  }
  li.append(subject, meta);
  return li;
}

/** Whose mailbox the items are in: the person's own, or the shared or delegated one, named. */
function describeMailbox(items: readonly ShownItem[]): string {
  const others = [...new Set(items.map((i) => i.mailbox).filter((m): m is string => Boolean(m)))];
  if (others.length === 0)
    return items.every((i) => i.event) ? t("confirm.ownCalendar") : t("confirm.ownMailbox");
  const mine = items.some((i) => !i.mailbox);
  const named = others.join(", ");
  return mine ? t("confirm.ownAndOther", { mailboxes: named }) : t("confirm.inMailbox", { mailbox: named });
}

function show(request: ToPage): void {
  const items = byId<HTMLUListElement>("items");
  items.replaceChildren(...request.items.map(renderItem));
  byId("mailbox").textContent = describeMailbox(request.items);
  const only = request.items.length === 1 ? request.items[0] : undefined;
  byId("title").textContent = only?.event
    ? confirmationFor(only.event).title
    : only
      ? t("confirm.title")
      : t("confirm.titleMany", { count: request.items.length });
  byId("status").hidden = true;
  byId("confirm").hidden = false;
  byId("root").setAttribute("aria-busy", "false");

  let answered = false;
  const answer = (confirmed: boolean) => {
    if (answered) return;
    answered = true;
    byId<HTMLButtonElement>("delete").disabled = true;
    byId<HTMLButtonElement>("cancel").disabled = true;
    send(
      confirmed
        ? { type: "answer", nonce: request.nonce, confirmed: true, ids: request.items.map((i) => i.id) }
        : { type: "answer", nonce: request.nonce, confirmed: false },
    );
  };
  byId("delete").addEventListener("click", () => answer(true));
  byId("cancel").addEventListener("click", () => answer(false));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") answer(false);
  });
  // Safe default: focus Cancel, so Enter alone never deletes.
  byId<HTMLButtonElement>("cancel").focus();
}

/** The page's fixed words (in the HTML in English, for a page that never gets this far) in the person's language. */
function translateStatic(): void {
  document.documentElement.lang = currentLanguage();
  document.title = t("confirm.pageTitle");
  const text: ReadonlyArray<[string, MessageKey]> = [
    ["status", "common.loading"],
    ["title", "confirm.pageTitle"],
    ["warning", "confirm.pageWarning"],
    ["delete", "common.deletePermanently"],
    ["cancel", "common.cancel"],
  ];
  for (const [id, key] of text) byId(id).textContent = template(key);
  byId("items").setAttribute("aria-label", t("confirm.items"));
}

Office.onReady(async () => {
  applyOfficeScheme();
  // Before "ready": the parent sends the list only then, so nothing is shown in the wrong language.
  try {
    await loadLanguage(Office.context.displayLanguage);
  } catch {
    // Not even English could be loaded: no list, no buttons, just why. Closing the dialog deletes nothing.
    document.body.textContent = NO_CATALOGUE;
    return;
  }
  translateStatic();
  let shown = false;
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
    if (shown) return;
    // Only the add-in's own pages may hand this page a list (none without an origin where the host reports one).
    if (!fromOwnParent((arg as { origin?: unknown }).origin, window.location.origin)) return;
    const request = parseToPage((arg as { message?: unknown }).message);
    if (!request) return;
    shown = true;
    show(request);
  });
  send({ type: "ready" });
});
