/**
 * A minimal Office global for unit tests, installed with vi.stubGlobal per test. It follows Office.js's shapes
 * (async result objects, enums, callbacks called asynchronously); each test adjusts what it needs.
 */
import { vi } from "vitest";

export interface StubItem {
  itemId?: string;
  itemType?: string;
  subject?: unknown;
  from?: { displayName: string; emailAddress: string };
  dateTimeCreated?: Date;
  getItemIdAsync?: (cb: (r: unknown) => void) => void;
  notificationMessages?: { replaceAsync: (key: string, details: unknown, cb: (r: unknown) => void) => void };
}

export function succeeded<T>(value: T) {
  return { status: "succeeded", value };
}

export function failed(code: number, name: string, message = name) {
  return { status: "failed", error: { code, name, message } };
}

export function installOffice(options: { item?: StubItem | null; sets?: Record<string, string> } = {}) {
  const sets = options.sets ?? { Mailbox: "1.13", DialogApi: "1.2", NestedAppAuth: "1.1" };
  const handlers = new Map<string, () => void>();
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {
      ItemChanged: "olkItemSelectedChanged",
      DialogMessageReceived: "dialogMessageReceived",
      DialogEventReceived: "dialogEventReceived",
      DialogParentMessageReceived: "dialogParentMessageReceived",
    },
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RestVersion: { v1_0: "v1.0", v2_0: "v2.0", Beta: "beta" },
      ItemNotificationMessageType: {
        ProgressIndicator: "progressIndicator",
        InformationalMessage: "informationalMessage",
        ErrorMessage: "errorMessage",
      },
    },
    context: {
      displayLanguage: "en-US",
      requirements: {
        isSetSupported: vi.fn((name: string, version: string) => {
          const have = sets[name];
          if (!have) return false;
          const [a = 0, b = 0] = have.split(".").map(Number);
          const [c = 0, d = 0] = version.split(".").map(Number);
          return a > c || (a === c && b >= d);
        }),
      },
      mailbox: {
        item: options.item === undefined ? null : options.item,
        convertToRestId: vi.fn((id: string, version: string) => {
          if (version !== "v2.0") throw new Error("unexpected version");
          // office.js (outlook-web-16.01): "/" -> "-", "+" -> "_".
          return id.replace(/\//g, "-").replace(/\+/g, "_");
        }),
        addHandlerAsync: vi.fn((type: string, handler: () => void, cb: (r: unknown) => void) => {
          handlers.set(type, handler);
          queueMicrotask(() => cb(succeeded(undefined)));
        }),
        removeHandlerAsync: vi.fn((type: string, cb: (r: unknown) => void) => {
          handlers.delete(type);
          queueMicrotask(() => cb(succeeded(undefined)));
        }),
      },
      ui: { displayDialogAsync: vi.fn(), messageParent: vi.fn(), addHandlerAsync: vi.fn() },
    },
    auth: {
      getAuthContext: vi.fn(async () => ({
        userPrincipalName: "adele@contoso.com",
        tenantId: "t",
        userObjectId: "o",
      })),
    },
    actions: { associate: vi.fn() },
    onReady: vi.fn(async () => ({ host: "Outlook", platform: "OfficeOnline" })),
  };
  vi.stubGlobal("Office", office);
  return {
    office,
    /** Raises a mailbox event the code subscribed to. */
    raise(type: string) {
      handlers.get(type)?.();
    },
    setItem(item: StubItem | null) {
      office.context.mailbox.item = item;
    },
  };
}
