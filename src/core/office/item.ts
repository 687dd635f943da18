/**
 * The current item, read fresh on every call (ItemChanged is unreliable in Outlook on the web and the new
 * Outlook, so nothing here caches an item between calls).
 *
 * Requirement sets: Mailbox 1.5 (convertToRestId, used since 1.3), Mailbox 1.8 for getItemIdAsync in compose (drafts
 * and the organizer's meeting form) and getSharedPropertiesAsync in shared folders (see shared.ts), Mailbox 1.7 for
 * appointments (seriesId, recurrence, organizer).
 * Permission: ReadItem (itemId, subject, from, dateTimeCreated, convertToRestId).
 */
import type { MailboxRef } from "../graph/types";
import { t } from "../i18n";
import { officeCall } from "./async";
import { DraftNotSavedError, NoItemError, requireSets, UnsupportedItemError } from "./errors";
import { isSupported, REQUIREMENTS } from "./requirements";
import {
  deleteRefusal,
  isOwnItem,
  type MailboxAccess,
  type OwnMailboxProbe,
  type Refusal,
  readMailboxAccess,
  signedInAddress,
} from "./shared";

export interface ReadItemOptions {
  /**
   * Asks Graph whether the item is in the person's own mailbox, for when Outlook's address isn't the sign-in name
   * (see shared.ts). Without it such a mailbox stays "unresolved".
   */
  probe?: OwnMailboxProbe | undefined;
}

export interface Person {
  name: string;
  address: string;
}

export interface MailItem {
  kind: "message";
  /** REST (Graph) ID, converted with convertToRestId(v2.0). */
  restId: string;
  /** The EWS ID Outlook gave, kept only to compare items. */
  ewsId: string;
  mode: "read" | "compose";
  subject: string;
  from: Person | undefined;
  /** When the message was received (dateTimeCreated in read mode); undefined for drafts. */
  received: Date | undefined;
  /** Where Graph finds it: /me, or /users/{owner} for a shared or delegated mailbox. */
  mailbox: MailboxRef;
  /** How the mailbox was learned, its address and the delegate bits; absent means the person's own. */
  access?: MailboxAccess | undefined;
  /** Why Delete isn't offered for this item (delegate rights); absent when it may be. */
  refusal?: Refusal | undefined;
}

/** How an appointment relates to its series, from Office.js (Mailbox 1.7: seriesId, recurrence). */
export type EventRecurrence = "single" | "occurrence" | "series";

export interface EventItem {
  kind: "event";
  /** REST (Graph) ID of exactly what is open: the occurrence for an occurrence, the master for a series. */
  restId: string;
  ewsId: string;
  /**
   * read: an attendee's view (AppointmentAttendeeCommandSurface). compose: the organizer's form, which is how
   * Outlook opens a meeting the person organizes (AppointmentOrganizerCommandSurface, Office.AppointmentCompose).
   */
  mode: "read" | "compose";
  subject: string;
  organizer: Person | undefined;
  start: Date | undefined;
  end: Date | undefined;
  recurrence: EventRecurrence;
  /** The signed-in person organizes this meeting (Outlook's organizer address is theirs). */
  isOrganizer: boolean;
  /** Whether Outlook lists required or optional attendees; undefined when it gave neither list. */
  hasAttendees: boolean | undefined;
  /** Events are purged in the person's own calendar only (/me/events, Calendars.ReadWrite). */
  mailbox: MailboxRef;
  access?: undefined;
  /** Why Delete isn't offered (an event in a calendar someone shared); absent when it may be. */
  refusal?: Refusal | undefined;
}

/** What Outlook shows: a message, or an appointment opened in read mode. */
export type CurrentItem = MailItem | EventItem;

/** The mailbox, and whether Outlook's delegate bits allow deleting this item there. */
async function accessFor(
  item: object,
  sender: string | undefined,
  mode: "read" | "compose",
  restId: string,
  options: ReadItemOptions,
): Promise<Pick<MailItem, "mailbox" | "access" | "refusal">> {
  const access = await readMailboxAccess(item, { item: { kind: "message", restId }, probe: options.probe });
  if (access.via === "own") return { mailbox: access.mailbox };
  let refusal: Refusal | undefined;
  if (access.via === "shared-folder" && access.permissions !== undefined) {
    // "Own" items: the person's address is the sender (a delegate sending on behalf is the sender, the owner
    // the from). Asked only here, where it matters.
    const person = [Office.context.mailbox?.userProfile?.emailAddress, await signedInAddress()];
    refusal = deleteRefusal(access, isOwnItem(sender, person, mode));
  }
  return { mailbox: access.mailbox, access, ...(refusal ? { refusal } : {}) };
}

