import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ADELE, TENANT_ID } from "./data";
import { kitForThisFile } from "./testkit";
import { graphScopes, TokenRequestError } from "./tokens";

const CLIENT_ID = "5f1e2d3c-4b5a-4697-8877-665544332211";
const REDIRECT = "https://localhost:3000/dialog/redirect.html";
const ORIGIN = "https://localhost:3000";

const kit = kitForThisFile();

const b64url = (b: Buffer) => b.toString("base64url");
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString());

function pkce() {
  const verifier = b64url(randomBytes(32));
  return { verifier, challenge: b64url(createHash("sha256").update(verifier).digest()) };
}

async function authorize(extra: Record<string, string> = {}, challenge = pkce().challenge) {
  const params = new URLSearchParams({
    client_id: CLIENT_ID,
    scope: "Mail.ReadWrite openid profile offline_access",
    redirect_uri: REDIRECT,
    response_type: "code",
    response_mode: "fragment",
    state: "eyJpZCI6IngifQ==|meta",
    nonce: "nonce-123",
    code_challenge: challenge,
    code_challenge_method: "S256",
    client_info: "1",
    ...extra,
  });
  const res = await fetch(`${kit.emu.url}/common/oauth2/v2.0/authorize?${params}`, { redirect: "manual" });
  return res;
}

function redeem(form: Record<string, string>, origin: string | null = ORIGIN) {
  return fetch(`${kit.emu.url}/common/oauth2/v2.0/token`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded;charset=utf-8",
      ...(origin ? { Origin: origin } : {}),
    },
    body: new URLSearchParams(form).toString(),
  });
}

describe("Entra ID emulator", () => {
  it("publishes OpenID discovery that msal-common accepts (issuer on the authority's host)", async () => {
    const res = await fetch(`${kit.emu.url}/common/v2.0/.well-known/openid-configuration`);
    const doc = (await res.json()) as Record<string, string>;
    for (const key of ["authorization_endpoint", "token_endpoint", "issuer", "jwks_uri"])
      expect(doc[key]).toBeTruthy();
    expect(new URL(doc.issuer?.replace("{tenantid}", TENANT_ID) ?? "").host).toBe(new URL(kit.emu.url).host);
    expect(doc.authorization_endpoint).toBe(`${kit.emu.url}/common/oauth2/v2.0/authorize`);
    const discovery = (await (
      await fetch(`${kit.emu.url}/common/discovery/instance?api-version=1.1`)
    ).json()) as {
      metadata: { aliases: string[] }[];
    };
    expect(discovery.metadata[0]?.aliases).toContain(new URL(kit.emu.url).host);
  });

  it("auto-approves: redirects with code, state and client_info in the fragment, or the query", async () => {
    const res = await authorize();
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("Location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    const hash = new URLSearchParams(location.hash.slice(1));
    expect(hash.get("code")).toBeTruthy();
    expect(hash.get("state")).toBe("eyJpZCI6IngifQ==|meta");
    expect(JSON.parse(Buffer.from(hash.get("client_info") ?? "", "base64url").toString())).toEqual({
      uid: ADELE.id,
      utid: TENANT_ID,
    });
    const q = await authorize({ response_mode: "query" });
    const qLocation = new URL(q.headers.get("Location") ?? "");
    expect(qLocation.hash).toBe("");
    expect(qLocation.searchParams.get("code")).toBeTruthy();
  });

  it("redirects an error when PKCE is missing", async () => {
    const res = await authorize({ code_challenge: "" });
    const hash = new URLSearchParams(new URL(res.headers.get("Location") ?? "").hash.slice(1));
    expect(hash.get("error")).toBe("invalid_request");
    expect(hash.get("error_description")).toMatch(/AADSTS9002325/);
    expect(hash.get("code")).toBeNull();
  });

  it("redeems a code with the right verifier, once; the access token works on Graph", async () => {
    const { verifier, challenge } = pkce();
    const res = await authorize({}, challenge);
    const code =
      new URLSearchParams(new URL(res.headers.get("Location") ?? "").hash.slice(1)).get("code") ?? "";
    const form = {
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: "Mail.ReadWrite openid profile offline_access",
      code,
      code_verifier: verifier,
      grant_type: "authorization_code",
      client_info: "1",
    };
    const tokenRes = await redeem(form);
    expect(tokenRes.status).toBe(200);
    expect(tokenRes.headers.get("Access-Control-Allow-Origin")).toBe(ORIGIN);
    const body = (await tokenRes.json()) as Record<string, string | number>;
    expect(body.token_type).toBe("Bearer");
    expect(String(body.scope).split(" ")).toEqual(
      expect.arrayContaining(["Mail.ReadWrite", "openid", "profile"]),
    );
    expect(body.expires_in).toBeGreaterThan(0);
    expect(body.refresh_token).toBeTruthy();
    const id = claimsOf(String(body.id_token));
    expect(id).toMatchObject({
      aud: CLIENT_ID,
      nonce: "nonce-123",
      tid: TENANT_ID,
      oid: ADELE.id,
      preferred_username: ADELE.upn,
    });
    expect(claimsOf(String(body.access_token)).appid).toBe(CLIENT_ID);
    expect((await kit.graph("/me/messages?$top=1", { token: String(body.access_token) })).status).toBe(200);

    const again = await redeem(form);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error_codes: number[] }).error_codes).toEqual([54005]);

    const refreshed = await redeem({
      client_id: CLIENT_ID,
      grant_type: "refresh_token",
      refresh_token: String(body.refresh_token),
      scope: "Mail.ReadWrite offline_access",
    });
    expect(refreshed.status).toBe(200);
    const r = (await refreshed.json()) as Record<string, string>;
    expect(claimsOf(r.access_token ?? "").scp).toMatch(/Mail\.ReadWrite/);

    kit.emu.control.configure({ silentSignInFails: true });
    const refused = await redeem({
      client_id: CLIENT_ID,
      grant_type: "refresh_token",
      refresh_token: String(body.refresh_token),
      scope: "Mail.ReadWrite offline_access",
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe("invalid_grant");
  });

  it("refuses a wrong PKCE verifier and a same-origin (no Origin) redemption", async () => {
    const { challenge } = pkce();
    const res = await authorize({}, challenge);
    const code =
      new URLSearchParams(new URL(res.headers.get("Location") ?? "").hash.slice(1)).get("code") ?? "";
    const form = {
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: "Mail.ReadWrite openid offline_access",
      code,
      code_verifier: pkce().verifier,
      grant_type: "authorization_code",
    };
    const wrong = await redeem(form);
    expect(wrong.status).toBe(400);
    const err = (await wrong.json()) as { error: string; error_description: string };
    expect(err.error).toBe("invalid_grant");
    expect(err.error_description).toMatch(/^AADSTS501481/);
    const noOrigin = await redeem(form, null);
    expect(noOrigin.status).toBe(400);
    expect(((await noOrigin.json()) as { error_codes: number[] }).error_codes).toEqual([9002327]);
  });

  it("fails silent sign-in (prompt=none) when switched, like a browser without third-party cookies", async () => {
    kit.emu.control.configure({ silentSignInFails: true });
    const res = await authorize({ prompt: "none" });
    const hash = new URLSearchParams(new URL(res.headers.get("Location") ?? "").hash.slice(1));
    expect(hash.get("error")).toBe("login_required");
    expect(hash.get("error_description")).toMatch(/AADSTS50058/);
  });

  it("logs identity requests and lets the fault plan fail the token endpoint", async () => {
    kit.emu.control.addFault({ op: "token", times: 1, action: { kind: "error", status: 503 } });
    const res = await redeem({ client_id: CLIENT_ID, grant_type: "refresh_token", refresh_token: "x" });
    expect(res.status).toBe(503);
    const log = kit.emu.control.requests().filter((r) => r.kind === "identity");
    expect(log.map((r) => [r.op, r.status])).toEqual([["token", 503]]);
  });
});

