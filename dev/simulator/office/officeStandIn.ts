/**
 * The office.js stand-in: defines the global `Office` synchronously, as the CDN script does, and forwards every
 * host-backed call to the simulated Outlook on the web (the shell page) over postMessage (see ../common/protocol.ts).
 *
 * Frames learn who their host is from window.name (set by the shell). A page loaded outside the simulator gets
 * `Office.onReady` -> {host: null, platform: null}, like office.js outside Office.
 */

import { failed, OfficeErrors, type SimAsyncResult, succeeded } from "../common/errors";
import { convertToEwsId, convertToRestId } from "../common/ids";
import { validateKey, validateNotification } from "../common/notifications";
import { AsyncResultStatus, EventType, MailboxEnums } from "../common/officeEnums";
import type { FrameMessage, HostContext, ItemSnapshot, OfficeErrorShape } from "../common/protocol";
import { decodeFrameName, HostEvent, isHostMessage, isRecord, PROTOCOL } from "../common/protocol";
import { isSetSupported } from "../common/requirements";

type AsyncCallback = (result: SimAsyncResult<unknown>) => void;
type Handler = (arg: unknown) => void;

const frame = decodeFrameName(window.name);
// An iframe (task pane, function runtime, displayInIframe dialog) talks to its parent; a dialog popup window
// (displayInIframe false, as Outlook on the web opens dialogs by default) to the shell that opened it.
const hostWindow: Window | null = window.parent !== window ? window.parent : (window.opener as Window | null);

let context: HostContext | null = null;
/** Office.context.officeTheme: the host's, updated before OfficeThemeChanged is raised (as on the web). */
let officeTheme: Record<string, string> | null = null;
let nextCallId = 1;
const pendingCalls = new Map<
  number,
  { resolve: (v: unknown) => void; reject: (e: OfficeErrorShape) => void }
>();
const mailboxHandlers = new Map<string, Set<Handler>>();
const parentMessageHandlers = new Set<Handler>();
const dialogs = new Map<string, { handlers: Map<string, Set<Handler>> }>();
const associated = new Map<string, (event: unknown) => unknown>();
const naaListeners = new Set<(response: string) => void>();
const deferredInvocations = new Map<string, Record<string, unknown>>();

let resolveReady: (info: { host: string | null; platform: string | null }) => void = () => {};
const ready = new Promise<{ host: string | null; platform: string | null }>((resolve) => {
  resolveReady = resolve;
});

function later(fn: () => void): void {
  // office.js never calls back synchronously.
  setTimeout(fn, 0);
}

function post(message: FrameMessage): void {
  if (frame === null || hostWindow === null) return;
  hostWindow.postMessage(message, frame.hostOrigin);
}

function callHost(method: string, args: unknown = {}): Promise<unknown> {
  return ready.then(
    () =>
      new Promise<unknown>((resolve, reject) => {
        if (frame === null || context === null) {
          reject(OfficeErrors.invalidApiCall);
          return;
        }
        const id = nextCallId++;
        pendingCalls.set(id, { resolve, reject });
        post({ p: PROTOCOL, t: "call", frameId: frame.frameId, id, method, args });
      }),
  );
}

/** Splits office.js' (options?, callback?) overloads. */
function splitArgs(a: unknown, b: unknown): { asyncContext: unknown; callback: AsyncCallback | undefined } {
  if (typeof a === "function") return { asyncContext: undefined, callback: a as AsyncCallback };
  const asyncContext = isRecord(a) ? a.asyncContext : undefined;
  return { asyncContext, callback: typeof b === "function" ? (b as AsyncCallback) : undefined };
}

function runAsync(a: unknown, b: unknown, work: () => Promise<unknown>): void {
  const { asyncContext, callback } = splitArgs(a, b);
  work().then(
    (value) => later(() => callback?.(succeeded(value, asyncContext))),
    (error: unknown) => {
      const shape = isOfficeError(error) ? error : OfficeErrors.internalError;
      later(() => callback?.(failed(shape, asyncContext)));
    },
  );
}