/** Converts an EWS ID from Office.js to the REST v2.0 form Graph expects. Never hand-rolled. */
export function toRestId(ewsId: string): string {
  return Office.context.mailbox.convertToRestId(ewsId, Office.MailboxEnums.RestVersion.v2_0);
}

function person(value: Office.EmailAddressDetails | undefined): Person | undefined {
  if (!value) return undefined;
  return { name: value.displayName ?? "", address: value.emailAddress ?? "" };
}

function isComposeItem(item: Office.MessageRead | Office.MessageCompose): item is Office.MessageCompose {
  return typeof (item.subject as unknown) === "object" && item.subject !== null;
}

/**
 * An occurrence has a seriesId (its master's EWS ID); Office.js gives null for single appointments and series
 * masters. A master has a recurrence pattern (occurrences have one too, hence seriesId first); a single one none.
 */
export function recurrenceOf(item: { seriesId?: unknown; recurrence?: unknown }): EventRecurrence {
  if (typeof item.seriesId === "string" && item.seriesId !== "") return "occurrence";
  if (typeof item.recurrence === "object" && item.recurrence !== null) return "series";
  return "single";
}

function same(a: string | undefined, b: string | undefined): boolean {
  return Boolean(a && b && a.trim().toLowerCase() === b.trim().toLowerCase());
}

function attendeesListed(item: {
  requiredAttendees?: unknown;
  optionalAttendees?: unknown;
}): boolean | undefined {
  const lists = [item.requiredAttendees, item.optionalAttendees].filter((list): list is unknown[] =>
    Array.isArray(list),
  );
  if (lists.length === 0) return undefined;
  return lists.some((list) => list.length > 0);
}

function sharedCalendar(): Refusal {
  return { message: t("shared.calendar"), short: t("shared.calendarShort") };
}

async function readEvent(
  item: Office.AppointmentRead | Office.AppointmentCompose,
  options: ReadItemOptions,
): Promise<EventItem> {
  requireSets(REQUIREMENTS.appointmentDetails);
  if (isAppointmentForm(item)) return readOrganizerForm(item, options);
  if (!item.itemId) throw new NoItemError();
  const organizer = person(item.organizer);
  const restId = toRestId(item.itemId);
  const access = await readMailboxAccess(item, { item: { kind: "event", restId }, probe: options.probe });
  const me = [Office.context.mailbox?.userProfile?.emailAddress, await signedInAddress()];
  return {
    kind: "event",
    restId,
    ewsId: item.itemId,
    mode: "read",
    subject: item.subject,
    organizer,
    start: item.start instanceof Date ? item.start : undefined,
    end: item.end instanceof Date ? item.end : undefined,
    recurrence: recurrenceOf(item),
    isOrganizer: me.some((address) => same(address, organizer?.address)),
    hasAttendees: attendeesListed(item),
    mailbox: { kind: "me" },
    // Refused only where Outlook or Graph said the calendar is someone else's; "unresolved" deletes under /me.
    ...(access.via === "shared-folder" || access.via === "other-mailbox"
      ? { refusal: sharedCalendar() }
      : {}),
  };
}

/** The organizer's form has field objects (subject.getAsync ...) where read mode has plain values. */
function isAppointmentForm(
  item: Office.AppointmentRead | Office.AppointmentCompose,
): item is Office.AppointmentCompose {
  return typeof (item.subject as unknown) === "object" && item.subject !== null;
}

/** getItemIdAsync on a form (Mailbox 1.8): the saved item's EWS ID; DraftNotSavedError while it has none. */
async function formItemId(
  item: Office.MessageCompose | Office.AppointmentCompose,
  kind: "draft" | "meeting",
): Promise<string> {
  const id = await officeCall<string>("getItemIdAsync", (cb) => item.getItemIdAsync(cb)).catch(() => "");
  if (!id) throw new DraftNotSavedError(kind);
  return id;
}

const FORM_FIELDS = [
  "subject",
  "organizer",
  "start",
  "end",
  "recurrence",
  "requiredAttendees",
  "optionalAttendees",
] as const;

/**
 * A meeting the person organizes, open in the organizer's form. It has no itemId: a saved meeting's ID comes from
 * getItemIdAsync (Mailbox 1.8); a new meeting that was never saved has none, so there is nothing to delete yet.
 * Every value is read with getAsync (organizer and recurrence: Mailbox 1.7); seriesId is a plain property.
 */
