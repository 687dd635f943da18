/**
 * The end-to-end stack, which the e2e tests and `npm run bench` drive: the Graph + Entra ID emulator, the
 * production build (dev/stack/build.ts) served over https, the Outlook simulator shell, and Chromium driven by
 * playwright-core. The CDN office.js URL is answered with the simulator's office.js; every other request that
 * leaves localhost is refused, so a test fails if the add-in tried to reach a real Microsoft endpoint. Below it, the
 * page drivers the tests and the bench share (frames, selection, the ribbon).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from "playwright-core";
import { ensureDevCerts } from "../../tools/dev-certs";
import { rewriteOrigin } from "../../tools/manifest/make-prod-manifest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../emulator/server";
import { buildOfficeJs } from "../simulator/build";
import { type ShellOptions, type ShellServer, startShell } from "../simulator/server";
import { launchChromium } from "./chromium";
import { E2E, E2E_ADDIN_ORIGIN } from "./config";
import { type StaticServer, serveStatic } from "./staticServer";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export interface Stack {
  emulator: Emulator;
  addin: StaticServer;
  shell: ShellServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests that tried to leave localhost (must stay empty). */
  external: string[];
  /** Whether resetStack has the person accept every consent prompt (see StackOptions.acceptConsent). */
  acceptConsent: boolean;
  close(): Promise<void>;
}

export interface StackOptions {
  emulator?: Partial<EmulatorOptions>;
  shell?: Partial<Omit<ShellOptions, "https" | "manifestPath">>;
  /** More browser-context options (time zone, locale, colour scheme, forced colours). */
  context?: BrowserContextOptions;
  /**
   * Each test starts with the person accepting consent prompts. Mail.ReadWrite.Shared and Calendars.ReadWrite
   * aren't consented when a test starts: their first use goes interactive (the simulator refuses a silent request
   * consent_required), and with this the person accepts the prompt. A test can still turn it off for itself.
   */
  acceptConsent?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const certs = await ensureDevCerts();
  const tls = { key: certs.key, cert: certs.cert };
  const tmp = await mkdtemp(join(tmpdir(), "pd-e2e-"));
  const manifestPath = join(tmp, "manifest.xml");
  const manifest = await readFile(resolve(import.meta.dirname, "../../manifest.xml"), "utf8");
  await writeFile(manifestPath, rewriteOrigin(manifest, E2E_ADDIN_ORIGIN));

  const emulator = await startEmulator({ port: E2E.emulatorPort, https: tls, ...options.emulator });
  const addin = await serveStatic(E2E.outDir, { port: E2E.addinPort, ...tls });
  const shell = await startShell({
    port: E2E.shellPort,
    addinOrigin: E2E_ADDIN_ORIGIN,
    emulatorUrl: emulator.url,
    https: tls,
    manifestPath,
    pollMs: 0,
    ...options.shell,
  });
  const officeJs = await buildOfficeJs();
  const browser = await launchChromium();
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
    ...options.context,
  });
  context.setDefaultTimeout(15_000);
  const external: string[] = [];
  await context.route(
    (url) => url.hostname !== "localhost" && url.hostname !== "127.0.0.1",
    (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS_CDN) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs });
      }
      external.push(url);
      return route.abort("blockedbyclient");
    },
  );
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error("[page error]", error.message));
  await page.goto(`${shell.url}/`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");

  return {
    emulator,
    addin,
    shell,
    browser,
    context,
    page,
    external,
    acceptConsent: options.acceptConsent ?? false,
    async close() {
      await browser.close().catch(() => undefined);
      await Promise.allSettled([shell.close(), addin.close(), emulator.close()]);
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

/** Resets the simulator and the emulator between tests. */
export async function resetStack(stack: Stack): Promise<void> {
  await stack.page.evaluate(() => window.simulator?.reset());
  stack.emulator.control.reset();
  // reset() keeps settings: a test that made the emulator another cloud's Graph and Entra ID ends that here.
  stack.emulator.control.configure({ cloud: "global" });
  await stack.page.evaluate(() => window.simulator?.refresh());
  if (stack.acceptConsent) await stack.page.evaluate(() => window.simulator?.setPopupAutoAccept(true));
  stack.external.length = 0;
}

async function frameByName(page: Page, name: () => string | null | undefined): Promise<Frame> {
  const handle = await page.waitForFunction(name);
  const value = (await handle.jsonValue()) as string;
  for (let i = 0; i < 500; i++) {
    const frame = page.frame({ name: value });
    if (frame) return frame;
    await page.waitForTimeout(20);
  }
  throw new Error(`frame ${value} never appeared`);
}

export function taskpaneFrame(page: Page): Promise<Frame> {
  return frameByName(page, () => window.simulator?.taskpaneFrame()?.frameName);
}

export function dialogFrame(page: Page): Promise<Frame> {
  return frameByName(page, () => window.simulator?.dialogFrame()?.frameName);
}

/** Selects the message at `index` in the current folder and returns its REST id and subject. */
export async function selectMessage(page: Page, index: number): Promise<{ id: string; subject: string }> {
  return page.evaluate((i) => {
    const sim = window.simulator;
    if (!sim) throw new Error("no simulator");
    const message = sim.messages()[i];
    if (!message) throw new Error(`no message at ${i}`);
    sim.selectMessage(i);
    return { id: message.restId, subject: message.subject };
  }, index);
}

/** Waits for the last ribbon command to call event.completed() and returns the notifications its item showed. */
export async function commandFinished(page: Page): Promise<{ type: string; message: string }[]> {
  await page.waitForFunction(() => {
    const last = window.simulator?.lastCommand();
    return Boolean(last?.completedAt);
  });
  // What the command's item showed: after a purge the shell's refresh may already have dropped the item (and its
  // non-persistent notifications) from the list, as Outlook does once it learns the item is gone.
  const notes = await page.evaluate(() => {
    const key = window.simulator?.lastCommand()?.itemKey;
    return key
      ? (window.simulator?.notificationsShown(key) ?? [])
      : (window.simulator?.notifications() ?? []);
  });
  return notes.map((n) => ({ type: String(n.type), message: String(n.message) }));
}

/** Presses a ribbon button by its label. */
export async function pressRibbon(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).first().click();
}
