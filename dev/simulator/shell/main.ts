/**
 * Shell entry: reads the server-injected config, loads manifest.xml and the mailbox, starts the host runtime and UI,
 * and exposes the test control API as window.simulator (documented in ../README.md).
 */
import type { DialogBehavior } from "../common/dialogRules";
import type { BridgeStatusValue } from "../common/naa";
import { isRecord, type SharedPropertiesSnapshot } from "../common/protocol";
import type { SimTheme } from "../common/theme";
import { CLOUD_REST_URLS, type HostConfig, itemKeyOf, OutlookHost } from "./host";
import { builtinSource, emulatorSource, type MailSource } from "./mailbox";
import { shellManifest } from "./manifest";
import { buildSkeleton, ShellUi } from "./ui";

interface ServerConfig {
  addinOrigin: string;
  emulatorUrl: string;
  emulatorProxy: string;
  tokenSource: "emulator" | "stub";
  commandTimeoutMs: number;
  pollMs: number;
  naaEnvironment: string;
  user: HostConfig["user"];
}

declare global {
  interface Window {
    __OUTLOOK_SIM_CONFIG__?: ServerConfig;
    simulator?: ReturnType<typeof controlApi>;
  }
}

function controlApi(host: OutlookHost, ready: Promise<void>) {
  const frameInfo = (frameId: string | undefined) => {
    const frame = frameId ? host.frames.get(frameId) : undefined;
    return frame
      ? { frameId: frame.id, frameName: frame.name, origin: frame.origin, popup: frame.popup !== null }
      : null;
  };
  return {
    /** Resolves once the manifest and the first folder are loaded. */
    ready,
    host,
    messages: () =>
      host.messages.map((m) => ({
        restId: m.restId,
        ewsId: m.ewsId,
        subject: m.subject,
        from: m.from.address,
        folderId: m.folderId,
        isDraft: m.isDraft,
      })),
    folders: () => host.folders.map((f) => ({ ...f })),
    openFolder: (idOrName: string) => host.openFolder(idOrName),
    /** The calendar (Graph /me/events plus each series' instances). */
    openCalendar: () => host.openCalendar(),
    events: () =>
      host.events.map((e) => ({
        restId: e.restId,
        ewsId: e.ewsId,
        subject: e.subject,
        type: e.type,
        seriesMasterId: e.seriesMasterId,
        isOrganizer: e.isOrganizer,
        start: e.start,
      })),
    /** Opens an event: an attendee's in read mode, one the person organizes as the organizer's form (compose). */
    selectEvent: (ref: string | number) => host.selectEvent(ref),
    /** Calendar > New event: an organizer form never saved (getItemIdAsync: ItemNotSaved). */
    openNewMeeting: (subject?: string) => host.openNewMeeting(subject),
    discardNewMeeting: () => host.discardNewMeeting(),
    refresh: () => host.refresh(),
    selectMessage: (ref: string | number) => host.selectMessages([ref]),
    selectMessages: (refs: Array<string | number>) => host.selectMessages(refs),
    clearSelection: () => host.selectMessages([]),
    selection: () => [...host.selection],
    /** Conversation view (collapsed): one row per conversation; selecting one selects it in every folder. */
    setConversationView: (on: boolean) => host.setConversationView(on),
    conversations: () => host.conversations(),
    selectConversation: (ref: string | number) => host.selectConversation(ref),
    /** The selected messages with their folders (a conversation's may be outside the folder shown). */
    selectedMessages: () =>
      host.selection.map((id) => {
        const m = host.message(id);
        return { restId: id, subject: m?.subject ?? "", folderId: m?.folderId ?? "" };
      }),
    currentItem: () => host.currentItemSnapshot(),
    openDraft: (subject?: string) => host.openDraft(subject),
    setDraftSubject: (subject: string) => host.setDraftSubject(subject),
    saveDraft: () => host.saveDraft(),
    closeDraft: () => host.closeDraft(),
    markShared: (ref: string | number, props: SharedPropertiesSnapshot | null) =>
      host.markShared(host.resolveMessage(ref).restId, props),
    /** Mailboxes shared with the signed-in person: `{upn, displayName, delegatePermissions}`. */
    otherMailboxes: () => host.otherMailboxes.map((m) => ({ ...m })),
    openMailbox: (
      upn: string | null,
      options?: { mode?: "shared" | "other-mailbox"; delegatePermissions?: number },
    ) => host.openMailbox(upn, options),
    mailboxView: () => (host.mailboxView ? { ...host.mailboxView } : null),
    setRestUrl: (restUrl: string) => host.setRestUrl(restUrl),
    setCloud: (cloud: keyof typeof CLOUD_REST_URLS) => host.setRestUrl(CLOUD_REST_URLS[cloud]),
    ribbon: () =>
      host
        .ribbonButtons()
        .map((b) => ({ id: b.id, label: b.label, enabled: b.enabled, kind: b.action.kind })),
    pressButton: (label: string) => host.pressButton(label),
    openTaskpane: (label?: string) => host.openTaskpane(label),
    closeTaskpane: () => host.closeTaskpane(),
    pinTaskpane: (pinned = true) => host.pinTaskpane(pinned),
    reloadTaskpane: () => host.reloadTaskpane(),
    taskpaneFrame: () =>
      host.taskpane
        ? { url: host.taskpane.url, pinned: host.taskpane.pinned, ...frameInfo(host.taskpane.frameId) }
        : null,
    functionFrame: () => {
      const frame = [...host.frames.values()].find((f) => f.role === "function");
      return frame ? frameInfo(frame.id) : null;
    },
    dialogFrame: () => (host.dialog ? { ...host.dialog, ...frameInfo(host.dialog.frameId) } : null),
    closeDialogWithX: (dialogId?: string) => host.closeDialogWithX(dialogId),
    /** Every open dialog (one per task pane or function command at most), oldest first. */
    dialogs: () => [...host.dialogs.values()].map((d) => ({ ...d, ...frameInfo(d.frameId) })),
    prompts: () => host.prompts.map((p) => ({ kind: p.kind, text: p.text })),
    answerPrompt: (accept: boolean) => host.answerPrompt(accept),
    setNaa: (on: boolean) => host.setNaa(on),
    /** Graph permissions the person has consented to (replaces the set; reset() restores the default). */
    setConsent: (permissions: string[]) => {
      host.consented = new Set(permissions.map((p) => p.toLowerCase()));
    },
    consent: () => [...host.consented].sort(),
    /** "consumer": an Outlook.com mailbox (userProfile.accountType, no NAA); "enterprise" (default): a work one. */
    setAccountType: (type: "enterprise" | "consumer") => host.setAccountType(type),
    /** false: the host reports NestedAppAuth 1.1 but has no Office.auth.getAuthContext (frames opened afterwards). */
    setAuthContextApi: (on: boolean) => {
      host.settings.authContextApi = on;
    },
    setPopupAutoAccept: (on: boolean) => {
      host.settings.popupAutoAccept = on;
    },
    failNextToken: (
      status: BridgeStatusValue,
      options?: { popup?: boolean; silent?: boolean; sticky?: boolean; code?: string; description?: string },
    ) => host.failNextToken(status, options),
    clearTokenFaults: () => host.clearTokenFaults(),
    tokenFaults: () => structuredClone(host.tokenFaults),
    setDialogBehavior: (behavior: DialogBehavior) => host.setDialogBehavior(behavior),
    setLanguage: (language: string) => host.setLanguage(language),
    /** Outlook's theme: Office.context.officeTheme and OfficeThemeChanged in task panes (common/theme.ts). */
    setTheme: (theme: SimTheme) => host.setTheme(theme),
    theme: () => host.settings.theme,
    /** The task pane's width in CSS pixels (null: the default); Outlook's is about 320. */
    setTaskpaneWidth: (px: number | null) => host.setTaskpaneWidth(px),
    setCommandTimeout: (ms: number) => host.setCommandTimeout(ms),
    setSelectionFault: (fault: "itemNull" | "internalError" | null) => {
      host.settings.selectionFault = fault;
    },
    notifications: (ref?: string | number) =>
      host.notificationsFor(
        ref === undefined ? itemKeyOf(host.currentItemSnapshot()) : host.resolveMessage(ref).ewsId,
      ),
    /** The last notifications an item's bar showed (by item key, e.g. a command's itemKey), kept after it left. */
    notificationsShown: (itemKey: string) => [...(host.notificationsShown.get(itemKey) ?? [])],
    lastCommand: () => (host.lastCommand() ? { ...host.lastCommand() } : null),
    commands: () => host.commands.map((c) => ({ ...c })),
    log: () => host.log.map((e) => ({ ...e })),
    setEmulatorFaults: async (rules: unknown) => {
      const response = await fetch(`${host.config.emulatorProxy}/_emulator/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(rules),
      });
      return response.status;
    },
    clearEmulatorFaults: async () =>
      (await fetch(`${host.config.emulatorProxy}/_emulator/faults`, { method: "DELETE" })).status,
    reset: () => host.reset(),
  };
}

async function pickSource(config: ServerConfig): Promise<MailSource> {
  const builtin = builtinSource(config.user);
  if (config.tokenSource === "stub") return builtin;
  const emulator = emulatorSource(config.emulatorProxy, config.user.upn);
  try {
    await emulator.folders();
    return emulator;
  } catch (error) {
    console.warn("[simulator] Graph emulator unreachable; using the built-in mailbox", error);
    return builtin;
  }
}

async function start(): Promise<void> {
  const config = window.__OUTLOOK_SIM_CONFIG__;
  if (!config) throw new Error("the shell page was served without its config");
  const root = document.getElementById("app");
  if (!root) throw new Error("#app missing");
  const dom = buildSkeleton(root);
  const manifestXml = await (await fetch("/manifest.xml")).text();
  const manifest = shellManifest(manifestXml);
  const source = await pickSource(config);
  const host = new OutlookHost(
    {
      addinOrigin: config.addinOrigin,
      user: config.user,
      naaEnvironment: config.naaEnvironment,
      commandTimeoutMs: config.commandTimeoutMs,
      emulatorProxy: config.emulatorProxy,
    },
    manifest,
    source,
    { taskpane: dom.taskpaneBody, dialog: dom.dialogBody, hidden: dom.hidden },
  );
  host.localiseManifest = (language) => shellManifest(manifestXml, language);
  new ShellUi(host, dom, config.emulatorProxy);
  const ready = host
    .load()
    .catch((error: unknown) => console.error("[simulator] mailbox load failed", error));
  window.simulator = controlApi(host, ready);
  document.title = `Outlook simulator – ${manifest.displayName}`;
  // Purges happen in the emulator: re-read on focus and every pollMs.
  window.addEventListener("focus", () => void host.refresh().catch(() => {}));
  if (config.pollMs > 0) {
    setInterval(() => {
      if (document.visibilityState === "visible") void host.refresh().catch(() => {});
    }, config.pollMs);
  }
  await ready;
  document.body.dataset.ready = "true";
}

start().catch((error: unknown) => {
  console.error("[simulator] shell failed to start", error);
  const message = isRecord(error) && typeof error.message === "string" ? error.message : String(error);
  document.body.dataset.ready = "error";
  document.body.append(`Simulator failed to start: ${message}`);
});
