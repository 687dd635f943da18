/**
 * The only module of the pane and the command page that imports MSAL, and only on demand, so the task pane
 * paints before MSAL loads. PII logging stays off (MSAL's default); no logger callback is set, so MSAL logs
 * nothing of ours.
 *
 * It builds exactly what msal-browser's public createNestablePublicClientApplication builds when the host offers
 * nested app auth (a NestedAppOperatingContext, initialised, and a NestedAppAuthController over it, initialised)
 * without that function's PublicClientApplication wrapper: the wrapper only forwards each call to the controller,
 * but its module constructs MSAL's standard browser flow (popup, redirect, iframe, broker and crypto), which these
 * pages never use and which would not fit the pane's and the command page's size budgets (test/budgets; the
 * figures are in docs/performance.md). Where the host has no NAA bridge, this rejects with
 * "nested-auth-unavailable" and the token service signs in through the Office dialog page instead (tokens.ts).
 *
 * msal-browser is pinned to an exact version (package.json): the two classes come from files its exports map
 * doesn't publish (tools/msal-internal.ts). msalNested.equivalence.test.ts runs this client and the public
 * factory's against the same scripted host bridge and fails if they send different bridge requests or give
 * different results, so an upgrade that changes MSAL's internals fails a test, not production.
 */
import type { Configuration, IPublicClientApplication, SilentRequest } from "@azure/msal-browser";
import { AUTH_MESSAGES, AuthError } from "./errors";
import type { NestableClient } from "./tokens";

/** The controller calls the token service makes: the public factory's client and the hand-built one both have them. */
export type NestedController = Pick<
  IPublicClientApplication,
  "getAccount" | "acquireTokenSilent" | "ssoSilent" | "acquireTokenPopup" | "addEventCallback"
>;

/** The configuration both clients are built from. */
export function nestedConfiguration(clientId: string, authority: string): Configuration {
  return {
    auth: { clientId, authority },
    // MSAL's BrowserCacheLocation.SessionStorage, spelled out so the public entry isn't loaded for a constant.
    cache: { cacheLocation: "sessionStorage" },
  };
}

export async function createNestableClient(clientId: string, authority: string): Promise<NestableClient> {
  return nestableClientOver(await createNestedController(clientId, authority));
}

/** What createNestablePublicClientApplication builds where the host offers nested auth, minus the wrapper. */
export async function createNestedController(clientId: string, authority: string): Promise<NestedController> {
  const { NestedAppOperatingContext, NestedAppAuthController } = await import("./msalNested");
  const context = new NestedAppOperatingContext(nestedConfiguration(clientId, authority));
  await context.initialize();
  if (!context.isAvailable()) {
    throw new AuthError("nested-auth-unavailable", AUTH_MESSAGES.failed, {
      code: "nested_app_auth_unavailable",
    });
  }
  const controller = new NestedAppAuthController(context);
  await controller.initialize();
  return controller;
}

/** The token service's view of a nested controller: MSAL's own accounts and results, passed through untouched. */
export function nestableClientOver(controller: NestedController): NestableClient {
  const unavailable = watchBridgeUnavailable(controller);
  return {
    getAccount: (filter) => controller.getAccount(filter),
    acquireTokenSilent: ({ scopes, account, forceRefresh }) =>
      unavailable((correlationId) => {
        const request: SilentRequest = { scopes, account, correlationId };
        if (forceRefresh) request.forceRefresh = true;
        return controller.acquireTokenSilent(request);
      }),
    ssoSilent: (request) =>
      unavailable((correlationId) => controller.ssoSilent({ ...request, correlationId })),
    acquireTokenPopup: (request) =>
      unavailable((correlationId) => controller.acquireTokenPopup({ ...request, correlationId })),
  };
}

/** The bridge's status for "nested app auth can't be used here; standard browser sign-in can" (BridgeStatusCode). */
const NESTED_APP_AUTH_UNAVAILABLE = "NESTED_APP_AUTH_UNAVAILABLE";
/** EventType.ACQUIRE_TOKEN_FAILURE, spelled out so the public entry isn't loaded for a constant. */
const ACQUIRE_TOKEN_FAILURE = "msal:acquireTokenFailure";

type EventSource = Pick<NestedController, "addEventCallback">;

/**
 * A host may answer NESTED_APP_AUTH_UNAVAILABLE with a non-empty `code`, and MSAL then throws a ClientAuthError
 * whose errorCode is that code (webBrokerBridge/WebBrokerBridgeErrorMap.ts, BridgeUnavailable: "pass through inner
 * code when the broker supplied one"): the status, which says the dialog sign-in is the way on, is lost. MSAL
 * still emits the bridge's own error object with ACQUIRE_TOKEN_FAILURE (NestedAppAuthController), under the
 * request's correlation ID: each call gets its own ID, and a failure whose bridge status was
 * NESTED_APP_AUTH_UNAVAILABLE becomes "nested-auth-unavailable" whatever the code.
 */
export function watchBridgeUnavailable(controller: EventSource) {
  const seen = new Set<string>();
  controller.addEventCallback((message) => {
    const status = field(message.error, "status");
    if (message.eventType === ACQUIRE_TOKEN_FAILURE && status === NESTED_APP_AUTH_UNAVAILABLE)
      seen.add(message.correlationId);
  });
  return async <T>(call: (correlationId: string) => Promise<T>): Promise<T> => {
    const correlationId = crypto.randomUUID();
    try {
      return await call(correlationId);
    } catch (error) {
      if (!seen.delete(correlationId)) throw error;
      // The host's own code, when it sent one, is kept for support.
      const code = field(error, "errorCode");
      throw new AuthError("nested-auth-unavailable", AUTH_MESSAGES.failed, {
        code: typeof code === "string" && code !== "" ? code : "nested_app_auth_unavailable",
        correlationId,
      });
    }
  };
}

/** A property of an error object of unknown shape (the bridge's error, MSAL's AuthError), if it has one. */
function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? Reflect.get(value, name) : undefined;
}
