/**
 * `npm start` (tools/start.ts startDemo) on ports of its own: the simulator build is made and served as files, the
 * ribbon's pane button opens the pane with the Delete button usable, the pages take office.js from the simulator
 * (and their policy admits exactly that origin), and nothing leaves localhost.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../dev/stack/chromium";
import { E2E } from "../../dev/stack/config";
import { type Demo, startDemo } from "../../tools/start";
import { taskpaneFrame } from "./harness";

const base = E2E.addinPort + 20;
let demo: Demo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo({
    addinPort: base,
    emulatorPort: base + 1,
    shellPort: base + 2,
    outDir: `${E2E.outDir}-start`,
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe("npm start", () => {
  it("serves the simulator build: the ribbon's pane button opens a usable pane, office.js from the simulator", async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const external: string[] = [];
    await context.route(
      (url) => url.hostname !== "localhost" && url.hostname !== "127.0.0.1",
      (route) => {
        external.push(route.request().url());
        return route.abort("blockedbyclient");
      },
    );
    const page = await context.newPage();
    await page.goto(`${demo.shellUrl}/`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
    const subject = await page.evaluate(() => {
      const m = window.simulator?.messages()[0];
      if (!m) throw new Error("no message");
      window.simulator?.selectMessage(m.restId);
      return m.subject;
    });
    await page.getByRole("button", { name: "Permanent Delete pane", exact: true }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: subject }).waitFor();
    await expect(pane.getByRole("button", { name: "Delete permanently" }).isEnabled()).resolves.toBe(true);

    expect(new URL(pane.url()).origin).toBe(demo.addinOrigin);
    const { scripts, csp } = await pane.evaluate(() => ({
      scripts: [...document.scripts].map((s) => s.src).filter((src) => src !== ""),
      csp:
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "",
    }));
    const shellOrigin = new URL(demo.shellUrl).origin;
    expect(scripts).toContain(`${shellOrigin}/office.js`);
    expect(scripts.some((s) => s.includes("appsforoffice"))).toBe(false);
    expect(csp).toContain(`script-src 'self' ${shellOrigin};`);
    expect(csp).toContain(`connect-src ${demo.emulatorUrl};`);
    // Built, not the dev server: hashed bundles, no Vite client.
    expect(scripts.some((s) => /\/assets\/taskpane-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.some((s) => s.includes("@vite/client"))).toBe(false);
    expect(external).toEqual([]);
    await context.close();
  });
});
