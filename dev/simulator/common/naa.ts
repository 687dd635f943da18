/**
 * Nested app authentication bridge: the wire format of msal-browser's BridgeProxy (src/naa/ in @azure/msal-browser
 * 5.x). MSAL posts JSON strings {messageType: "NestedAppAuthRequest", method, requestId, tokenParams?} through
 * window.nestedAppAuthBridge.postMessage and expects, on the bridge's "message" listeners, JSON strings
 * {messageType: "NestedAppAuthResponse", requestId, success, initContext | token + account | error}.
 * NestedAppAuthAdapter.fromNaaTokenResponse requires token.id_token (a decodable JWT) and token.access_token, and
 * fromNaaAccountInfo requires account.environment.
 */
import { isRecord } from "./protocol";

export const BridgeStatus = {
  UserInteractionRequired: "USER_INTERACTION_REQUIRED",
  UserCancel: "USER_CANCEL",
  NoNetwork: "NO_NETWORK",
  TransientError: "TRANSIENT_ERROR",
  PersistentError: "PERSISTENT_ERROR",
  Disabled: "DISABLED",
  AccountUnavailable: "ACCOUNT_UNAVAILABLE",
  NestedAppAuthUnavailable: "NESTED_APP_AUTH_UNAVAILABLE",
} as const;
export type BridgeStatusValue = (typeof BridgeStatus)[keyof typeof BridgeStatus];
export const BridgeStatusValues = Object.values(BridgeStatus) as BridgeStatusValue[];

export type BridgeMethod = "GetInitContext" | "GetToken" | "GetTokenPopup";

export interface BridgeTokenParams {
  clientId: string;
  scope: string;
  correlationId: string;
  authority?: string;
  claims?: string;
  platformBrokerId?: string;
  forceRefresh?: boolean;
}

export interface BridgeRequest {
  messageType: "NestedAppAuthRequest";
  method: BridgeMethod;
  requestId: string;
  tokenParams?: BridgeTokenParams;
}

export interface BridgeError {
  status: BridgeStatusValue;
  code?: string;
  subError?: string;
  description?: string;
  properties?: object;
}

export interface BridgeAccount {
  homeAccountId: string;
  environment: string;
  tenantId: string;
  username: string;
  localAccountId: string;
  name: string;
}

export interface BridgeResponse {
  messageType: "NestedAppAuthResponse";
  requestId: string;
  success: boolean;
  initContext?: {
    sdkName: string;
    sdkVersion: string;
    capabilities?: { queryAccount?: boolean };
    accountContext?: { homeAccountId: string; environment: string; tenantId: string };
  };
  token?: {
    access_token: string;
    expires_in: number;
    id_token: string;
    properties: null;
    scope?: string;
    authority?: string;
  };
  account?: BridgeAccount;
  error?: BridgeError;
}

export function parseBridgeRequest(json: string): BridgeRequest | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || parsed.messageType !== "NestedAppAuthRequest") return null;
  const { method, requestId, tokenParams } = parsed;
  if (method !== "GetInitContext" && method !== "GetToken" && method !== "GetTokenPopup") return null;
  if (typeof requestId !== "string") return null;
  const request: BridgeRequest = { messageType: "NestedAppAuthRequest", method, requestId };
  if (isRecord(tokenParams)) {
    const params: BridgeTokenParams = {
      clientId: typeof tokenParams.clientId === "string" ? tokenParams.clientId : "",
      scope: typeof tokenParams.scope === "string" ? tokenParams.scope : "",
      correlationId: typeof tokenParams.correlationId === "string" ? tokenParams.correlationId : "",
    };
    if (typeof tokenParams.authority === "string") params.authority = tokenParams.authority;
    if (typeof tokenParams.claims === "string") params.claims = tokenParams.claims;
    if (typeof tokenParams.platformBrokerId === "string")
      params.platformBrokerId = tokenParams.platformBrokerId;
    if (typeof tokenParams.forceRefresh === "boolean") params.forceRefresh = tokenParams.forceRefresh;
    request.tokenParams = params;
  }
  return request;
}

/** What the Graph emulator's POST /_emulator/token returns (and what a stub token source must return). */
export interface IssuedToken {
  accessToken: string;
  /** ISO date, or epoch seconds / milliseconds. */
  expiresOn: string | number;
  account: {
    username: string;
    name: string;
    homeAccountId: string;
    localAccountId: string;
    tenantId: string;
  };
  idToken?: string;
  scopes?: string[];
}

export function parseIssuedToken(value: unknown): IssuedToken | null {
  if (!isRecord(value) || typeof value.accessToken !== "string" || !isRecord(value.account)) return null;
  const a = value.account;
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const expiresOn =
    typeof value.expiresOn === "number" || typeof value.expiresOn === "string" ? value.expiresOn : 0;
  const token: IssuedToken = {
    accessToken: value.accessToken,
    expiresOn,
    account: {
      username: str(a.username),
      name: str(a.name),
      homeAccountId: str(a.homeAccountId),
      localAccountId: str(a.localAccountId),
      tenantId: str(a.tenantId),
    },
  };
  if (typeof value.idToken === "string") token.idToken = value.idToken;
  if (Array.isArray(value.scopes))
    token.scopes = value.scopes.filter((s): s is string => typeof s === "string");
  return token;
}

/** Seconds from now until expiresOn (never negative). */
export function expiresInSeconds(expiresOn: string | number, nowMs: number): number {
  let ms: number;
  if (typeof expiresOn === "number" || /^\d+$/.test(expiresOn)) {
    const n = Number(expiresOn);
    ms = n > 1e12 ? n : n * 1000;
  } else {
    ms = Date.parse(expiresOn);
  }
  if (!Number.isFinite(ms)) return 0;
  return Math.max(0, Math.floor((ms - nowMs) / 1000));
}

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** An unsigned JWT: enough for MSAL, which only decodes the id token's claims. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64Url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${base64Url(JSON.stringify(claims))}.`;
}