async function readOrganizerForm(
  item: Office.AppointmentCompose,
  options: ReadItemOptions,
): Promise<EventItem> {
  requireSets(REQUIREMENTS.organizerItemId);
  const ewsId = await formItemId(item, "meeting");
  const [subject, organizer, start, end, recurrence, requiredAttendees, optionalAttendees] =
    await Promise.all(
      FORM_FIELDS.map((name) =>
        officeCall<unknown>(`${name}.getAsync`, (cb) =>
          (item[name] as { getAsync(cb: (r: Office.AsyncResult<unknown>) => void): void }).getAsync(cb),
        ),
      ),
    );
  const restId = toRestId(ewsId);
  const access = await readMailboxAccess(item, { item: { kind: "event", restId }, probe: options.probe });
  return {
    kind: "event",
    restId,
    ewsId,
    mode: "compose",
    subject: typeof subject === "string" ? subject : "",
    organizer: person(organizer as Office.EmailAddressDetails | undefined),
    start: start instanceof Date ? start : undefined,
    end: end instanceof Date ? end : undefined,
    recurrence: recurrenceOf({ seriesId: item.seriesId, recurrence }),
    // Outlook opens only the organizer's own meetings as this form (attendees get the read surface).
    isOrganizer: true,
    hasAttendees: attendeesListed({ requiredAttendees, optionalAttendees }),
    mailbox: { kind: "me" },
    ...(access.via === "shared-folder" || access.via === "other-mailbox"
      ? { refusal: sharedCalendar() }
      : {}),
  };
}

/**
 * Reads the item Outlook shows now: a message, or an appointment (an attendee's in read mode, the organizer's form).
 * Throws NoItemError when there is none (nothing or several selected), UnsupportedItemError for anything else,
 * DraftNotSavedError for an unsaved draft or new meeting, RequirementError when the host lacks a requirement set.
 */
export async function readCurrentItem(options: ReadItemOptions = {}): Promise<CurrentItem> {
  requireSets(REQUIREMENTS.restIds);
  const current = Office.context.mailbox?.item as
    | Office.MessageRead
    | Office.MessageCompose
    | Office.AppointmentRead
    | Office.AppointmentCompose
    | null
    | undefined;
  if (!current) throw new NoItemError();
  if (current.itemType === Office.MailboxEnums.ItemType.Appointment)
    return readEvent(current as Office.AppointmentRead | Office.AppointmentCompose, options);
  if (current.itemType !== Office.MailboxEnums.ItemType.Message)
    throw new UnsupportedItemError(String(current.itemType));
  const item = current as Office.MessageRead | Office.MessageCompose;

  if (isComposeItem(item)) {
    requireSets(REQUIREMENTS.composeItemId);
    const ewsId = await formItemId(item, "draft");
    const subject = await officeCall<string>("subject.getAsync", (cb) => item.subject.getAsync(cb));
    const restId = toRestId(ewsId);
    return {
      kind: "message",
      restId,
      ewsId,
      mode: "compose",
      subject,
      from: undefined,
      received: undefined,
      ...(await accessFor(item, undefined, "compose", restId, options)),
    };
  }

  if (!item.itemId) throw new NoItemError();
  const sender = (item.sender ?? item.from)?.emailAddress;
  const restId = toRestId(item.itemId);
  return {
    kind: "message",
    restId,
    ewsId: item.itemId,
    mode: "read",
    subject: item.subject ?? "",
    from: person(item.from) ?? person(item.sender),
    received: item.dateTimeCreated instanceof Date ? item.dateTimeCreated : undefined,
    ...(await accessFor(item, sender, "read", restId, options)),
  };
}

/**
 * Identity of the current item, read again each time: used to void a stale confirmation. A read item's itemId; for a
 * form (a draft, the organizer's meeting) the ID getItemIdAsync gives now, undefined while it has none.
 */
export async function currentItemKey(): Promise<string | undefined> {
  const item = Office.context.mailbox?.item as
    | Office.MessageRead
    | Office.MessageCompose
    | Office.AppointmentCompose
    | null
    | undefined;
  if (!item) return undefined;
  if ("itemId" in item && typeof item.itemId === "string") return item.itemId || undefined;
  if (typeof (item as { getItemIdAsync?: unknown }).getItemIdAsync !== "function") return undefined;
  return formItemId(item as Office.AppointmentCompose, "draft").catch(() => undefined);
}

export function canFollowItemChanges(): boolean {
  return isSupported(REQUIREMENTS.restIds);
}
