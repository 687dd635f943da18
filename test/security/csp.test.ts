import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config.ts";
import { buildCsp, cspDirectives, EMPTY_STYLE_HASH } from "../../tools/csp.ts";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("buildCsp", () => {
  it("writes the full policy for a build without configuration (global defaults, every sovereign cloud)", () => {
    expect(buildCsp(readConfig({}))).toBe(
      "default-src 'none'; " +
        "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js; " +
        "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; " +
        "img-src 'self' data:; " +
        "connect-src https://dod-graph.microsoft.us https://graph.microsoft.com https://graph.microsoft.us " +
        "https://login.microsoftonline.com https://login.microsoftonline.us https://login.partner.microsoftonline.cn " +
        "https://microsoftgraph.chinacloudapi.cn; " +
        "frame-src 'none'; base-uri 'none'; form-action 'none'; object-src 'none'",
    );
  });

  it("allows exactly the configured origins when Graph and the authority are set explicitly", () => {
    const policy = directives(
      buildCsp(
        readConfig({
          VITE_AAD_AUTHORITY: "https://localhost:4501/common",
          VITE_GRAPH_BASE_URL: "https://localhost:4501",
        }),
      ),
    );
    expect(policy.get("connect-src")).toEqual(["https://localhost:4501"]);
    const split = directives(
      buildCsp(
        readConfig({
          VITE_AAD_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.us",
          VITE_GRAPH_BASE_URL: "https://graph.microsoft.us",
        }),
      ),
    );
    expect(split.get("connect-src")).toEqual([
      "https://graph.microsoft.us",
      "https://login.microsoftonline.us",
    ]);
  });

  it("adds the other clouds only for the endpoint left to its default", () => {
    const policy = directives(buildCsp(readConfig({ VITE_GRAPH_BASE_URL: "https://graph.contoso.example" })));
    const connect = policy.get("connect-src") ?? [];
    expect(connect).toContain("https://graph.contoso.example");
    expect(connect).not.toContain("https://graph.microsoft.com");
    expect(connect).toEqual(
      expect.arrayContaining([
        "https://login.microsoftonline.com",
        "https://login.microsoftonline.us",
        "https://login.partner.microsoftonline.cn",
      ]),
    );
  });

  it("treats a configuration without `explicit` as explicit", () => {
    const policy = directives(
      buildCsp({ clientId: undefined, authority: "https://a.example/t", graphBaseUrl: "https://g.example" }),
    );
    expect(policy.get("connect-src")).toEqual(["https://a.example", "https://g.example"]);
  });

  it("never allows inline script, eval, or inline style beyond Fluent's empty <style>", () => {
    for (const [name, sources] of cspDirectives(readConfig({}))) {
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("*");
      expect(sources.length, name).toBeGreaterThan(0);
    }
    expect(directives(buildCsp(readConfig({}))).get("style-src")).toEqual(["'self'", EMPTY_STYLE_HASH]);
  });

  it("admits office.js from one other origin only when asked (npm start's simulator build), instead of the CDN", () => {
    const policy = directives(buildCsp(readConfig({}), { officeJsOrigin: "https://localhost:3100" }));
    expect(policy.get("script-src")).toEqual(["'self'", "https://localhost:3100"]);
    expect(directives(buildCsp(readConfig({}))).get("script-src")).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
      // office.js's Ajax dependency in Outlook on the web, as this one file (not its whole host)
      "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js",
    ]);
  });

  it("uses the sha256 of the empty string for Fluent's style elements", async () => {
    const { createHash } = await import("node:crypto");
    expect(EMPTY_STYLE_HASH).toBe(`'sha256-${createHash("sha256").update("").digest("base64")}'`);
  });
});
