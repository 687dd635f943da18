/**
 * The ribbon handler as Outlook runs it: the Office fake (item, notification bar, displayDialogAsync and a
 * confirmation page that answers through the real protocol), the real Office wrappers and dialog
 * confirmation, and a fake Graph client in place of MSAL and the network.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  appointmentRead,
  type FakeDialogPage,
  type FakeItem,
  installOffice,
  messageRead,
  OUTLOOK_WEB_SETS,
  sharedPropertiesAsync,
} from "../../test/support/officeFake";
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

interface SharedProps {
  targetMailbox: string;
  owner: string;
  targetRestUrl: string;
  delegatePermissions: number;
}

interface OutlookOptions {
  /** The item open instead of the message "Quarterly numbers". */
  item?: FakeItem;
  /** No item is open. */
  noItem?: boolean;
  /** The item is in a shared folder or mailbox: what getSharedPropertiesAsync answers. */
  shared?: SharedProps;
  /** A requirement set the host lacks. */
  missingSet?: string;
  /** The notification bar refuses every message with this error. */
  notificationError?: { code: number; name: string; message: string };
}

/**
 * Outlook on the web with a message open, a notification bar, and a confirmation page that answers through the
 * real protocol as `plan` says once it is shown the item.
 */
function installOutlook(plan: PagePlan, options: OutlookOptions = {}) {
  const shown: unknown[] = [];
  const item =
    options.item ??
    messageRead({
      itemId: EWS_ID,
      subject: "Quarterly numbers",
      from: { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" },
      dateTimeCreated: new Date("2026-11-20T09:30:00Z"),
      ...(options.shared ? { getSharedPropertiesAsync: sharedPropertiesAsync({ ...options.shared }) } : {}),
    });
  const sets = Object.fromEntries(
    Object.entries(OUTLOOK_WEB_SETS).filter(([name]) => name !== options.missingSet?.toLowerCase()),
  );
  const page: FakeDialogPage =
    typeof plan === "object"
      ? { failToOpen: plan.failToOpen }
      : {
          // Both handlers are in place: the page has loaded and says so.
          loaded: (window) => window.send({ type: "ready" }, ORIGIN),
          received(window, raw) {
            const show = parseToPage(raw);
            shown.push(show);
            if (!show) return;
            const ids = show.items.map((i) => i.id);
            const answer = (message: object) => window.send(message, ORIGIN);
            if (plan === "cancel") answer({ type: "answer", nonce: show.nonce, confirmed: false });
            if (plan === "close") window.end(12006);
            if (plan === "confirm") answer({ type: "answer", nonce: show.nonce, confirmed: true, ids });
            if (plan === "change-item-then-confirm") {
              item.itemId = "AAMkOTHER+id==";
              answer({ type: "answer", nonce: show.nonce, confirmed: true, ids });
            }
          },
        };
  vi.stubGlobal("window", { location: { origin: ORIGIN } });
  const outlook = installOffice({
    item: options.noItem ? null : item,
    sets,
    dialog: page,
    ...(options.notificationError ? { notificationError: options.notificationError } : {}),
  });
  return { ...outlook, shown, dialogUrls: () => outlook.dialogs.map((w) => w.url) };
}

type Outlook = ReturnType<typeof installOutlook>;

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

function onlyNotification(stub: Outlook): { type: string; message: string } {
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
    const stub = installOutlook("confirm");
    const completed = await press();
    expect(stub.dialogUrls()).toEqual([`${ORIGIN}/dialog/confirm.html`]);
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
    expect(stub.dialogs[0]?.close).toHaveBeenCalledTimes(1);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes only after the work is done", async () => {
    installOutlook("confirm");
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
    const stub = installOutlook(plan);
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
      const stub = installOutlook({ failToOpen: code });
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
    installOutlook({ failToOpen: 12011 });
    await press();
    const stub = installOutlook("confirm");
    await press();
    expect(stub.dialogUrls()).toHaveLength(1);
    expect(graph.permanentDelete).toHaveBeenCalledTimes(1);
  });

  it("checks DialogApi 1.2 (messageChild) before anything: without it, no dialog, no Graph, the set named", async () => {
    const stub = installOutlook("confirm", { missingSet: "DialogApi" });
    const completed = await press();
    expect(stub.dialogUrls()).toEqual([]);
    expect(graph.createServices).not.toHaveBeenCalled();
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toContain("DialogApi 1.2");
    expect(note.message).toContain(t("feature.confirmationDialog"));
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("deletes nothing and completes once when no item is open", async () => {
    const stub = installOutlook("confirm", { noItem: true });
    const completed = await press();
    expect(stub.dialogUrls()).toEqual([]);
    expect(graph.permanentDelete).not.toHaveBeenCalled();
    // No item, no notification bar to write on.
    expect(stub.notifications).toEqual([]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("says how to configure the add-in when the build has no client ID, and completes once", async () => {
    vi.stubEnv("VITE_AAD_CLIENT_ID", "");
    const stub = installOutlook("confirm");
    const completed = await press();
    expect(graph.createServices).not.toHaveBeenCalled();
    expect(stub.dialogUrls()).toEqual([]);
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toMatch(/^The add-in has no Microsoft Entra app configured/);
    expect(note.message).toContain("Ask whoever deployed it");
    expect(note.message).toBe(SHORT_MESSAGES.notConfigured);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("names the bad setting when the build's configuration is invalid, and completes once", async () => {
    vi.stubEnv("VITE_AAD_CLIENT_ID", "my-app");
    const stub = installOutlook("confirm");
    const completed = await press();
    expect(graph.createServices).not.toHaveBeenCalled();
    const note = onlyNotification(stub);
    expect(note.type).toBe("errorMessage");
    expect(note.message).toMatch(/^VITE_AAD_CLIENT_ID must be the application \(client\) ID/);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("asks to sign in when no token can be had, and completes once", async () => {
    const stub = installOutlook("confirm");
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
      const stub = installOutlook("confirm");
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
    const stub = installOutlook("cancel", {
      notificationError: { code: 9041, name: "NumberOfNotificationMessagesExceeded", message: "x" },
    });
    const completed = await press();
    expect(stub.notifications).toEqual([]);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("deletes nothing when the item changed during the confirmation, and completes once", async () => {
    const stub = installOutlook("change-item-then-confirm");
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
    const stub = installOutlook("confirm");
    const commands = await import("./commands");
    expect(stub.office.onReady).toHaveBeenCalledTimes(1);
    expect(stub.office.actions.associate).not.toHaveBeenCalled();
    stub.ready();
    expect(stub.office.actions.associate).toHaveBeenCalledWith("purgeCurrentItem", commands.purgeCurrentItem);
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
    const stub = installOutlook("confirm", { shared: sharedProps(1 | 2 | 4 | 8) });
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
    const stub = installOutlook("confirm", { shared: sharedProps(bits) });
    const completed = await press();
    expect(stub.dialogUrls()).toEqual([]);
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
    const stub = installOutlook("confirm");
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
    expect(stub.dialogUrls()).toEqual([]);
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
  const occurrence = appointmentRead({
    itemId: EWS_ID,
    subject: "Weekly sync",
    organizer: { displayName: "Megan Bowen", emailAddress: "megan@contoso.com" },
    start: new Date("2026-12-01T09:00:00Z"),
    end: new Date("2026-12-01T09:30:00Z"),
    dateTimeCreated: new Date("2026-11-20T09:30:00Z"),
    seriesId: "AAMkSeries+Master/Id==",
    recurrence: { recurrenceType: "weekly" },
  });

  it("in the China cloud (which has event permanentDelete), shows the occurrence and deletes it with the event client", async () => {
    const stub = installOutlook("confirm", { item: occurrence });
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