function isOfficeError(value: unknown): value is OfficeErrorShape {
  return isRecord(value) && typeof value.code === "number" && typeof value.name === "string";
}

function dispatch(handlers: Iterable<Handler>, arg: unknown): void {
  for (const handler of [...handlers]) {
    try {
      handler(arg);
    } catch (error) {
      console.error("[office.js simulator] event handler threw", error);
    }
  }
}

// ---------------------------------------------------------------- item

function notificationMessagesFor(itemKey: string) {
  return {
    addAsync(key: unknown, details: unknown, a?: unknown, b?: unknown) {
      const valid = validateNotification(key, details);
      runAsync(a, b, () => callHost("notifications.add", { itemKey, key, details: valid }));
    },
    replaceAsync(key: unknown, details: unknown, a?: unknown, b?: unknown) {
      const valid = validateNotification(key, details);
      runAsync(a, b, () => callHost("notifications.replace", { itemKey, key, details: valid }));
    },
    removeAsync(key: unknown, a?: unknown, b?: unknown) {
      const valid = validateKey(key);
      runAsync(a, b, () => callHost("notifications.remove", { itemKey, key: valid }));
    },
    getAllAsync(a?: unknown, b?: unknown) {
      runAsync(a, b, () => callHost("notifications.getAll", { itemKey }));
    },
  };
}

function buildItem(snapshot: ItemSnapshot | null): Record<string, unknown> | null {
  if (snapshot === null) return null;
  if (snapshot.itemType === "appointment" && snapshot.mode === "compose") {
    // The organizer's form (Office.AppointmentCompose): no itemId; every field is an object read with getAsync
    // (organizer and recurrence Mailbox 1.7), seriesId a plain property (1.7), getItemIdAsync (1.8) asks the host.
    const draftKey = snapshot.draftKey;
    const field = <T>(value: () => T) => ({
      getAsync: (a?: unknown, b?: unknown) => runAsync(a, b, async () => value()),
    });
    return {
      itemType: snapshot.itemType,
      subject: field(() => snapshot.subject),
      organizer: field(() => ({ ...snapshot.organizer })),
      requiredAttendees: field(() => snapshot.requiredAttendees.map((a) => ({ ...a }))),
      optionalAttendees: field(() => snapshot.optionalAttendees.map((a) => ({ ...a }))),
      start: field(() => new Date(snapshot.start)),
      end: field(() => new Date(snapshot.end)),
      location: field(() => snapshot.location),
      recurrence: field(() => (snapshot.recurrence ? { ...snapshot.recurrence } : null)),
      seriesId: snapshot.seriesId,
      getItemIdAsync: (a?: unknown, b?: unknown) =>
        runAsync(a, b, () => callHost("compose.getItemId", { draftKey })),
      notificationMessages: notificationMessagesFor(draftKey),
    };
  }
  if (snapshot.itemType === "appointment") {
    // Read-mode appointment (Office.AppointmentRead): Dates for start/end, seriesId and recurrence (Mailbox 1.7).
    return {
      itemId: snapshot.itemId,
      itemType: snapshot.itemType,
      subject: snapshot.subject,
      normalizedSubject: snapshot.subject,
      organizer: { ...snapshot.organizer },
      requiredAttendees: snapshot.requiredAttendees.map((a) => ({ ...a })),
      optionalAttendees: snapshot.optionalAttendees.map((a) => ({ ...a })),
      start: new Date(snapshot.start),
      end: new Date(snapshot.end),
      location: snapshot.location,
      seriesId: snapshot.seriesId,
      recurrence: snapshot.recurrence ? { ...snapshot.recurrence } : null,
      dateTimeCreated: new Date(snapshot.dateTimeCreated),
      dateTimeModified: new Date(snapshot.dateTimeModified),
      notificationMessages: notificationMessagesFor(snapshot.itemId),
    };
  }
  if (snapshot.mode === "read") {
    const item: Record<string, unknown> = {
      itemId: snapshot.itemId,
      itemType: snapshot.itemType,
      subject: snapshot.subject,
      normalizedSubject: snapshot.subject.replace(/^((re|fw|fwd):\s*)+/i, ""),
      from: { ...snapshot.from },
      sender: { ...snapshot.sender },
      dateTimeCreated: new Date(snapshot.dateTimeCreated),
      dateTimeModified: new Date(snapshot.dateTimeModified),
      internetMessageId: snapshot.internetMessageId,
      conversationId: snapshot.conversationId,
      notificationMessages: notificationMessagesFor(snapshot.itemId),
    };
    const shared = snapshot.shared;
    // Outlook only offers getSharedPropertiesAsync on items in shared or delegated folders.
    if (shared !== null) {
      item.getSharedPropertiesAsync = (a?: unknown, b?: unknown) =>
        runAsync(a, b, async () => ({ ...shared }));
    }
    return item;
  }
  const draftKey = snapshot.draftKey;
  return {
    itemType: snapshot.itemType,
    subject: {
      getAsync: (a?: unknown, b?: unknown) =>
        runAsync(a, b, () => callHost("compose.getSubject", { draftKey })),
      setAsync: (subject: unknown, a?: unknown, b?: unknown) =>
        runAsync(a, b, () => callHost("compose.setSubject", { draftKey, subject: String(subject) })),
    },
    getItemIdAsync: (a?: unknown, b?: unknown) =>
      runAsync(a, b, () => callHost("compose.getItemId", { draftKey })),
    saveAsync: (a?: unknown, b?: unknown) => runAsync(a, b, () => callHost("compose.save", { draftKey })),
    notificationMessages: notificationMessagesFor(draftKey),
  };
}

