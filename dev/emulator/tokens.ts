/**
 * Access and ID tokens as Entra ID issues them for Graph (v1 access tokens, v2 ID tokens), signed
 * by the emulator so it can check them on every Graph request.
 */
import { randomUUID } from "node:crypto";
import { ADELE, TENANT_ID } from "./data";
import { type JwtClaims, JwtSigner } from "./jwt";
import type { EmulatorState } from "./state";

export const GRAPH_RESOURCE = "https://graph.microsoft.com";
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
/** Client ID used when a caller does not name one. */
export const DEFAULT_CLIENT_ID = "9b2c3f1e-7d4a-4c5b-8e6f-0a1b2c3d4e5f";

const OIDC_SCOPES = new Set(["openid", "profile", "offline_access", "email"]);

/** What `https://graph.microsoft.com/.default` grants: the permissions this add-in's registration would hold. */
export const DEFAULT_GRAPH_SCOPES = [
  "User.Read",
  "Mail.ReadWrite",
  "Mail.ReadWrite.Shared",
  "Contacts.ReadWrite",
  "Calendars.ReadWrite",
];

export interface AuthContext {
  upn: string;
  oid: string;
  tid: string;
  name: string;
  appId: string;
  scopes: string[];
}

export interface TokenRequest {
  scopes: string[];
  upn?: string;
  clientId?: string;
  expiresInSeconds?: number;
  nonce?: string;
}

export interface AccountInfoJson {
  username: string;
  name: string;
  homeAccountId: string;
  localAccountId: string;
  tenantId: string;
  environment: string;
}

export interface IssuedTokens {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresOn: number;
  expiresIn: number;
  idToken: string;
  account: AccountInfoJson;
  /** Granted Graph scopes, as in the token's `scp`. */
  scopes: string[];
}

/**
 * Each cloud's own Microsoft Graph resource and Entra ID (learn.microsoft.com/graph/deployments, "Microsoft Graph
 * and Graph Explorer service root endpoints" and "Microsoft Entra ID endpoints"). A token is for one cloud's Graph:
 * its `aud` is that Graph, it comes from that cloud's Entra ID, and a scope naming another cloud's Graph is a
 * resource that cloud's Entra ID doesn't know. The v1 issuer (`sts`) of the US Government clouds is not
 * published there; sts.windows.net is an assumption (the emulator checks `aud`, not `iss`).
 */
export const CLOUDS = {
  global: { graph: GRAPH_RESOURCE, login: "login.microsoftonline.com", sts: "https://sts.windows.net" },
  usgov: {
    graph: "https://graph.microsoft.us",
    login: "login.microsoftonline.us",
    sts: "https://sts.windows.net",
  },
  "usgov-dod": {
    graph: "https://dod-graph.microsoft.us",
    login: "login.microsoftonline.us",
    sts: "https://sts.windows.net",
  },
  china: {
    graph: "https://microsoftgraph.chinacloudapi.cn",
    login: "login.chinacloudapi.cn",
    sts: "https://sts.chinacloudapi.cn",
  },
} as const;
export type CloudName = keyof typeof CLOUDS;
export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

/** Graph's resource URI in each cloud. */
export const GRAPH_RESOURCES: readonly string[] = CLOUD_NAMES.map((c) => CLOUDS[c].graph);

/** A token request Entra ID refuses: the OAuth error and its AADSTS text. */
export class TokenRequestError extends Error {
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Splits requested scopes into Graph permissions (without the resource prefix) for `cloud`'s Entra ID: a bare name
 * is that cloud's Graph; a scope naming another cloud's Graph is refused as Entra ID refuses a resource it doesn't
 * have (AADSTS500011).
 */
export function graphScopes(requested: string[], cloud: CloudName = "global"): string[] {
  const out = new Set<string>();
  const own = CLOUDS[cloud].graph;
  for (const raw of requested) {
    let s = raw.trim();
    if (s === "" || OIDC_SCOPES.has(s.toLowerCase())) continue;
    const resource = GRAPH_RESOURCES.find((r) => s.toLowerCase().startsWith(`${r}/`));
    if (resource !== undefined) {
      if (resource !== own) {
        throw new TokenRequestError(
          "invalid_resource",
          `AADSTS500011: The resource principal named ${resource} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. (This Entra ID is ${CLOUDS[cloud].login}.)`,
        );
      }
      s = s.slice(resource.length + 1);
    }
    if (s === ".default") {
      for (const d of DEFAULT_GRAPH_SCOPES) out.add(d);
      continue;
    }
    out.add(s);
  }
  return [...out];
}

export type VerifyResult = { ok: true; auth: AuthContext } | { ok: false; message: string };

export class TokenService {
  private readonly signer = new JwtSigner();

