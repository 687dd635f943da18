/**
 * The only module that imports MSAL, and only on demand, so the task pane paints before MSAL loads.
 * PII logging stays off (MSAL's default); no logger callback is set, so MSAL logs nothing of ours.
 */
import type { NestableClient } from "./tokens";

export async function createNestableClient(clientId: string, authority: string): Promise<NestableClient> {
  const msal = await import("@azure/msal-browser");
  const pca = await msal.createNestablePublicClientApplication({
    auth: { clientId, authority },
    cache: { cacheLocation: msal.BrowserCacheLocation.SessionStorage },
  });
  return {
    getAccount: (filter) => pca.getAccount(filter),
    acquireTokenSilent: ({ scopes, account, forceRefresh }) =>
      pca.acquireTokenSilent({
        scopes,
        account: (account ?? undefined) as import("@azure/msal-browser").AccountInfo | undefined,
        ...(forceRefresh ? { forceRefresh } : {}),
      } as import("@azure/msal-browser").SilentRequest),
    ssoSilent: (request) => pca.ssoSilent(request),
    acquireTokenPopup: (request) => pca.acquireTokenPopup(request),
  };
}