let itemObject: Record<string, unknown> | null = null;

function setItem(snapshot: ItemSnapshot | null): void {
  itemObject = buildItem(snapshot);
}

// ---------------------------------------------------------------- mailbox

let mailboxObject: Record<string, unknown> | undefined;

function buildMailbox(ctx: HostContext): Record<string, unknown> | undefined {
  const mb = ctx.mailbox;
  if (mb === null) return undefined;
  const mailbox: Record<string, unknown> = {
    userProfile: { ...mb.userProfile },
    diagnostics: { hostName: mb.hostName, hostVersion: mb.hostVersion, OWAView: mb.owaView },
    restUrl: mb.restUrl,
    ewsUrl: mb.ewsUrl,
    convertToRestId: (id: string, version: string) => convertToRestId(id, version),
    convertToEwsId: (id: string, version: string) => convertToEwsId(id, version),
    addHandlerAsync(eventType: unknown, handler: unknown, a?: unknown, b?: unknown) {
      runAsync(a, b, async () => {
        if (
          eventType !== EventType.ItemChanged &&
          eventType !== EventType.SelectedItemsChanged &&
          eventType !== EventType.OfficeThemeChanged
        ) {
          throw OfficeErrors.eventRegistration;
        }
        // Mailbox events are not available to ExecuteFunction runtimes.
        if (ctx.role !== "taskpane") throw OfficeErrors.eventRegistration;
        if (typeof handler !== "function") throw OfficeErrors.eventRegistration;
        let set = mailboxHandlers.get(eventType);
        if (set === undefined) {
          set = new Set();
          mailboxHandlers.set(eventType, set);
        }
        set.add(handler as Handler);
        return undefined;
      });
    },
    removeHandlerAsync(eventType: unknown, a?: unknown, b?: unknown) {
      runAsync(a, b, async () => {
        if (typeof eventType !== "string" || !mailboxHandlers.has(eventType))
          throw OfficeErrors.eventRegistration;
        mailboxHandlers.delete(eventType);
        return undefined;
      });
    },
    getSelectedItemsAsync(a?: unknown, b?: unknown) {
      runAsync(a, b, () => callHost("mailbox.getSelectedItems"));
    },
  };
  Object.defineProperty(mailbox, "item", { get: () => itemObject, enumerable: true });
  return mailbox;
}

// ---------------------------------------------------------------- dialogs

