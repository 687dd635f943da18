/**
 * The simulated Outlook on the web, host side: add-in frames, the current item and selection, compose mode, dialogs,
 * notifications, the function-command runtime and the NAA broker. The UI (ui.ts) renders this state and calls these
 * methods; tests drive the same methods through window.simulator (see README.md).
 */
import { type DialogBehavior, decideDialog } from "../common/dialogRules";
import { DialogEventCode, OfficeErrors } from "../common/errors";
import {
  type BridgeResponse,
  type BridgeStatusValue,
  consentRequiredResponse,
  errorResponse,
  type IssuedToken,
  initContextResponse,
  parseBridgeRequest,
  requestedPermissions,
  tokenResponse,
} from "../common/naa";
import {
  addNotification,
  keepOnNavigation,
  type NotificationDetails,
  removeNotification,
  replaceNotification,
  type StoredNotification,
} from "../common/notifications";
import {
  encodeFrameName,
  type FrameRole,
  type HostContext,
  HostEvent,
  type HostMessage,
  type ItemSnapshot,
  isFrameMessage,
  isRecord,
  type OfficeErrorShape,
  PROTOCOL,
  type SharedPropertiesSnapshot,
} from "../common/protocol";
import { supportedRequirementSets } from "../common/requirements";
import { isSimTheme, OFFICE_THEMES, type SimTheme } from "../common/theme";
import {
  type CalendarEvent,
  type MailFolder,
  type MailMessage,
  type MailSource,
  type OtherMailbox,
  TokenRefusedError,
} from "./mailbox";
import type { AddinManifest, RibbonButton, RibbonGroup } from "./manifest";

export interface HostConfig {
  addinOrigin: string;
  /**
   * The signed-in person: `upn` is what getAuthContext and the NAA account say, `mail` the primary SMTP address
   * Outlook puts in userProfile.emailAddress (absent: the same as the UPN). In many tenants they differ.
   */
  user: { upn: string; mail?: string; name: string; oid: string; tid: string; timeZone: string };
  /** Host name of the NAA account environment MSAL caches under. */
  naaEnvironment: string;
  commandTimeoutMs: number;
  emulatorProxy: string;
}

export interface HostSettings {
  naa: boolean;
  /** Office.auth.getAuthContext exists (false: NestedAppAuth 1.1 reported without it). */
  authContextApi: boolean;
  /** GetTokenPopup is accepted without showing the sign-in prompt. */
  popupAutoAccept: boolean;
  dialogBehavior: DialogBehavior;
  displayLanguage: string;
  /** Fault for getSelectedItemsAsync: office-js#3680 ("item is null") or #4278 ("Internal Error"). */
  selectionFault: "itemNull" | "internalError" | null;
  /**
   * Office.context.mailbox.restUrl, which says which cloud the mailbox is in (and shared items' targetRestUrl):
   * https://outlook.office.com/api (global), https://outlook.office365.us/api (US Government), ...
   */
  restUrl: string;
  /** Outlook's theme (Office.context.officeTheme in task panes; see ../common/theme.ts). */
  theme: SimTheme;
  /**
   * Conversation view, collapsed: the list shows one row per conversation, and selecting it selects every message of
   * the conversation, in other folders too (Outlook on the web and the new Outlook; item-multi-select, "Multi-select
   * in conversations").
   */
  conversationView: boolean;
  /** The task pane's width in CSS pixels (the add-in's viewport); null: the shell's default (339). */
  taskpaneWidth: number | null;
  /**
   * Office.context.mailbox.userProfile.accountType (Mailbox 1.6): "enterprise" (a work or school mailbox in
   * Exchange Online) or "consumer" (an Outlook.com mailbox with a personal Microsoft account). Outlook offers no
   * nested app authentication to a consumer mailbox ("In Outlook, the NestedAppAuth 1.1 requirement set isn't
   * supported if the add-in is loaded in an Outlook.com or Gmail mailbox": Nested app auth requirement sets,
   * learn.microsoft.com/javascript/api/requirement-sets/common/nested-app-auth-requirement-sets), so the add-in
   * signs in through its dialog there.
   */
  accountType: "enterprise" | "consumer";
}

/**
 * What the signed-in person has consented to when the shell starts: sign-in and the add-in's own mailbox and
 * contacts (as after an administrator's consent to the core permissions, or earlier use). Mail.ReadWrite.Shared and
 * Calendars.ReadWrite are asked for only when first used (incremental consent), so their first use goes
 * interactive. setConsent() changes it.
 */
export const DEFAULT_CONSENT = ["user.read", "mail.readwrite", "contacts.readwrite"] as const;

/** The REST URL of each cloud's Exchange Online, for setCloud(). */
export const CLOUD_REST_URLS = {
  global: "https://outlook.office.com/api",
  usgov: "https://outlook.office365.us/api",
  "usgov-dod": "https://outlook-dod.office365.us/api",
  china: "https://partner.outlook.cn/api",
} as const;

/**
 * Which mailbox the shell shows: the signed-in person's own (null), or another one, either added to the folder
 * pane as a shared mailbox (items carry getSharedPropertiesAsync with these delegate bits) or opened with
 * "Open another mailbox" (Outlook treats it as primary: no shared properties, userProfile is that mailbox).
 */
export interface MailboxView {
  upn: string;
  displayName: string;
  mode: "shared" | "other-mailbox";
  delegatePermissions: number;
}

export interface TokenFault {
  status: BridgeStatusValue;
  sticky: boolean;
  code?: string;
  description?: string;
}

interface FrameRecord {
  id: string;
  role: FrameRole;
  /** window.name handed to the page (encodeFrameName): how office.js finds its host, across navigations too. */
  name: string;
  /** The iframe; null for a dialog shown as a popup window. */
  iframe: HTMLIFrameElement | null;
  /** The popup window of a dialog opened with displayInIframe false, as Outlook on the web does. */
  popup: Window | null;
  origin: string | null;
  /** Item the frame was started with (function runtimes keep theirs). */
  item: ItemSnapshot | null;
}

export interface DialogState {
  id: string;
  frameId: string;
  openerFrameId: string;
  url: string;
  widthPercent: number;
  heightPercent: number;
  title: string;
  /** Shown in a popup window (displayInIframe false) rather than the shell's iframe overlay. */
  popup: boolean;
}

export interface CommandRecord {
  pressId: string;
  controlId: string;
  label: string;
  functionName: string;
  itemKey: string | null;
  pressedAt: number;
  startedAt: number | null;
  completedAt: number | null;
  timedOut: boolean;
  allowEvent: boolean | undefined;
}

export interface LogEntry {
  at: number;
  kind: string;
  detail: string;
}

export interface Prompt {
  kind: "dialog" | "signin";
  text: string;
  resolve: (accepted: boolean) => void;
}

export interface Containers {
  taskpane: HTMLElement;
  dialog: HTMLElement;
  hidden: HTMLElement;
}

type Pending = { pressId: string; frameId: string; invoked: boolean; timer: ReturnType<typeof setTimeout> };

