import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_AUTHORITY, DEFAULT_GRAPH_BASE_URL, readConfig } from "./config";

describe("readConfig", () => {
  it("defaults to the global Graph endpoint and the common authority, unconfigured", () => {
    expect(readConfig({})).toEqual({
      clientId: undefined,
      authority: DEFAULT_AUTHORITY,
      graphBaseUrl: DEFAULT_GRAPH_BASE_URL,
      explicit: { graphBaseUrl: false, authority: false },
    });
  });

  it("reads a client ID, an authority and a Graph origin", () => {
    expect(
      readConfig({
        VITE_AAD_CLIENT_ID: " 11111111-2222-3333-4444-555555555555 ",
        VITE_AAD_AUTHORITY: "https://login.microsoftonline.com/contoso.onmicrosoft.com/",
        VITE_GRAPH_BASE_URL: "https://localhost:3001/",
      }),
    ).toEqual({
      clientId: "11111111-2222-3333-4444-555555555555",
      authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
      graphBaseUrl: "https://localhost:3001",
      explicit: { graphBaseUrl: true, authority: true },
    });
  });

  it.each([
    [{ VITE_AAD_CLIENT_ID: "my-app" }, /GUID/],
    [{ VITE_GRAPH_BASE_URL: "http://graph.microsoft.com" }, /https/],
    [{ VITE_GRAPH_BASE_URL: "https://graph.microsoft.com/v1.0" }, /without a path/],
    [{ VITE_AAD_AUTHORITY: "not a url" }, /VITE_AAD_AUTHORITY/],
  ])("refuses %o with a sentence naming the variable", (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });
});