function dialogObject(dialogId: string) {
  const entry = { handlers: new Map<string, Set<Handler>>() };
  dialogs.set(dialogId, entry);
  return {
    addEventHandler(eventType: unknown, handler: unknown) {
      if (eventType !== EventType.DialogMessageReceived && eventType !== EventType.DialogEventReceived)
        return;
      if (typeof handler !== "function") return;
      let set = entry.handlers.get(eventType);
      if (set === undefined) {
        set = new Set();
        entry.handlers.set(eventType, set);
      }
      set.add(handler as Handler);
    },
    messageChild(message: unknown, options?: unknown) {
      const targetOrigin =
        isRecord(options) && typeof options.targetOrigin === "string" ? options.targetOrigin : null;
      void callHost("dialog.messageChild", { dialogId, message: String(message), targetOrigin }).catch(
        () => {},
      );
    },
    /** DialogApi 1.1 name for messageChild in some builds. */
    sendMessage(message: unknown) {
      void callHost("dialog.messageChild", { dialogId, message: String(message), targetOrigin: null }).catch(
        () => {},
      );
    },
    close() {
      dialogs.delete(dialogId);
      void callHost("dialog.close", { dialogId }).catch(() => {});
    },
  };
}

const ui = {
  displayDialogAsync(url: unknown, a?: unknown, b?: unknown) {
    const options = isRecord(a) ? a : {};
    const { asyncContext, callback } = splitArgs(a, b);
    callHost("ui.displayDialog", {
      url: String(url),
      height: typeof options.height === "number" ? options.height : 80,
      width: typeof options.width === "number" ? options.width : 80,
      displayInIframe: options.displayInIframe === true,
      promptBeforeOpen: typeof options.promptBeforeOpen === "boolean" ? options.promptBeforeOpen : undefined,
    }).then(
      (value) => {
        const dialogId = isRecord(value) && typeof value.dialogId === "string" ? value.dialogId : "";
        const dialog = dialogObject(dialogId);
        later(() => callback?.(succeeded(dialog, asyncContext)));
      },
      (error: unknown) =>
        later(() =>
          callback?.(failed(isOfficeError(error) ? error : OfficeErrors.internalError, asyncContext)),
        ),
    );
  },
  messageParent(message: unknown, options?: unknown) {
    const targetOrigin =
      isRecord(options) && typeof options.targetOrigin === "string" ? options.targetOrigin : null;
    void callHost("dialog.messageParent", { message: String(message), targetOrigin }).catch(
      (error: unknown) => console.error("[office.js simulator] messageParent failed", error),
    );
  },
  addHandlerAsync(eventType: unknown, handler: unknown, a?: unknown, b?: unknown) {
    runAsync(a, b, async () => {
      if (eventType !== EventType.DialogParentMessageReceived || typeof handler !== "function") {
        throw OfficeErrors.eventRegistration;
      }
      parentMessageHandlers.add(handler as Handler);
      return undefined;
    });
  },
  closeContainer() {
    void callHost("ui.closeContainer").catch(() => {});
  },
};

// ---------------------------------------------------------------- function commands

const actions = {
  associate(name: string, fn: (event: unknown) => unknown) {
    associated.set(name, fn);
    const deferred = deferredInvocations.get(name);
    if (deferred !== undefined) {
      deferredInvocations.delete(name);
      invokeAction(deferred);
      return;
    }
    if (context !== null) void callHost("actions.associate", { name }).catch(() => {});
  },
};

function invokeAction(payload: unknown): void {
  if (!isRecord(payload) || typeof payload.name !== "string" || typeof payload.pressId !== "string") return;
  const { name, pressId } = payload;
  const controlId = typeof payload.controlId === "string" ? payload.controlId : name;
  let done = false;
  const event = {
    source: { id: controlId },
    completed(options?: unknown) {
      if (done) return;
      done = true;
      const allowEvent =
        isRecord(options) && typeof options.allowEvent === "boolean" ? options.allowEvent : undefined;
      void callHost("actions.completed", { pressId, allowEvent }).catch(() => {});
    },
  };
  const globalFn = (window as unknown as Record<string, unknown>)[name];
  const fn =
    associated.get(name) ?? (typeof globalFn === "function" ? (globalFn as (e: unknown) => unknown) : null);
  if (fn === null) {
    // The page has not associated the function yet (e.g. it awaits something first): run it when it does.
    deferredInvocations.set(name, payload);
    return;
  }
  try {
    const result = fn(event);
    if (result instanceof Promise) {
      result.catch((error: unknown) => console.error(`[office.js simulator] ${name} rejected`, error));
    }
  } catch (error) {
    console.error(`[office.js simulator] ${name} threw`, error);
  }
}

