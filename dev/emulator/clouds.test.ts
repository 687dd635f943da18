/**
 * National clouds: a token is for one cloud's Graph. Its audience is that cloud's Graph resource, it
 * comes from that cloud's Entra ID, and another cloud's Graph neither issues nor accepts it.
 * Source: learn.microsoft.com/graph/deployments (service root endpoints, Entra ID endpoints per cloud).
 */
import { describe, expect, it } from "vitest";
import { kitForThisFile } from "./testkit";

const kit = kitForThisFile({}, { reset: false, settings: { cloud: "global" } });

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()) as Record<string, unknown>;

async function tokenRequest(scopes: string[]) {
  return fetch(`${kit.emu.url}/_emulator/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ scopes }),
  });
}

describe("national clouds", () => {
  it("issues a China token for the China Graph only: its audience, its Entra ID, its account environment", () => {
    kit.emu.control.configure({ cloud: "china" });
    const issued = kit.emu.control.mintToken({
      scopes: ["https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite", "openid"],
    });
    expect(claimsOf(issued.accessToken)).toMatchObject({
      aud: "https://microsoftgraph.chinacloudapi.cn",
      iss: expect.stringMatching(/^https:\/\/sts\.chinacloudapi\.cn\//),
    });
    expect(claimsOf(issued.idToken).iss).toMatch(/^https:\/\/login\.chinacloudapi\.cn\//);
    expect(issued.account.environment).toBe("login.chinacloudapi.cn");
    expect(issued.scopes).toContain("Calendars.ReadWrite");
  });

  it("issues US Government tokens for graph.microsoft.us, DoD for dod-graph.microsoft.us", () => {
    kit.emu.control.configure({ cloud: "usgov" });
    expect(claimsOf(kit.emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken).aud).toBe(
      "https://graph.microsoft.us",
    );
    kit.emu.control.configure({ cloud: "usgov-dod" });
    const dod = kit.emu.control.mintToken({ scopes: ["https://dod-graph.microsoft.us/Mail.ReadWrite"] });
    expect(claimsOf(dod.accessToken).aud).toBe("https://dod-graph.microsoft.us");
    expect(dod.account.environment).toBe("login.microsoftonline.us");
  });

  it("refuses a scope of another cloud's Graph as Entra ID does (400 invalid_resource, AADSTS500011)", async () => {
    const res = await tokenRequest(["https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite"]);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; error_description: string };
    expect(body.error).toBe("invalid_resource");
    expect(body.error_description).toMatch(/^AADSTS500011: .*microsoftgraph\.chinacloudapi\.cn/);
    kit.emu.control.configure({ cloud: "china" });
    expect((await tokenRequest(["https://graph.microsoft.com/Mail.ReadWrite"])).status).toBe(400);
    expect((await tokenRequest(["https://microsoftgraph.chinacloudapi.cn/Mail.ReadWrite"])).status).toBe(200);
  });

  it("answers 401 to a token for another cloud's Graph (audience), either way round", async () => {
    const global = kit.emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
    kit.emu.control.configure({ cloud: "china" });
    const china = kit.emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
    const refused = await kit.graph("/me/mailFolders", { token: global });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "InvalidAuthenticationToken",
      message: expect.stringMatching(/Invalid audience/),
    });
    expect((await kit.graph("/me/mailFolders", { token: china })).status).toBe(200);
    kit.emu.control.configure({ cloud: "global" });
    expect((await kit.graph("/me/mailFolders", { token: china })).status).toBe(401);
    expect((await kit.graph("/me/mailFolders", { token: global })).status).toBe(200);
  });

  it("refuses an unknown cloud name", () => {
    expect(() => kit.emu.control.configure({ cloud: "mars" as never })).toThrow(/bad cloud/);
  });
});