describe("scopes in issued tokens", () => {
  it("grants a Graph permission without the resource, bare or with this cloud's Graph resource, as Entra ID does", () => {
    expect(
      graphScopes([
        "https://graph.microsoft.com/Mail.ReadWrite",
        "openid",
        "Mail.ReadWrite",
        "Calendars.ReadWrite",
      ]),
    ).toEqual(["Mail.ReadWrite", "Calendars.ReadWrite"]);
    expect(graphScopes(["https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite"], "china")).toEqual([
      "Calendars.ReadWrite",
    ]);
    // Another resource's scope is not a Graph permission.
    expect(graphScopes(["https://outlook.office.com/Mail.ReadWrite"])).toEqual([
      "https://outlook.office.com/Mail.ReadWrite",
    ]);
  });

  it("refuses another cloud's Graph: the global Entra ID has no China or US Government Graph (AADSTS500011)", () => {
    expect(() => graphScopes(["https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite"])).toThrow(
      /^AADSTS500011: The resource principal named https:\/\/microsoftgraph\.chinacloudapi\.cn was not found/,
    );
    expect(() => graphScopes(["https://graph.microsoft.us/Mail.ReadWrite"])).toThrow(TokenRequestError);
    expect(() => graphScopes(["https://graph.microsoft.com/Mail.ReadWrite"], "china")).toThrow(
      /AADSTS500011/,
    );
    expect(() => graphScopes(["https://dod-graph.microsoft.us/Mail.ReadWrite"], "usgov")).toThrow(
      /AADSTS500011/,
    );
  });
});

describe("scopes at the authorize endpoint", () => {
  const errorOf = (res: Response) =>
    new URLSearchParams(new URL(res.headers.get("Location") ?? "").hash.slice(1)).get("error");
  const chinaCalendar =
    "https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite openid profile offline_access";

  it("accepts the China cloud's Graph resource where it is the China cloud's Entra ID", async () => {
    kit.emu.control.configure({ cloud: "china" });
    try {
      const res = await authorize({ scope: chinaCalendar });
      expect(res.status).toBe(302);
      expect(errorOf(res)).toBeNull();
      // Bare names there are the China Graph's: one resource.
      expect(errorOf(await authorize({ scope: `Mail.ReadWrite ${chinaCalendar}` }))).toBeNull();
    } finally {
      kit.emu.control.configure({ cloud: "global" });
    }
  });

  it("refuses the China cloud's Graph at the global Entra ID", async () => {
    expect(errorOf(await authorize({ scope: chinaCalendar }))).toBe("invalid_scope");
  });

  it("refuses two resources in one request, as Entra ID does (AADSTS28000)", async () => {
    const res = await authorize({
      scope: "Mail.ReadWrite api://11111111-2222-3333-4444-555555555555/access openid",
    });
    expect(errorOf(res)).toBe("invalid_scope");
  });

  it("refuses a resource other than Graph", async () => {
    const res = await authorize({ scope: "https://outlook.office.com/Mail.ReadWrite openid" });
    expect(errorOf(res)).toBe("invalid_scope");
  });
});
