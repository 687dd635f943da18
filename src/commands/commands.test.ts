/**
 * The ribbon handler as Outlook runs it: a stubbed Office global (item, notification bar, displayDialogAsync
 * and a confirmation page that answers through the real protocol), the real Office wrappers and dialog
 * confirmation, and a fake Graph client in place of MSAL and the network.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AUTH_MESSAGES, AuthError } from "../core/auth/errors";
import type { DeleteOutcome, ItemRef } from "../core/graph/types";
import { t } from "../core/i18n";
import { MAX_NOTIFICATION_LENGTH } from "../core/office/notifications";
import { parseToPage } from "../core/purge/protocol";
import { SHORT_MESSAGES } from "../core/purge/report";

const graph = vi.hoisted(() => ({
  permanentDelete: vi.fn<(ref: ItemRef, options?: { signal?: AbortSignal }) => Promise<DeleteOutcome>>(),
  createServices: vi.fn(),
  /** The mailbox each Graph client was made for (it decides the scope). */
  mailboxes: [] as unknown[],
}));

vi.mock("../core/services", () => ({ createServices: graph.createServices }));

const ORIGIN = "https://localhost:3000";
const CLIENT_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const EWS_ID = "AAMkAGI2TG93AAA+bc/de==";
const REST_ID = "AAMkAGI2TG93AAA_bc-de==";
const REF: ItemRef = { kind: "message", id: REST_ID, mailbox: { kind: "me" } };

/** What the confirmation page does once it is shown the item. */
type PagePlan = "confirm" | "cancel" | "close" | "change-item-then-confirm" | { failToOpen: number };

interface Stub {
  notifications: { type: string; message: string }[];
  dialogUrls: string[];
  shown: unknown[];
  dialogClosed: ReturnType<typeof vi.fn>;
  onReady: ReturnType<typeof vi.fn>;
  associate: ReturnType<typeof vi.fn>;
}

const ok = <T>(value: T) => ({ status: "succeeded", value });

interface SharedProps {
  targetMailbox: string;
  owner: string;
  targetRestUrl: string;
  delegatePermissions: number;
}

