/**
 * Messages between the ribbon command and its confirmation page (dialog/confirm.html).
 *
 *   page -> command  {type:"ready"}                                 (messageParent, once loaded)
 *   command -> page  {type:"show", nonce, items:[...]}              (messageChild, DialogApi 1.2)
 *   page -> command  {type:"answer", nonce, confirmed, ids?}        (messageParent)
 *
 * The page only answers yes or no: it has no token and calls nothing. The command accepts an answer only if it
 * parses, has this shape, carries the nonce it sent, and (for a yes) names exactly the IDs it showed.
 */

/** A calendar event's facts, for the page to say how much of a series goes (see eventWording.ts). */
export interface ShownEvent {
  /** ISO 8601, or "" when unknown. */
  start: string;
  end: string;
  recurrence: "single" | "occurrence" | "series";
  organizerName: string;
  organizerAddress: string;
  isOrganizer: boolean;
  /** true, false, or absent when Outlook didn't say. */
  hasAttendees?: boolean;
}

export interface ShownItem {
  id: string;
  subject: string;
  fromName: string;
  fromAddress: string;
  /** ISO 8601, or "" when unknown. */
  received: string;
  /** The address of the mailbox the item is in, when it isn't the person's own (shared or delegated). */
  mailbox?: string;
  /** Present when the item is a calendar event. */
  event?: ShownEvent;
}

export type ToPage = { type: "show"; nonce: string; items: ShownItem[] };

export type FromPage =
  | { type: "ready" }
  | { type: "answer"; nonce: string; confirmed: true; ids: string[] }
  | { type: "answer"; nonce: string; confirmed: false };

const MAX_MESSAGE_CHARS = 1_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parse(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== "string" || raw.length > MAX_MESSAGE_CHARS) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function parseFromPage(raw: unknown): FromPage | undefined {
  const v = parse(raw);
  if (!v) return undefined;
  if (v.type === "ready" && Object.keys(v).length === 1) return { type: "ready" };
  if (v.type !== "answer" || typeof v.nonce !== "string" || typeof v.confirmed !== "boolean")
    return undefined;
  if (!v.confirmed) return { type: "answer", nonce: v.nonce, confirmed: false };
  if (!Array.isArray(v.ids) || !v.ids.every((id) => typeof id === "string")) return undefined;
  return { type: "answer", nonce: v.nonce, confirmed: true, ids: v.ids as string[] };
}

const RECURRENCES: readonly unknown[] = ["single", "occurrence", "series"];

function isShownEvent(value: unknown): value is ShownEvent {
  return (
    isRecord(value) &&
    typeof value.start === "string" &&
    typeof value.end === "string" &&
    RECURRENCES.includes(value.recurrence) &&
    typeof value.organizerName === "string" &&
    typeof value.organizerAddress === "string" &&
    typeof value.isOrganizer === "boolean" &&
    (value.hasAttendees === undefined || typeof value.hasAttendees === "boolean")
  );
}

function isShownItem(value: unknown): value is ShownItem {
  return (
    isRecord(value) &&
    typeof value.id === "string" &&
    typeof value.subject === "string" &&
    typeof value.fromName === "string" &&
    typeof value.fromAddress === "string" &&
    typeof value.received === "string" &&
    (value.mailbox === undefined || typeof value.mailbox === "string") &&
    (value.event === undefined || isShownEvent(value.event))
  );
}

export function parseToPage(raw: unknown): ToPage | undefined {
  const v = parse(raw);
  if (v?.type !== "show" || typeof v.nonce !== "string" || v.nonce === "") return undefined;
  if (!Array.isArray(v.items) || v.items.length === 0 || !v.items.every(isShownItem)) return undefined;
  return { type: "show", nonce: v.nonce, items: v.items };
}

/** 128 random bits, hex. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * An answer from the confirmation page that voids the confirmation (wrong origin, shape, nonce or IDs). Here
 * rather than in dialogConfirm.ts so the pane's error wording can recognise it without loading the dialog code.
 */
export class ConfirmationRejected extends Error {
  override readonly name = "ConfirmationRejected";
}
