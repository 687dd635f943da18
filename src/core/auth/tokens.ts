/**
 * Delegated Graph tokens: the service the Graph client asks before each request.
 *
 * Nested app authentication first (NestedAppAuth 1.1; nestedTokens.ts): the host brokers the token through the
 * nested MSAL client that msal.ts builds by hand (what createNestablePublicClientApplication builds where the
 * host offers NAA, without its standard-flow wrapper), silent first and a popup only when MSAL says interaction
 * is required and the caller is handling a click.
 *
 * Where the host has no NAA (older clients, Outlook.com, or the bridge reports it unavailable), the standard
 * MSAL flow runs in an Office dialog page (dialogTokens.ts), for the rest of the page's life.
 *
 * Requests for the same token at the same time share one acquisition (sharedAcquisition.ts). This module and
 * those it imports load no MSAL: the client comes from `createNestableClient` (msal.ts imports MSAL on first
 * use), so the pane's first paint doesn't wait for it.
 */
import type { AccountInfo } from "@azure/msal-browser";
import { DialogTokens } from "./dialogTokens";
import { AUTH_MESSAGES, AuthError } from "./errors";
import { NestedTokens } from "./nestedTokens";
import { SharedAcquisitions } from "./sharedAcquisition";
import { type ExpiringToken, scopeKey } from "./tokenCache";

export interface TokenRequest {
  scopes: readonly string[];
  /** Skip caches: the previous token was refused (401). */
  forceRefresh?: boolean;
  /** The caller is handling a person's click, so a sign-in window may open. */
  interactive?: boolean;
  /**
   * The caller's cancel. Aborting rejects this caller's wait at once ("cancelled"); the sign-in window closes
   * when every caller waiting for the same token has cancelled (a caller without a signal keeps it open).
   */
  signal?: AbortSignal | undefined;
}

export interface TokenSource {
  getToken(request: TokenRequest): Promise<string>;
  /** Which way tokens come: decided on first use. */
  readonly mode: "nested" | "dialog" | "unknown";
}

export interface AuthContextInfo {
  userPrincipalName?: string | undefined;
  userObjectId?: string | undefined;
  tenantId?: string | undefined;
}

/** The dialog's token; expiresOn in epoch milliseconds. */
export type DialogToken = ExpiringToken;

/** The subset of MSAL's client the service uses, in MSAL's own types (type-only: nothing of MSAL loads here). */
export interface NestableClient {
  getAccount(filter: { username?: string; localAccountId?: string; tenantId?: string }): AccountInfo | null;
  acquireTokenSilent(request: { scopes: string[]; account: AccountInfo; forceRefresh?: boolean }): Promise<{
    accessToken: string;
    expiresOn?: Date | null;
  }>;
  ssoSilent(request: {
    scopes: string[];
    loginHint?: string;
  }): Promise<{ accessToken: string; expiresOn?: Date | null }>;
  acquireTokenPopup(request: {
    scopes: string[];
    loginHint?: string;
  }): Promise<{ accessToken: string; expiresOn?: Date | null }>;
}

export interface TokenServiceOptions {
  clientId: string | undefined;
  authority: string;
  nestedAppAuthSupported: () => boolean;
  getAuthContext: () => Promise<AuthContextInfo | undefined>;
  /** Creates the nestable MSAL client (already initialised). */
  createNestableClient: (clientId: string, authority: string) => Promise<NestableClient>;
  /** Runs the standard MSAL flow in an Office dialog. Rejects with AuthError. */
  signInWithDialog: (request: {
    scopes: readonly string[];
    loginHint?: string | undefined;
    signal?: AbortSignal | undefined;
  }) => Promise<DialogToken>;
  now?: () => number;
}

/** A key per token a caller can ask for: requests that agree on it share one acquisition. */
function acquisitionKey(request: TokenRequest): string {
  return `${scopeKey(request.scopes)}|${request.forceRefresh ? "refresh" : ""}|${request.interactive ? "interactive" : ""}`;
}

/** Never rejects, not even synchronously: who is signed in is a hint, and its absence only costs the hint. */
function safeAuthContext(getAuthContext: TokenServiceOptions["getAuthContext"]) {
  return async (): Promise<AuthContextInfo | undefined> => {
    try {
      return (await getAuthContext()) ?? undefined;
    } catch {
      return undefined;
    }
  };
}

export function createTokenService(options: TokenServiceOptions): TokenSource {
  const now = options.now ?? Date.now;
  const authContext = safeAuthContext(options.getAuthContext);
  const nested = new NestedTokens({
    authority: options.authority,
    createNestableClient: options.createNestableClient,
    authContext,
    now,
  });
  const dialog = new DialogTokens({
    signInWithDialog: options.signInWithDialog,
    loginHint: async () => (await authContext())?.userPrincipalName || undefined,
    now,
  });
  const acquisitions = new SharedAcquisitions();
  let mode: TokenSource["mode"] = "unknown";

  // Nested auth while the host offers it; the dialog from the first time it doesn't, for the page's lifetime.
  async function acquire(request: TokenRequest): Promise<string> {
    const clientId = options.clientId;
    if (!clientId) throw new AuthError("not-configured", AUTH_MESSAGES.notConfigured);
    if (mode !== "dialog" && options.nestedAppAuthSupported()) {
      try {
        const token = await nested.getToken(clientId, request);
        mode = "nested";
        return token;
      } catch (error) {
        if (!(error instanceof AuthError) || error.kind !== "nested-auth-unavailable") throw error;
        // The host says NAA can't be used here: standard browser sign-in is the documented way on.
      }
    }
    mode = "dialog";
    return dialog.getToken(request);
  }

  return {
    get mode() {
      return mode;
    },
    getToken: (request) =>
      acquisitions.join(acquisitionKey(request), request.signal, (signal) => acquire({ ...request, signal })),
  };
}
