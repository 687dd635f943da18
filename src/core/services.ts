/**
 * Wiring shared by the task pane and the ribbon command: one token service and Graph clients that ask it for
 * the narrowest scope each operation needs. Each runtime (pane, command) builds its own: Outlook gives them no
 * shared runtime.
 */
import { dialogTokenFlow } from "./auth/dialogSignIn";
import { createNestableClient } from "./auth/msal";
import { SCOPES } from "./auth/scopes";
import { createTokenService, type TokenSource } from "./auth/tokens";
import type { AppConfig } from "./config";
import { createGraphClient, type GraphClient } from "./graph/client";
import { isSupported, REQUIREMENTS } from "./office/requirements";

export interface Services {
  tokens: TokenSource;
  /** Graph client for mail; `interactive` when the caller is handling a click (a sign-in window may open). */
  mailGraph(interactive: boolean): GraphClient;
}

export function createServices(config: AppConfig, origin: string): Services {
  const tokens = createTokenService({
    clientId: config.clientId,
    authority: config.authority,
    nestedAppAuthSupported: () => isSupported(REQUIREMENTS.nestedAppAuth),
    getAuthContext: () => Office.auth.getAuthContext(),
    createNestableClient,
    signInWithDialog: (request) => dialogTokenFlow(origin, request),
  });
  return {
    tokens,
    mailGraph(interactive) {
      return createGraphClient({
        baseUrl: config.graphBaseUrl,
        tokens: {
          getToken: ({ forceRefresh }) => tokens.getToken({ scopes: SCOPES.mail, forceRefresh, interactive }),
        },
      });
    },
  };
}
