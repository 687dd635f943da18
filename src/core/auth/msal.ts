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
  return {
    getAccount: (filter) => controller.getAccount(filter),
    acquireTokenSilent: ({ scopes, account, forceRefresh }) =>
      controller.acquireTokenSilent({
        scopes,
        account: (account ?? undefined) as AccountInfo | undefined,
        ...(forceRefresh ? { forceRefresh } : {}),
      } as SilentRequest),
    ssoSilent: (request) => controller.ssoSilent(request),
    acquireTokenPopup: (request) => controller.acquireTokenPopup(request),
  };
}
