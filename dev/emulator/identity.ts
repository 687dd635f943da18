/**
 * A minimal Entra ID (v2.0) endpoint set, enough for @azure/msal-browser's standard public client to
 * sign in with the auth-code + PKCE redirect (or popup) flow and to refresh silently:
 * OpenID discovery, instance discovery, authorize (auto-approves as the seeded user), token
 * (authorization_code with PKCE, refresh_token) and logout. Codes are single-use and expire after
 * 10 minutes; ID tokens echo the authorize request's nonce; `client_info` carries uid/utid.
 *
 * What msal-browser checks (msal-common 16): the discovery document must have authorization_endpoint,
 * token_endpoint, issuer and jwks_uri, and the issuer must share the authority's scheme and host;
 * instance discovery is skipped when the host is in `knownAuthorities`.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { ADELE, TENANT_DOMAIN, TENANT_ID } from "./data";
import type { FaultPlan } from "./faults";
import type { EmulatorState, RequestLogEntry } from "./state";
import { CLOUDS, GRAPH_RESOURCES, type TokenService } from "./tokens";

export type IdentityOutcome =
  | { kind: "response"; status: number; headers: Record<string, string>; body?: string | object }
  | { kind: "drop" }
  | { kind: "hang" };

export interface IdentitySettings {
  /**
   * When true, silent sign-in fails like a browser without third-party cookies: `prompt=none`
   * authorize answers login_required (AADSTS50058) and refresh tokens are refused (invalid_grant).
   */
  silentSignInFails: boolean;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge: string;
  challengeMethod: string;
  nonce: string | undefined;
  upn: string;
  expiresAt: number;
  redeemed: boolean;
}

const CODE_LIFETIME_MS = 10 * 60 * 1000;
const REFRESH_LIFETIME_S = 24 * 60 * 60;
const TENANT_ALIASES = new Set(["common", "organizations", TENANT_ID, TENANT_DOMAIN]);
const OIDC = new Set(["openid", "profile", "offline_access", "email"]);

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString("base64url");

export class Identity {
  private codes = new Map<string, PendingCode>();
  settings: IdentitySettings = { silentSignInFails: false };

  constructor(
    private readonly state: EmulatorState,
    private readonly tokens: TokenService,
    private readonly faults: FaultPlan,
    private readonly now: () => number,
    private readonly baseUrl: () => string,
  ) {}

  reset(): void {
    this.codes.clear();
    this.settings = { silentSignInFails: false };
  }

