/**
 * The task pane and the ribbon command in Chromium on the e2e stack (dev/stack/stack.ts): production build,
 * simulator shell, emulator with REQUEST_TIME_MS server time. Times are taken inside the pages
 * (performance.now / timeOrigin), so Playwright's own round trips are not in them.
 */
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { buildOfficeJs } from "../dev/simulator/build";
import { commandFinished, dialogFrame, OFFICE_JS_CDN, type Stack, taskpaneFrame } from "../dev/stack/stack";
import { countRequests, median, peakConcurrency, phases, type RunResult } from "./measure";

interface BenchWindow {
  /** performance.now() when a "Delete permanently" button outside a dialog was first visible and enabled. */
  __benchUsable?: number;
  /** What ends a timed purge: the bulk report region, or the single-item "Deleted permanently" state. */
  __benchArmed?: "report" | "deleted";
  __benchClick?: number;
  __benchDone?: number;
}

/**
 * Runs in every document of the context from its start: watches the DOM for the moments the benchmark times.
 * A MutationObserver sees the change in the task that made it (before the paint that shows it). Plain JS in a
 * string: tsx compiles functions with name helpers (`__name`) that do not exist in the page.
 */
const PROBE = `(() => {
  const w = window;
  const named = (b) => (b.textContent || "").trim() === "Delete permanently";
  const usable = (b) =>
    !b.disabled && b.getAttribute("aria-disabled") !== "true" && b.checkVisibility() &&
    b.getBoundingClientRect().width > 0;
  const scan = () => {
    if (w.__benchUsable === undefined) {
      for (const b of document.querySelectorAll("button")) {
        if (named(b) && b.closest('[role="alertdialog"]') === null && usable(b)) {
          w.__benchUsable = performance.now();
          break;
        }
      }
    }
    if (w.__benchArmed !== undefined && w.__benchClick !== undefined && w.__benchDone === undefined) {
      const done = w.__benchArmed === "report"
        ? document.querySelector('section[aria-label="Report"]') !== null
        : [...document.querySelectorAll("body *")].some((e) => (e.textContent || "").trim() === "Deleted permanently");
      if (done) w.__benchDone = performance.now();
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button") : null;
    if (w.__benchArmed === undefined || w.__benchClick !== undefined || button === null) return;
    if (named(button) && button.closest('[role="alertdialog"]') !== null) w.__benchClick = performance.now();
  }, true);
})();`;

export async function installProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: PROBE });
}

const maxSeq = (stack: Stack) => stack.emulator.control.requests().reduce((m, r) => Math.max(m, r.seq), 0);

async function timedConfirm(
  stack: Stack,
  pane: Frame,
  confirm: () => Promise<void>,
  armed: "report" | "deleted",
  ids: string[],
  label: string,
): Promise<RunResult> {
  await pane.evaluate((a) => {
    (window as unknown as BenchWindow).__benchArmed = a;
  }, armed);
  const mark = maxSeq(stack);
  await confirm();
  await pane.waitForFunction(() => (window as unknown as BenchWindow).__benchDone !== undefined, null, {
    timeout: 120_000,
  });
  const { click, done, origin, fetched } = await pane.evaluate(() => {
    const w = window as unknown as BenchWindow;
    const clicked = w.__benchClick ?? Number.NaN;
    // What the pane fetched after the click besides Graph (lazy chunks), relative to the click.
    const fetched = performance
      .getEntriesByType("resource")
      .filter((e) => e.startTime >= clicked && !e.name.includes("/v1.0/"))
      .map(
        (e) =>
          `${e.name.replace(/^.*\//, "")} at +${Math.round(e.startTime - clicked)} ms for ${Math.round(e.duration)} ms`,
      );
    return { click: clicked, done: w.__benchDone ?? Number.NaN, origin: performance.timeOrigin, fetched };
  });
  const clickEpoch = origin + click;
  // NAA token requests the pane made through the host (the simulator's host log), after the click.
  const tokenCalls = await stack.page.evaluate(
    (since) =>
      (window.simulator?.log() ?? []).filter(
        (e) => e.kind === "naa" && e.at >= since && String(e.detail).startsWith("GetToken"),
      ).length,
    Math.floor(clickEpoch),
  );
  const log = stack.emulator.control.requests().filter((r) => r.seq > mark);
  const counts = countRequests(log);
  const purged = new Set(stack.emulator.control.purges().map((p) => p.id));
  const ops = new Map<string, number>();
  for (const r of log) if (r.kind === "graph") ops.set(r.op ?? "?", (ops.get(r.op ?? "?") ?? 0) + 1);
  return {
    label,
    n: ids.length,
    wallMs: done - click,
    ...counts,
    failed: ids.filter((id) => !purged.has(id)).length,
    notes:
      `requests by op: ${[...ops].map(([op, k]) => `${op} ${k}`).join(", ")}; peak members at once ` +
      `${peakConcurrency(log)}; ${phases(log, Math.round(origin + click), Math.round(origin + done))}` +
      `; NAA GetToken calls ${tokenCalls}; fetched after the click: ${fetched.length > 0 ? fetched.join(", ") : "nothing"}`,
  };
}

