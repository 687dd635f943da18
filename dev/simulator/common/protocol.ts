/**
 * The wire protocol between the office.js stand-in (inside add-in frames) and the simulated host (the shell page).
 *
 * Everything travels with window.postMessage and an explicit targetOrigin; both ends check event.origin and
 * event.source. The host names each frame through window.name (as Outlook on the web passes its host info), so a
 * page that navigates inside its frame (a sign-in dialog) keeps talking to the same host. Dialogs opened without
 * displayInIframe are popup windows: their pages talk to window.opener instead of window.parent, and keep their
 * window.name across same-site navigations (Chromium clears it only on cross-site top-level navigations).
 */

import type { OfficeThemeSnapshot } from "./theme";

export const PROTOCOL = "outlook-sim/1" as const;
/** Prefix of window.name for frames the shell creates. */
export const FRAME_NAME_PREFIX = "outlook-sim:";

export type FrameRole = "taskpane" | "function" | "dialog";

export interface FrameName {
  hostOrigin: string;
  frameId: string;
  role: FrameRole;
}

export function encodeFrameName(name: FrameName): string {
  return FRAME_NAME_PREFIX + JSON.stringify(name);
}

export function decodeFrameName(raw: string): FrameName | null {
  if (!raw.startsWith(FRAME_NAME_PREFIX)) return null;
  try {
    const parsed: unknown = JSON.parse(raw.slice(FRAME_NAME_PREFIX.length));
    if (!isRecord(parsed)) return null;
    const { hostOrigin, frameId, role } = parsed;
    if (typeof hostOrigin !== "string" || typeof frameId !== "string") return null;
    if (role !== "taskpane" && role !== "function" && role !== "dialog") return null;
    return { hostOrigin, frameId, role };
  } catch {
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface EmailAddressDetails {
  displayName: string;
  emailAddress: string;
}

export interface SharedPropertiesSnapshot {
  owner: string;
  targetMailbox: string;
  targetRestUrl: string;
  delegatePermissions: number;
}

export interface ReadItemSnapshot {
  mode: "read";
  itemId: string;
  itemType: "message";
  subject: string;
  from: EmailAddressDetails;
  sender: EmailAddressDetails;
  dateTimeCreated: string;
  dateTimeModified: string;
  internetMessageId: string;
  conversationId: string;
  /** Present only for items in a shared or delegated folder. */
  shared: SharedPropertiesSnapshot | null;
}

export interface ComposeItemSnapshot {
  mode: "compose";
  itemType: "message";
  /** Host-side key of the draft; the EWS id is only known after a save. */
  draftKey: string;
}

/** What a calendar item shows in either mode. */
interface AppointmentFields {
  itemType: "appointment";
  subject: string;
  organizer: EmailAddressDetails;
  requiredAttendees: EmailAddressDetails[];
  optionalAttendees: EmailAddressDetails[];
  /** ISO 8601 (UTC). */
  start: string;
  end: string;
  location: string;
  /**
   * Occurrences: the master's EWS id (Mailbox 1.7); null for single appointments, series masters and new
   * meetings.
   */
  seriesId: string | null;
  /** A Recurrence-like object for masters and occurrences; null for single appointments. */
  recurrence: { recurrenceType: string } | null;
}

/** A calendar item opened in read mode (attendee or organizer surface). */
export interface AppointmentItemSnapshot extends AppointmentFields {
  mode: "read";
  itemId: string;
  dateTimeCreated: string;
  dateTimeModified: string;
}

/**
 * A meeting the person organizes, opened as Outlook opens it: an editable form (Office.AppointmentCompose; the
 * manifest's AppointmentOrganizerCommandSurface). No itemId property: a saved item's ID comes from getItemIdAsync
 * (Mailbox 1.8), an unsaved new meeting has none yet (ItemNotSaved). Values are read with getAsync.
 */
export interface AppointmentComposeSnapshot extends AppointmentFields {
  mode: "compose";
  /** Host-side key of the open form (notifications, getItemIdAsync). */
  draftKey: string;
}

export type ItemSnapshot =
  | ReadItemSnapshot
  | AppointmentItemSnapshot
  | ComposeItemSnapshot
  | AppointmentComposeSnapshot;

export interface UserProfileSnapshot {
  displayName: string;
  emailAddress: string;
  timeZone: string;
  accountType: "enterprise" | "consumer" | "gmail" | "office365";
}

export interface MailboxSnapshot {
  userProfile: UserProfileSnapshot;
  hostName: string;
  hostVersion: string;
  owaView: string;
  restUrl: string;
  ewsUrl: string;
  item: ItemSnapshot | null;
}

export interface HostContext {
  frameId: string;
  role: FrameRole;
  displayLanguage: string;
  /** Requirement set name (lower case) -> highest supported version. */
  requirements: Record<string, string>;
  /** Whether window.nestedAppAuthBridge is offered to this frame. */
  naaBridge: boolean;
  /**
   * Whether Office.auth.getAuthContext exists. False models a host that reports NestedAppAuth 1.1 but lacks the
   * function (Microsoft advises checking an API for undefined as well as its set:
   * learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime). Absent means true.
   */
  authContextApi?: boolean;
  /** Absent in dialogs, as in real hosts. */
  mailbox: MailboxSnapshot | null;
  /** Office.context.officeTheme: task panes only (see theme.ts). */
  officeTheme: OfficeThemeSnapshot | null;
}

export interface OfficeErrorShape {
  code: number;
  name: string;
  message: string;
}

/** Frame -> host. */
export type FrameMessage =
  | { p: typeof PROTOCOL; t: "hello"; frameId: string }
  | { p: typeof PROTOCOL; t: "call"; frameId: string; id: number; method: string; args: unknown }
  | { p: typeof PROTOCOL; t: "naa"; frameId: string; data: string }
  /** The page unloads (navigates away or its window closes); the host waits for the next hello. */
  | { p: typeof PROTOCOL; t: "bye"; frameId: string };

/** Host -> frame. */
export type HostMessage =
  | { p: typeof PROTOCOL; t: "init"; context: HostContext }
  | { p: typeof PROTOCOL; t: "reply"; id: number; ok: true; value: unknown }
  | { p: typeof PROTOCOL; t: "reply"; id: number; ok: false; error: OfficeErrorShape }
  | { p: typeof PROTOCOL; t: "event"; event: string; payload: unknown }
  | { p: typeof PROTOCOL; t: "naa"; data: string };

export function isFrameMessage(data: unknown): data is FrameMessage {
  return (
    isRecord(data) && data.p === PROTOCOL && typeof data.t === "string" && typeof data.frameId === "string"
  );
}

export function isHostMessage(data: unknown): data is HostMessage {
  return isRecord(data) && data.p === PROTOCOL && typeof data.t === "string";
}

/** Event names the host pushes into frames. */
export const HostEvent = {
  ItemChanged: "olkItemSelectedChanged",
  SelectedItemsChanged: "olkSelectedItemsChanged",
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
  DialogParentMessageReceived: "dialogParentMessageReceived",
  /** Office.EventType.OfficeThemeChanged's value in office.js. */
  OfficeThemeChanged: "officeThemeChanged",
  InvokeAction: "sim.invokeAction",
} as const;
