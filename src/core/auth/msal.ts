/**
 * The only module of the pane and the command page that imports MSAL, and only on demand, so the task pane
 * paints before MSAL loads. PII logging stays off (MSAL's default); no logger callback is set, so MSAL logs
 * nothing of ours.
 *
 * It builds exactly what createNestablePublicClientApplication builds when the host offers nested app auth (a
 * NestedAppOperatingContext, initialised, and a NestedAppAuthController over it) without that function's
 * PublicClientApplication wrapper, which drags in MSAL's whole standard browser flow (~41 kB gzip) that these
 * pages never use: where the host has no NAA bridge, this rejects with "nested-auth-unavailable" and the token
 * service signs in through the Office dialog page instead (see tokens.ts). tools/msal-internal.ts explains the
 * import paths.
 */
import { AUTH_MESSAGES, AuthError } from "./errors";
import type { NestableClient } from "./tokens";

type SilentRequest = import("@azure/msal-browser").SilentRequest;
type AccountInfo = import("@azure/msal-browser").AccountInfo;

export async function createNestableClient(clientId: string, authority: string): Promise<NestableClient> {
  const { NestedAppOperatingContext, NestedAppAuthController } = await import("./msalNested");
  const context = new NestedAppOperatingContext({
    auth: { clientId, authority },
    // MSAL's BrowserCacheLocation.SessionStorage, spelled out so the public entry isn't loaded for a constant.
    cache: { cacheLocation: "sessionStorage" },
  });
  await context.initialize();
  if (!context.isAvailable()) {
    throw new AuthError("nested-auth-unavailable", AUTH_MESSAGES.failed, {
      code: "nested_app_auth_unavailable",
    });
  }
  const controller = new NestedAppAuthController(context);
  await controller.initialize();
  const unavailable = watchBridgeUnavailable(controller);
  return {
    getAccount: (filter) => controller.getAccount(filter),
    acquireTokenSilent: ({ scopes, account, forceRefresh }) =>
      unavailable((correlationId) =>
        controller.acquireTokenSilent({
          scopes,
          correlationId,
          account: (account ?? undefined) as AccountInfo | undefined,
          ...(forceRefresh ? { forceRefresh } : {}),
        } as SilentRequest),
      ),
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

type EventSource = Pick<
  InstanceType<typeof import("./msalNested").NestedAppAuthController>,
  "addEventCallback"
>;

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
    if (message.eventType !== ACQUIRE_TOKEN_FAILURE) return;
    const raw = message.error as unknown;
    if (
      typeof raw === "object" &&
      raw !== null &&
      (raw as { status?: unknown }).status === NESTED_APP_AUTH_UNAVAILABLE
    )
      seen.add(message.correlationId);
  });
  return async <T>(call: (correlationId: string) => Promise<T>): Promise<T> => {
    const correlationId = crypto.randomUUID();
    try {
      return await call(correlationId);
    } catch (error) {
      if (seen.has(correlationId)) {
        const code = (error as { errorCode?: unknown } | null)?.errorCode;
        throw new AuthError("nested-auth-unavailable", AUTH_MESSAGES.failed, {
          code: typeof code === "string" && code !== "" ? code : "nested_app_auth_unavailable",
          correlationId,
        });
      }
      throw error;
    } finally {
      seen.delete(correlationId);
    }
  };
}
