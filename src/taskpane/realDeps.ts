import { AUTH_MESSAGES } from "../core/auth/errors";
import { OperationUnavailableError, operationAvailable, unavailableMessage } from "../core/cloud";
import { ConfigError, readConfig } from "../core/config";
import type { MailboxRef } from "../core/graph/types";
import { t } from "../core/i18n";
import { onItemChanged } from "../core/office/events";
import { canFollowItemChanges, readCurrentItem } from "../core/office/item";
import { mailboxCloud } from "../core/office/mailboxCloud";
import { canReadSelection, onSelectionChanged, readSelection } from "../core/office/selection";
import type { RequestLedger } from "../core/purge/scheduler";
import type { ItemResult } from "../core/purge/types";
import type { Services } from "../core/services";
import type { BulkDeps } from "./bulk/bulkDeps";
import type { PaneDeps } from "./paneDeps";

async function watchItem(onChange: () => void): Promise<() => void> {
  if (!canFollowItemChanges()) return () => undefined;
  const stop = await onItemChanged(onChange);
  return () => {
    stop().catch(() => undefined);
  };
}

function unconfigured(problem: string): PaneDeps {
  const refuse = () => Promise.reject(new ConfigError(problem));
  return {
    configProblem: problem,
    readItem: () => readCurrentItem(),
    watchItem,
    checkSignIn: refuse,
    signIn: refuse,
    deleteItem: refuse,
  };
}

/**
 * Everything past the first paint loads on first use: the Graph client and token service (services), MSAL behind
 * them, the scheduler and the Graph reads. The pane shows the current message without waiting for any of it.
 */
type LoadServices = () => Promise<Services>;

const mailData = () => import("../core/purge/mailData");
const scheduler = () => import("../core/purge/scheduler");

/** Multi-select, folders and the scheduler, for the signed-in person's own mailbox. */
function createBulkDeps(services: LoadServices): BulkDeps {
  // Everything bulk follows a click in the pane, so a sign-in window may open.
  const graph = async () => (await services()).mailGraph(true);
  const mailbox: MailboxRef = { kind: "me" };
  // One ledger per pane: a run started right after a cancelled one still counts the earlier requests against
  // Outlook's 10,000-per-10-minutes budget. Runs never overlap (the pane runs one at a time).
  let ledger: Promise<RequestLedger> | undefined;
  const sharedLedger = () => {
    ledger ??= scheduler().then((m) => m.createRequestLedger());
    return ledger;
  };
  let folderNames: Promise<Map<string, string>> | undefined;
  const names = () => {
    folderNames ??= Promise.all([mailData(), graph()])
      .then(([m, g]) => m.listMailFolders(g, mailbox))
      .then((folders) => new Map(folders.map((f) => [f.id, f.displayName])))
      .catch((error: unknown) => {
        folderNames = undefined;
        throw error;
      });
    return folderNames;
  };
  return {
    multiSelectSupported: canReadSelection(),
    readSelection,
    async watchSelection(onChange) {
      const stop = await onSelectionChanged(onChange);
      return () => {
        stop().catch(() => undefined);
      };
    },
    // Listing a selection or the folders means a purge may follow: fetch the scheduler's code meanwhile, so the
    // first request after the "yes" doesn't wait for it.
    resolveSelection: async (selected) => {
      void scheduler();
      return (await mailData()).resolveSelection(await graph(), selected, mailbox, await names());
    },
    listFolders: async () => {
      void scheduler();
      return (await mailData()).listMailFolders(await graph(), mailbox);
    },
    folderCount: async (folderId) => (await mailData()).folderCount(await graph(), mailbox, folderId),
    listFolderMessages: async (folder, options) =>
      (await mailData()).listFolderMessages(await graph(), mailbox, folder, options),
    // The contacts client asks for Contacts.ReadWrite on its first call only.
    contacts: async () =>
      (await import("../core/purge/contacts")).createContactActions(
        (await services()).contactsGraph(true),
        mailbox,
        await sharedLedger(),
      ),
    mailFolders: async () =>
      (await import("../core/purge/folders")).createFolderActions(await graph(), mailbox),
    async purge(targets, { signal, onProgress }): Promise<ItemResult[]> {
      const outcomes = await (await scheduler()).purgeItems(
        targets.map((t) => t.ref),
        { client: await graph(), signal, onProgress, ledger: await sharedLedger() },
      );
      return targets.map((target) => {
        const outcome = outcomes.get(target.ref.id);
        // The scheduler gives every item exactly one outcome; this only guards the contract.
        return { target, outcome: outcome ?? { status: "not-attempted", message: t("common.notDeleted") } };
      });
    },
  };
}