  /** Answers an identity path, or undefined when the path is not one. */
  async handle(
    method: string,
    path: string,
    query: URLSearchParams,
    headers: Record<string, string | undefined>,
    bodyText: string,
  ): Promise<IdentityOutcome | undefined> {
    const segs = path.split("/").filter((s) => s !== "");
    const tenant = segs[0];
    if (tenant === undefined || !TENANT_ALIASES.has(tenant.toLowerCase())) return undefined;
    const rest = segs.slice(1).join("/");
    const op =
      rest === "v2.0/.well-known/openid-configuration"
        ? "openidConfiguration"
        : rest === "discovery/instance"
          ? "instanceDiscovery"
          : rest === "discovery/v2.0/keys"
            ? "keys"
            : rest === "oauth2/v2.0/authorize"
              ? "authorize"
              : rest === "oauth2/v2.0/token"
                ? "token"
                : rest === "oauth2/v2.0/logout"
                  ? "logout"
                  : null;
    if (op === null) return undefined;

    const requestId = randomUUID();
    const log: RequestLogEntry = {
      seq: this.state.nextSeq(),
      method,
      path,
      query: query.toString(),
      op,
      itemId: null,
      mailbox: null,
      kind: "identity",
      batchMember: false,
      batchRequestId: null,
      memberId: null,
      status: null,
      errorCode: null,
      requestId,
      clientRequestId: headers["client-request-id"] ?? null,
      scopes: null,
      appId: query.get("client_id"),
      startedAt: new Date(this.now()).toISOString(),
      endedAt: null,
      faultId: null,
    };
    this.state.requests.push(log);
    const done = (o: IdentityOutcome): IdentityOutcome => {
      log.endedAt = new Date(this.now()).toISOString();
      log.status = o.kind === "response" ? o.status : o.kind === "drop" ? "dropped" : "hung";
      if (o.kind === "response" && typeof o.body === "object" && o.body !== null && "error" in o.body) {
        log.errorCode = String((o.body as { error: unknown }).error);
      }
      if (o.kind === "response") o.headers["x-ms-request-id"] = requestId;
      return o;
    };

    const rule = this.faults.match({ method, path, itemId: null, op, mailbox: null, member: false });
    if (rule) {
      log.faultId = rule.id;
      if (rule.latencyMs) await new Promise((r) => setTimeout(r, rule.latencyMs));
      const a = rule.action;
      if (a.kind === "drop" || a.kind === "hang") return done({ kind: a.kind });
      if (a.kind === "error") {
        return done(
          this.oauthError(
            a.status,
            a.code ?? "temporarily_unavailable",
            a.message ?? "AADSTS90033: A transient error has occurred. Please try again.",
            0,
          ),
        );
      }
    }

    switch (op) {
      case "openidConfiguration":
        return done(this.json(200, this.openidConfiguration(tenant)));
      case "instanceDiscovery":
        return done(this.json(200, this.instanceDiscovery()));
      case "keys":
        // Tokens are HS256 with a secret only the emulator holds: there is no public key to publish.
        return done(this.json(200, { keys: [] }));
      case "authorize":
        if (method !== "GET" && method !== "POST") return done(this.json(405, { error: "invalid_request" }));
        return done(this.authorize(method === "POST" ? new URLSearchParams(bodyText) : query));
      case "token":
        if (method !== "POST") return done(this.json(405, { error: "invalid_request" }));
        return done(this.token(new URLSearchParams(bodyText), headers));
      case "logout": {
        const to = query.get("post_logout_redirect_uri");
        if (to) return done({ kind: "response", status: 302, headers: { Location: to } });
        return done({
          kind: "response",
          status: 200,
          headers: { "Content-Type": "text/html; charset=utf-8" },
          body: "<!doctype html><title>Signed out</title><p>You have signed out.</p>",
        });
      }
    }
  }

  private json(status: number, body: object): IdentityOutcome {
    return {
      kind: "response",
      status,
      headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
      body,
    };
  }

  private oauthError(status: number, error: string, description: string, code: number): IdentityOutcome {
    const traceId = randomUUID();
    const correlationId = randomUUID();
    const timestamp = new Date(this.now())
      .toISOString()
      .replace("T", " ")
      .replace(/\.\d+Z$/, "Z");
    return this.json(status, {
      error,
      error_description: `${description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: code ? [code] : [],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      ...(code ? { error_uri: `${this.baseUrl()}/error?code=${code}` } : {}),
    });
  }

  openidConfiguration(tenant: string): object {
    const base = `${this.baseUrl()}/${tenant}`;
    const isCommon = tenant === "common" || tenant === "organizations";
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["HS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: `${this.baseUrl()}/${isCommon ? "{tenantid}" : TENANT_ID}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${this.baseUrl()}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        "sub",
        "iss",
        "aud",
        "exp",
        "iat",
        "auth_time",
        "nonce",
        "preferred_username",
        "name",
        "tid",
        "ver",
        "oid",
      ],
      tenant_region_scope: "WW",
      cloud_instance_name: "microsoftonline.com",
      cloud_graph_host_name: "graph.windows.net",
      msgraph_host: "graph.microsoft.com",
    };
  }

  instanceDiscovery(): object {
    const host = new URL(this.baseUrl()).host;
    return {
      tenant_discovery_endpoint: `${this.baseUrl()}/{tenant}/v2.0/.well-known/openid-configuration`,
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    };
  }

