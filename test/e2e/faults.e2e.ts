/**
 * Fault table, in the browser: every NAA bridge error status as the pane shows it (nothing sent to Graph), the
 * pane closed in the middle of a purge and opened again, and hostile subjects and sender names rendered in the
 * pane, its confirmation, the ribbon's dialog and the notification bar without running markup or letting a
 * right-to-left override reorder the text around it.
 */
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ADELE } from "../../dev/emulator/server";
import { AUTH_MESSAGES } from "../../src/core/auth/errors";
import { notFound } from "../../src/core/purge/graphWording";
import {
  commandFinished,
  deletesOf,
  dialogFrame,
  pressRibbon,
  stackForThisFile,
  taskpaneFrame,
} from "./harness";

const stack = stackForThisFile();

type Status =
  | "USER_INTERACTION_REQUIRED"
  | "USER_CANCEL"
  | "NO_NETWORK"
  | "ACCOUNT_UNAVAILABLE"
  | "DISABLED"
  | "NESTED_APP_AUTH_UNAVAILABLE"
  | "TRANSIENT_ERROR"
  | "PERSISTENT_ERROR";

/** Opens the pane on the first message with every silent token request failing with `status`. */
async function paneWithTokenFault(status: Status, code?: string): Promise<{ pane: Frame; status: string }> {
  const { page } = stack;
  await page.evaluate(
    ([s, c]) =>
      window.simulator?.failNextToken(s as Status, {
        silent: true,
        sticky: true,
        ...(c === undefined ? {} : { code: c }),
      }),
    [status, code] as const,
  );
  await page.evaluate(() => window.simulator?.selectMessage(0));
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  const live = pane.locator("[aria-live]").first();
  await pane.waitForFunction(() => (document.querySelector("[aria-live]")?.textContent ?? "").trim() !== "");
  return { pane, status: ((await live.textContent()) ?? "").replace(/\s+/g, " ") };
}

/** Nothing the add-in could send reached Graph: the shell's own GETs fill its list, the add-in only POSTs. */
function expectNothingSentToGraph(): void {
  expect(stack.emulator.control.requests().filter((r) => r.method !== "GET")).toEqual([]);
  expect(stack.emulator.control.purges()).toEqual([]);
}

async function signInButtons(pane: Frame): Promise<number> {
  return pane.getByRole("button", { name: "Sign in" }).count();
}

describe("fault table: NAA bridge error statuses in the pane", () => {
  it("USER_INTERACTION_REQUIRED: 'Sign in …', a Sign in button, nothing sent", async () => {
    const { pane, status } = await paneWithTokenFault("USER_INTERACTION_REQUIRED");
    expect(status).toContain(AUTH_MESSAGES.interactionRequired);
    expect(await signInButtons(pane)).toBe(1);
    expectNothingSentToGraph();
  });

  it("USER_CANCEL: 'Sign-in was cancelled …', a Sign in button, nothing sent", async () => {
    const { pane, status } = await paneWithTokenFault("USER_CANCEL");
    expect(status).toContain(AUTH_MESSAGES.cancelled);
    expect(await signInButtons(pane)).toBe(1);
    expectNothingSentToGraph();
  });

  it("NO_NETWORK: 'Couldn't reach the Microsoft sign-in service', nothing sent", async () => {
    const { pane, status } = await paneWithTokenFault("NO_NETWORK");
    expect(status).toContain(AUTH_MESSAGES.network);
    expect(await signInButtons(pane)).toBe(0);
    expectNothingSentToGraph();
  });

  it("ACCOUNT_UNAVAILABLE: 'Outlook didn't give the add-in a signed-in account', nothing sent", async () => {
    const { pane, status } = await paneWithTokenFault("ACCOUNT_UNAVAILABLE");
    expect(status).toContain(AUTH_MESSAGES.accountUnavailable);
    expect(await signInButtons(pane)).toBe(0);
    expectNothingSentToGraph();
  });

  it("DISABLED: falls back to the Office-dialog sign-in (a Sign in button), nothing sent", async () => {
    const { pane, status } = await paneWithTokenFault("DISABLED");
    expect(status).toContain(AUTH_MESSAGES.interactionRequired);
    expect(await signInButtons(pane)).toBe(1);
    expectNothingSentToGraph();
  });

  it.each([
    ["the simulator's default code", undefined],
    ["no code", ""],
    ["a code the add-in doesn't know", "untrusted_origin"],
  ])(
    "NESTED_APP_AUTH_UNAVAILABLE with %s: falls back to the Office-dialog sign-in, nothing sent",
    async (_label, code) => {
      const { pane, status } = await paneWithTokenFault("NESTED_APP_AUTH_UNAVAILABLE", code);
      expect(status).toContain(AUTH_MESSAGES.interactionRequired);
      expect(status).not.toContain(AUTH_MESSAGES.failed);
      expect(await signInButtons(pane)).toBe(1);
      expectNothingSentToGraph();
    },
  );

  it("TRANSIENT_ERROR: 'Sign-in failed. Try again in a moment', nothing sent", async () => {
    const { pane, status } = await paneWithTokenFault("TRANSIENT_ERROR");
    expect(status).toContain(AUTH_MESSAGES.failed);
    expect(await signInButtons(pane)).toBe(0);
    expectNothingSentToGraph();
  });

  it("PERSISTENT_ERROR: 'Sign-in failed', details for the administrator, nothing sent", async () => {
    const { pane, status } = await paneWithTokenFault("PERSISTENT_ERROR");
    expect(status).toContain(AUTH_MESSAGES.failed);
    expect(await signInButtons(pane)).toBe(0);
    expectNothingSentToGraph();
  });
});

