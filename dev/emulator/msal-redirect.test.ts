/**
 * End to end: @azure/msal-browser's standard public client signs in against the Entra emulator with
 * the auth-code + PKCE redirect flow in a real Chromium, then calls the Graph emulator cross-origin.
 * Fails when there is no Chromium (dev/stack/chromium.ts says how to get one).
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureDevCerts } from "../../tools/dev-certs";
import { launchChromium } from "../stack/chromium";
import { ADELE } from "./data";
import { type Emulator, startEmulator } from "./server";

const CLIENT_ID = "5f1e2d3c-4b5a-4697-8877-665544332211";
const MSAL_UMD = resolve(
  import.meta.dirname,
  "../../node_modules/@azure/msal-browser/lib/msal-browser.min.js",
);

/** The app page: sign in by redirect, then call Graph and report what the browser could see. */
function appPage(emulatorUrl: string): string {
  const host = new URL(emulatorUrl).host;
  return `<!doctype html><meta charset="utf-8"><title>msal test</title><script src="/msal.js"></script>
<script>
(async () => {
  const pca = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: ${JSON.stringify(CLIENT_ID)},
      authority: ${JSON.stringify(`${emulatorUrl}/common`)},
      knownAuthorities: [${JSON.stringify(host)}],
      redirectUri: location.origin + "/app.html",
    },
    cache: { cacheLocation: "sessionStorage" },
  });
  const result = await pca.handleRedirectPromise();
  if (!result) {
    await pca.loginRedirect({ scopes: ["Mail.ReadWrite"] });
    return;
  }
  const graph = (token) => fetch(${JSON.stringify(`${emulatorUrl}/v1.0/me/messages?$top=1&$select=subject`)}, {
    headers: { Authorization: "Bearer " + token },
  });
  const first = await graph(result.accessToken);
  const throttled = await graph(result.accessToken);
  const silent = await pca.acquireTokenSilent({ scopes: ["Mail.ReadWrite"], account: result.account, forceRefresh: true });
  const afterRefresh = await graph(silent.accessToken);
  window.__result = {
    username: result.account.username,
    tenantId: result.account.tenantId,
    homeAccountId: result.account.homeAccountId,
    scopes: result.scopes,
    firstStatus: first.status,
    throttledStatus: throttled.status,
    retryAfterVisible: throttled.headers.get("Retry-After"),
    refreshedDiffers: silent.accessToken !== result.accessToken,
    fromCache: silent.fromCache,
    afterRefreshStatus: afterRefresh.status,
  };
})().catch((e) => { window.__error = String(e && (e.errorCode || e.message) || e) + " " + (e && e.errorMessage || ""); });
</script>`;
}

describe("msal-browser standard client against the emulator (Chromium)", () => {
  let emu: Emulator;
  let app: Server;
  let appUrl = "";
  let browser: Browser;

  beforeAll(async () => {
    const certs = await ensureDevCerts();
    emu = await startEmulator({ https: { key: certs.key, cert: certs.cert } });
    const page = appPage(emu.url);
    const msalJs = readFileSync(MSAL_UMD);
    app = createServer({ key: certs.key, cert: certs.cert }, (req, res) => {
      if (req.url?.startsWith("/app.html")) {
        res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
      } else if (req.url === "/msal.js") {
        res.writeHead(200, { "Content-Type": "text/javascript" }).end(msalJs);
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
    appUrl = `https://localhost:${(app.address() as AddressInfo).port}/app.html`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (app ? app.close(() => r()) : r()));
    await emu?.close();
  });

  /** Loads the app in a fresh browser context and returns what the page reported. */
  async function runApp(): Promise<Record<string, unknown>> {
    // The second Graph call gets a 429 with Retry-After: 5.
    emu.control.addFault({
      op: "listMessages",
      nth: 2,
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 5 } },
    });
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      await page.goto(appUrl);
      await page.waitForFunction(() => "__result" in window || "__error" in window, undefined, {
        timeout: 30_000,
      });
      const error = await page.evaluate(() => (window as unknown as { __error?: string }).__error);
      expect(error).toBeUndefined();
      return await page.evaluate(() => (window as unknown as { __result: Record<string, unknown> }).__result);
    } finally {
      await context.close();
    }
  }

  it("signs in by redirect with PKCE, calls Graph cross-origin and refreshes silently", async () => {
    emu.control.reset();
    const result = await runApp();
    expect(result).toMatchObject({
      username: ADELE.upn,
      firstStatus: 200,
      throttledStatus: 429,
      // Like Graph, the emulator does not expose Retry-After to scripts by default.
      retryAfterVisible: null,
      refreshedDiffers: true,
      fromCache: false,
      afterRefreshStatus: 200,
    });
    expect(result.scopes).toEqual(expect.arrayContaining(["Mail.ReadWrite"]));

    const identity = emu.control.requests().filter((r) => r.kind === "identity");
    const ops = identity.map((r) => `${r.op}:${r.status}`);
    expect(ops).toContain("openidConfiguration:200");
    expect(ops).toContain("authorize:302");
    expect(ops.filter((o) => o === "token:200")).toHaveLength(2);
    const graph = emu.control.requests().filter((r) => r.kind === "graph");
    expect(graph.map((r) => r.status)).toEqual([200, 429, 200]);
  }, 60_000);

  it("lets the page read Retry-After when the exposure switch is on", async () => {
    emu.control.reset();
    emu.control.configure({ exposeRetryAfter: true });
    const result = await runApp();
    expect(result).toMatchObject({ throttledStatus: 429, retryAfterVisible: "5" });
  }, 60_000);
});