  private authorize(p: URLSearchParams): IdentityOutcome {
    const redirectUri = p.get("redirect_uri");
    const clientId = p.get("client_id");
    if (!redirectUri || !clientId) {
      // Without a redirect URI there is nowhere to send an error: Entra shows a page.
      return {
        kind: "response",
        status: 400,
        headers: { "Content-Type": "text/html; charset=utf-8" },
        body: "<!doctype html><title>Sign in</title><p>AADSTS900144: The request body must contain the following parameter: 'client_id' and 'redirect_uri'.</p>",
      };
    }
    const responseMode = p.get("response_mode") ?? "fragment";
    const state = p.get("state");
    const back = (params: Record<string, string>): IdentityOutcome => {
      const all = new URLSearchParams(params);
      if (state !== null) all.set("state", state);
      if (responseMode === "form_post") {
        const inputs = [...all]
          .map(([k, v]) => `<input type="hidden" name="${escapeAttr(k)}" value="${escapeAttr(v)}">`)
          .join("");
        return {
          kind: "response",
          status: 200,
          headers: { "Content-Type": "text/html; charset=utf-8" },
          body: `<!doctype html><html><body onload="document.forms[0].submit()"><form method="POST" action="${escapeAttr(redirectUri)}">${inputs}</form></body></html>`,
        };
      }
      const sep = responseMode === "query" ? (redirectUri.includes("?") ? "&" : "?") : "#";
      return {
        kind: "response",
        status: 302,
        headers: { Location: `${redirectUri}${sep}${all.toString()}` },
      };
    };
    const fail = (error: string, description: string) => back({ error, error_description: description });

    if (p.get("response_type") !== "code") {
      return fail(
        "unsupported_response_type",
        "AADSTS700054: response_type 'id_token' is not enabled for the application.",
      );
    }
    const challenge = p.get("code_challenge");
    const challengeMethod = p.get("code_challenge_method") ?? "plain";
    if (!challenge) {
      return fail(
        "invalid_request",
        "AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.",
      );
    }
    if (challengeMethod !== "S256" && challengeMethod !== "plain") {
      return fail("invalid_request", "AADSTS50148: The code_challenge_method is not supported.");
    }
    const scopes = (p.get("scope") ?? "").split(" ").filter((s) => s !== "");
    const scopeError = this.checkScopes(scopes);
    if (scopeError) return fail("invalid_scope", scopeError);
    if (p.get("prompt") === "none" && this.settings.silentSignInFails) {
      return fail(
        "login_required",
        "AADSTS50058: A silent sign-in request was sent but no user is signed in.",
      );
    }
    const hinted = p.get("login_hint");
    const hintedBox = hinted ? this.state.findMailbox(hinted) : undefined;
    const upn = hintedBox?.kind === "user" ? hintedBox.user.upn : ADELE.upn;
    const user = this.state.findMailbox(upn)?.user ?? ADELE;

    const code = b64url(randomBytes(48));
    this.codes.set(code, {
      clientId,
      redirectUri,
      scopes,
      challenge,
      challengeMethod,
      nonce: p.get("nonce") ?? undefined,
      upn,
      expiresAt: this.now() + CODE_LIFETIME_MS,
      redeemed: false,
    });
    return back({
      code,
      client_info: b64url(JSON.stringify({ uid: user.id, utid: TENANT_ID })),
      session_state: randomUUID(),
    });
  }

  /**
   * One resource per request (AADSTS28000, as Entra ID answers a mix), and only this cloud's Graph: bare names are
   * its Graph's, and another cloud's Graph resource is one this Entra ID doesn't have (AADSTS500011; tokens.ts
   * CLOUDS, graphScopes).
   */
  private checkScopes(scopes: string[]): string | undefined {
    const resources = new Set<string>();
    const own = CLOUDS[this.tokens.cloud].graph;
    for (const s of scopes) {
      if (OIDC.has(s.toLowerCase())) continue;
      if (!/^(api|https?):\/\//i.test(s)) {
        resources.add(own);
        continue;
      }
      const resource = GRAPH_RESOURCES.find((r) => s.toLowerCase().startsWith(`${r}/`));
      if (resource === undefined) {
        return `AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource or a resource this emulator does not serve: ${s}.`;
      }
      if (resource !== own) {
        return `AADSTS500011: The resource principal named ${resource} was not found in the tenant. (This Entra ID is ${CLOUDS[this.tokens.cloud].login}.)`;
      }
      resources.add(resource);
    }
    if (resources.size > 1) {
      return `AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource: ${[...resources].join(", ")}.`;
    }
    return undefined;
  }