  constructor(
    private readonly state: EmulatorState,
    private readonly now: () => number,
    /** Permissions every token carries besides the requested ones (like pre-consented User.Read). */
    public consentedScopes: string[] = ["User.Read"],
    /** Host name MSAL sees as the authority environment (for account objects). */
    public environment = "login.microsoftonline.com",
    /** Which cloud's Graph and Entra ID the emulator is: tokens are for its Graph only (see CLOUDS). */
    public cloud: CloudName = "global",
  ) {}

  issue(req: TokenRequest): IssuedTokens {
    const upn = req.upn ?? ADELE.upn;
    const mb = this.state.findMailbox(upn);
    if (mb?.kind !== "user") throw new Error(`unknown user ${upn}`);
    const user = mb.user;
    const clientId = req.clientId ?? DEFAULT_CLIENT_ID;
    const nowSec = Math.floor(this.now() / 1000);
    const lifetime = req.expiresInSeconds ?? 3600;
    const scopes = [...new Set([...graphScopes(req.scopes, this.cloud), ...this.consentedScopes])];
    const cloud = CLOUDS[this.cloud];
    const accessClaims: JwtClaims = {
      aud: cloud.graph,
      iss: `${cloud.sts}/${TENANT_ID}/`,
      iat: nowSec,
      nbf: nowSec,
      exp: nowSec + lifetime,
      app_displayname: "Permanent Delete for Outlook",
      appid: clientId,
      appidacr: "0",
      idtyp: "user",
      name: user.displayName,
      oid: user.id,
      scp: scopes.join(" "),
      sub: `sub-${user.id}`,
      tid: TENANT_ID,
      unique_name: user.upn,
      upn: user.upn,
      uti: randomUUID().replace(/-/g, "").slice(0, 22),
      ver: "1.0",
    };
    const idClaims: JwtClaims = {
      aud: clientId,
      iss: `https://${cloud.login}/${TENANT_ID}/v2.0`,
      iat: nowSec,
      nbf: nowSec,
      exp: nowSec + lifetime,
      name: user.displayName,
      oid: user.id,
      preferred_username: user.upn,
      sub: `sub-${user.id}`,
      tid: TENANT_ID,
      ver: "2.0",
      ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
    };
    return {
      accessToken: this.signer.sign(accessClaims),
      expiresOn: (nowSec + lifetime) * 1000,
      expiresIn: lifetime,
      idToken: this.signer.sign(idClaims),
      account: {
        username: user.upn,
        name: user.displayName,
        homeAccountId: `${user.id}.${TENANT_ID}`,
        localAccountId: user.id,
        tenantId: TENANT_ID,
        environment: this.cloud === "global" ? this.environment : cloud.login,
      },
      scopes,
    };
  }

  /** Signs arbitrary claims (for refresh tokens and codes, which only the emulator reads). */
  sign(claims: JwtClaims): string {
    return this.signer.sign(claims);
  }

  verifyClaims(token: string): JwtClaims | undefined {
    const r = this.signer.verify(token);
    return r.ok ? r.claims : undefined;
  }

  verifyAuthorization(header: string | undefined): VerifyResult {
    if (header === undefined || header.trim() === "") return { ok: false, message: "Access token is empty." };
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m?.[1]) return { ok: false, message: "Access token validation failure. Invalid scheme." };
    const r = this.signer.verify(m[1]);
    if (!r.ok) return { ok: false, message: r.reason };
    const c = r.claims;
    // A token for another cloud's Graph is not for this one (the app id GUID is Graph's in every cloud).
    if (c.aud !== CLOUDS[this.cloud].graph && c.aud !== GRAPH_APP_ID) {
      return { ok: false, message: "Access token validation failure. Invalid audience." };
    }
    if (typeof c.exp !== "number" || c.exp * 1000 <= this.now()) {
      return { ok: false, message: "Lifetime validation failed, the token is expired." };
    }
    if (typeof c.upn !== "string" || typeof c.oid !== "string" || typeof c.scp !== "string") {
      return { ok: false, message: "Access token validation failure." };
    }
    return {
      ok: true,
      auth: {
        upn: c.upn,
        oid: c.oid,
        tid: String(c.tid),
        name: String(c.name),
        appId: String(c.appid),
        scopes: c.scp.split(" ").filter((s) => s !== ""),
      },
    };
  }
}
