import { AUTH_MESSAGES } from "../core/auth/errors";
import { OperationUnavailableError, unavailableMessage } from "../core/cloud";
import { ConfigError, readConfig } from "../core/config";
import type { MailboxRef } from "../core/graph/types";
import { onItemChanged } from "../core/office/events";
import { canFollowItemChanges, readCurrentItem } from "../core/office/item";
import { canReadSelection, onSelectionChanged, readSelection } from "../core/office/selection";
import { folderCount, listFolderMessages, listMailFolders, resolveSelection } from "../core/purge/mailData";
import { createRequestLedger, purgeItems } from "../core/purge/scheduler";
import type { ItemResult } from "../core/purge/types";
import { createServices, type Services } from "../core/services";
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
    readItem: readCurrentItem,
    watchItem,
    checkSignIn: refuse,
    signIn: refuse,
    deleteItem: refuse,
  };
}

/** Multi-select, folders and the scheduler, for the signed-in person's own mailbox. */
function createBulkDeps(services: Services): BulkDeps {
  // Everything bulk follows a click in the pane, so a sign-in window may open.
  const graph = services.mailGraph(true);
  const mailbox: MailboxRef = { kind: "me" };
  // One ledger per pane: a run started right after a cancelled one still counts the earlier requests against
  // Outlook's 10,000-per-10-minutes budget. Runs never overlap (the pane runs one at a time).
  const ledger = createRequestLedger();
  let folderNames: Promise<Map<string, string>> | undefined;
  const names = () => {
    folderNames ??= listMailFolders(graph, mailbox)
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
    resolveSelection: async (selected) => resolveSelection(graph, selected, mailbox, await names()),
    listFolders: () => listMailFolders(graph, mailbox),
    folderCount: (folderId) => folderCount(graph, mailbox, folderId),
    listFolderMessages: (folder, options) => listFolderMessages(graph, mailbox, folder, options),
    // Loaded on first use (lazy chunks); the contacts client asks for Contacts.ReadWrite on its first call only.
    contacts: () =>
      import("../core/purge/contacts").then((m) =>
        m.createContactActions(services.contactsGraph(true), mailbox, ledger),
      ),
    mailFolders: () => import("../core/purge/folders").then((m) => m.createFolderActions(graph, mailbox)),
    async purge(targets, { signal, onProgress }): Promise<ItemResult[]> {
      const outcomes = await purgeItems(
        targets.map((t) => t.ref),
        { client: graph, signal, onProgress, ledger },
      );
      return targets.map((target) => {
        const outcome = outcomes.get(target.ref.id);
        // The scheduler gives every item exactly one outcome; this only guards the contract.
        return { target, outcome: outcome ?? { status: "not-attempted", message: "Not deleted." } };
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
    const message =
      error instanceof ConfigError ? error.message : "The add-in's configuration can't be read.";
    return { deps: unconfigured(`${message} See the README's 'Configure' section.`), bulk: undefined };
  }
  if (!config.clientId) return { deps: unconfigured(AUTH_MESSAGES.notConfigured), bulk: undefined };

  const services = createServices(config, window.location.origin);
  if (!services.available("message")) {
    // A sovereign cloud without message permanentDelete: explain, and send nothing (no sign-in check either).
    const sentence = unavailableMessage(services.cloud.cloud, "message");
    const refuse = () => Promise.reject(new OperationUnavailableError(services.cloud.cloud, "message"));
    return {
      deps: {
        configProblem: undefined,
        unavailable: sentence,
        readItem: readCurrentItem,
        watchItem,
        checkSignIn: refuse,
        signIn: refuse,
        deleteItem: refuse,
      },
      bulk: undefined,
    };
  }
  return {
    deps: {
      configProblem: undefined,
      readItem: readCurrentItem,
      watchItem,
      // The own mailbox's scope: Mail.ReadWrite.Shared is asked for only when a shared item is deleted.
      async checkSignIn() {
        await services.tokens.getToken({ scopes: services.mailScopes(), interactive: false });
      },
      async signIn() {
        await services.tokens.getToken({ scopes: services.mailScopes(), interactive: true });
      },
      // The pane deletes only after a click in its own confirmation, so a sign-in window may open. The client
      // follows the item's mailbox: /users/{owner} with Mail.ReadWrite.Shared for a shared or delegated one.
      deleteItem: (ref) => services.mailGraph(true, ref.mailbox).permanentDelete(ref),
    },
    bulk: createBulkDeps(services),
  };
}