  private token(p: URLSearchParams, headers: Record<string, string | undefined>): IdentityOutcome {
    const grant = p.get("grant_type");
    const clientId = p.get("client_id");
    if (!clientId)
      return this.oauthError(
        400,
        "invalid_request",
        "AADSTS900144: The request body must contain the following parameter: 'client_id'.",
        900144,
      );
    // SPA tokens may only be redeemed cross-origin (the browser sends Origin).
    if (headers.origin === undefined) {
      return this.oauthError(
        400,
        "invalid_request",
        "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
        9002327,
      );
    }
    const scopes = (p.get("scope") ?? "").split(" ").filter((s) => s !== "");
    const scopeError = this.checkScopes(scopes);
    if (scopeError) return this.oauthError(400, "invalid_scope", scopeError, 28000);

    if (grant === "authorization_code") {
      const code = p.get("code") ?? "";
      const pending = this.codes.get(code);
      if (!pending) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS9002313: Invalid request. Request is malformed or invalid.",
          9002313,
        );
      }
      if (pending.redeemed) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.",
          54005,
        );
      }
      if (this.now() > pending.expiresAt) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.",
          70008,
        );
      }
      if (pending.clientId !== clientId) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS70000: The provided authorization code was issued to another client.",
          70000,
        );
      }
      if (p.get("redirect_uri") !== pending.redirectUri) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS50148: The redirect_uri does not match the one used in the authorization request.",
          50148,
        );
      }
      const verifier = p.get("code_verifier") ?? "";
      const computed =
        pending.challengeMethod === "S256"
          ? b64url(createHash("sha256").update(verifier).digest())
          : verifier;
      if (verifier === "" || computed !== pending.challenge) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.",
          501481,
        );
      }
      pending.redeemed = true;
      const requested = scopes.length > 0 ? scopes : pending.scopes;
      return this.tokenResponse(pending.upn, clientId, requested, pending.nonce);
    }

    if (grant === "refresh_token") {
      const claims = this.tokens.verifyClaims(p.get("refresh_token") ?? "");
      if (
        claims?.typ !== "refresh" ||
        typeof claims.upn !== "string" ||
        typeof claims.exp !== "number" ||
        claims.exp * 1000 <= this.now()
      ) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS700082: The refresh token has expired due to inactivity.",
          700082,
        );
      }
      if (claims.client_id !== clientId) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS700005: The provided refresh token was issued to another client.",
          700005,
        );
      }
      if (this.settings.silentSignInFails) {
        return this.oauthError(
          400,
          "invalid_grant",
          "AADSTS50058: A silent sign-in request was sent but no user is signed in.",
          50058,
        );
      }
      return this.tokenResponse(claims.upn, clientId, scopes, undefined);
    }
    return this.oauthError(
      400,
      "unsupported_grant_type",
      `AADSTS70003: The app requested an unsupported grant type '${grant ?? ""}'.`,
      70003,
    );
  }

  private tokenResponse(
    upn: string,
    clientId: string,
    scopes: string[],
    nonce: string | undefined,
  ): IdentityOutcome {
    const issued = this.tokens.issue({ scopes, upn, clientId, ...(nonce !== undefined ? { nonce } : {}) });
    const user = this.state.findMailbox(upn)?.user ?? ADELE;
    const nowSec = Math.floor(this.now() / 1000);
    const body: Record<string, unknown> = {
      token_type: "Bearer",
      scope: [...issued.scopes, ...scopes.filter((s) => OIDC.has(s.toLowerCase()) && s !== "offline_access")]
        .filter((s, i, all) => all.indexOf(s) === i)
        .join(" "),
      expires_in: issued.expiresIn,
      ext_expires_in: issued.expiresIn,
      access_token: issued.accessToken,
      id_token: issued.idToken,
      client_info: b64url(JSON.stringify({ uid: user.id, utid: TENANT_ID })),
    };
    // Entra returns a refresh token only when offline_access was asked for (MSAL always asks).
    if (scopes.some((s) => s.toLowerCase() === "offline_access")) {
      body.refresh_token = this.tokens.sign({
        typ: "refresh",
        upn,
        client_id: clientId,
        iat: nowSec,
        exp: nowSec + REFRESH_LIFETIME_S,
        jti: randomUUID(),
      });
      body.refresh_token_expires_in = REFRESH_LIFETIME_S;
    }
    return this.json(200, body);
  }
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