// ---------------------------------------------------------------- auth and NAA

const auth: { getAuthContext?: () => Promise<unknown>; getAccessToken: () => Promise<string> } = {
  getAuthContext(): Promise<unknown> {
    return ready.then(() => {
      if (context === null || !isSetSupported(context.requirements, "NestedAppAuth", "1.1")) {
        return Promise.reject(
          Object.assign(new Error(OfficeErrors.apiNotSupported.message), OfficeErrors.apiNotSupported),
        );
      }
      return callHost("auth.getAuthContext");
    });
  },
  getAccessToken(): Promise<string> {
    // Office SSO is not offered by the simulator; add-ins use NAA or their dialog fallback.
    return Promise.reject(
      Object.assign(new Error(OfficeErrors.apiNotSupported.message), OfficeErrors.apiNotSupported),
    );
  },
};

function installNaaBridge(): void {
  const bridge = {
    addEventListener(eventName: string, callback: (response: string) => void) {
      if (eventName === "message") naaListeners.add(callback);
    },
    removeEventListener(eventName: string, callback: (response: string) => void) {
      if (eventName === "message") naaListeners.delete(callback);
    },
    postMessage(message: string) {
      if (frame === null) return;
      post({ p: PROTOCOL, t: "naa", frameId: frame.frameId, data: String(message) });
    },
  };
  Object.defineProperty(window, "nestedAppAuthBridge", {
    value: bridge,
    configurable: true,
    writable: false,
  });
}

// ---------------------------------------------------------------- the Office global

const contextObject: Record<string, unknown> = {
  requirements: {
    isSetSupported: (name: string, minVersion?: string | number) =>
      context !== null && isSetSupported(context.requirements, name, minVersion),
  },
  ui,
};
Object.defineProperties(contextObject, {
  mailbox: { get: () => mailboxObject, enumerable: true },
  displayLanguage: { get: () => context?.displayLanguage ?? "en-US", enumerable: true },
  // Task panes only; undefined in dialogs (office-js#6820) and, the stricter reading, in function runtimes.
  officeTheme: { get: () => officeTheme ?? undefined, enumerable: true },
  contentLanguage: { get: () => context?.displayLanguage ?? "en-US", enumerable: true },
  host: { get: () => (context ? "Outlook" : null), enumerable: true },
  platform: { get: () => (context ? "OfficeOnline" : null), enumerable: true },
  diagnostics: {
    get: () => (context ? { host: "Outlook", platform: "OfficeOnline", version: "16.0.0.0" } : null),
    enumerable: true,
  },
});

const Office: Record<string, unknown> = {
  AsyncResultStatus,
  EventType,
  HostType: {
    Word: "Word",
    Excel: "Excel",
    PowerPoint: "PowerPoint",
    Outlook: "Outlook",
    OneNote: "OneNote",
    Project: "Project",
    Access: "Access",
  },
  PlatformType: {
    PC: "PC",
    OfficeOnline: "OfficeOnline",
    Mac: "Mac",
    iOS: "iOS",
    Android: "Android",
    Universal: "Universal",
  },
  InitializationReason: { Inserted: "inserted", DocumentOpened: "documentOpened" },
  MailboxEnums,
  context: contextObject,
  actions,
  auth,
  initialize: undefined,
  onReady(callback?: (info: { host: string | null; platform: string | null }) => void) {
    return ready.then((info) => {
      if (typeof callback === "function") callback(info);
      return info;
    });
  },
};

// Lets MSAL wait for the host handshake before it looks for window.nestedAppAuthBridge.
(window as unknown as Record<string, unknown>).__initializeNestedAppAuth = () => ready.then(() => undefined);
(window as unknown as Record<string, unknown>).Office = Office;

