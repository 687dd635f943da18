/**
 * Wiring shared by the task pane and the ribbon command: one token service and Graph clients that ask it for
 * the narrowest scope each operation needs. Each runtime (pane, command) builds its own: Outlook gives them no
 * shared runtime.
 *
 * Scopes follow the mailbox (Mail.ReadWrite for /me, Mail.ReadWrite.Shared for /users/{owner}, asked for only
 * when such an item is deleted; Calendars.ReadWrite only when an event is deleted), and endpoints follow the mailbox's cloud (see cloud.ts) unless the deployment
 * configured them explicitly.
 */
import { dialogTokenFlow } from "./auth/dialogSignIn";
import { AuthError } from "./auth/errors";
import { createNestableClient } from "./auth/msal";
import { itemScopes, mailScopes, SCOPES, scopesForCloud } from "./auth/scopes";
import { createTokenService, type TokenSource } from "./auth/tokens";
import { type DetectedCloud, endpointsFor, operationAvailable, type PurgeOperation } from "./cloud";
import type { AppConfig } from "./config";
import { createGraphClient, type GraphClient, GraphError, itemPath } from "./graph/client";
import { createGate, type Gate } from "./graph/gate";
import type { ItemRef, MailboxRef } from "./graph/types";
import { readAuthContext } from "./office/authContext";
import { mailboxCloud } from "./office/mailboxCloud";
import { isSupported, REQUIREMENTS } from "./office/requirements";
import { reportDelete } from "./purge/graphReports";
import type { DeleteReport } from "./purge/types";

export interface Services {
  tokens: TokenSource;
  /** The cloud of the mailbox this runtime runs in, and which clue said so. */
  cloud: DetectedCloud;
  /** Whether Graph offers this purge in that cloud (see cloud.ts). */
  available(operation: PurgeOperation): boolean;
  /** The scopes mail work on this mailbox needs, in the form this cloud's Entra ID expects. */
  mailScopes(mailbox?: MailboxRef): string[];
  /** The scope deleting an event needs (Calendars.ReadWrite), in the same form. */
  eventScopes(): string[];
  /**
   * Graph client for mail in one mailbox (default: the person's own); `interactive` when the caller is handling
   * a click (a sign-in window may open).
   */
  mailGraph(interactive: boolean, mailbox?: MailboxRef): GraphClient;
  /**
   * Graph client for the person's own contacts (Contacts.ReadWrite). Creating it asks for nothing: the scope is
   * requested on its first call, so only people who open the Contacts view are asked to consent to it.
   */
  contactsGraph(interactive: boolean): GraphClient;
  /**
   * Graph client for deleting one item, with the scope its kind needs: mail as mailGraph, Calendars.ReadWrite for
   * an event (requested only when an event is deleted), Contacts.ReadWrite for a contact.
   */
  itemGraph(interactive: boolean, ref: Pick<ItemRef, "kind" | "mailbox">): GraphClient;
  /**
   * Whether an item resolves under /me (GET /me/{messages|events}/{id}?$select=id, with the scope deleting it
   * there needs: no extra permission): true found, false ErrorInvalidMailboxItemId (another mailbox's item),
   * undefined anything else. Not interactive: gives up after PROBE_TIMEOUT_MS and on any sign-in problem.
   * Interactive (a click): a sign-in problem rejects, as the delete would.
   */
  ownsItem(
    item: { kind: "message" | "event"; restId: string },
    interactive: boolean,
  ): Promise<boolean | undefined>;
  /** Deletes one item with itemGraph's client; its outcome as the person reads it (purge/graphReports.ts). */
  deleteItem(ref: ItemRef, interactive: boolean): Promise<DeleteReport>;
}

/** How long a probe may hold up showing the item when nobody clicked. */
export const PROBE_TIMEOUT_MS = 5000;

const ME: MailboxRef = { kind: "me" };

export function createServices(
  config: AppConfig,
  origin: string,
  cloud: DetectedCloud = mailboxCloud(config),
): Services {
  const endpoints = endpointsFor(cloud.cloud, {
    graphBaseUrl: config.graphBaseUrl,
    authority: config.authority,
    graphExplicit: config.explicit?.graphBaseUrl ?? true,
    authorityExplicit: config.explicit?.authority ?? true,
  });
  const tokens = createTokenService({
    clientId: config.clientId,
    authority: endpoints.authority,
    nestedAppAuthSupported: () => isSupported(REQUIREMENTS.nestedAppAuth),
    // Guarded in one place: a host may report NestedAppAuth 1.1 without the function (then: no login hint).
    getAuthContext: readAuthContext,
    createNestableClient,
    // The dialog has no mailbox of its own: it is told the mailbox's cloud, to sign in there (signInRequest.ts).
    signInWithDialog: (request) => dialogTokenFlow(origin, { ...request, cloud: cloud.cloud.id }),
  });
  const scopesFor = (mailbox: MailboxRef = ME) => scopesForCloud(cloud.cloud.id, mailScopes(mailbox));
  // One gate per mailbox for every client made here: Outlook's 4-at-once limit counts all of them (gate.ts).
  const gates = new Map<string, Gate>();
  const gateFor = (mailbox: MailboxRef) => {
    const key = mailbox.kind === "me" ? "me" : mailbox.id.toLowerCase();
    let gate = gates.get(key);
    if (gate === undefined) {
      gate = createGate();
      gates.set(key, gate);
    }
    return gate;
  };
  const clientWith = (scopes: string[], interactive: boolean, mailbox: MailboxRef) =>
    createGraphClient({
      baseUrl: endpoints.graphBaseUrl,
      tokens: {
        // The call's cancel reaches the token wait: a run's Cancel closes a sign-in window it is waiting on.
        getToken: ({ forceRefresh, signal }) =>
          tokens.getToken({ scopes, forceRefresh, interactive, signal }),
      },
      gate: gateFor(mailbox),
    });
  const itemGraph = (interactive: boolean, ref: Pick<ItemRef, "kind" | "mailbox">) =>
    clientWith(scopesForCloud(cloud.cloud.id, itemScopes(ref)), interactive, ref.mailbox);
  return {
    tokens,
    cloud,
    available: (operation) => operationAvailable(cloud.cloud.id, operation),
    mailScopes: scopesFor,
    eventScopes: () => scopesForCloud(cloud.cloud.id, SCOPES.events),
    mailGraph: (interactive, mailbox = ME) => clientWith(scopesFor(mailbox), interactive, mailbox),
    itemGraph,
    contactsGraph: (interactive) =>
      clientWith(scopesForCloud(cloud.cloud.id, SCOPES.contacts), interactive, ME),
    deleteItem: async (ref, interactive) =>
      reportDelete(ref, await itemGraph(interactive, ref).permanentDelete(ref)),
    async ownsItem(item, interactive) {
      const ref = { kind: item.kind, id: item.restId, mailbox: ME };
      const client = clientWith(scopesForCloud(cloud.cloud.id, itemScopes(ref)), interactive, ME);
      const signal = interactive ? undefined : AbortSignal.timeout(PROBE_TIMEOUT_MS);
      try {
        await client.getJson(`${itemPath(ref)}?$select=id`, signal ? { signal } : {});
        return true;
      } catch (error) {
        if (error instanceof GraphError && error.problem.code === "ErrorInvalidMailboxItemId") return false;
        if (error instanceof AuthError && interactive) throw error;
        return undefined;
      }
    },
  };
}
