/**
 * Browser smoke test: the shell in Chromium (playwright-core) with a fake add-in (fixtures/) on its own origin and a
 * stub of the Graph emulator. The CDN office.js URL is routed to the simulator's office.js, as e2e tests will do.
 * Fails when there is no Chromium (dev/stack/chromium.ts says how to get one).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureDevCerts } from "../../tools/dev-certs";
import { launchChromium } from "../stack/chromium";
import { buildOfficeJs } from "./build";
import { type Running, type StubEmulator, startFixtureServer, startStubEmulator } from "./fixtures/servers";
import { type ShellServer, startShell } from "./server";

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** window.fixture of fixtures/taskpane.js, as far as the dialog tests use it. */
type PaneFixture = {
  openDialog: (u: string, o?: unknown) => Promise<unknown>;
  messageChild: (m: string) => void;
  closeDialog: () => void;
  dialogMessages: unknown[];
  dialogEvents: unknown[];
  callbackWasAsync: boolean | null;
};

describe("Outlook simulator in Chromium", { timeout: 20_000 }, () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let shell: ShellServer;
  let fixtures: Running;
  let emulator: StubEmulator;
  let tmp: string;

  beforeAll(async () => {
    const certs = await ensureDevCerts();
    const tls = { key: certs.key, cert: certs.cert };
    [fixtures, emulator] = await Promise.all([startFixtureServer(tls), startStubEmulator(tls)]);
    tmp = await mkdtemp(join(tmpdir(), "outlook-sim-"));
    const manifest = (
      await readFile(resolve(import.meta.dirname, "fixtures/manifest.xml"), "utf8")
    ).replaceAll("https://localhost:3000", fixtures.url);
    await writeFile(join(tmp, "manifest.xml"), manifest);
    shell = await startShell({
      port: 0,
      addinOrigin: fixtures.url,
      emulatorUrl: emulator.url,
      https: tls,
      manifestPath: join(tmp, "manifest.xml"),
      pollMs: 0,
    });
    const officeJs = await buildOfficeJs();
    browser = await launchChromium();
    context = await browser.newContext({ ignoreHTTPSErrors: true });
    // Fail a stuck wait with its own message well inside the test's timeout.
    context.setDefaultTimeout(8_000);
    await context.route(CDN, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs }),
    );
    page = await context.newPage();
    page.on("pageerror", (error) => console.error("[shell page error]", error));
    await page.goto(`${shell.url}/`);
    await page.waitForFunction(() => document.body.dataset.ready === "true");
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([shell?.close(), fixtures?.close(), emulator?.close()]);
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await page.evaluate(() => window.simulator?.reset());
  });

  async function frameNamed(name: () => string | null | undefined): Promise<Frame> {
    const handle = await page.waitForFunction(name);
    const value = (await handle.jsonValue()) as string;
    for (;;) {
      const frame = page.frame({ name: value });
      if (frame) return frame;
      await page.waitForTimeout(20);
    }
  }

  /** The dialog's popup window, found as a test would: by the window name dialogFrame() reports. */
  async function dialogPopup(): Promise<Page> {
    const handle = await page.waitForFunction(() => {
      const dialog = window.simulator?.dialogFrame();
      return dialog?.popup ? dialog.frameName : null;
    });
    const name = (await handle.jsonValue()) as string;
    for (let i = 0; i < 400; i++) {
      for (const candidate of context.pages()) {
        if (candidate === page || candidate.isClosed()) continue;
        const windowName = await candidate.evaluate(() => window.name).catch(() => null);
        if (windowName === name) return candidate;
      }
      await page.waitForTimeout(20);
    }
    throw new Error(`no popup window named ${name}`);
  }

  async function openPane(): Promise<Frame> {
    await page.getByRole("button", { name: "Open pane" }).click();
    const frame = await frameNamed(() => window.simulator?.taskpaneFrame()?.frameName);
    await frame.waitForFunction(() => (window as unknown as { fixture?: { info?: unknown } }).fixture?.info);
    return frame;
  }

  it("loads the mailbox from the emulator and builds the ribbon from manifest.xml", async () => {
    const messages = await page.evaluate(() => window.simulator?.messages().map((m) => m.subject));
    expect(messages).toEqual(["Quarterly results", "Lunch on Friday?", "Invoice INV-2291"]);
    await expect(page.getByRole("option").count()).resolves.toBe(3);
    const run = page.getByRole("button", { name: "Run command" });
    await expect(run.isDisabled()).resolves.toBe(true);
    await page.getByRole("option").first().click();
    await expect(run.isDisabled()).resolves.toBe(false);
    await expect(run.getAttribute("title")).resolves.toContain("function command");
  });

  it("hands the task pane the current item after the office.js handshake", async () => {
    await page.getByRole("option").nth(1).click();
    const pane = await openPane();
    const state = await pane.evaluate(() => {
      const f = (window as unknown as { fixture: Record<string, (...a: unknown[]) => unknown> }).fixture;
      return {
        info: (f as unknown as { info: unknown }).info,
        item: f.item?.(),
        mailbox13: f.isSet?.("Mailbox", "1.13"),
        mailbox16: f.isSet?.("Mailbox", "1.16"),
        mailbox17: f.isSet?.("Mailbox", "1.17"),
        naa: f.isSet?.("NestedAppAuth", "1.1"),
        bridge: f.hasBridge?.(),
      };
    });
    expect(state.info).toEqual({ host: "Outlook", platform: "OfficeOnline" });
    expect(state.item).toMatchObject({
      itemId: "AAMkAGI2+second/msg+BBB=",
      restId: "AAMkAGI2_second-msg_BBB=",
      subject: "Lunch on Friday?",
      from: { displayName: "Sender 1", emailAddress: "sender1@fabrikam.example" },
      itemType: "message",
      created: true,
      hasShared: false,
    });
    // Outlook on the web's sets (outlook-api-requirement-sets.md): Mailbox up to 1.16.
    expect(state).toMatchObject({
      mailbox13: true,
      mailbox16: true,
      mailbox17: false,
      naa: true,
      bridge: true,
    });
  });

  // ExecuteFunction works on one item (office-js#5232, by design); ShowTaskpane with SupportsMultiSelect on several
  // (manifest Action docs); an unpinned pane closes when the item changes (pinnable task pane docs); multi-select
  // needs ReadWriteMailbox (getSelectedItemsAsync reference: the fixture has it).
  it("enables ExecuteFunction for one item only, ShowTaskpane for several, and closes an unpinned pane on a change", async () => {
    await page.getByRole("option").first().click();
    await openPane();
    await page.getByRole("option").nth(1).click();
    expect(await page.evaluate(() => window.simulator?.taskpaneFrame())).toBeNull();
    await page.evaluate(() => window.simulator?.selectMessages([0, 1]));
    const ribbon = await page.evaluate(() => window.simulator?.ribbon() ?? []);
    expect(ribbon.map((b) => [b.label, b.kind, b.enabled])).toEqual([
      ["Run command", "ExecuteFunction", false],
      ["Open pane", "ShowTaskpane", true],
    ]);
    const pane = await openPane();
    const selected = await pane.evaluate(() =>
      (window as unknown as { fixture: { getSelected: () => Promise<unknown> } }).fixture.getSelected(),
    );
    expect(selected).toMatchObject({ status: "succeeded", value: [{ subject: "Quarterly results" }, {}] });
    expect(await page.evaluate(() => window.simulator?.currentItem())).toBeNull();
  });

  it("raises ItemChanged and SelectedItemsChanged in a pinned pane and reports the selection", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    await page.getByRole("button", { name: "Pin" }).click();
    await page.getByRole("option").nth(2).click();
    await page
      .getByRole("option")
      .nth(1)
      .click({ modifiers: ["Control"] });
    await pane.waitForFunction(
      () => (window as unknown as { fixture: { events: unknown[] } }).fixture.events.length >= 4,
    );
    const events = await pane.evaluate(
      () => (window as unknown as { fixture: { events: unknown[] } }).fixture.events,
    );
    expect(events).toEqual([
      { type: "ItemChanged", itemId: "AAMkAGI2+third/msg+CCC=" },
      { type: "SelectedItemsChanged" },
      { type: "ItemChanged", itemId: null },
      { type: "SelectedItemsChanged" },
    ]);
    const selected = await pane.evaluate(() =>
      (window as unknown as { fixture: { getSelected: () => Promise<unknown> } }).fixture.getSelected(),
    );
    expect(selected).toMatchObject({
      status: "succeeded",
      asyncContext: "sel",
      value: [
        {
          itemId: "AAMkAGI2+third/msg+CCC=",
          itemMode: "Read",
          itemType: "Message",
          subject: "Invoice INV-2291",
        },
        { itemId: "AAMkAGI2+second/msg+BBB=", subject: "Lunch on Friday?" },
      ],
    });
  });

  it("enforces Outlook's notification limits and shows notifications over the reading pane", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    const results = await pane.evaluate(async () => {
      const f = (window as unknown as { fixture: { notify: (k: string, d: unknown) => Promise<unknown> } })
        .fixture;
      const out: unknown[] = [
        await f.notify("long", {
          type: "informationalMessage",
          message: "x".repeat(151),
          icon: "Icon",
          persistent: false,
        }),
        // office.js: an informational message needs its icon (an image id of the manifest) and persistent.
        await f.notify("noicon", { type: "informationalMessage", message: "m", persistent: false }),
        await f.notify("nopersist", { type: "informationalMessage", message: "m", icon: "Icon" }),
        await f.notify("unknownicon", {
          type: "informationalMessage",
          message: "m",
          icon: "Nope",
          persistent: false,
        }),
      ];
      for (let i = 0; i < 6; i++) {
        out.push(
          await f.notify(`k${i}`, {
            type: "informationalMessage",
            message: `Note ${i}`,
            icon: "Icon",
            persistent: false,
          }),
        );
      }
      return out;
    });
    expect(results[0]).toEqual({ thrown: "Sys.ArgumentOutOfRangeException" });
    expect(results[1]).toEqual({ thrown: "Sys.ArgumentNullException" });
    expect(results[2]).toEqual({ thrown: "Sys.ArgumentNullException" });
    expect(results[3]).toMatchObject({ status: "failed", error: { code: 5001 } });
    expect(results.slice(4, 9)).toEqual(Array(5).fill({ status: "succeeded", asyncContext: undefined }));
    expect(results[9]).toMatchObject({
      status: "failed",
      error: { code: 9025, name: "NumberOfNotificationMessagesExceeded" },
    });
    await expect(page.getByRole("region", { name: "Add-in notifications" }).textContent()).resolves.toContain(
      "Note 4",
    );
  });

  it("runs a ribbon command: function file, dialog, messageParent, notification, completed", async () => {
    await page.getByRole("option").first().click();
    await page.getByRole("button", { name: "Run command" }).click();
    const dialog = await frameNamed(() => window.simulator?.dialogFrame()?.frameName);
    // The page wires its buttons in Office.onReady.
    await dialog.waitForFunction(() => (window as unknown as { dialogState?: unknown }).dialogState);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await page.waitForFunction(() => window.simulator?.lastCommand()?.completedAt);
    const last = await page.evaluate(() => window.simulator?.lastCommand());
    expect(last).toMatchObject({ label: "Run command", functionName: "runCommand", timedOut: false });
    const notes = await page.evaluate(() => window.simulator?.notifications());
    expect(notes).toEqual([
      {
        key: "fixture",
        type: "informationalMessage",
        message: "Answer confirm for AAMkAGI2_fir",
        icon: "Icon",
        persistent: true,
      },
    ]);
    expect(
      await page.evaluate(() => [window.simulator?.functionFrame(), window.simulator?.dialogFrame()]),
    ).toEqual([null, null]);
    await expect(page.getByRole("status").textContent()).resolves.toContain("Run command: completed");
  });

  it("ends a command that never completes and says so", async () => {
    await page.evaluate(() => window.simulator?.setCommandTimeout(400));
    await page.getByRole("option").first().click();
    await page.getByRole("button", { name: "Run command" }).click();
    await page.waitForFunction(() => window.simulator?.lastCommand()?.timedOut);
    expect(
      await page.evaluate(() => [window.simulator?.functionFrame(), window.simulator?.dialogFrame()]),
    ).toEqual([null, null]);
    await expect(page.getByRole("status").textContent()).resolves.toContain("did not complete");
    await page.evaluate(() => window.simulator?.setCommandTimeout(300_000));
  });

  it("round-trips messages with an iframe dialog and answers 12007, 12006, 12004 and 12005", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    type F = PaneFixture;
    const opened = await pane.evaluate(
      (url) =>
        (window as unknown as { fixture: F }).fixture.openDialog(url, {
          height: 40,
          width: 30,
          displayInIframe: true,
        }),
      `${fixtures.url}/fixtures/dialog.html`,
    );
    expect(opened).toEqual({ status: "succeeded" });
    expect(await page.evaluate(() => window.simulator?.dialogFrame()?.popup)).toBe(false);
    const dialog = await frameNamed(() => window.simulator?.dialogFrame()?.frameName);
    await dialog.waitForFunction(() => (window as unknown as { dialogState?: unknown }).dialogState);
    expect(await dialog.evaluate(() => (window as unknown as { dialogState: unknown }).dialogState)).toEqual({
      naa: false,
      mailbox: true,
      bridge: "undefined",
      hopped: false,
    });
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 0);
    await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.messageChild("hello child"));
    await dialog.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 0);
    expect(await dialog.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([
      { message: "hello child", origin: fixtures.url },
    ]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 1);
    const state = await pane.evaluate(() => {
      const f = (window as unknown as { fixture: F }).fixture;
      return { messages: f.dialogMessages, async: f.callbackWasAsync };
    });
    expect(state).toEqual({
      messages: [
        { message: "ready", origin: fixtures.url },
        { message: "cancel", origin: fixtures.url },
      ],
      async: true,
    });
    const again = await pane.evaluate(
      (url) => (window as unknown as { fixture: F }).fixture.openDialog(url),
      `${fixtures.url}/fixtures/dialog.html`,
    );
    expect(again).toEqual({ status: "failed", error: { code: 12007, name: "Display Dialog Error" } });
    await page.getByRole("button", { name: "Close dialog", exact: true }).click();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogEvents.length > 0);
    expect(await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.dialogEvents)).toEqual([
      12006,
    ]);
    const foreign = await pane.evaluate(() =>
      (window as unknown as { fixture: F }).fixture.openDialog("https://evil.example/dialog.html"),
    );
    expect(foreign).toMatchObject({ status: "failed", error: { code: 12004 } });
    const http = await pane.evaluate(
      (url) => (window as unknown as { fixture: F }).fixture.openDialog(url),
      `${fixtures.url.replace("https:", "http:")}/fixtures/dialog.html`,
    );
    expect(http).toMatchObject({ status: "failed", error: { code: 12005 } });
  });

  // "A host page can have only one dialog box open at a time. The host page could be either a task pane or the
  // function file of a function command" (learn.microsoft.com/office/dev/add-ins/develop/dialog-best-practices).
  it("allows one dialog per host page: a ribbon command opens its own while the task pane's is open", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    type F = PaneFixture;
    const url = `${fixtures.url}/fixtures/dialog.html`;
    // The pane's dialog in a popup window (Outlook on the web's default), so the ribbon stays clickable.
    const first = await pane.evaluate(
      (u) => (window as unknown as { fixture: F }).fixture.openDialog(u),
      url,
    );
    expect(first).toEqual({ status: "succeeded" });
    // The same page again: 12007.
    const again = await pane.evaluate(
      (u) => (window as unknown as { fixture: F }).fixture.openDialog(u),
      url,
    );
    expect(again).toEqual({ status: "failed", error: { code: 12007, name: "Display Dialog Error" } });

    // The function command is another host page: its dialog opens.
    await page.getByRole("button", { name: "Run command" }).click();
    await page.waitForFunction(() => (window.simulator?.dialogs().length ?? 0) === 2);
    const open = await page.evaluate(() => window.simulator?.dialogs() ?? []);
    expect(new Set(open.map((d) => d.openerFrameId)).size).toBe(2);
    const commandDialog = await frameNamed(() => window.simulator?.dialogFrame()?.frameName);
    await commandDialog.waitForFunction(() => (window as unknown as { dialogState?: unknown }).dialogState);
    await commandDialog.getByRole("button", { name: "Confirm" }).click();
    await page.waitForFunction(() => window.simulator?.lastCommand()?.completedAt);
    const notes = await page.evaluate(() => window.simulator?.notifications() ?? []);
    expect(notes.map((n) => n.message)).toEqual([expect.stringMatching(/^Answer confirm for /)]);
    // The pane's dialog is still there; the command's went with its runtime.
    const left = await page.evaluate(() => window.simulator?.dialogs() ?? []);
    expect(left.map((d) => d.popup)).toEqual([true]);
    await page.evaluate(() => window.simulator?.closeDialogWithX());
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogEvents.length > 0);
  });

  it("opens a dialog without displayInIframe in a popup window and round-trips messages with it", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    type F = PaneFixture;
    const popupEvent = page.waitForEvent("popup");
    const opened = await pane.evaluate(
      (url) => (window as unknown as { fixture: F }).fixture.openDialog(url),
      `${fixtures.url}/fixtures/dialog.html`,
    );
    expect(opened).toEqual({ status: "succeeded" });
    const popup = await dialogPopup();
    expect(await popupEvent).toBe(popup);
    expect(await page.evaluate(() => window.simulator?.dialogFrame())).toMatchObject({
      popup: true,
      url: `${fixtures.url}/fixtures/dialog.html`,
      widthPercent: 30,
      heightPercent: 40,
    });
    // No overlay in the shell, only the note that the dialog is in another window.
    await expect(page.getByRole("dialog").count()).resolves.toBe(0);
    await expect(page.getByRole("region", { name: "Add-in dialog window" }).textContent()).resolves.toContain(
      "dialog open in another window",
    );
    await popup.waitForFunction(() => (window as unknown as { dialogState?: unknown }).dialogState);
    expect(
      await popup.evaluate(() => ({
        state: (window as unknown as { dialogState: unknown }).dialogState,
        topLevel: window.parent === window,
        hasOpener: window.opener !== null,
      })),
    ).toEqual({
      state: { naa: false, mailbox: true, bridge: "undefined", hopped: false },
      topLevel: true,
      hasOpener: true,
    });
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 0);
    await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.messageChild("hello popup"));
    await popup.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 0);
    expect(await popup.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([
      { message: "hello popup", origin: fixtures.url },
    ]);
    await popup.getByRole("button", { name: "Confirm" }).click();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 1);
    expect(await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.dialogMessages)).toEqual([
      { message: "ready", origin: fixtures.url },
      { message: "confirm", origin: fixtures.url },
    ]);
    const again = await pane.evaluate(
      (url) => (window as unknown as { fixture: F }).fixture.openDialog(url),
      `${fixtures.url}/fixtures/dialog.html`,
    );
    expect(again).toEqual({ status: "failed", error: { code: 12007, name: "Display Dialog Error" } });
    // closeDialogWithX() closes the window and raises 12006, as the person closing it would.
    const gone = popup.waitForEvent("close");
    await page.evaluate(() => window.simulator?.closeDialogWithX());
    await gone;
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogEvents.length > 0);
    expect(await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.dialogEvents)).toEqual([
      12006,
    ]);
    expect(await page.evaluate(() => window.simulator?.dialogFrame())).toBeNull();
    await expect(page.getByRole("region", { name: "Add-in dialog window" }).isHidden()).resolves.toBe(true);
  });

  it("raises 12006 when the person closes the popup window, and nothing when the add-in closes it", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    type F = PaneFixture;
    const url = `${fixtures.url}/fixtures/dialog.html`;
    await pane.evaluate((u) => (window as unknown as { fixture: F }).fixture.openDialog(u), url);
    const first = await dialogPopup();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 0);
    // The add-in's own dialog.close(): the window goes, no DialogEventReceived.
    const firstGone = first.waitForEvent("close");
    await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.closeDialog());
    await firstGone;
    await page.waitForFunction(() => window.simulator?.dialogFrame() === null);
    // The person closes the next one with the window's own close button.
    await pane.evaluate((u) => (window as unknown as { fixture: F }).fixture.openDialog(u), url);
    const second = await dialogPopup();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 1);
    await second.close();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogEvents.length > 0);
    expect(await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.dialogEvents)).toEqual([
      12006,
    ]);
    expect(await page.evaluate(() => window.simulator?.dialogFrame())).toBeNull();
    const log = await page.evaluate(() => window.simulator?.log().map((e) => e.detail) ?? []);
    expect(log).toContain("popup window closed by the person (12006)");
  });

  it("keeps the host for a popup dialog page that navigates to another origin and back", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    type F = PaneFixture;
    const hopsBefore = emulator.hops.length;
    const url = `${fixtures.url}/fixtures/dialog.html?hop=${encodeURIComponent(emulator.url)}`;
    await pane.evaluate((u) => (window as unknown as { fixture: F }).fixture.openDialog(u), url);
    const popup = await dialogPopup();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 0);
    expect(emulator.hops.slice(hopsBefore)).toEqual([`${url}&hopped=1`]);
    expect(await popup.evaluate(() => (window as unknown as { dialogState: unknown }).dialogState)).toEqual({
      naa: false,
      mailbox: true,
      bridge: "undefined",
      hopped: true,
    });
    expect(await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.dialogMessages)).toEqual([
      { message: "ready", origin: fixtures.url },
    ]);
    await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.messageChild("after the hop"));
    await popup.waitForFunction(() => (window as unknown as { received: unknown[] }).received.length > 0);
    expect(await popup.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([
      { message: "after the hop", origin: fixtures.url },
    ]);
    await popup.getByRole("button", { name: "Cancel" }).click();
    await pane.waitForFunction(() => (window as unknown as { fixture: F }).fixture.dialogMessages.length > 1);
    expect(await pane.evaluate(() => (window as unknown as { fixture: F }).fixture.dialogMessages)).toEqual([
      { message: "ready", origin: fixtures.url },
      { message: "cancel", origin: fixtures.url },
    ]);
  });

  it("answers 12011 when the browser blocks the popup window, and stays usable", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    type F = PaneFixture;
    const url = `${fixtures.url}/fixtures/dialog.html`;
    // What a popup blocker does: window.open in the shell returns null.
    await page.evaluate(() => {
      const w = window as unknown as { realOpen?: typeof window.open };
      w.realOpen = window.open;
      window.open = () => null;
    });
    try {
      const blocked = await pane.evaluate(
        (u) => (window as unknown as { fixture: F }).fixture.openDialog(u),
        url,
      );
      expect(blocked).toEqual({ status: "failed", error: { code: 12011, name: "Display Dialog Error" } });
      expect(await page.evaluate(() => window.simulator?.dialogFrame())).toBeNull();
      // An iframe dialog does not need a window.
      const inIframe = await pane.evaluate(
        (u) => (window as unknown as { fixture: F }).fixture.openDialog(u, { displayInIframe: true }),
        url,
      );
      expect(inIframe).toEqual({ status: "succeeded" });
      await page.evaluate(() => window.simulator?.closeDialogWithX());
    } finally {
      await page.evaluate(() => {
        const w = window as unknown as { realOpen?: typeof window.open };
        if (w.realOpen) window.open = w.realOpen;
      });
    }
    const opened = await pane.evaluate(
      (u) => (window as unknown as { fixture: F }).fixture.openDialog(u),
      url,
    );
    expect(opened).toEqual({ status: "succeeded" });
    await dialogPopup();
  });

  it("answers 12009 when the person chooses Ignore at the prompt", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    await page.evaluate(() => window.simulator?.setDialogBehavior("prompt"));
    const pending = pane.evaluate(
      (url) =>
        (
          window as unknown as { fixture: { openDialog: (u: string) => Promise<unknown> } }
        ).fixture.openDialog(url),
      `${fixtures.url}/fixtures/dialog.html`,
    );
    await page.getByRole("button", { name: "Ignore" }).click();
    await expect(pending).resolves.toMatchObject({ status: "failed", error: { code: 12009 } });
    // Allow opens the popup window from the click on Allow.
    const allowed = pane.evaluate(
      (url) =>
        (
          window as unknown as { fixture: { openDialog: (u: string) => Promise<unknown> } }
        ).fixture.openDialog(url),
      `${fixtures.url}/fixtures/dialog.html`,
    );
    await page.getByRole("button", { name: "Allow" }).click();
    await expect(allowed).resolves.toEqual({ status: "succeeded" });
    await dialogPopup();
  });

  it("gives MSAL's nested app client a token through the NAA bridge, and bridge faults", async () => {
    await page.getByRole("option").first().click();
    const pane = await openPane();
    type F = { naaToken: (s: string[]) => Promise<unknown>; authContext: () => Promise<unknown> };
    await page.evaluate(() => window.simulator?.failNextToken("USER_INTERACTION_REQUIRED"));
    const refused = await pane.evaluate(() =>
      (window as unknown as { fixture: F }).fixture.naaToken(["Mail.ReadWrite"]),
    );
    expect(refused).toMatchObject({ errorName: "InteractionRequiredAuthError" });
    const issued = await pane.evaluate(() =>
      (window as unknown as { fixture: F }).fixture.naaToken(["Mail.ReadWrite"]),
    );
    expect(issued).toMatchObject({
      accessToken: expect.stringContaining("stub-token:Mail.ReadWrite"),
      username: "adele.vance@contoso.onmicrosoft.com",
    });
    expect(emulator.tokenRequests.at(-1)).toMatchObject({ clientId: "0b6c3d2e-1f4a-4b5c-9d8e-7f6a5b4c3d2e" });
    const authContext = await pane.evaluate(() =>
      (window as unknown as { fixture: F }).fixture.authContext(),
    );
    expect(authContext).toMatchObject({
      userPrincipalName: "adele.vance@contoso.onmicrosoft.com",
      tenantId: "tid-contoso",
    });
  });

  it("offers no bridge and no NestedAppAuth in no-NAA mode", async () => {
    await page.evaluate(() => window.simulator?.setNaa(false));
    await page.getByRole("option").first().click();
    const pane = await openPane();
    const state = await pane.evaluate(() => {
      const f = (
        window as unknown as {
          fixture: { isSet: (n: string, v: string) => boolean; hasBridge: () => boolean };
        }
      ).fixture;
      return { naa: f.isSet("NestedAppAuth", "1.1"), bridge: f.hasBridge() };
    });
    expect(state).toEqual({ naa: false, bridge: false });
  });

  it("drops a purged message from the list and the selection on refresh", async () => {
    await page.getByRole("option").nth(2).click();
    const removed = emulator.messages.splice(2, 1);
    await page.evaluate(() => window.simulator?.refresh());
    expect(await page.evaluate(() => window.simulator?.messages().map((m) => m.subject))).toEqual([
      "Quarterly results",
      "Lunch on Friday?",
    ]);
    expect(await page.evaluate(() => window.simulator?.selection())).toEqual([]);
    emulator.messages.push(...removed);
    await page.evaluate(() => window.simulator?.refresh());
  });
});