function onInit(ctx: HostContext): void {
  if (context !== null) return;
  context = ctx;
  officeTheme = ctx.officeTheme ? { ...ctx.officeTheme } : null;
  setItem(ctx.mailbox?.item ?? null);
  mailboxObject = buildMailbox(ctx);
  if (ctx.naaBridge) installNaaBridge();
  if (ctx.authContextApi === false) delete (auth as { getAuthContext?: unknown }).getAuthContext;
  const info = { host: "Outlook", platform: "OfficeOnline" };
  // office.js initialises once the document is parsed, so onReady handlers may touch the DOM.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => resolveReady(info), { once: true });
  } else {
    resolveReady(info);
  }
  void ready.then(() => {
    const init = Office.initialize;
    if (typeof init === "function") (init as (reason: string) => void)("documentOpened");
  });
  if (ctx.role === "function") {
    for (const name of associated.keys()) void callHost("actions.associate", { name }).catch(() => {});
    // Outlook also runs ExecuteFunction handlers declared as global functions.
    const announce = () => void callHost("actions.loaded").catch(() => {});
    if (document.readyState === "complete") announce();
    else window.addEventListener("load", announce, { once: true });
  }
}

window.addEventListener("message", (event: MessageEvent) => {
  if (frame === null || event.origin !== frame.hostOrigin || event.source !== hostWindow) return;
  const message: unknown = event.data;
  if (!isHostMessage(message)) return;
  switch (message.t) {
    case "init":
      onInit(message.context);
      return;
    case "reply": {
      const pending = pendingCalls.get(message.id);
      if (pending === undefined) return;
      pendingCalls.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(message.error);
      return;
    }
    case "naa":
      for (const listener of [...naaListeners]) listener(message.data);
      return;
    case "event":
      onHostEvent(message.event, message.payload);
      return;
  }
});

function onHostEvent(name: string, payload: unknown): void {
  const data = isRecord(payload) ? payload : {};
  switch (name) {
    case HostEvent.ItemChanged:
      setItem((data.item as ItemSnapshot | null | undefined) ?? null);
      dispatch(mailboxHandlers.get(name) ?? [], { type: name });
      return;
    case HostEvent.SelectedItemsChanged:
      dispatch(mailboxHandlers.get(name) ?? [], { type: name });
      return;
    case HostEvent.OfficeThemeChanged: {
      const theme = isRecord(data.officeTheme) ? (data.officeTheme as Record<string, string>) : null;
      if (theme === null) return;
      officeTheme = { ...theme };
      dispatch(mailboxHandlers.get(name) ?? [], { type: name, officeTheme: { ...theme } });
      return;
    }
    case HostEvent.DialogMessageReceived:
    case HostEvent.DialogEventReceived: {
      const dialogId = typeof data.dialogId === "string" ? data.dialogId : "";
      const entry = dialogs.get(dialogId);
      if (entry === undefined) return;
      const arg =
        name === HostEvent.DialogMessageReceived
          ? { type: name, message: data.message, origin: data.origin }
          : { type: name, error: data.error };
      if (name === HostEvent.DialogEventReceived) dialogs.delete(dialogId);
      dispatch(entry.handlers.get(name) ?? [], arg);
      return;
    }
    case HostEvent.DialogParentMessageReceived:
      dispatch(parentMessageHandlers, { type: name, message: data.message, origin: data.origin });
      return;
    case HostEvent.InvokeAction:
      invokeAction(payload);
      return;
  }
}

if (frame !== null && hostWindow !== null) {
  post({ p: PROTOCOL, t: "hello", frameId: frame.frameId });
  // Tell the host this page is going (a dialog navigating to sign in, or its window closing): it holds messages
  // for the dialog until the next page says hello.
  window.addEventListener("pagehide", () => post({ p: PROTOCOL, t: "bye", frameId: frame.frameId }));
} else {
  // Not inside the simulator: behave like office.js outside an Office host.
  resolveReady({ host: null, platform: null });
}