describe("fault table: the pane closed mid-purge", () => {
  it("closed while the delete is on its way and reopened: one delete reached Graph, a second press says 'not found'", async () => {
    const { page, emulator } = stack;
    const message = await page.evaluate(() => {
      const m = window.simulator?.messages()[0];
      window.simulator?.selectMessage(0);
      return { id: m?.restId ?? "", subject: m?.subject ?? "" };
    });
    // The delete waits at Graph until released: the pane is closed while it is under way.
    const atGraph = emulator.control.hold({ op: "permanentDelete", times: 1 });
    await page.evaluate(() => window.simulator?.openTaskpane());
    let pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: message.subject }).waitFor();
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleting…").first().waitFor();
    // Close once the request has reached Graph: "on its way", not "about to leave".
    await atGraph.caught(1);
    await page.evaluate(() => window.simulator?.closeTaskpane());
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([null]);

    // The request had left: the emulator carries it out even though nobody is left to read the answer.
    atGraph.release();
    await atGraph.answered();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);

    await page.evaluate(() => window.simulator?.openTaskpane());
    pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: message.subject }).waitFor();
    // No leftover run: the reopened pane offers the button and sent nothing by itself.
    expect(deletesOf(emulator, message.id)).toHaveLength(1);
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Not found", { exact: true }).waitFor();
    const text = ((await pane.locator("[aria-live]").first().textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toContain(notFound({ kind: "message", mailbox: { kind: "me" } }, false));
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204, 404]);
    expect(emulator.control.purges().map((p) => p.id)).toEqual([message.id]);
  });
});

const HOSTILE = {
  script: "<script>alert('permanent')</script><img src=x onerror=\"document.title='pwned'\"> Invoice",
  rlo: "Your order \u202Efdp.exe is ready",
  long: `Long ${"0123456789".repeat(1000)}`.slice(0, 10_000),
};

/** Makes the newest Inbox message carry this subject and sender, and selects it. */
async function hostileMessage(
  subject: string,
  from: { name: string; address: string },
): Promise<{ id: string }> {
  const { emulator, page } = stack;
  const mailbox = emulator.state.findMailbox(ADELE.upn);
  const [listed] = emulator.control.messages({ folder: "inbox" });
  const record = listed ? mailbox?.messages.get(listed.id) : undefined;
  if (!listed || !record) throw new Error("no Inbox message to rewrite");
  record.subject = subject;
  record.from = from;
  record.receivedDateTime = new Date().toISOString();
  await page.evaluate(() => window.simulator?.refresh());
  await page.evaluate((id) => window.simulator?.selectMessage(id), listed.id);
  return { id: listed.id };
}

/**
 * Text nodes holding a bidi override that no <bdi> (or unicode-bidi: isolate/plaintext) keeps in, and markup
 * that turned into elements. Both must stay empty.
 */
async function leaks(frame: Frame | Page): Promise<{ bidi: string[]; markup: number; title: string }> {
  return frame.evaluate(() => {
    const bidi: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!/[\u202a-\u202e\u2066-\u2069]/.test(node.textContent ?? "")) continue;
      let isolated = false;
      for (let el = node.parentElement; el; el = el.parentElement) {
        const ub = getComputedStyle(el).unicodeBidi;
        if (el.tagName === "BDI" || ub === "isolate" || ub === "plaintext" || ub === "isolate-override") {
          isolated = true;
          break;
        }
      }
      if (!isolated) bidi.push(node.textContent ?? "");
    }
    const markup = document.querySelectorAll('img[src="x"], script:not([src]):not([type])').length;
    return { bidi, markup, title: document.title };
  });
}

