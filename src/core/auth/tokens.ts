/**
 * Delegated Graph tokens.
 *
 * Nested app authentication first (NestedAppAuth 1.1): one nested MSAL client (msal.ts: what
 * createNestablePublicClientApplication builds where the host offers NAA, without its standard-flow wrapper),
 * created and initialised once, silent first and a popup only when MSAL says interaction is required and the
 * caller is handling a click. The host brokers the token, so there is no redirect in the pane.
 *
 * Where the host has no NAA (older clients, Outlook.com, or the bridge reports it unavailable), the standard
 * MSAL flow runs in an Office dialog page (dialog/signin.html) and hands the token back with messageParent:
 * the dialog and the pane don't share storage, so the token lives in this module's memory only.
 *
 * MSAL is imported lazily so the pane's first paint doesn't wait for it.
 */
import { AUTH_MESSAGES, AuthError, fromMsalError } from "./errors";

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

export interface DialogToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresOn: number;
}

/** The subset of MSAL's client the service uses; MSAL's own type satisfies it. */
export interface NestableClient {
  getAccount(filter: { username?: string; localAccountId?: string; tenantId?: string }): unknown;
  acquireTokenSilent(request: { scopes: string[]; account: unknown; forceRefresh?: boolean }): Promise<{
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

/** One acquisition shared by every caller asking for the same token at the same time. */
interface Shared {
  promise: Promise<string>;
  /** Aborts the acquisition (closes a sign-in window) once no caller is left waiting for it. */
  controller: AbortController;
  /** Callers with a signal still waiting. */
  waiting: number;
  /** A caller without a signal joined: it can't cancel, so the acquisition runs to its end. */
  keepOpen: boolean;
}

function cancelledWait(): AuthError {
  return new AuthError("cancelled", AUTH_MESSAGES.cancelled);
}

function join(shared: Shared, signal: AbortSignal | undefined): Promise<string> {
  if (signal === undefined) {
    shared.keepOpen = true;
    return shared.promise;
  }
  shared.waiting += 1;
  return new Promise<string>((resolve, reject) => {
    let done = false;
    const onAbort = () => {
      if (done) return;
      done = true;
      shared.waiting -= 1;
      if (shared.waiting === 0 && !shared.keepOpen) shared.controller.abort();
      reject(cancelledWait());
    };
    signal.addEventListener("abort", onAbort, { once: true });
    shared.promise.then(
      (token) => {
        signal.removeEventListener("abort", onAbort);
        if (done) return;
        done = true;
        shared.waiting -= 1;
        resolve(token);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        if (done) return;
        done = true;
        shared.waiting -= 1;
        reject(error);
      },
    );
  });
}

/** Refuse a cached dialog token this close to expiry. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

export function createTokenService(options: TokenServiceOptions): TokenSource {
  const now = options.now ?? Date.now;
  let mode: TokenSource["mode"] = "unknown";
  let client: Promise<NestableClient> | undefined;
  const dialogTokens = new Map<string, DialogToken>();

  const nestable = (clientId: string) => {
    // One client, initialised once; a failed creation is forgotten so a later click can try again.
    client ??= options.createNestableClient(clientId, options.authority).catch((error: unknown) => {
      client = undefined;
      throw fromMsalError(error);
    });
    return client;
  };

  // Never throws, not even synchronously: who is signed in is a hint, and its absence only costs the hint.
  async function authContext(): Promise<AuthContextInfo | undefined> {
    try {
      return (await options.getAuthContext()) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async function loginHint(): Promise<string | undefined> {
    return (await authContext())?.userPrincipalName || undefined;
  }

  // Tokens the host brokered, kept in memory until shortly before they expire: each bridge round trip is a
  // message to the host and back, and a bulk run asks for a token before every batch.
  const nestedTokens = new Map<string, DialogToken>();
  const remember = (key: string, result: { accessToken: string; expiresOn?: Date | null }) => {
    const expiresOn = result.expiresOn?.getTime();
    if (expiresOn !== undefined && Number.isFinite(expiresOn))
      nestedTokens.set(key, { accessToken: result.accessToken, expiresOn });
    return result.accessToken;
  };

  async function viaNestedAuth(clientId: string, request: TokenRequest): Promise<string> {
    const key = [...request.scopes].sort().join(" ");
    const cached = nestedTokens.get(key);
    if (cached && !request.forceRefresh && cached.expiresOn - now() > EXPIRY_MARGIN_MS)
      return cached.accessToken;
    nestedTokens.delete(key);
    const pca = await nestable(clientId);
    const scopes = [...request.scopes];
    const context = await authContext();
    const account = context?.userPrincipalName
      ? pca.getAccount({
          username: context.userPrincipalName,
          ...(context.userObjectId ? { localAccountId: context.userObjectId } : {}),
          ...(context.tenantId ? { tenantId: context.tenantId } : {}),
        })
      : undefined;
    try {
      const result = account
        ? await pca.acquireTokenSilent({
            scopes,
            account,
            ...(request.forceRefresh ? { forceRefresh: true } : {}),
          })
        : await pca.ssoSilent({
            scopes,
            ...(context?.userPrincipalName ? { loginHint: context.userPrincipalName } : {}),
          });
      return remember(key, result);
    } catch (error) {
      const problem = fromMsalError(error);
      if (problem.kind !== "interaction-required" || !request.interactive) throw problem;
    }
    try {
      const hint = context?.userPrincipalName;
      const result = await pca.acquireTokenPopup({ scopes, ...(hint ? { loginHint: hint } : {}) });
      return remember(key, result);
    } catch (error) {
      throw fromMsalError(error);
    }
  }

  async function viaDialog(request: TokenRequest): Promise<string> {
    const key = [...request.scopes].sort().join(" ");
    const cached = dialogTokens.get(key);
    if (cached && !request.forceRefresh && cached.expiresOn - now() > EXPIRY_MARGIN_MS)
      return cached.accessToken;
    dialogTokens.delete(key);
    if (!request.interactive) {
      throw new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired);
    }
    const hint = await loginHint();
    const token = await options.signInWithDialog({
      scopes: request.scopes,
      loginHint: hint,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    dialogTokens.set(key, token);
    return token.accessToken;
  }

  // Requests for the same token at the same time share one acquisition: a bulk run's 4 lanes start (and meet a
  // 401) together, and must not open 4 sign-in windows or send the host 4 bridge requests (MSAL refuses a second
  // interactive call while one runs: interaction_in_progress).
  const pending = new Map<string, Shared>();

  return {
    get mode() {
      return mode;
    },
    getToken(request) {
      const { signal } = request;
      if (signal?.aborted) return Promise.reject(cancelledWait());
      const key = `${[...request.scopes].sort().join(" ")}|${request.forceRefresh ? "refresh" : ""}|${request.interactive ? "interactive" : ""}`;
      let shared = pending.get(key);
      // An acquisition everyone stopped waiting for is ending: a new caller starts afresh.
      if (shared === undefined || shared.controller.signal.aborted) {
        const controller = new AbortController();
        const entry: Shared = { controller, waiting: 0, keepOpen: false, promise: Promise.resolve("") };
        entry.promise = acquire({ ...request, signal: controller.signal }).finally(() => {
          if (pending.get(key) === entry) pending.delete(key);
        });
        pending.set(key, entry);
        shared = entry;
      }
      return join(shared, signal);
    },
  };

  async function acquire(request: TokenRequest): Promise<string> {
    const clientId = options.clientId;
    if (!clientId) throw new AuthError("not-configured", AUTH_MESSAGES.notConfigured);
    if (mode !== "dialog" && options.nestedAppAuthSupported()) {
      try {
        const token = await viaNestedAuth(clientId, request);
        mode = "nested";
        return token;
      } catch (error) {
        if (!(error instanceof AuthError) || error.kind !== "nested-auth-unavailable") throw error;
        // The host says NAA can't be used here: standard browser sign-in is the documented way on.
      }
    }
    mode = "dialog";
    return viaDialog(request);
  }
}
