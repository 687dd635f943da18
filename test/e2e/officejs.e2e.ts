/**
 * The Content-Security-Policy against Microsoft's own office.js. The npm package @microsoft/office-js carries the
 * files Microsoft hosts at https://appsforoffice.microsoft.com/lib/1/hosted/; this test answers that address from
 * the package (Playwright routing; the production pages keep the CDN URL, and the build test checks that no
 * package copy ever ships) and opens each production page Outlook loads (pane, command page, confirmation) on
 * its own, so office.js initialises as it does outside an Outlook host. Every CSP violation is recorded.
 *
 * Loaded as a plain page (no host), office.js takes its Office 2013 path (o15apptofilemappingtable.js) and two
 * violations are expected, both from its ULS telemetry proxy (o15apptofilemappingtable.js, `ULSEndpointProxy`):
 * an <iframe> to https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html
 * (frame-src 'none') and its `style="display:none"` attribute (style-src-attr). The policy blocks both on
 * purpose; SECURITY.md ("office.js and the policy") says why that is harmless. Loaded as Outlook's hosts load it
 * (the _host_Info parameter), office.js takes Outlook's own host file, asks for MicrosoftAjax.js (which the
 * policy admits as that one URL) and causes no violation. Anything else fails the test.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_ADDIN_ORIGIN } from "../../dev/stack/config";
import { MICROSOFT_AJAX } from "../../tools/csp";
import { type Stack, startStack } from "./harness";

const HOSTED = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const PACKAGE_DIST = resolve(import.meta.dirname, "../../node_modules/@microsoft/office-js/dist");
const TELEMETRY_FRAME =
  "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/** The two violations the policy causes on purpose (see the file comment and SECURITY.md). */
function expectedViolation(v: Pick<Violation, "directive" | "blocked" | "source">): boolean {
  // A blocked frame is reported by its origin only (the browser strips a cross-origin path) and without a source
  // file (the navigation, not a script line, is what the policy stopped).
  if (v.directive === "frame-src") return v.blocked === new URL(TELEMETRY_FRAME).origin;
  if (v.directive === "style-src-attr") return v.blocked === "inline" && v.source.startsWith(HOSTED);
  return false;
}

let stack: Stack;
let context: BrowserContext;
const served: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  context = await stack.browser.newContext({ ignoreHTTPSErrors: true });
  context.setDefaultTimeout(20_000);
  await context.route(
    (url) => url.hostname !== "localhost" && url.hostname !== "127.0.0.1",
    (route) => {
      const url = route.request().url();
      if (url.startsWith(HOSTED)) {
        // The CDN's paths are the package's dist/ paths (office.js, en-us/outlook_strings.js, …); case as asked.
        const path = join(
          PACKAGE_DIST,
          decodeURIComponent(new URL(url).pathname.slice("/lib/1/hosted/".length)),
        );
        if (path.startsWith(PACKAGE_DIST) && existsSync(path)) {
          served.push(url);
          return route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(path) });
        }
      }
      outside.push(url);
      return route.abort("blockedbyclient");
    },
  );
  await context.exposeBinding("__cspViolation", ({ frame }, v: Omit<Violation, "page">) => {
    if (frame === frame.page().mainFrame()) violations.push({ page: new URL(frame.url()).pathname, ...v });
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __cspViolation?: (v: unknown) => void }).__cspViolation;
      report?.({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        sample: e.sample,
      });
    });
  });
}, 120_000);
afterAll(async () => {
  await context?.close();
  await stack?.close();
});

const violations: Violation[] = [];

/** Opens a page and waits until office.js has run its telemetry proxy's 3-second timer and a little more. */
async function openAt(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${E2E_ADDIN_ORIGIN}${path}`);
  await page.waitForFunction(() => typeof (window as unknown as { Office?: unknown }).Office === "object");
  await page.waitForTimeout(4_500);
  return page;
}

describe("the policy with Microsoft's office.js (@microsoft/office-js 1.1.110 at the CDN address)", () => {
  it("reports only the telemetry frame and its style attribute on the pane, the command page and the confirmation", async () => {
    const paths = ["/taskpane/taskpane.html", "/commands/commands.html", "/dialog/confirm.html"];
    const pages = await Promise.all(paths.map(openAt));

    // The real office.js ran: its own script and the files it loads came from the package at the CDN address.
    expect(served).toContain(`${HOSTED}office.js`);
    expect(served.some((u) => /o15apptofilemappingtable\.js$/i.test(u))).toBe(true);
    expect(outside).toEqual([]);

    for (const path of paths) {
      const mine = violations.filter((v) => v.page === path);
      const unexpected = mine.filter((v) => !expectedViolation(v));
      expect(unexpected, path).toEqual([]);
      // Both expected ones happen on every page (so the test sees office.js's proxy, not a quiet failure).
      expect(mine.map((v) => v.directive).sort(), path).toEqual(["frame-src", "style-src-attr"]);
      expect(mine.find((v) => v.directive === "frame-src")?.blocked, path).toBe(
        new URL(TELEMETRY_FRAME).origin,
      );
    }
    // The blocked frame never loaded: office.js's proxy stays in its buffering state, nothing was sent.
    for (const page of pages) {
      const frames = page.frames().filter((f) => f !== page.mainFrame());
      expect(frames.map((f) => f.url()).filter((u) => u.includes("telemetryservice"))).toEqual([]);
      await page.close();
    }
  }, 60_000);

  it("as Outlook's hosts load them (_host_Info): no violation, and MicrosoftAjax.js passes the policy", async () => {
    // What Outlook appends to an add-in page's URL: host, platform, host file version, locale. Outlook on the web and
    // the new Outlook are "Web"; classic Outlook on Windows and on Mac their own. As a top-level page office.js finds
    // no Outlook to talk to, so this covers its loading, not a session.
    const hosts = [
      ["Outlook$Web$16.01$en-US$$$$0", "outlook-web-16.01.js"],
      ["Outlook$Win32$16.02$en-US$$$$0", "outlook-win32-16.02.js"],
      ["Outlook$Mac$16.00$en-US$$$$0", "outlook-mac-16.00.js"],
    ] as const;
    const paths = ["/taskpane/taskpane.html", "/commands/commands.html", "/dialog/confirm.html"];
    for (const [host, file] of hosts) {
      violations.length = 0;
      served.length = 0;
      outside.length = 0;
      const pages = await Promise.all(paths.map((p) => openAt(`${p}?_host_Info=${host}`)));
      expect(served.filter((u) => u === `${HOSTED}${file}`).length, host).toBe(paths.length);
      expect(violations, host).toEqual([]);
      // Each page's office.js asked for Microsoft's Ajax library and the policy let the request out (routing,
      // which sits behind the policy, refused it here: the npm package doesn't carry that file).
      expect(outside, host).toEqual(paths.map(() => MICROSOFT_AJAX));
      for (const page of pages) await page.close();
    }
  }, 90_000);
});