/** N=1: the single-message pane flow (select, open the pane, Delete permanently, confirm). */
export async function runPaneSingle(stack: Stack): Promise<RunResult> {
  const { page } = stack;
  const message = await page.evaluate(() => {
    const m = window.simulator?.messages()[0];
    if (!m) throw new Error("no message");
    window.simulator?.selectMessage(m.restId);
    return { id: m.restId, subject: m.subject };
  });
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("heading", { name: message.subject }).waitFor();
  await pane.getByRole("button", { name: "Delete permanently" }).click();
  const dialog = pane.getByRole("alertdialog");
  await dialog.waitFor();
  return timedConfirm(
    stack,
    pane,
    () => dialog.getByRole("button", { name: "Delete permanently" }).click(),
    "deleted",
    [message.id],
    "pane N=1",
  );
}

/** N≥10: a multi-selection of N seeded messages, the typed-count confirmation, the report. */
export async function runPaneBulk(stack: Stack, n: number): Promise<RunResult> {
  const { page, emulator } = stack;
  const added = emulator.control.addMessages({ folder: "archive", count: n + 20, subjectPrefix: "[bench] " });
  const ids = added.slice(0, n).map((m) => m.id);
  await page.evaluate(() => window.simulator?.openFolder("archive"));
  await page.evaluate((refs) => window.simulator?.selectMessages(refs), ids);
  const selected = await page.evaluate(() => window.simulator?.selection().length ?? 0);
  if (selected !== n) throw new Error(`the shell selected ${selected} messages, not ${n}`);
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("region", { name: "Selected messages" }).waitFor({ timeout: 60_000 });
  const start = pane.getByRole("button", { name: `Delete ${n} permanently` });
  await start.waitFor({ timeout: 60_000 });
  await start.click();
  const dialog = pane.getByRole("alertdialog");
  await dialog.waitFor();
  await dialog.getByLabel(`Type ${n} to confirm`).fill(String(n));
  return timedConfirm(
    stack,
    pane,
    () => dialog.getByRole("button", { name: "Delete permanently" }).click(),
    "report",
    ids,
    `pane N=${n}`,
  );
}

// ------------------------------------------------------------------ UI speed

async function freshPage(browser: Browser, shellUrl: string, officeJs: string) {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
  });
  context.setDefaultTimeout(30_000);
  await context.route(
    (url) => url.hostname !== "localhost" && url.hostname !== "127.0.0.1",
    (route) =>
      route.request().url() === OFFICE_JS_CDN
        ? route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs })
        : route.abort("blockedbyclient"),
  );
  await installProbe(context);
  const page = await context.newPage();
  await page.goto(`${shellUrl}/`);
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  await page.evaluate(() => {
    const m = window.simulator?.messages()[0];
    if (m) window.simulator?.selectMessage(m.restId);
  });
  return { context, page };
}

/** Ribbon press (timed in the shell) to the dialog's Delete button usable (timed in the dialog). */
async function ribbonToDialog(page: Page): Promise<number> {
  const pressedAt = await page
    .getByRole("button", { name: "Delete permanently", exact: true })
    .first()
    .evaluate((button) => {
      const t = performance.timeOrigin + performance.now();
      (button as HTMLElement).click();
      return t;
    });
  const dialog = await dialogFrame(page);
  await dialog.waitForFunction(() => (window as unknown as BenchWindow).__benchUsable !== undefined);
  const usableAt = await dialog.evaluate(
    () => performance.timeOrigin + ((window as unknown as BenchWindow).__benchUsable ?? Number.NaN),
  );
  // Leave it without deleting: Cancel, and wait for the command to complete before the next press.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await commandFinished(page);
  return usableAt - pressedAt;
}