let counter = 0;
function newId(prefix: string): string {
  counter++;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** The settings a fresh shell starts with, and what reset() returns to (every field a primitive: a spread copies it). */
const DEFAULT_SETTINGS: HostSettings = {
  naa: true,
  authContextApi: true,
  popupAutoAccept: false,
  dialogBehavior: "normal",
  displayLanguage: "en-US",
  selectionFault: null,
  restUrl: CLOUD_REST_URLS.global,
  theme: "light",
  taskpaneWidth: null,
  accountType: "enterprise",
  conversationView: false,
};

export class OutlookHost {
  readonly config: HostConfig;
  /** The manifest as read in the display language (setLanguage reads it again through localiseManifest). */
  manifest: AddinManifest;
  /** Re-reads the manifest for a display language: labels, tooltips and the name come from its Overrides. */
  localiseManifest: ((language: string) => AddinManifest) | undefined;
  private source: MailSource;
  private containers: Containers;
  private listeners = new Set<() => void>();

  settings: HostSettings = { ...DEFAULT_SETTINGS };
  /** The conversation selected in conversation view, and its messages outside the folder shown. */
  selectedConversation: string | null = null;
  conversationExtras = new Map<string, MailMessage>();
  mailboxView: MailboxView | null = null;
  /** Mailboxes shared with the signed-in person, listed in the folder pane. */
  otherMailboxes: OtherMailbox[] = [];
  tokenFaults: { GetToken: TokenFault[]; GetTokenPopup: TokenFault[] } = { GetToken: [], GetTokenPopup: [] };
  /**
   * Graph permissions the person has consented to for the add-in (lower case). A silent GetToken for any other
   * is refused consent_required; GetTokenPopup asks (the prompt names them) and records the consent.
   */
  consented = new Set<string>(DEFAULT_CONSENT);

  folders: MailFolder[] = [];
  currentFolderId = "";
  messages: MailMessage[] = [];
  selection: string[] = [];
  /** Which list the shell shows: a mail folder, or the calendar. */
  view: "mail" | "calendar" = "mail";
  events: CalendarEvent[] = [];
  /** The calendar item open in the reading pane (REST id); exclusive with a message selection. */
  eventSelection: string | null = null;
  /** Anchor for Shift+click range selection. */
  anchor: string | null = null;
  compose: { draftKey: string; subject: string; saved: MailMessage | null } | null = null;
  /**
   * A new meeting form (Calendar > New event), never saved: the organizer surface with no item ID yet. Meetings the
   * person organizes that already exist open as a form too (see currentItemSnapshot), keyed by their EWS id.
   */
  newMeeting: { draftKey: string; subject: string } | null = null;
  sharedOverrides = new Map<string, SharedPropertiesSnapshot>();

  frames = new Map<string, FrameRecord>();
  taskpane: {
    frameId: string;
    url: string;
    buttonId: string;
    pinned: boolean;
    supportsPinning: boolean;
  } | null = null;
  /**
   * Open dialogs by id. "A host page can have only one dialog box open at a time. The host page could be either a
   * task pane or the function file of a function command" (dialog best practices, "Rules and limitations"): 12007
   * counts per opener frame, so a task pane and a ribbon command may each have one open.
   */
  dialogs = new Map<string, DialogState>();
  private popupWatches = new Map<string, ReturnType<typeof setInterval>>();

  /** The most recently opened dialog (the one in front), or null. */
  get dialog(): DialogState | null {
    return [...this.dialogs.values()].at(-1) ?? null;
  }

  private dialogOf(openerFrameId: string): DialogState | undefined {
    return [...this.dialogs.values()].find((d) => d.openerFrameId === openerFrameId);
  }
  prompts: Prompt[] = [];
  notificationsByItem = new Map<string, StoredNotification[]>();
  /**
   * The last list each item's notification bar showed, kept when the person moves on or the item leaves the list
   * (a purge followed by a refresh): what the person saw, for tests that look after the fact.
   */
  notificationsShown = new Map<string, StoredNotification[]>();
  commands: CommandRecord[] = [];
  private queue: CommandRecord[] = [];
  private running: Pending | null = null;
  log: LogEntry[] = [];
  loadError: string | null = null;
  private identity: IssuedToken["account"] | null = null;

  constructor(config: HostConfig, manifest: AddinManifest, source: MailSource, containers: Containers) {
    this.config = config;
    this.manifest = manifest;
    this.source = source;
    this.containers = containers;
    window.addEventListener("message", (event) => this.onMessage(event));
  }

  // ------------------------------------------------------------ observation

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private note(kind: string, detail: string): void {
    this.log.push({ at: Date.now(), kind, detail });
    if (this.log.length > 500) this.log.shift();
  }

  get sourceKind(): MailSource["kind"] {
    return this.source.kind;
  }

  // ------------------------------------------------------------ mailbox

  async load(): Promise<void> {
    try {
      const view = this.mailboxView;
      this.folders = await this.source.folders(view?.upn);
      this.otherMailboxes = await this.source.otherMailboxes().catch(() => []);
      const inbox = this.folders.find((f) => f.wellKnownName === "inbox") ?? this.folders[0];
      this.currentFolderId = inbox?.id ?? "";
      await this.refresh();
      this.loadError = null;
    } catch (error) {
      this.loadError = error instanceof Error ? error.message : String(error);
      this.note("mailbox", `loading failed: ${this.loadError}`);
      throw error;
    } finally {
      this.changed();
    }
  }

  /** Re-reads the current folder (or the calendar); items purged meanwhile drop out of the list and the selection. */
  async refresh(): Promise<void> {
    if (this.view === "calendar") {
      const before = this.currentItemSnapshot();
      this.events = await this.source.events();
      if (this.eventSelection !== null && !this.events.some((e) => e.restId === this.eventSelection)) {
        this.eventSelection = null;
        this.applySelection([], before);
      } else this.changed();
      return;
    }
    if (this.currentFolderId === "") return;
    const view = this.mailboxView;
    const fresh = await this.source.messages(this.currentFolderId, view?.upn);
    fresh.sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
    for (const m of fresh) m.shared = this.sharedOverrides.get(m.restId) ?? this.viewSharedProperties();
    const before = this.currentItemSnapshot();
    this.messages = fresh;
    if (this.selectedConversation !== null) {
      // The conversation's messages in other folders, read again: purged ones leave the selection too.
      const all = await this.source.conversation(this.selectedConversation, view?.upn);
      this.conversationExtras = new Map(
        all.filter((m) => m.folderId !== this.currentFolderId).map((m) => [m.restId, m]),
      );
    }
    const ids = new Set([...fresh.map((m) => m.restId), ...this.conversationExtras.keys()]);
    const kept = this.selection.filter((id) => ids.has(id));
    if (kept.length !== this.selection.length) this.applySelection(kept, before);
    else this.changed();
  }

  async openFolder(idOrName: string): Promise<void> {
    const folder = this.folders.find(
      (f) =>
        f.id === idOrName || f.name.toLowerCase() === idOrName.toLowerCase() || f.wellKnownName === idOrName,
    );
    if (!folder) throw new Error(`no folder ${idOrName}`);
    this.currentFolderId = folder.id;
    this.view = "mail";
    this.eventSelection = null;
    this.newMeeting = null;
    this.messages = [];
    this.applySelection([], this.currentItemSnapshot());
    await this.refresh();
  }

  /** Shows the person's calendar (Outlook's Calendar module) in the list. */
  async openCalendar(): Promise<void> {
    const before = this.currentItemSnapshot();
    this.view = "calendar";
    this.compose = null;
    this.newMeeting = null;
    this.eventSelection = null;
    this.events = [];
    this.applySelection([], before);
    await this.refresh();
  }

  calendarEvent(ref: string | number): CalendarEvent {
    const e =
      typeof ref === "number"
        ? this.events[ref]
        : this.events.find((x) => x.restId === ref || x.ewsId === ref || x.subject === ref);
    if (!e) throw new Error(`no calendar event ${String(ref)}`);
    return e;
  }

  /**
   * Opens one calendar item: an attendee's in read mode (AppointmentAttendeeCommandSurface), a meeting the person
   * organizes as an editable form (AppointmentOrganizerCommandSurface, Office.AppointmentCompose), as Outlook does.
   */
  selectEvent(ref: string | number): void {
    if (this.view !== "calendar") throw new Error("open the calendar first");
    const event = this.calendarEvent(ref);
    const before = this.currentItemSnapshot();
    this.compose = null;
    this.newMeeting = null;
    this.eventSelection = event.restId;
    this.applySelection([], before);
  }

  /** Calendar > New event: an organizer form that was never saved (getItemIdAsync answers ItemNotSaved). */
  openNewMeeting(subject = ""): string {
    if (this.view !== "calendar") throw new Error("open the calendar first");
    const before = this.currentItemSnapshot();
    this.compose = null;
    this.eventSelection = null;
    this.newMeeting = { draftKey: newId("meeting"), subject };
    this.applySelection([], before);
    return this.newMeeting.draftKey;
  }

  /** Closes a new meeting form without saving it. */
  discardNewMeeting(): void {
    const before = this.currentItemSnapshot();
    this.newMeeting = null;
    this.applySelection([], before);
  }

  message(restId: string): MailMessage | undefined {
    return this.messages.find((m) => m.restId === restId) ?? this.conversationExtras.get(restId);
  }

  resolveMessage(ref: string | number): MailMessage {
    const m =
      typeof ref === "number"
        ? this.messages[ref]
        : this.messages.find((x) => x.restId === ref || x.ewsId === ref);
    if (!m) throw new Error(`no message ${String(ref)} in the current folder`);
    return m;
  }

  // ------------------------------------------------------------ selection and items

  currentItemSnapshot(): ItemSnapshot | null {
    if (this.compose) return { mode: "compose", itemType: "message", draftKey: this.compose.draftKey };
    if (this.newMeeting) return this.newMeetingSnapshot(this.newMeeting);
    if (this.eventSelection !== null) {
      const event = this.events.find((e) => e.restId === this.eventSelection);
      if (!event) return null;
      return event.isOrganizer ? this.organizerFormSnapshot(event) : this.appointmentSnapshot(event);
    }
    if (this.selection.length !== 1) return null;
    const m = this.message(this.selection[0] ?? "");
    return m ? this.readSnapshot(m) : null;
  }

  private readSnapshot(m: MailMessage): ItemSnapshot {
    const from = { displayName: m.from.name, emailAddress: m.from.address };
    return {
      mode: "read",
      itemId: m.ewsId,
      itemType: "message",
      subject: m.subject,
      from,
      sender: { ...from },
      dateTimeCreated: m.createdDateTime,
      dateTimeModified: m.lastModifiedDateTime,
      internetMessageId: m.internetMessageId,
      conversationId: m.conversationId,
      shared: this.manifest.supportsSharedFolders ? m.shared : null,
    };
  }

  private appointmentSnapshot(e: CalendarEvent): ItemSnapshot {
    const person = (p: { name: string; address: string }) => ({
      displayName: p.name,
      emailAddress: p.address,
    });
    const master = e.seriesMasterId ? this.events.find((x) => x.restId === e.seriesMasterId) : undefined;
    return {
      mode: "read",
      itemId: e.ewsId,
      itemType: "appointment",
      subject: e.subject,
      organizer: person(e.organizer),
      requiredAttendees: e.attendees.map(person),
      optionalAttendees: [],
      start: e.start,
      end: e.end,
      location: e.location,
      // Office.js: an occurrence names its master's EWS id; single items and masters have null.
      seriesId: e.type === "occurrence" ? (master?.ewsId ?? e.seriesMasterId) : null,
      recurrence: e.type === "singleInstance" ? null : { recurrenceType: "weekly" },
      dateTimeCreated: e.createdDateTime || e.start,
      dateTimeModified: e.lastModifiedDateTime || e.start,
    };
  }

  /** The key of an existing meeting's organizer form: stable while it is open, derived from its EWS id. */
  private static formKey(e: CalendarEvent): string {
    return `form:${e.ewsId}`;
  }

  /** A meeting the person organizes, opened as Outlook opens it: the organizer's editable form. */
  private organizerFormSnapshot(e: CalendarEvent): ItemSnapshot {
    const read = this.appointmentSnapshot(e);
    if (read.itemType !== "appointment" || read.mode !== "read") throw new Error("unreachable");
    return {
      mode: "compose",
      itemType: "appointment",
      draftKey: OutlookHost.formKey(e),
      subject: read.subject,
      organizer: read.organizer,
      requiredAttendees: read.requiredAttendees,
      optionalAttendees: read.optionalAttendees,
      start: read.start,
      end: read.end,
      location: read.location,
      seriesId: read.seriesId,
      recurrence: read.recurrence,
    };
  }

  private newMeetingSnapshot(meeting: { draftKey: string; subject: string }): ItemSnapshot {
    const u = this.config.user;
    const start = new Date(Math.ceil(Date.now() / 1_800_000) * 1_800_000);
    return {
      mode: "compose",
      itemType: "appointment",
      draftKey: meeting.draftKey,
      subject: meeting.subject,
      organizer: { displayName: u.name, emailAddress: u.upn },
      requiredAttendees: [],
      optionalAttendees: [],
      start: start.toISOString(),
      end: new Date(start.getTime() + 1_800_000).toISOString(),
      location: "",
      seriesId: null,
      recurrence: null,
    };
  }

  /** getItemIdAsync for an open form: a saved draft's or existing meeting's EWS id, else ItemNotSaved. */
  private composeItemId(draftKey: string): string {
    if (this.compose?.draftKey === draftKey) {
      if (!this.compose.saved) throw OfficeErrors.itemNotSaved;
      return this.compose.saved.ewsId;
    }
    if (this.newMeeting?.draftKey === draftKey) throw OfficeErrors.itemNotSaved;
    const event = this.events.find((e) => e.restId === this.eventSelection);
    if (event?.isOrganizer && OutlookHost.formKey(event) === draftKey) return event.ewsId;
    throw OfficeErrors.invalidApiCall;
  }

  /** Conversation view on or off (the list is read again; the selection is cleared). */
  setConversationView(on: boolean): void {
    this.settings.conversationView = on;
    this.selectMessages([]);
    this.note("settings", `conversation view ${on ? "on" : "off"}`);
  }

  /** The conversations of the folder shown, newest first, as conversation view lists them (collapsed). */
  conversations(): Array<{ conversationId: string; subject: string; inFolder: string[] }> {
    const groups = new Map<string, MailMessage[]>();
    for (const m of this.messages) {
      const list = groups.get(m.conversationId) ?? [];
      list.push(m);
      groups.set(m.conversationId, list);
    }
    return [...groups].map(([conversationId, list]) => ({
      conversationId,
      subject: list[0]?.subject ?? "",
      inFolder: list.map((m) => m.restId),
    }));
  }

  /**
   * Selects a collapsed conversation (by its id, or a message of it in the folder shown): every message of the
   * conversation, in every folder, up to multi-select's 100, as Outlook on the web and the new Outlook do.
   */
  async selectConversation(ref: string | number): Promise<string[]> {
    if (!this.settings.conversationView) throw new Error("turn conversation view on first");
    const conversationId =
      typeof ref === "string" && this.conversations().some((c) => c.conversationId === ref)
        ? ref
        : this.resolveMessage(ref).conversationId;
    const all = await this.source.conversation(conversationId, this.mailboxView?.upn);
    all.sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
    for (const m of all) m.shared = this.sharedOverrides.get(m.restId) ?? this.viewSharedProperties();
    const before = this.currentItemSnapshot();
    this.compose = null;
    this.newMeeting = null;
    this.eventSelection = null;
    this.selectedConversation = conversationId;
    this.conversationExtras = new Map(
      all.filter((m) => m.folderId !== this.currentFolderId).map((m) => [m.restId, m]),
    );
    const ids = all.slice(0, 100).map((m) => m.restId);
    this.applySelection(ids, before);
    this.anchor = null;
    this.note(
      "selection",
      `conversation ${conversationId}: ${ids.length} messages in ${new Set(all.map((m) => m.folderId)).size} folders`,
    );
    return ids;
  }

  selectMessages(refs: Array<string | number>): void {
    const ids = [...new Set(refs.map((r) => this.resolveMessage(r).restId))];
    // Outlook's multi-select stops at 100 messages.
    const before = this.currentItemSnapshot();
    if (this.compose) this.compose = null;
    this.newMeeting = null;
    this.eventSelection = null;
    this.selectedConversation = null;
    this.conversationExtras.clear();
    this.applySelection(ids.slice(0, 100), before);
    this.anchor = ids[ids.length - 1] ?? null;
  }

  private applySelection(ids: string[], before: ItemSnapshot | null): void {
    const previousKey = itemKeyOf(before);
    this.selection = ids;
    const after = this.currentItemSnapshot();
    const itemChanged = previousKey !== itemKeyOf(after);
    if (itemChanged && previousKey !== null) {
      const list = this.notificationsByItem.get(previousKey);
      if (list) this.notificationsByItem.set(previousKey, keepOnNavigation(list));
    }
    const pane = this.taskpane;
    if (pane) {
      if (!pane.pinned && itemChanged) {
        // An unpinned pane closes when the person moves to another item (pinnable task pane docs).
        this.closeTaskpane();
      } else {
        const frame = this.frames.get(pane.frameId);
        if (frame) {
          frame.item = after;
          if (itemChanged) this.sendEvent(frame, HostEvent.ItemChanged, { item: after });
          this.sendEvent(frame, HostEvent.SelectedItemsChanged, {});
        }
      }
    }
    this.changed();
  }

  openDraft(subject = ""): string {
    const before = this.currentItemSnapshot();
    this.compose = { draftKey: newId("draft"), subject, saved: null };
    this.newMeeting = null;
    this.eventSelection = null;
    this.applySelection([], before);
    return this.compose.draftKey;
  }

  setDraftSubject(subject: string): void {
    if (!this.compose) throw new Error("no draft is open");
    this.compose.subject = subject;
    this.changed();
  }

  async saveDraft(): Promise<string> {
    const draft = this.compose;
    if (!draft) throw new Error("no draft is open");
    const saved = await this.source.createDraft(draft.subject);
    draft.saved = saved;
    this.note("compose", `draft saved as ${saved.restId}`);
    this.changed();
    return saved.ewsId;
  }

  closeDraft(): void {
    const before = this.currentItemSnapshot();
    this.compose = null;
    this.applySelection(this.selection, before);
  }

  /** What getSharedPropertiesAsync gives for items of the mailbox shown, when it is a shared one. */
  private viewSharedProperties(): SharedPropertiesSnapshot | null {
    const view = this.mailboxView;
    if (view?.mode !== "shared") return null;
    return {
      owner: view.upn,
      targetMailbox: view.upn,
      targetRestUrl: this.settings.restUrl,
      delegatePermissions: view.delegatePermissions,
    };
  }

  /**
   * Shows another mailbox (null: the person's own). `shared`: as a shared mailbox in the folder pane, with the
   * person's delegate bits (default: what the emulator grants); `other-mailbox`: as "Open another mailbox".
   */
  async openMailbox(
    upn: string | null,
    options: { mode?: MailboxView["mode"]; delegatePermissions?: number } = {},
  ): Promise<void> {
    if (upn === null) {
      this.mailboxView = null;
    } else {
      const known = this.otherMailboxes.find((m) => m.upn.toLowerCase() === upn.toLowerCase());
      this.mailboxView = {
        upn: known?.upn ?? upn,
        displayName: known?.displayName ?? upn,
        mode: options.mode ?? "shared",
        delegatePermissions: options.delegatePermissions ?? known?.delegatePermissions ?? 0,
      };
    }
    this.compose = null;
    this.messages = [];
    this.applySelection([], this.currentItemSnapshot());
    this.note("mailbox", `showing ${upn ?? "own mailbox"}${upn ? ` (${this.mailboxView?.mode})` : ""}`);
    await this.load();
  }

  /** Office.context.mailbox.restUrl for frames loaded afterwards: which cloud the mailbox claims. */
  setRestUrl(restUrl: string): void {
    this.settings.restUrl = restUrl;
    for (const m of this.messages) if (m.shared) m.shared = { ...m.shared, targetRestUrl: restUrl };
    this.note("settings", `restUrl ${restUrl}`);
    this.changed();
  }

  markShared(restId: string, props: SharedPropertiesSnapshot | null): void {
    if (props) this.sharedOverrides.set(restId, props);
    else this.sharedOverrides.delete(restId);
    const m = this.message(restId);
    if (m) m.shared = props ?? this.viewSharedProperties();
    this.changed();
  }

  // ------------------------------------------------------------ ribbon

  /** The ribbon for what is open: compose, an appointment (organizer or attendee surface), or mail read. */
  ribbonGroups(): RibbonGroup[] {
    if (this.compose) return this.manifest.composeGroups;
    if (this.view === "calendar") {
      if (this.newMeeting) return this.manifest.organizerGroups;
      const event = this.events.find((e) => e.restId === this.eventSelection);
      if (!event) return [];
      return event.isOrganizer ? this.manifest.organizerGroups : this.manifest.attendeeGroups;
    }
    return this.manifest.readGroups;
  }

  ribbonButtons(): Array<RibbonButton & { enabled: boolean }> {
    const groups = this.ribbonGroups();
    const count = this.compose || this.newMeeting || this.eventSelection !== null ? 1 : this.selection.length;
    return groups.flatMap((g) =>
      g.buttons.map((b) => {
        let enabled = count === 1;
        if (b.action.kind === "ShowTaskpane") {
          enabled =
            count === 1 || (count > 1 && b.action.supportsMultiSelect) || b.action.supportsNoItemContext;
        }
        return { ...b, enabled };
      }),
    );
  }

  pressButton(labelOrId: string): void {
    const button = this.ribbonButtons().find((b) => b.label === labelOrId || b.id === labelOrId);
    if (!button) throw new Error(`no ribbon button ${labelOrId}`);
    if (!button.enabled) throw new Error(`ribbon button ${button.label} is disabled for this selection`);
    if (button.action.kind === "ShowTaskpane") {
      this.openTaskpane(button.id);
      return;
    }
    const record: CommandRecord = {
      pressId: newId("press"),
      controlId: button.id,
      label: button.label,
      functionName: button.action.functionName,
      itemKey: itemKeyOf(this.currentItemSnapshot()),
      pressedAt: Date.now(),
      startedAt: null,
      completedAt: null,
      timedOut: false,
      allowEvent: undefined,
    };
    this.commands.push(record);
    // Outlook queues presses until the running command calls event.completed().
    this.queue.push(record);
    this.note("command", `pressed ${button.label}`);
    this.startNextCommand();
    this.changed();
  }

  private startNextCommand(): void {
    if (this.running !== null) return;
    const record = this.queue.shift();
    if (!record) return;
    const url = this.manifest.functionFileUrl;
    if (!url) {
      this.note("command", "the manifest has no FunctionFile");
      record.timedOut = true;
      return;
    }
    record.startedAt = Date.now();
    const frame = this.createFrame("function", url, this.containers.hidden, `Function file: ${record.label}`);
    frame.iframe.setAttribute("aria-hidden", "true");
    frame.iframe.tabIndex = -1;
    frame.item = this.currentItemSnapshot();
    const timer = setTimeout(() => this.commandTimedOut(record.pressId), this.config.commandTimeoutMs);
    this.running = { pressId: record.pressId, frameId: frame.id, invoked: false, timer };
  }

  private tryInvoke(frame: FrameRecord, name: string | null): void {
    const running = this.running;
    if (!running || running.frameId !== frame.id || running.invoked) return;
    const record = this.commands.find((c) => c.pressId === running.pressId);
    if (!record || (name !== null && name !== record.functionName)) return;
    running.invoked = true;
    this.sendEvent(frame, HostEvent.InvokeAction, {
      name: record.functionName,
      pressId: record.pressId,
      controlId: record.controlId,
    });
  }

  private commandCompleted(frame: FrameRecord, pressId: string, allowEvent: boolean | undefined): void {
    const running = this.running;
    if (!running || running.pressId !== pressId || running.frameId !== frame.id) return;
    const record = this.commands.find((c) => c.pressId === pressId);
    if (record) {
      record.completedAt = Date.now();
      record.allowEvent = allowEvent;
    }
    this.note("command", `${record?.label ?? pressId} completed`);
    this.finishCommand();
  }

  private commandTimedOut(pressId: string): void {
    const running = this.running;
    if (!running || running.pressId !== pressId) return;
    const record = this.commands.find((c) => c.pressId === pressId);
    if (record) record.timedOut = true;
    this.note("command", `${record?.label ?? pressId} did not call event.completed() in time; runtime ended`);
    this.finishCommand();
  }

  private finishCommand(): void {
    const running = this.running;
    if (!running) return;
    clearTimeout(running.timer);
    this.running = null;
    this.destroyFrame(running.frameId);
    this.startNextCommand();
    this.changed();
    void this.refresh().catch(() => {});
  }

  lastCommand(): CommandRecord | null {
    return this.commands[this.commands.length - 1] ?? null;
  }

  // ------------------------------------------------------------ task pane

  openTaskpane(buttonIdOrLabel?: string): void {
    const buttons = this.ribbonButtons().filter((b) => b.action.kind === "ShowTaskpane");
    const button =
      buttonIdOrLabel === undefined
        ? buttons[0]
        : buttons.find((b) => b.id === buttonIdOrLabel || b.label === buttonIdOrLabel);
    if (button?.action.kind !== "ShowTaskpane")
      throw new Error("the manifest has no such ShowTaskpane button");
    if (this.taskpane?.buttonId === button.id) return;
    this.closeTaskpane();
    const frame = this.createFrame(
      "taskpane",
      button.action.sourceUrl,
      this.containers.taskpane,
      button.label,
    );
    frame.item = this.currentItemSnapshot();
    this.taskpane = {
      frameId: frame.id,
      url: button.action.sourceUrl,
      buttonId: button.id,
      pinned: false,
      supportsPinning: button.action.supportsPinning,
    };
    this.changed();
  }

  closeTaskpane(): void {
    if (!this.taskpane) return;
    const id = this.taskpane.frameId;
    this.taskpane = null;
    this.destroyFrame(id);
    this.changed();
  }

  pinTaskpane(pinned: boolean): void {
    if (!this.taskpane) throw new Error("no task pane is open");
    if (pinned && !this.taskpane.supportsPinning) throw new Error("this task pane does not support pinning");
    this.taskpane.pinned = pinned;
    this.changed();
  }

  reloadTaskpane(): void {
    if (!this.taskpane) return;
    const { buttonId, pinned } = this.taskpane;
    this.closeTaskpane();
    this.openTaskpane(buttonId);
    if (this.taskpane) (this.taskpane as { pinned: boolean }).pinned = pinned;
  }

  // ------------------------------------------------------------ frames and messaging

  private createFrame(
    role: FrameRole,
    url: string,
    container: HTMLElement,
    title: string,
  ): FrameRecord & { iframe: HTMLIFrameElement } {
    const id = newId(role);
    const name = encodeFrameName({ hostOrigin: window.location.origin, frameId: id, role });
    const iframe = document.createElement("iframe");
    iframe.name = name;
    iframe.title = title;
    iframe.dataset.frameId = id;
    iframe.dataset.role = role;
    iframe.src = url;
    const record = { id, role, name, iframe, popup: null, origin: null, item: null };
    this.frames.set(id, record);
    container.appendChild(iframe);
    this.note("frame", `${role} ${url}`);
    return record;
  }

  /**
   * Opens a dialog page in a real popup window, sized from the width/height percentages of the screen and centred
   * on it, as Outlook on the web does without displayInIframe. The window name carries the host handshake, so the
   * page still finds the shell (window.opener) after it navigates away and back (a sign-in redirect). Null when
   * the browser blocked the window.
   */
  private createPopup(url: string, widthPercent: number, heightPercent: number): FrameRecord | null {
    const id = newId("dialog");
    const name = encodeFrameName({ hostOrigin: window.location.origin, frameId: id, role: "dialog" });
    const screen = window.screen as Screen & { availLeft?: number; availTop?: number };
    const width = Math.round((screen.availWidth * widthPercent) / 100);
    const height = Math.round((screen.availHeight * heightPercent) / 100);
    const left = Math.round((screen.availLeft ?? 0) + (screen.availWidth - width) / 2);
    const top = Math.round((screen.availTop ?? 0) + (screen.availHeight - height) / 2);
    const popup = window.open(url, name, `popup,width=${width},height=${height},left=${left},top=${top}`);
    if (popup === null) {
      this.note("dialog", `the browser blocked the popup window for ${url}`);
      return null;
    }
    const record: FrameRecord = { id, role: "dialog", name, iframe: null, popup, origin: null, item: null };
    this.frames.set(id, record);
    this.note("frame", `dialog ${url} (popup window ${width}x${height})`);
    return record;
  }

  private destroyFrame(frameId: string): void {
    const frame = this.frames.get(frameId);
    if (!frame) return;
    this.frames.delete(frameId);
    // A runtime that goes away takes its dialog with it.
    const own = this.dialogOf(frameId);
    if (own) this.removeDialog(own.id);
    frame.iframe?.remove();
    if (frame.popup && !frame.popup.closed) frame.popup.close();
  }

  private trustedOrigins(role: FrameRole): Set<string> {
    const set = new Set([this.config.addinOrigin]);
    if (role === "dialog") {
      for (const d of this.manifest.appDomains) {
        try {
          set.add(new URL(d.includes("://") ? d : `https://${d}`).origin);
        } catch {
          // Ignore malformed AppDomain entries, as Outlook does.
        }
      }
    }
    return set;
  }

  private onMessage(event: MessageEvent): void {
    const data: unknown = event.data;
    if (!isFrameMessage(data)) return;
    const frame = this.frames.get(data.frameId);
    if (!frame || event.source === null || event.source !== windowOf(frame)) return;
    if (!this.trustedOrigins(frame.role).has(event.origin)) {
      this.note("security", `ignored ${data.t} from untrusted origin ${event.origin} in ${frame.role}`);
      return;
    }
    frame.origin = event.origin;
    switch (data.t) {
      case "bye":
        // The page is unloading (navigating, or its window closing): nothing is delivered until the next hello.
        frame.origin = null;
        return;
      case "hello":
        this.post(frame, { p: PROTOCOL, t: "init", context: this.contextFor(frame) });
        return;
      case "call":
        this.handleCall(frame, data.method, data.args).then(
          (value) => this.post(frame, { p: PROTOCOL, t: "reply", id: data.id, ok: true, value }),
          (error: unknown) =>
            this.post(frame, {
              p: PROTOCOL,
              t: "reply",
              id: data.id,
              ok: false,
              error: isOfficeError(error) ? error : OfficeErrors.internalError,
            }),
        );
        return;
      case "naa":
        void this.handleNaa(frame, data.data);
        return;
    }
  }

  private post(frame: FrameRecord, message: HostMessage): void {
    const win = windowOf(frame);
    if (!win || frame.origin === null) return;
    win.postMessage(message, frame.origin);
  }

  private sendEvent(frame: FrameRecord, event: string, payload: unknown): void {
    this.post(frame, { p: PROTOCOL, t: "event", event, payload });
  }

  private contextFor(frame: FrameRecord): HostContext {
    const naa = this.naaOffered() && frame.role !== "dialog";
    const u = this.config.user;
    const other = this.mailboxView?.mode === "other-mailbox" ? this.mailboxView : null;
    return {
      frameId: frame.id,
      role: frame.role,
      displayLanguage: this.settings.displayLanguage,
      requirements: supportedRequirementSets({ naa, role: frame.role }),
      naaBridge: naa,
      authContextApi: this.settings.authContextApi,
      officeTheme: frame.role === "taskpane" ? { ...OFFICE_THEMES[this.settings.theme] } : null,
      mailbox:
        frame.role === "dialog"
          ? null
          : {
              // "Open another mailbox": Outlook presents that mailbox as the primary one (office-js#1295).
              userProfile: {
                displayName: other ? other.displayName : u.name,
                // The person's own mailbox shows their primary SMTP address, not the sign-in name (UPN).
                emailAddress: other ? other.upn : (u.mail ?? u.upn),
                timeZone: u.timeZone,
                accountType: this.settings.accountType,
              },
              hostName: "OutlookWebApp",
              hostVersion: "15.20.8100.000",
              owaView: "ThreeColumns",
              restUrl: this.settings.restUrl,
              ewsUrl: "https://outlook.office365.com/EWS/Exchange.asmx",
              item: frame.item,
            },
    };
  }

  private async handleCall(frame: FrameRecord, method: string, rawArgs: unknown): Promise<unknown> {
    const args = isRecord(rawArgs) ? rawArgs : {};
    const s = (k: string) => (typeof args[k] === "string" ? (args[k] as string) : "");
    switch (method) {
      case "notifications.add":
      case "notifications.replace":
      case "notifications.remove":
      case "notifications.getAll":
        return this.notificationCall(method, s("itemKey"), s("key"), args.details as NotificationDetails);
      case "mailbox.getSelectedItems":
        return this.selectedItems(frame);
      case "compose.getSubject":
        return this.draftFor(s("draftKey")).subject;
      case "compose.setSubject":
        this.draftFor(s("draftKey")).subject = s("subject");
        this.changed();
        return undefined;
      case "compose.getItemId":
        return this.composeItemId(s("draftKey"));
      case "compose.save":
        this.draftFor(s("draftKey"));
        try {
          return await this.saveDraft();
        } catch (error) {
          this.note("compose", `save failed: ${String(error)}`);
          throw OfficeErrors.saveError;
        }
      case "ui.displayDialog":
        return this.displayDialog(frame, args);
      case "dialog.close":
        if (this.dialogs.get(s("dialogId"))?.openerFrameId === frame.id) this.removeDialog(s("dialogId"));
        return undefined;
      case "dialog.messageChild":
        this.messageChild(
          frame,
          s("dialogId"),
          s("message"),
          typeof args.targetOrigin === "string" ? args.targetOrigin : null,
        );
        return undefined;
      case "dialog.messageParent":
        this.messageParent(
          frame,
          s("message"),
          typeof args.targetOrigin === "string" ? args.targetOrigin : null,
        );
        return undefined;
      case "actions.associate":
        this.tryInvoke(frame, s("name"));
        return undefined;
      case "actions.loaded":
        this.tryInvoke(frame, null);
        return undefined;
      case "actions.completed":
        this.commandCompleted(
          frame,
          s("pressId"),
          typeof args.allowEvent === "boolean" ? args.allowEvent : undefined,
        );
        return undefined;
      case "auth.getAuthContext":
        if (!this.settings.authContextApi) throw OfficeErrors.invalidApiCall;
        return this.authContext();
      case "ui.closeContainer":
        if (frame.role === "taskpane") this.closeTaskpane();
        return undefined;
      default:
        throw OfficeErrors.invalidApiCall;
    }
  }

  private draftFor(draftKey: string): NonNullable<OutlookHost["compose"]> {
    if (!this.compose || this.compose.draftKey !== draftKey) throw OfficeErrors.invalidApiCall;
    return this.compose;
  }

  // ------------------------------------------------------------ notifications

  private notificationCall(
    method: string,
    itemKey: string,
    key: string,
    details: NotificationDetails,
  ): unknown {
    const list = this.notificationsByItem.get(itemKey) ?? [];
    if (method === "notifications.getAll") return list.map((n) => ({ ...n }));
    // The icon is "a reference to an icon that's defined in the manifest" (NotificationMessageDetails.icon). What
    // Outlook does with an id the manifest lacks is not documented: the stricter reading, the call fails.
    if (
      method !== "notifications.remove" &&
      details.icon !== undefined &&
      !this.manifest.imageIds.includes(details.icon)
    ) {
      this.note("notification", `icon ${details.icon} is not an image id in the manifest's Resources`);
      throw OfficeErrors.internalError;
    }
    const outcome =
      method === "notifications.add"
        ? addNotification(list, key, details)
        : method === "notifications.replace"
          ? replaceNotification(list, key, details)
          : removeNotification(list, key);
    if (!outcome.ok) throw outcome.error;
    this.note("notification", `${method.slice("notifications.".length)} ${key} on ${itemKey.slice(0, 16)}`);
    this.notificationsByItem.set(itemKey, outcome.list);
    this.notificationsShown.set(itemKey, outcome.list);
    this.changed();
    return undefined;
  }

  notificationsFor(itemKey: string | null): StoredNotification[] {
    if (itemKey === null) return [];
    return [...(this.notificationsByItem.get(itemKey) ?? [])];
  }

  dismissNotification(itemKey: string, key: string): void {
    const list = this.notificationsByItem.get(itemKey);
    if (!list) return;
    this.notificationsByItem.set(
      itemKey,
      list.filter((n) => n.key !== key),
    );
    this.changed();
  }

  // ------------------------------------------------------------ selection API

  private selectedItems(frame: FrameRecord): unknown {
    if (this.manifest.permissions !== "ReadWriteMailbox") throw OfficeErrors.permissionDenied;
    if (this.settings.selectionFault === "internalError" && this.selection.length > 1)
      throw OfficeErrors.internalError;
    if (this.settings.selectionFault === "itemNull" && frame.item === null)
      throw OfficeErrors.selectionItemNull;
    return this.selection
      .map((id) => this.message(id))
      .filter((m): m is MailMessage => m !== undefined)
      .map((m) => ({
        itemId: m.ewsId,
        itemMode: m.isDraft ? "Compose" : "Read",
        itemType: "Message",
        subject: m.subject,
        conversationId: m.conversationId,
        internetMessageId: m.internetMessageId,
        hasAttachment: m.hasAttachments,
      }));
  }

  // ------------------------------------------------------------ dialogs

  private displayDialog(frame: FrameRecord, args: Record<string, unknown>): Promise<unknown> {
    const decision = decideDialog({
      url: typeof args.url === "string" ? args.url : "",
      callerOrigin: frame.origin ?? this.config.addinOrigin,
      appDomains: this.manifest.appDomains,
      dialogOpen: this.dialogOf(frame.id) !== undefined,
      behavior: this.settings.dialogBehavior,
      promptBeforeOpen: typeof args.promptBeforeOpen === "boolean" ? args.promptBeforeOpen : undefined,
    });
    const width = typeof args.width === "number" ? args.width : 80;
    const height = typeof args.height === "number" ? args.height : 80;
    const inIframe = args.displayInIframe === true;
    if (decision.kind === "error") {
      this.note("dialog", `displayDialogAsync(${String(args.url)}) -> ${decision.error.code}`);
      return Promise.reject(decision.error);
    }
    const open = () => ({ dialogId: this.openDialog(frame, decision.url.href, width, height, inIframe) });
    if (decision.kind === "open") return tryOpen(open);
    return new Promise((resolve, reject) => {
      this.prompts.push({
        kind: "dialog",
        text: `${this.manifest.displayName} wants to display a new window.`,
        resolve: (allowed) => {
          if (!allowed) reject(OfficeErrors.dialogIgnored);
          else if (this.dialogOf(frame.id) !== undefined) reject(OfficeErrors.dialogAlreadyOpen);
          // Opened inside the Allow click, so the browser sees the person's gesture.
          else tryOpen(open).then(resolve, reject);
        },
      });
      this.changed();
    });
  }

  /** Throws OfficeErrors.dialogBlocked when the browser refuses the popup window. */
  private openDialog(
    opener: FrameRecord,
    url: string,
    width: number,
    height: number,
    inIframe: boolean,
  ): string {
    const widthPercent = clampPercent(width);
    const heightPercent = clampPercent(height);
    const frame = inIframe
      ? this.createFrame("dialog", url, this.containers.dialog, `${this.manifest.displayName} dialog`)
      : this.createPopup(url, widthPercent, heightPercent);
    if (frame === null) throw OfficeErrors.dialogBlocked;
    const id = newId("dialog");
    this.dialogs.set(id, {
      id,
      frameId: frame.id,
      openerFrameId: opener.id,
      url,
      widthPercent,
      heightPercent,
      title: this.manifest.displayName,
      popup: !inIframe,
    });
    const popup = frame.popup;
    if (popup !== null) {
      // A popup window can be closed by the person without the shell seeing a click: watch it.
      this.popupWatches.set(
        id,
        setInterval(() => {
          if (popup.closed) this.popupClosedByPerson(id);
        }, POPUP_POLL_MS),
      );
    }
    this.note("dialog", `opened ${url}${inIframe ? "" : " in a popup window"}`);
    this.changed();
    return id;
  }

  private removeDialog(dialogId: string): void {
    const dialog = this.dialogs.get(dialogId);
    if (!dialog) return;
    this.dialogs.delete(dialogId);
    const watch = this.popupWatches.get(dialogId);
    if (watch !== undefined) {
      clearInterval(watch);
      this.popupWatches.delete(dialogId);
    }
    this.destroyFrame(dialog.frameId);
    this.changed();
  }

  private raiseClosedByUser(dialog: DialogState): void {
    const opener = this.frames.get(dialog.openerFrameId);
    if (opener)
      this.sendEvent(opener, HostEvent.DialogEventReceived, {
        dialogId: dialog.id,
        error: DialogEventCode.closedByUser,
      });
  }

  /** The person closed the dialog's popup window: DialogEventReceived 12006, as for the X of an iframe dialog. */
  private popupClosedByPerson(dialogId: string): void {
    const dialog = this.dialogs.get(dialogId);
    if (!dialog) return;
    this.removeDialog(dialogId);
    this.raiseClosedByUser(dialog);
    this.note("dialog", "popup window closed by the person (12006)");
  }

  /**
   * The person pressed the dialog's X (iframe) or closed its window (popup): Outlook raises DialogEventReceived
   * 12006 in the opener.
   */
  closeDialogWithX(dialogId?: string): void {
    const dialog = dialogId === undefined ? this.dialog : (this.dialogs.get(dialogId) ?? null);
    if (!dialog) throw new Error("no dialog is open");
    this.removeDialog(dialog.id);
    this.raiseClosedByUser(dialog);
    this.note("dialog", dialog.popup ? "popup window closed (12006)" : "closed with X (12006)");
  }

  /** Brings a dialog's popup window to the front (the shell's "open in another window" indicator). */
  focusDialogWindow(): void {
    const dialog = this.dialog;
    const popup = dialog ? this.frames.get(dialog.frameId)?.popup : null;
    popup?.focus();
  }

  private messageParent(frame: FrameRecord, message: string, targetOrigin: string | null): void {
    const dialog = [...this.dialogs.values()].find((d) => d.frameId === frame.id);
    if (frame.role !== "dialog" || !dialog) throw OfficeErrors.invalidApiCall;
    const opener = this.frames.get(dialog.openerFrameId);
    if (!opener || opener.origin === null) return;
    // DialogOrigin 1.1: a dialog on another domain than its opener must name the opener's origin (or "*").
    const crossDomain = frame.origin !== opener.origin;
    if (
      (crossDomain && targetOrigin === null) ||
      (targetOrigin !== null && targetOrigin !== "*" && targetOrigin !== opener.origin)
    ) {
      this.note(
        "dialog",
        `messageParent from ${frame.origin} dropped (targetOrigin ${String(targetOrigin)})`,
      );
      return;
    }
    // Logged so tests can see whether a page named its recipient (SECURITY.md: the sign-in page's token).
    this.note(
      "dialog",
      `messageParent from ${frame.origin} delivered (targetOrigin ${String(targetOrigin)})`,
    );
    this.sendEvent(opener, HostEvent.DialogMessageReceived, {
      dialogId: dialog.id,
      message,
      origin: frame.origin,
    });
  }

  private messageChild(
    opener: FrameRecord,
    dialogId: string,
    message: string,
    targetOrigin: string | null,
  ): void {
    const dialog = this.dialogs.get(dialogId);
    if (!dialog || dialog.openerFrameId !== opener.id) return;
    const child = this.frames.get(dialog.frameId);
    if (!child || child.origin === null) {
      this.note("dialog", "messageChild before the dialog page was ready: dropped");
      return;
    }
    const expected = targetOrigin ?? opener.origin;
    if (expected !== "*" && expected !== child.origin) {
      this.note("dialog", `messageChild to ${child.origin} dropped (targetOrigin ${String(expected)})`);
      return;
    }
    this.sendEvent(child, HostEvent.DialogParentMessageReceived, { message, origin: opener.origin });
  }

  answerPrompt(accept: boolean): void {
    const prompt = this.prompts.shift();
    if (!prompt) throw new Error("no prompt is showing");
    prompt.resolve(accept);
    this.changed();
  }

  // ------------------------------------------------------------ auth

  private async ensureIdentity(): Promise<IssuedToken["account"]> {
    if (this.identity) return this.identity;
    try {
      this.identity = (await this.source.token(["User.Read"])).account;
    } catch {
      const u = this.config.user;
      this.identity = {
        username: u.upn,
        name: u.name,
        homeAccountId: `${u.oid}.${u.tid}`,
        localAccountId: u.oid,
        tenantId: u.tid,
      };
    }
    return this.identity;
  }

  private async authContext(): Promise<unknown> {
    if (!this.naaOffered()) throw OfficeErrors.apiNotSupported;
    const id = await this.ensureIdentity();
    return {
      userPrincipalName: id.username,
      userObjectId: id.localAccountId,
      tenantId: id.tenantId,
      authorityType: "AAD",
      authorityBaseUrl: `https://${this.config.naaEnvironment}`,
    };
  }

  failNextToken(
    status: BridgeStatusValue,
    options: {
      popup?: boolean;
      silent?: boolean;
      sticky?: boolean;
      code?: string;
      description?: string;
    } = {},
  ): void {
    const fault: TokenFault = { status, sticky: options.sticky === true };
    if (options.code !== undefined) fault.code = options.code;
    if (options.description !== undefined) fault.description = options.description;
    const silent = options.silent ?? options.popup !== true;
    if (silent) this.tokenFaults.GetToken.push({ ...fault });
    if (options.popup) this.tokenFaults.GetTokenPopup.push({ ...fault });
    this.changed();
  }

  clearTokenFaults(): void {
    this.tokenFaults = { GetToken: [], GetTokenPopup: [] };
    this.changed();
  }

  private takeFault(method: "GetToken" | "GetTokenPopup"): TokenFault | null {
    const list = this.tokenFaults[method];
    const fault = list[0];
    if (!fault) return null;
    if (!fault.sticky) list.shift();
    this.changed();
    return fault;
  }

  private async handleNaa(frame: FrameRecord, data: string): Promise<void> {
    const request = parseBridgeRequest(data);
    if (!request) return;
    const reply = (response: BridgeResponse) =>
      this.post(frame, { p: PROTOCOL, t: "naa", data: JSON.stringify(response) });
    // Scopes logged so tests can see which permission was asked for when (incremental consent).
    const asked = request.tokenParams?.scope ? ` scopes: ${request.tokenParams.scope}` : "";
    this.note("naa", `${request.method} from ${frame.role}${asked}`);
    if (!this.naaOffered() || frame.role === "dialog") {
      reply(errorResponse(request.requestId, "NESTED_APP_AUTH_UNAVAILABLE"));
      return;
    }
    if (request.method === "GetInitContext") {
      const id = await this.ensureIdentity();
      reply(
        initContextResponse(request.requestId, {
          homeAccountId: id.homeAccountId,
          environment: this.config.naaEnvironment,
          tenantId: id.tenantId,
        }),
      );
      return;
    }
    const fault = this.takeFault(request.method);
    if (fault) {
      const overrides: { code?: string; description?: string } = {};
      if (fault.code !== undefined) overrides.code = fault.code;
      if (fault.description !== undefined) overrides.description = fault.description;
      reply(errorResponse(request.requestId, fault.status, overrides));
      return;
    }
    const params = request.tokenParams ?? { clientId: "", scope: "", correlationId: "" };
    // Consent per permission: a silent request can't grant one the person hasn't consented to.
    const missing = requestedPermissions(params.scope).filter((p) => !this.consented.has(p));
    if (request.method === "GetToken" && missing.length > 0) {
      this.note("naa", `consent required: ${missing.join(" ")}`);
      reply(consentRequiredResponse(request.requestId, missing));
      return;
    }
    if (request.method === "GetTokenPopup" && !this.settings.popupAutoAccept) {
      const text =
        missing.length > 0
          ? `${this.manifest.displayName} asks for your consent: ${missing.join(", ")}. Accept?`
          : `Sign in to ${this.manifest.displayName}?`;
      const accepted = await new Promise<boolean>((resolve) => {
        this.prompts.push({ kind: "signin", text, resolve });
        this.changed();
      });
      if (!accepted) {
        reply(errorResponse(request.requestId, "USER_CANCEL"));
        return;
      }
    }
    for (const permission of missing) this.consented.add(permission);
    if (missing.length > 0) this.note("naa", `consented: ${missing.join(" ")}`);
    try {
      const scopes = params.scope.split(" ").filter((s) => s !== "");
      const token = await this.source.token(scopes, params.clientId || undefined);
      this.identity = token.account;
      reply(tokenResponse(request.requestId, params, token, this.config.naaEnvironment, Date.now()));
    } catch (error) {
      this.note("naa", `token source failed: ${String(error)}`);
      // Entra ID said no (AADSTS…): a persistent error with its code, as a host passes a server error on.
      if (error instanceof TokenRefusedError) {
        reply(
          errorResponse(request.requestId, "PERSISTENT_ERROR", {
            code: error.code,
            description: error.description,
          }),
        );
        return;
      }
      reply(errorResponse(request.requestId, "NO_NETWORK", { description: String(error) }));
    }
  }

  // ------------------------------------------------------------ settings and reset

  setNaa(on: boolean): void {
    this.settings.naa = on;
    this.changed();
  }

  /** NAA as the add-in sees it: switched on, and the mailbox not a consumer one (see HostSettings.accountType). */
  naaOffered(): boolean {
    return this.settings.naa && this.settings.accountType !== "consumer";
  }

  /** Plays an Outlook.com mailbox ("consumer": no NAA) or a work one; frames opened afterwards see it. */
  setAccountType(type: "enterprise" | "consumer"): void {
    if (type !== "enterprise" && type !== "consumer") throw new Error(`unknown account type ${String(type)}`);
    this.settings.accountType = type;
    this.note("settings", `account type ${type}`);
    this.changed();
  }

  setDialogBehavior(behavior: DialogBehavior): void {
    this.settings.dialogBehavior = behavior;
    this.changed();
  }

  setLanguage(language: string): void {
    this.settings.displayLanguage = language;
    if (this.localiseManifest) this.manifest = this.localiseManifest(language);
    this.changed();
  }

  /**
   * Switches Outlook's theme: open task panes get Office.context.officeTheme updated and OfficeThemeChanged with
   * the new theme (as Outlook on the web does); frames loaded later start with it.
   */
  setTheme(theme: SimTheme): void {
    if (!isSimTheme(theme)) throw new Error(`unknown theme ${String(theme)}`);
    this.settings.theme = theme;
    for (const frame of this.frames.values()) {
      if (frame.role !== "taskpane") continue;
      this.sendEvent(frame, HostEvent.OfficeThemeChanged, { officeTheme: { ...OFFICE_THEMES[theme] } });
    }
    this.note("theme", `Outlook's theme is now ${theme}`);
    this.changed();
  }

  /** Outlook lets people resize the task pane; Outlook's default is about 320 px. */
  setTaskpaneWidth(px: number | null): void {
    this.settings.taskpaneWidth = px === null ? null : Math.max(120, Math.round(px));
    this.changed();
  }

  setCommandTimeout(ms: number): void {
    this.config.commandTimeoutMs = ms;
  }

  /** Closes every add-in surface and forgets faults, prompts, notifications and command history. */
  reset(): Promise<void> | undefined {
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running = null;
    }
    this.queue = [];
    for (const id of [...this.dialogs.keys()]) this.removeDialog(id);
    this.closeTaskpane();
    for (const id of [...this.frames.keys()]) this.destroyFrame(id);
    for (const prompt of this.prompts.splice(0)) prompt.resolve(false);
    this.compose = null;
    this.newMeeting = null;
    this.selection = [];
    this.anchor = null;
    this.notificationsByItem.clear();
    this.notificationsShown.clear();
    this.commands = [];
    this.log = [];
    this.sharedOverrides.clear();
    this.clearTokenFaults();
    this.consented = new Set(DEFAULT_CONSENT);
    this.settings = { ...DEFAULT_SETTINGS };
    this.selectedConversation = null;
    this.conversationExtras.clear();
    if (this.localiseManifest) this.manifest = this.localiseManifest("en-US");
    // Back to the person's own mailbox and its inbox (the folders must be read again), out of the calendar too.
    const inCalendar = this.view !== "mail";
    this.view = "mail";
    this.events = [];
    this.eventSelection = null;
    if (this.mailboxView !== null || inCalendar) {
      this.mailboxView = null;
      return this.load();
    }
    this.changed();
    return undefined;
  }
}

export function itemKeyOf(item: ItemSnapshot | null): string | null {
  if (item === null) return null;
  return item.mode === "read" ? item.itemId : item.draftKey;
}

/** How often the shell looks whether the person closed a dialog's popup window. */
const POPUP_POLL_MS = 250;

function windowOf(frame: FrameRecord): Window | null {
  return frame.iframe ? frame.iframe.contentWindow : frame.popup;
}

function tryOpen<T>(open: () => T): Promise<T> {
  try {
    return Promise.resolve(open());
  } catch (error) {
    return Promise.reject(error);
  }
}

function clampPercent(value: number): number {
  return Math.min(100, Math.max(10, Math.round(value)));
}

function isOfficeError(value: unknown): value is OfficeErrorShape {
  return isRecord(value) && typeof value.code === "number" && typeof value.name === "string";
}