/** The pane's collaborators in Outlook: Office.js, MSAL (nested app auth or the dialog fallback), Graph. */
export function createRealDeps(): { deps: PaneDeps; bulk: BulkDeps | undefined } {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(import.meta.env);
  } catch (error) {
    const problem = error instanceof ConfigError ? error.message : t("purge.configUnreadable");
    return { deps: unconfigured(t("purge.configSeeReadme", { problem })), bulk: undefined };
  }
  if (!config.clientId) return { deps: unconfigured(AUTH_MESSAGES.notConfigured), bulk: undefined };

  const cloud = mailboxCloud(config);
  const messagesHere = operationAvailable(cloud.cloud.id, "message");
  if (!messagesHere && !operationAvailable(cloud.cloud.id, "event")) {
    // A sovereign cloud without any permanentDelete the pane offers: explain, and send nothing (no sign-in check
    // either).
    const sentence = unavailableMessage(cloud.cloud, "message");
    const refuse = () => Promise.reject(new OperationUnavailableError(cloud.cloud, "message"));
    return {
      deps: {
        configProblem: undefined,
        unavailable: sentence,
        readItem: () => readCurrentItem(),
        watchItem,
        checkSignIn: refuse,
        signIn: refuse,
        deleteItem: refuse,
      },
      bulk: undefined,
    };
  }
  let loaded: Promise<Services> | undefined;
  const services: LoadServices = () => {
    loaded ??= import("../core/services").then((m) =>
      m.createServices(config, window.location.origin, cloud),
    );
    return loaded;
  };
  // The China cloud has event permanentDelete but no message one: the pane works for events only, signs in for
  // the calendar scope, and says why for a message; bulk (messages, folders, contacts) isn't offered there.
  const noMessages = messagesHere ? undefined : unavailableMessage(cloud.cloud, "message");
  const signInScopes = (s: Services) => (messagesHere ? s.mailScopes() : s.eventScopes());
  // Whose mailbox an item is in, asked of Graph only where Outlook's address isn't the sign-in name (shared.ts).
  const readItem = (options?: { interactive?: boolean }) =>
    readCurrentItem({
      probe: async (item) => (await services()).ownsItem(item, options?.interactive === true),
    });
  return {
    deps: {
      configProblem: undefined,
      unavailableFor:
        noMessages === undefined ? undefined : (kind) => (kind === "event" ? undefined : noMessages),
      readItem,
      watchItem,
      // The own mailbox's scope: Mail.ReadWrite.Shared is asked for only when a shared item is deleted.
      async checkSignIn() {
        const s = await services();
        await s.tokens.getToken({ scopes: signInScopes(s), interactive: false });
      },
      async signIn() {
        const s = await services();
        await s.tokens.getToken({ scopes: signInScopes(s), interactive: true });
      },
      // The pane deletes only after a click in its own confirmation, so a sign-in window may open. The client
      // follows the item: /users/{owner} with Mail.ReadWrite.Shared for a shared or delegated message, and
      // Calendars.ReadWrite (asked for only now) for a calendar event.
      async deleteItem(ref) {
        // The button isn't offered for a message where Graph can't delete one; this stops a press that raced.
        if (!messagesHere && ref.kind !== "event")
          throw new OperationUnavailableError(cloud.cloud, "message");
        return (await services()).deleteItem(ref, true);
      },
    },
    bulk: messagesHere ? createBulkDeps(services) : undefined,
  };
}