/** The pane frame's load start (its navigation start) to its "Delete permanently" button usable. */
async function paneFirstUsable(page: Page): Promise<number> {
  await page.evaluate(() => window.simulator?.closeTaskpane());
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.waitForFunction(() => (window as unknown as BenchWindow).__benchUsable !== undefined);
  return pane.evaluate(() => (window as unknown as BenchWindow).__benchUsable ?? Number.NaN);
}

/** The ribbon's "Permanent Delete pane" press (timed in the shell) to the pane's Delete button usable (in the pane). */
async function ribbonToPane(page: Page): Promise<number> {
  await page.evaluate(() => window.simulator?.closeTaskpane());
  const pressedAt = await page
    .getByRole("button", { name: "Permanent Delete pane", exact: true })
    .first()
    .evaluate((button) => {
      const t = performance.timeOrigin + performance.now();
      (button as HTMLElement).click();
      return t;
    });
  const pane = await taskpaneFrame(page);
  await pane.waitForFunction(() => (window as unknown as BenchWindow).__benchUsable !== undefined, null, {
    timeout: 60_000,
  });
  const usableAt = await pane.evaluate(
    () => performance.timeOrigin + ((window as unknown as BenchWindow).__benchUsable ?? Number.NaN),
  );
  return usableAt - pressedAt;
}

/**
 * `npm start` as a person meets it: per run the demo is started afresh (tools/start.ts startDemo: the simulator
 * build, served as files, the shell and the emulator, on ports of their own), a fresh browser context opens the
 * shell and selects the first message; cold = the first press of the ribbon's pane button, warm = the pane closed
 * and the button pressed again in the same context.
 */
export async function runDemoSpeed(browser: Browser, runs: number, portBase: number): Promise<SpeedResult[]> {
  const { startDemo } = await import("../tools/start");
  const pane: SpeedResult = {
    name: "npm start: ribbon 'Permanent Delete pane' press → Delete usable",
    cold: [],
    warm: [],
  };
  const builds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const demo = await startDemo({
      addinPort: portBase,
      emulatorPort: portBase + 1,
      shellPort: portBase + 2,
      outDir: `${process.cwd()}/dist-simulator-${portBase}`,
    });
    builds.push(demo.buildMs);
    try {
      const context = await browser.newContext({
        ignoreHTTPSErrors: true,
        viewport: { width: 1400, height: 900 },
      });
      context.setDefaultTimeout(60_000);
      await context.route(
        (url) => url.hostname !== "localhost" && url.hostname !== "127.0.0.1",
        (route) => route.abort("blockedbyclient"),
      );
      await installProbe(context);
      const page = await context.newPage();
      await page.goto(`${demo.shellUrl}/`);
      await page.waitForFunction(() => document.body.dataset.ready === "true");
      await page.evaluate(() => {
        const m = window.simulator?.messages()[0];
        if (m) window.simulator?.selectMessage(m.restId);
      });
      pane.cold.push(await ribbonToPane(page));
      for (let w = 0; w < 3; w++) pane.warm.push(await ribbonToPane(page));
      await context.close();
    } finally {
      await demo.close();
    }
  }
  process.stderr.write(`npm start's build: median ${median(builds).toFixed(0)} ms\n`);
  return [pane];
}

export interface SpeedResult {
  name: string;
  cold: number[];
  warm: number[];
}

export async function runSpeed(stack: Stack, runs: number): Promise<SpeedResult[]> {
  const officeJs = await buildOfficeJs();
  const ribbon: SpeedResult = { name: "ribbon press → confirmation's Delete usable", cold: [], warm: [] };
  const pane: SpeedResult = { name: "task pane load start → Delete permanently usable", cold: [], warm: [] };
  for (let i = 0; i < runs; i++) {
    stack.emulator.control.reset();
    {
      const { context, page } = await freshPage(stack.browser, stack.shell.url, officeJs);
      ribbon.cold.push(await ribbonToDialog(page));
      ribbon.warm.push(await ribbonToDialog(page));
      await context.close();
    }
    {
      const { context, page } = await freshPage(stack.browser, stack.shell.url, officeJs);
      pane.cold.push(await paneFirstUsable(page));
      pane.warm.push(await paneFirstUsable(page));
      await context.close();
    }
  }
  return [ribbon, pane];
}

export function speedTable(results: readonly SpeedResult[]): string {
  const fmt = (xs: number[]) =>
    `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  return results
    .flatMap((r) => [`${r.name}, cold: ${fmt(r.cold)}`, `${r.name}, warm: ${fmt(r.warm)}`])
    .join("\n");
}