async function paneAndConfirmation(subject: string): Promise<Frame> {
  const { page } = stack;
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("heading", { name: subject.trim() || "(no subject)", exact: true }).waitFor();
  await pane.getByRole("button", { name: "Delete permanently" }).click();
  await pane.getByRole("alertdialog").waitFor();
  return pane;
}

describe("fault table: hostile subjects and sender names", () => {
  it("script tags and markup in the subject and sender: shown as text in pane, confirmation and result; nothing runs", async () => {
    const alerts: string[] = [];
    stack.page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    const sender = { name: "<img src=x onerror=alert(1)>", address: "xss@evil.example" };
    const { id } = await hostileMessage(HOSTILE.script, sender);
    const pane = await paneAndConfirmation(HOSTILE.script);
    const dialog = pane.getByRole("alertdialog");
    expect(await dialog.textContent()).toContain(HOSTILE.script);
    expect(await dialog.textContent()).toContain(sender.name);
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    const result = (await pane.locator("[aria-live]").first().textContent()) ?? "";
    expect(result).toContain("<script>alert('permanent')</script>");
    expect(await leaks(pane)).toEqual({ bidi: [], markup: 0, title: expect.not.stringContaining("pwned") });
    expect(alerts).toEqual([]);
    expect(deletesOf(stack.emulator, id).map((r) => r.status)).toEqual([204]);
  });

  it("a right-to-left override in the subject and sender: isolated in pane and confirmation, stripped in the result", async () => {
    const sender = { name: "Invoice\u202Egpj.exe", address: "rlo@evil.example" };
    const { id } = await hostileMessage(HOSTILE.rlo, sender);
    const pane = await paneAndConfirmation(HOSTILE.rlo);
    expect(await pane.getByRole("alertdialog").textContent()).toContain(HOSTILE.rlo);
    expect((await leaks(pane)).bidi).toEqual([]);
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    const result = (await pane.locator("[aria-live]").first().textContent()) ?? "";
    expect(result).toContain("fdp.exe is ready");
    expect(result).not.toMatch(/[\u202a-\u202e]/);
    expect((await leaks(pane)).bidi).toEqual([]);
    expect(deletesOf(stack.emulator, id).map((r) => r.status)).toEqual([204]);
  });

  it("a 10,000-character subject: whole in the pane, the confirmation and the ribbon dialog; the notification stays within 150", async () => {
    const { page } = stack;
    const sender = { name: "x".repeat(10_000), address: "long@evil.example" };
    const { id } = await hostileMessage(HOSTILE.long, sender);
    const pane = await paneAndConfirmation(HOSTILE.long);
    expect(await pane.getByRole("alertdialog").textContent()).toContain(HOSTILE.long);
    await pane.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
    await page.evaluate(() => window.simulator?.closeTaskpane());

    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Cancel" }).waitFor();
    await dialog.getByText(HOSTILE.long, { exact: true }).waitFor();
    expect(await leaks(dialog)).toMatchObject({ bidi: [], markup: 0 });
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const notes = await commandFinished(page);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message.length).toBeLessThanOrEqual(150);
    expect(notes[0]?.message).toMatch(/Deleted permanently/);
    expect(deletesOf(stack.emulator, id).map((r) => r.status)).toEqual([204]);
  });

  it("hostile subject and sender in the ribbon's dialog: text, isolated, nothing runs; an empty subject reads '(no subject)'", async () => {
    const { page } = stack;
    const alerts: string[] = [];
    page.on("dialog", (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    const sender = { name: "<img src=x onerror=alert(1)> \u202Egpj.exe", address: "xss@evil.example" };
    const { id } = await hostileMessage(`${HOSTILE.script} ${HOSTILE.rlo}`, sender);
    await pressRibbon(page, "Delete permanently");
    let dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Cancel" }).waitFor();
    await dialog.getByText(`${HOSTILE.script} ${HOSTILE.rlo}`, { exact: true }).waitFor();
    expect(await leaks(dialog)).toMatchObject({ bidi: [], markup: 0 });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/Nothing was deleted/);
    expect(deletesOf(stack.emulator, id)).toEqual([]);

    await hostileMessage("", { name: "", address: "blank@evil.example" });
    await pressRibbon(page, "Delete permanently");
    await page.waitForFunction(() => (window.simulator?.commands().length ?? 0) >= 2);
    dialog = await dialogFrame(page);
    await dialog.getByText("(no subject)").first().waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.waitForFunction(() => Boolean(window.simulator?.commands()[1]?.completedAt));
    expect(alerts).toEqual([]);
    expect(stack.emulator.control.requests().filter((r) => r.op === "permanentDelete")).toEqual([]);
  });
});
