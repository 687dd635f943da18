/**
 * Tokens the host brokers through nested app authentication (NestedAppAuth 1.1): one nested MSAL client for the
 * page (msal.ts builds it), silent first, and a popup only when MSAL says interaction is required and the caller
 * is handling a click. The host brokers the token, so there is no redirect in the pane.
 *
 * Brokered tokens are kept in memory until shortly before they expire: each bridge round trip is a message to the
 * host and back, and a bulk run asks for a token before every batch.
 */
import type { AccountInfo } from "@azure/msal-browser";
import { fromMsalError } from "./errors";
import { scopeKey, TokenCache } from "./tokenCache";
import type { AuthContextInfo, NestableClient, TokenRequest } from "./tokens";

type MsalResult = { accessToken: string; expiresOn?: Date | null };

export interface NestedTokensOptions {
  authority: string;
  /** Creates the nestable MSAL client (already initialised). */
  createNestableClient: (clientId: string, authority: string) => Promise<NestableClient>;
  /** Who the host says is signed in; never rejects (its absence only costs the hint). */
  authContext: () => Promise<AuthContextInfo | undefined>;
  now: () => number;
}

export class NestedTokens {
  private client: Promise<NestableClient> | undefined;
  private readonly cache: TokenCache;

  constructor(private readonly options: NestedTokensOptions) {
    this.cache = new TokenCache(options.now);
  }

  /** Rejects with AuthError; "nested-auth-unavailable" means the host can't broker tokens here. */
  async getToken(clientId: string, request: TokenRequest): Promise<string> {
    const key = scopeKey(request.scopes);
    const cached = this.cache.take(key, request.forceRefresh);
    if (cached !== undefined) return cached;
    const pca = await this.clientFor(clientId);
    const scopes = [...request.scopes];
    const context = await this.options.authContext();
    const account = accountOf(pca, context);
    try {
      return this.remember(
        key,
        await acquireSilently(pca, { scopes, account, context }, request.forceRefresh),
      );
    } catch (error) {
      const problem = fromMsalError(error);
      if (problem.kind !== "interaction-required" || !request.interactive) throw problem;
    }
    try {
      return this.remember(key, await acquireWithPopup(pca, scopes, context));
    } catch (error) {
      throw fromMsalError(error);
    }
  }

  /** One client, initialised once; a failed creation is forgotten so a later click can try again. */
  private clientFor(clientId: string): Promise<NestableClient> {
    this.client ??= this.options
      .createNestableClient(clientId, this.options.authority)
      .catch((error: unknown) => {
        this.client = undefined;
        throw fromMsalError(error);
      });
    return this.client;
  }

  /** Keeps a token whose expiry MSAL reported; one without is asked for again next time. */
  private remember(key: string, result: MsalResult): string {
    const expiresOn = result.expiresOn?.getTime();
    if (expiresOn !== undefined && Number.isFinite(expiresOn))
      this.cache.keep(key, { accessToken: result.accessToken, expiresOn });
    return result.accessToken;
  }
}

/** MSAL's account for the person the host says is signed in, if MSAL knows it. */
function accountOf(pca: NestableClient, context: AuthContextInfo | undefined): AccountInfo | null {
  return context?.userPrincipalName
    ? pca.getAccount({
        username: context.userPrincipalName,
        ...(context.userObjectId ? { localAccountId: context.userObjectId } : {}),
        ...(context.tenantId ? { tenantId: context.tenantId } : {}),
      })
    : null;
}

/** Silently: with MSAL's account when it has one, else single sign-on with the person's name as the hint. */
function acquireSilently(
  pca: NestableClient,
  {
    scopes,
    account,
    context,
  }: { scopes: string[]; account: AccountInfo | null; context: AuthContextInfo | undefined },
  forceRefresh: boolean | undefined,
): Promise<MsalResult> {
  return account
    ? pca.acquireTokenSilent({ scopes, account, ...(forceRefresh ? { forceRefresh: true } : {}) })
    : pca.ssoSilent({
        scopes,
        ...(context?.userPrincipalName ? { loginHint: context.userPrincipalName } : {}),
      });
}

function acquireWithPopup(
  pca: NestableClient,
  scopes: string[],
  context: AuthContextInfo | undefined,
): Promise<MsalResult> {
  const hint = context?.userPrincipalName;
  return pca.acquireTokenPopup({ scopes, ...(hint ? { loginHint: hint } : {}) });
}
