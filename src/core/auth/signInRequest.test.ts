import { describe, expect, it } from "vitest";
import { readConfig } from "../config";
import { readSignInRequest, signInUrl } from "./signInRequest";

const ORIGIN = "https://addin.contoso.com";
const CLIENT = "11111111-2222-3333-4444-555555555555";
/** A build left to its defaults: Graph and authority follow the mailbox's cloud. */
const defaults = readConfig({ VITE_AAD_CLIENT_ID: CLIENT });
const searchOf = (url: string) => new URL(url).search;

describe("the fallback sign-in follows the mailbox's cloud", () => {
  it("China: the resource-qualified calendar scope survives the trip, and sign-in is at the China authority", () => {
    const url = signInUrl(ORIGIN, {
      scopes: ["https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite"],
      cloud: "china",
      loginHint: "adele@contoso.partner.onmschina.cn",
    });
    expect(url.startsWith(`${ORIGIN}/dialog/signin.html?`)).toBe(true);
    expect(readSignInRequest(searchOf(url), defaults)).toEqual({
      cloud: "china",
      scopes: ["https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite"],
      authority: "https://login.partner.microsoftonline.cn/common",
      loginHint: "adele@contoso.partner.onmschina.cn",
    });
  });

  it("global: bare scope names at the configured global authority, and no cloud in the URL", () => {
    const url = signInUrl(ORIGIN, {
      scopes: ["Mail.ReadWrite.Shared"],
      cloud: "global",
      loginHint: undefined,
    });
    expect(new URL(url).searchParams.has("cloud")).toBe(false);
    expect(new URL(url).searchParams.has("login_hint")).toBe(false);
    expect(readSignInRequest(searchOf(url), defaults)).toEqual({
      cloud: "global",
      scopes: ["Mail.ReadWrite.Shared"],
      authority: "https://login.microsoftonline.com/common",
      loginHint: undefined,
    });
  });

  it("US Government: its own Graph resource and sign-in host, keeping the configured tenant path", () => {
    const tenant = readConfig({
      VITE_AAD_CLIENT_ID: CLIENT,
      VITE_AAD_AUTHORITY: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
    });
    // An explicit authority is the deployment's choice and wins (as for nested app auth: cloud.ts endpointsFor).
    const url = signInUrl(ORIGIN, { scopes: ["https://graph.microsoft.us/Mail.ReadWrite"], cloud: "usgov" });
    expect(readSignInRequest(searchOf(url), tenant).authority).toBe(
      "https://login.microsoftonline.com/contoso.onmicrosoft.com",
    );
    expect(readSignInRequest(searchOf(url), defaults)).toMatchObject({
      scopes: ["https://graph.microsoft.us/Mail.ReadWrite"],
      authority: "https://login.microsoftonline.us/common",
    });
  });

  it("keeps only the add-in's own scopes in the cloud's own form", () => {
    const search = `?cloud=china&scopes=${encodeURIComponent(
      [
        "Calendars.ReadWrite", // bare: the global Graph, not China's
        "https://graph.microsoft.com/Calendars.ReadWrite", // another cloud's resource
        "https://microsoftgraph.chinacloudapi.cn/Directory.ReadWrite.All", // not one the add-in uses
        "https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite",
        "https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite",
      ].join(" "),
    )}`;
    expect(readSignInRequest(search, defaults).scopes).toEqual([
      "https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite",
    ]);
    // In the global cloud a resource-qualified scope is not one of ours either.
    expect(
      readSignInRequest(
        `?scopes=${encodeURIComponent("https://graph.microsoft.com/Mail.ReadWrite")}`,
        defaults,
      ).scopes,
    ).toEqual(["Mail.ReadWrite"]);
  });

  it("refuses a cloud it doesn't know instead of signing in somewhere else", () => {
    expect(() => readSignInRequest("?cloud=mars&scopes=Mail.ReadWrite", defaults)).toThrow(RangeError);
    expect(() => readSignInRequest("?cloud=__proto__&scopes=Mail.ReadWrite", defaults)).toThrow(RangeError);
  });

  it("never takes the authority from the URL", () => {
    const plan = readSignInRequest(
      "?authority=https%3A%2F%2Fevil.example%2Fcommon&scopes=Mail.ReadWrite",
      defaults,
    );
    expect(plan.authority).toBe("https://login.microsoftonline.com/common");
  });
});