function installOffice(plan: PagePlan, hasItem = true, shared?: SharedProps, missingSet?: string): Stub {
  const stub: Stub = {
    notifications: [],
    dialogUrls: [],
    shown: [],
    dialogClosed: vi.fn(),
    onReady: vi.fn(),
    associate: vi.fn(),
  };
  const item = {
    itemId: EWS_ID,
    itemType: "message",
    subject: "Quarterly numbers",
    from: { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" },
    dateTimeCreated: new Date("2026-11-20T09:30:00Z"),
    ...(shared
      ? {
          getSharedPropertiesAsync: (cb: (r: unknown) => void) => queueMicrotask(() => cb(ok({ ...shared }))),
        }
      : {}),
    notificationMessages: {
      replaceAsync: (_key: string, details: { type: string; message: string }, cb: (r: unknown) => void) => {
        stub.notifications.push(details);
        queueMicrotask(() => cb(ok(undefined)));
      },
    },
  };
  const EventType = {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  };

  function displayDialogAsync(url: string, _options: unknown, cb: (r: unknown) => void) {
    stub.dialogUrls.push(url);
    if (typeof plan === "object") {
      const error = {
        code: plan.failToOpen,
        name: "DialogError",
        message: `Dialog error ${plan.failToOpen}`,
      };
      queueMicrotask(() => cb({ status: "failed", error }));
      return;
    }
    const handlers = new Map<string, (arg: unknown) => void>();
    const fromPage = (message: unknown) =>
      queueMicrotask(() =>
        handlers.get(EventType.DialogMessageReceived)?.({ message: JSON.stringify(message), origin: ORIGIN }),
      );
    const dialog = {
      addEventHandler(type: string, handler: (arg: unknown) => void) {
        handlers.set(type, handler);
        // Both handlers are in place: the page has loaded and says so.
        if (handlers.size === 2) fromPage({ type: "ready" });
      },
      messageChild(raw: string) {
        const show = parseToPage(raw);
        stub.shown.push(show);
        if (!show) return;
        const ids = show.items.map((i) => i.id);
        if (plan === "cancel") fromPage({ type: "answer", nonce: show.nonce, confirmed: false });
        if (plan === "close") {
          queueMicrotask(() => handlers.get(EventType.DialogEventReceived)?.({ error: 12006 }));
        }
        if (plan === "confirm") fromPage({ type: "answer", nonce: show.nonce, confirmed: true, ids });
        if (plan === "change-item-then-confirm") {
          item.itemId = "AAMkOTHER+id==";
          fromPage({ type: "answer", nonce: show.nonce, confirmed: true, ids });
        }
      },
      close: stub.dialogClosed,
    };
    queueMicrotask(() => cb(ok(dialog)));
  }

  vi.stubGlobal("Office", {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType,
    MailboxEnums: {
      ItemType: { Message: "message", Appointment: "appointment" },
      RestVersion: { v2_0: "v2.0" },
      ItemNotificationMessageType: {
        ProgressIndicator: "progressIndicator",
        InformationalMessage: "informationalMessage",
        ErrorMessage: "errorMessage",
      },
    },
    context: {
      requirements: { isSetSupported: (set: string) => set !== missingSet },
      mailbox: {
        item: hasItem ? item : null,
        convertToRestId: (id: string) => id.replace(/\//g, "-").replace(/\+/g, "_"),
      },
      ui: { displayDialogAsync },
    },
    onReady: stub.onReady,
    actions: { associate: stub.associate },
  });
  vi.stubGlobal("window", { location: { origin: ORIGIN } });
  return stub;
}

function commandEvent() {
  const completed = vi.fn();
  return { event: { completed } as unknown as Office.AddinCommands.Event, completed };
}

async function press(): Promise<ReturnType<typeof vi.fn>> {
  const { purgeCurrentItem } = await import("./commands");
  const { event, completed } = commandEvent();
  await purgeCurrentItem(event);
  return completed;
}

function onlyNotification(stub: Stub): { type: string; message: string } {
  expect(stub.notifications).toHaveLength(1);
  const [note] = stub.notifications;
  if (!note) throw new Error("no notification");
  expect(note.message.length).toBeLessThanOrEqual(MAX_NOTIFICATION_LENGTH);
  return note;
}

beforeEach(() => {
  vi.stubEnv("VITE_AAD_CLIENT_ID", CLIENT_ID);
  graph.permanentDelete.mockResolvedValue({ status: "purged" });
  graph.createServices.mockImplementation(() => ({
    tokens: { getToken: vi.fn() },
    available: () => true,
    cloud: { cloud: { id: "global" }, source: "restUrl" },
    // Deletion goes through the client for the item's kind (mail: its mailbox's scope).
    itemGraph: (_interactive: boolean, ref: { mailbox: unknown }) => {
      graph.mailboxes.push(ref.mailbox);
      return { permanentDelete: graph.permanentDelete };
    },
  }));
  graph.mailboxes.length = 0;
});

afterEach(() => {
  vi.unstubAllEnvs();
  graph.permanentDelete.mockReset();
  graph.createServices.mockReset();
});

describe("purgeCurrentItem", () => {
  it("confirms in the dialog page, deletes once, notifies, and completes once", async () => {
    const stub = installOffice("confirm");
    const completed = await press();
    expect(stub.dialogUrls).toEqual([`${ORIGIN}/dialog/confirm.html`]);
    // The subject goes to the page by messageChild, never in the URL.
    expect(stub.shown).toEqual([
      expect.objectContaining({
        type: "show",
        items: [
          {
            id: REST_ID,
            subject: "Quarterly numbers",
            fromName: "Megan Bowen",
            fromAddress: "megan@contoso.com",
            received: "2026-11-20T09:30:00.000Z",
          },
        ],
      }),
    ]);
    expect(graph.permanentDelete).toHaveBeenCalledTimes(1);
    expect(graph.permanentDelete).toHaveBeenCalledWith(REF, { signal: expect.any(AbortSignal) });
    expect(graph.createServices).toHaveBeenCalledWith(
      expect.objectContaining({ clientId: CLIENT_ID }),
      ORIGIN,
    );
    const note = onlyNotification(stub);
    expect(note.type).toBe("informationalMessage");
    expect(note.message).toMatch(/^Deleted permanently\./);
    expect(stub.dialogClosed).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes only after the work is done", async () => {
    installOffice("confirm");
    let finish: (outcome: DeleteOutcome) => void = () => undefined;
    graph.permanentDelete.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    const { purgeCurrentItem } = await import("./commands");
    const { event, completed } = commandEvent();
    const run = purgeCurrentItem(event);
    await vi.waitFor(() => expect(graph.permanentDelete).toHaveBeenCalled());
    expect(completed).not.toHaveBeenCalled();
    finish({ status: "purged" });
    await run;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["Cancel", "cancel"],
    ["closing the dialog (12006)", "close"],
  ] as const)("deletes nothing after %s and completes once", async (_label, plan) => {
    const stub = installOffice(plan);
    const completed = await press();
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    expect(onlyNotification(stub)).toEqual({
      type: "informationalMessage",
      message: "Nothing was deleted.",
      icon: "Delete.Icon.16",
      persistent: false,
    });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it.each([
    [12004, /AppDomains/],
    [12005, /https/],
    [12007, /Close it, then try again/],
    [12009, /choose Allow/],
    [12011, /Allow pop-ups/],
  ])(
    "deletes nothing when the dialog fails to open with %i, says what to do, and completes once",
    async (code, advice) => {
      const stub = installOffice({ failToOpen: code });
      const completed = await press();
      expect(graph.permanentDelete).not.toHaveBeenCalled();
      const note = onlyNotification(stub);
      expect(note.type).toBe("errorMessage");
      expect(note.message).toContain(`(error ${code})`);
      expect(note.message).toMatch(advice);
      expect(completed).toHaveBeenCalledTimes(1);
    },
  );

  it("a failed open leaves no dialog marked open: the next press can open one", async () => {
    installOffice({ failToOpen: 12011 });
    await press();
    const stub = installOffice("confirm");
    await press();
    expect(stub.dialogUrls).toHaveLength(1);
    expect(graph.permanentDelete).toHaveBeenCalledTimes(1);
  });

  it("checks DialogApi 1.2 (messageChild) before anything: without it, no dialog, no Graph, the set named", async () => {
    const stub = installOffice("confirm", true, undefined, "DialogApi");
    const completed = await press();
    expect(stub.dialogUrls).toEqual([]);
    expect(graph.createServices).not.toHaveBeenCalled();
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toContain("DialogApi 1.2");
    expect(note.message).toContain(t("feature.confirmationDialog"));
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("deletes nothing and completes once when no item is open", async () => {
    const stub = installOffice("confirm", false);
    const completed = await press();
    expect(stub.dialogUrls).toEqual([]);
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    // No item, no notification bar to write on.
    expect(stub.notifications).toEqual([]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("says how to configure the add-in when the build has no client ID, and completes once", async () => {
    vi.stubEnv("VITE_AAD_CLIENT_ID", "");
    const stub = installOffice("confirm");
    const completed = await press();
    expect(graph.createServices).not.toHaveBeenCalled();
    expect(stub.dialogUrls).toEqual([]);
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toMatch(/^The add-in has no Microsoft Entra app configured/);
    expect(note.message).toContain("Ask whoever deployed it");
    expect(note.message).toBe(SHORT_MESSAGES.notConfigured);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("names the bad setting when the build's configuration is invalid, and completes once", async () => {
    vi.stubEnv("VITE_AAD_CLIENT_ID", "my-app");
    const stub = installOffice("confirm");
    const completed = await press();
    expect(graph.createServices).not.toHaveBeenCalled();
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toMatch(/^VITE_AAD_CLIENT_ID must be the application \(client\) ID/);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("asks to sign in when no token can be had, and completes once", async () => {
    const stub = installOffice("confirm");
    graph.permanentDelete.mockRejectedValue(
      new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired),
    );
    const completed = await press();
    expect(onlyNotification(stub)).toEqual({
      type: "errorMessage",
      message: AUTH_MESSAGES.interactionRequired,
    });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it.each([
    [
      "while wiring the services",
      () =>
        graph.createServices.mockImplementation(() => {
          throw new TypeError("Cannot read properties of undefined (reading 'getAuthContext')");
        }),
    ],
    [
      "from the Graph client",
      () => graph.permanentDelete.mockRejectedValue(new TypeError("boom is not a function")),
    ],
  ])(
    "says nothing was deleted after an unexpected exception %s, and completes once",
    async (_label, arrange) => {
      const stub = installOffice("confirm");
      arrange();
      const completed = await press();
      const note = onlyNotification(stub);
      expect(note.type).toBe("errorMessage");
      expect(note.message).toMatch(/^Something unexpected went wrong, and nothing was deleted\./);
      expect(note.message).not.toMatch(/TypeError|undefined|boom/);
      expect(completed).toHaveBeenCalledTimes(1);
    },
  );

  it("completes once even when the notification bar refuses the message", async () => {
    const stub = installOffice("cancel");
    const office = (globalThis as unknown as { Office: typeof Office }).Office;
    const item = office.context.mailbox.item as unknown as {
      notificationMessages: { replaceAsync: (k: string, d: unknown, cb: (r: unknown) => void) => void };
    };
    item.notificationMessages.replaceAsync = (_k, _d, cb) =>
      cb({
        status: "failed",
        error: { code: 9041, name: "NumberOfNotificationMessagesExceeded", message: "x" },
      });
    const completed = await press();
    expect(stub.notifications).toEqual([]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("deletes nothing when the item changed during the confirmation, and completes once", async () => {
    const stub = installOffice("change-item-then-confirm");
    const completed = await press();
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    const note = onlyNotification(stub);
    expect(note.message).toMatch(
      /^The selection changed while the confirmation was open, so nothing was deleted/,
    );
    expect(completed).toHaveBeenCalledTimes(1);
  });

  // Last: it reloads the modules, after which errors built here are no longer instances of the loaded classes.
  it("registers itself under the manifest's FunctionName once Office is ready", async () => {
    vi.resetModules();
    const stub = installOffice("confirm");
    const commands = await import("./commands");
    expect(stub.onReady).toHaveBeenCalledTimes(1);
    expect(stub.associate).not.toHaveBeenCalled();
    stub.onReady.mock.calls[0]?.[0]?.({ host: "Outlook", platform: "OfficeOnline" });
    expect(stub.associate).toHaveBeenCalledWith("purgeCurrentItem", commands.purgeCurrentItem);
    expect(commands.FUNCTION_NAME).toBe("purgeCurrentItem");
  });
});

describe("purgeCurrentItem in a shared mailbox", () => {
  const SALES = "sales@contoso.com";
  const sharedProps = (delegatePermissions: number): SharedProps => ({
    targetMailbox: SALES,
    owner: SALES,
    targetRestUrl: "https://outlook.office.com/api",
    delegatePermissions,
  });

  it("names the mailbox in the confirmation and deletes under /users/{owner} with the shared client", async () => {
    const stub = installOffice("confirm", true, sharedProps(1 | 2 | 4 | 8));
    const completed = await press();
    expect(stub.shown).toEqual([
      expect.objectContaining({ items: [expect.objectContaining({ id: REST_ID, mailbox: SALES })] }),
    ]);
    const ref: ItemRef = { kind: "message", id: REST_ID, mailbox: { kind: "user", id: SALES } };
    expect(graph.permanentDelete).toHaveBeenCalledWith(ref, { signal: expect.any(AbortSignal) });
    expect(graph.mailboxes).toEqual([{ kind: "user", id: SALES }]);
    expect(onlyNotification(stub).message).toMatch(/^Deleted permanently\./);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it.each([
    ["Read only", 1, /don't have delete rights on sales@contoso\.com/],
    ["DeleteOwn on received mail", 1 | 4, /only your own items in sales@contoso\.com/],
  ])("with %s rights opens no dialog, deletes nothing and says why", async (_label, bits, sentence) => {
    const stub = installOffice("confirm", true, sharedProps(bits));
    const completed = await press();
    expect(stub.dialogUrls).toEqual([]);
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toMatch(sentence);
    expect(note.message).toContain("Nothing was deleted");
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe("purgeCurrentItem in a sovereign cloud", () => {
  it("says Graph can't purge messages there, opens no dialog and sends nothing", async () => {
    const stub = installOffice("confirm");
    graph.createServices.mockImplementation(() => ({
      tokens: { getToken: vi.fn() },
      available: () => false,
      cloud: {
        cloud: { id: "usgov", name: "the Microsoft 365 US Government cloud (GCC High)" },
        source: "restUrl",
      },
      itemGraph: () => ({ permanentDelete: graph.permanentDelete }),
    }));
    const completed = await press();
    expect(stub.dialogUrls).toEqual([]);
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toBe(
      "Microsoft Graph can't permanently delete messages in the US Government cloud, where this mailbox is. Nothing was deleted.",
    );
    expect(completed).toHaveBeenCalledTimes(1);
  });
});

describe("purgeCurrentItem on an appointment", () => {
  function asOccurrence(): void {
    const item = (Office.context.mailbox as unknown as { item: Record<string, unknown> }).item;
    delete item.from;
    Object.assign(item, {
      itemType: "appointment",
      subject: "Weekly sync",
      organizer: { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" },
      start: new Date("2026-12-01T09:00:00Z"),
      end: new Date("2026-12-01T09:30:00Z"),
      seriesId: "AAMkSeries+Master/Id==",
      recurrence: { recurrenceType: "weekly" },
    });
  }

  it("in the China cloud (which has event permanentDelete), shows the occurrence and deletes it with the event client", async () => {
    const stub = installOffice("confirm");
    asOccurrence();
    const refs: unknown[] = [];
    graph.createServices.mockImplementation(() => ({
      tokens: { getToken: vi.fn() },
      available: (operation: string) => operation === "event",
      cloud: { cloud: { id: "china", name: "the China cloud" }, source: "restUrl" },
      itemGraph: (_interactive: boolean, ref: unknown) => {
        refs.push(ref);
        return { permanentDelete: graph.permanentDelete };
      },
    }));
    const completed = await press();
    const [shown] = stub.shown as Array<{ items: Array<{ event?: unknown }> } | undefined>;
    expect(shown?.items[0]?.event).toEqual(
      expect.objectContaining({
        recurrence: "occurrence",
        organizerAddress: "megan@contoso.com",
        isOrganizer: false,
      }),
    );
    expect(refs).toEqual([{ kind: "event", id: REST_ID, mailbox: { kind: "me" } }]);
    expect(graph.permanentDelete).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });
});
