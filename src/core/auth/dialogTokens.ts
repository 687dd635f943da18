/**
 * Tokens from the standard MSAL flow in an Office dialog page (dialog/signin.html), for hosts without nested app
 * auth. The dialog hands the token back with messageParent; the dialog and the pane don't share storage, so the
 * token lives in this page's memory only. A dialog opens only while the caller handles a person's click.
 */
import { AUTH_MESSAGES, AuthError } from "./errors";
import { type ExpiringToken, scopeKey, TokenCache } from "./tokenCache";
import type { TokenRequest } from "./tokens";

export interface DialogTokensOptions {
  /** Runs the standard MSAL flow in an Office dialog. Rejects with AuthError. */
  signInWithDialog: (request: {
    scopes: readonly string[];
    loginHint?: string | undefined;
    signal?: AbortSignal | undefined;
  }) => Promise<ExpiringToken>;
  /** The signed-in person's name for the sign-in page; never rejects. */
  loginHint: () => Promise<string | undefined>;
  now: () => number;
}

export class DialogTokens {
  private readonly cache: TokenCache;

  constructor(private readonly options: DialogTokensOptions) {
    this.cache = new TokenCache(options.now);
  }

  /** Rejects with AuthError: "interaction-required" when a dialog would be needed outside a click. */
  async getToken(request: TokenRequest): Promise<string> {
    const key = scopeKey(request.scopes);
    const cached = this.cache.take(key, request.forceRefresh);
    if (cached !== undefined) return cached;
    if (!request.interactive) {
      throw new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired);
    }
    const token = await this.options.signInWithDialog({
      scopes: request.scopes,
      loginHint: await this.options.loginHint(),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    this.cache.keep(key, token);
    return token.accessToken;
  }
}
