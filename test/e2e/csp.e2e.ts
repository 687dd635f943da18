/**
 * The Content-Security-Policy the build puts on every page, enforced by Chromium while the real pages run in the
 * simulator: the meta tag carries the policy for the e2e build's endpoints (the emulator), no page reports a
 * violation through a whole purge (task pane, ribbon command, confirmation dialog), and an inline script injected
 * into the pane does not run.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID } from "../../dev/emulator/tokens";
import { E2E_ADDIN_ORIGIN, E2E_EMULATOR_URL } from "../../dev/stack/config";
import { readConfig } from "../../src/core/config";
import { buildCsp, cspDirectives } from "../../tools/csp";
import {
  commandFinished,
  deletesOf,
  dialogFrame,
  pressRibbon,
  resetStack,
  type Stack,
  selectMessage,
  startStack,
  taskpaneFrame,
} from "./harness";

interface Violation {
  frame: string;
  directive: string;
  blocked: string;
  sample: string;
}

let stack: Stack;
const violations: Violation[] = [];
const addinViolations = () => violations.filter((v) => v.frame.startsWith(E2E_ADDIN_ORIGIN));

beforeAll(async () => {
  stack = await startStack();
  // Bindings and init scripts run in every frame, outside the page's CSP, so the listener sees the add-in frames
  // (pane, command page, dialog) even after a dialog has closed.
  await stack.context.exposeBinding("__cspViolation", ({ frame }, v: Omit<Violation, "frame">) => {
    violations.push({ frame: frame.url(), ...v });
  });
  await stack.context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __cspViolation?: (v: unknown) => void }).__cspViolation;
      report?.({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(async () => {
  await resetStack(stack);
  violations.length = 0;
});

/** The e2e build's policy: what globalSetup configured, nothing else. */
const expected = buildCsp(
  readConfig({
    VITE_AAD_CLIENT_ID: DEFAULT_CLIENT_ID,
    VITE_AAD_AUTHORITY: `${E2E_EMULATOR_URL}/common`,
    VITE_GRAPH_BASE_URL: E2E_EMULATOR_URL,
  }),
);

describe("Content-Security-Policy", () => {
  it("is on the pane with the e2e build's endpoints, and a pane purge reports no violation", async () => {
    const { page, emulator } = stack;
    const message = await selectMessage(page, 0);
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: message.subject }).waitFor();

    const meta = await pane.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? null,
    );
    expect(meta).toBe(expected);
    const connect = cspDirectives(
      readConfig({ VITE_AAD_AUTHORITY: `${E2E_EMULATOR_URL}/common`, VITE_GRAPH_BASE_URL: E2E_EMULATOR_URL }),
    ).find(([name]) => name === "connect-src");
    expect(connect?.[1]).toEqual([E2E_EMULATOR_URL]);
    expect(meta).toContain("default-src 'none'");
    expect(meta).toContain(
      "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js;",
    );
    expect(meta).toContain(`connect-src ${E2E_EMULATOR_URL};`);

    // Fluent's styles got in through the empty-style hash: the button is styled, not the browser default.
    const button = pane.getByRole("button", { name: "Delete permanently" });
    const radius = await button.evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    expect(radius).not.toBe("0px");
    // A <style> element the policy refused would have no sheet: count the rules Fluent put into them.
    const rules = await pane.evaluate(() =>
      [...document.querySelectorAll("style")].reduce((n, s) => n + (s.sheet?.cssRules.length ?? 0), 0),
    );
    expect(rules).toBeGreaterThan(10);

    await button.click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    expect(addinViolations()).toEqual([]);
  });

  it("is on the command page and the confirmation dialog, and a ribbon purge reports no violation", async () => {
    const { page, emulator } = stack;
    const message = await selectMessage(page, 1);
    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Cancel" }).waitFor();
    await dialog.getByText(message.subject).first().waitFor();
    const metas = await Promise.all(
      page
        .frames()
        .filter((f) => f.url().startsWith(E2E_ADDIN_ORIGIN))
        .map(async (f) => ({
          path: new URL(f.url()).pathname,
          csp: await f.evaluate(
            () =>
              document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ??
              null,
          ),
        })),
    );
    expect(metas.map((m) => m.path)).toEqual(expect.arrayContaining(["/dialog/confirm.html"]));
    for (const m of metas) expect(m.csp, m.path).toBe(expected);
    // The dialog's stylesheet (self) applies: the danger button is not the browser's default grey.
    const colour = await dialog.locator("#delete").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colour).not.toBe("rgb(239, 239, 239)");

    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/Deleted permanently/);
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    expect(addinViolations()).toEqual([]);
  });

  it("blocks an inline script injected into the pane", async () => {
    const { page } = stack;
    await selectMessage(page, 0);
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("button", { name: "Delete permanently" }).waitFor();
    const ran = await pane.evaluate(async () => {
      const marker = window as unknown as { __inlineRan?: boolean };
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true;";
      const reported = new Promise<void>((done) =>
        document.addEventListener("securitypolicyviolation", () => done(), { once: true }),
      );
      document.head.append(script);
      await reported;
      return marker.__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(addinViolations()).toEqual([
      expect.objectContaining({ directive: "script-src-elem", blocked: "inline" }),
    ]);
  });
});