export function idTokenFor(token: IssuedToken, clientId: string, environment: string, nowMs: number): string {
  const now = Math.floor(nowMs / 1000);
  return unsignedJwt({
    aud: clientId,
    iss: `https://${environment}/${token.account.tenantId}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + Math.max(60, expiresInSeconds(token.expiresOn, nowMs)),
    name: token.account.name,
    oid: token.account.localAccountId,
    preferred_username: token.account.username,
    sub: token.account.localAccountId,
    tid: token.account.tenantId,
    ver: "2.0",
  });
}

export function bridgeAccount(token: IssuedToken, environment: string): BridgeAccount {
  const { account } = token;
  return {
    homeAccountId: account.homeAccountId || `${account.localAccountId}.${account.tenantId}`,
    environment,
    tenantId: account.tenantId,
    username: account.username,
    localAccountId: account.localAccountId,
    name: account.name,
  };
}

export function tokenResponse(
  requestId: string,
  params: BridgeTokenParams,
  token: IssuedToken,
  environment: string,
  nowMs: number,
): BridgeResponse {
  const idToken = token.idToken && token.idToken.split(".").length === 3 ? token.idToken : undefined;
  return {
    messageType: "NestedAppAuthResponse",
    requestId,
    success: true,
    token: {
      access_token: token.accessToken,
      expires_in: expiresInSeconds(token.expiresOn, nowMs),
      id_token: idToken ?? idTokenFor(token, params.clientId, environment, nowMs),
      properties: null,
      scope: token.scopes?.join(" ") ?? params.scope,
    },
    account: bridgeAccount(token, environment),
  };
}

const defaultErrorCodes: Record<BridgeStatusValue, { code: string; description: string }> = {
  USER_INTERACTION_REQUIRED: {
    code: "interaction_required",
    description: "User interaction is required to complete the authentication request.",
  },
  USER_CANCEL: { code: "", description: "The user cancelled the request." },
  NO_NETWORK: { code: "", description: "Network unavailable." },
  TRANSIENT_ERROR: { code: "temporarily_unavailable", description: "A transient error occurred. Try again." },
  PERSISTENT_ERROR: { code: "invalid_request", description: "A persistent error occurred." },
  DISABLED: { code: "", description: "Nested app authentication is disabled." },
  ACCOUNT_UNAVAILABLE: { code: "", description: "Account unavailable." },
  // A real host may send a non-empty code with this status, and MSAL passes it through as the error's code
  // (WebBrokerBridgeErrorMap.ts: "pass through inner code when the broker supplied one"). Which code hosts send
  // isn't published: the simulator sends one by default (the stricter reading), so only the status can say
  // "use the dialog sign-in". failNextToken(..., { code: "" }) sends none.
  NESTED_APP_AUTH_UNAVAILABLE: {
    code: "unsupported_host",
    description: "Nested app authentication is unavailable here.",
  },
};

export function errorResponse(
  requestId: string,
  status: BridgeStatusValue,
  overrides: { code?: string; description?: string; subError?: string } = {},
): BridgeResponse {
  const defaults = defaultErrorCodes[status];
  return {
    messageType: "NestedAppAuthResponse",
    requestId,
    success: false,
    error: {
      status,
      code: overrides.code ?? defaults.code,
      subError: overrides.subError ?? "",
      description: overrides.description ?? defaults.description,
      properties: {},
    },
  };
}

export function initContextResponse(
  requestId: string,
  account: { homeAccountId: string; environment: string; tenantId: string } | null,
): BridgeResponse {
  const response: BridgeResponse = {
    messageType: "NestedAppAuthResponse",
    requestId,
    success: true,
    initContext: {
      sdkName: "Outlook host simulator",
      sdkVersion: "1.0.0",
      capabilities: { queryAccount: false },
    },
  };
  if (account !== null && response.initContext) response.initContext.accountContext = account;
  return response;
}

/** OpenID scopes MSAL adds to every request; they need no consent of their own here. */
const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

/**
 * The Graph permissions a bridge request's `scope` asks for, without OpenID scopes and without a resource prefix
 * (`https://microsoftgraph.chinacloudapi.cn/Mail.ReadWrite` is Mail.ReadWrite), lower case. `.default` asks for
 * nothing new (what was consented already).
 */
export function requestedPermissions(scope: string): string[] {
  const out: string[] = [];
  for (const raw of scope.split(" ")) {
    const s = raw.trim();
    if (s === "" || OIDC_SCOPES.has(s.toLowerCase())) continue;
    const bare = s.includes("://") ? s.slice(s.lastIndexOf("/") + 1) : s;
    if (bare === ".default") continue;
    out.push(bare.toLowerCase());
  }
  return out;
}

/**
 * Entra ID's answer to a silent request for a permission nobody consented to (AADSTS65001, error invalid_grant,
 * suberror consent_required), as the bridge carries it: status USER_INTERACTION_REQUIRED with the code and
 * subError (msal-browser src/naa/BridgeError.ts: "code: auth_flow_last_error such as invalid_grant; subError:
 * server_suberror_code such as consent_required"). MSAL turns it into an InteractionRequiredAuthError.
 */
export function consentRequiredResponse(requestId: string, missing: string[]): BridgeResponse {
  return errorResponse(requestId, "USER_INTERACTION_REQUIRED", {
    code: "invalid_grant",
    subError: "consent_required",
    description: `AADSTS65001: The user or administrator has not consented to use the application. Permissions not granted: ${missing.join(", ")}.`,
  });
}
