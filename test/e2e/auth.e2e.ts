/** Sign-in paths: nested app auth needing interaction, and the Office-dialog fallback without NAA. */
import { describe, expect, it } from "vitest";
import { deletesOf, screenshot, selectMessage, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

describe("sign-in", () => {
  it("asks to sign in when NAA says USER_INTERACTION_REQUIRED, then deletes after the popup", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() =>
      window.simulator?.failNextToken("USER_INTERACTION_REQUIRED", { silent: true, sticky: true }),
    );
    const message = await selectMessage(page, 0);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    const signIn = pane.getByRole("button", { name: "Sign in" });
    await signIn.waitFor();
    await screenshot(page, "taskpane-sign-in-needed");
    // Nothing from the add-in reached Graph (the shell's own GETs fill its message list).
    expect(emulator.control.requests().filter((r) => r.method !== "GET")).toEqual([]);

    await page.evaluate(() => window.simulator?.setPopupAutoAccept(true));
    await signIn.click();
    await signIn.waitFor({ state: "detached" });
    const popups = (await page.evaluate(() => window.simulator?.log() ?? [])).filter((e) =>
      JSON.stringify(e).includes("GetTokenPopup"),
    );
    expect(popups.length).toBeGreaterThan(0);

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
  });

  it("signs in without a login hint and deletes where the host reports NestedAppAuth 1.1 without getAuthContext", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.setAuthContextApi(false));
    const message = await selectMessage(page, 2);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    // The pane never met the missing function: no "Something unexpected went wrong".
    expect(await pane.getByText(/Something unexpected/).count()).toBe(0);
  });

  it("takes the Office-dialog fallback when the bridge answers NESTED_APP_AUTH_UNAVAILABLE with a code", async () => {
    const { page, emulator } = stack;
    // A real host may send a code with the status; MSAL then throws that code, not its "bridge disabled" one.
    await page.evaluate(() =>
      window.simulator?.failNextToken("NESTED_APP_AUTH_UNAVAILABLE", {
        silent: true,
        popup: true,
        sticky: true,
        code: "untrusted_origin",
      }),
    );
    const message = await selectMessage(page, 3);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    const signIn = pane.getByRole("button", { name: "Sign in" });
    await signIn.waitFor();
    await signIn.click();
    await signIn.waitFor({ state: "detached", timeout: 30_000 });
    const identity = emulator.control
      .requests()
      .filter((r) => r.kind === "identity")
      .map((r) => r.op);
    expect(identity).toEqual(expect.arrayContaining(["authorize", "token"]));
    // The sign-in page handed the token over naming the add-in's own origin as the recipient (DialogOrigin 1.1).
    const origin = new URL(pane.url()).origin;
    const delivered = (await page.evaluate(() => window.simulator?.log() ?? [])).filter(
      (e) => e.kind === "dialog" && e.detail.startsWith("messageParent"),
    );
    expect(delivered.map((e) => e.detail)).toEqual([
      `messageParent from ${origin} delivered (targetOrigin ${origin})`,
    ]);
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
  });

  it("asks consent for Calendars.ReadWrite at the first event delete (silent refused consent_required), not again", async () => {
    const { page, emulator } = stack;
    const openEvent = async (index: number) => {
      await page.evaluate(() => window.simulator?.openCalendar());
      const event = await page.evaluate((i) => {
        const found = window.simulator?.events().filter((e) => e.type === "singleInstance")[i];
        if (!found) throw new Error(`no single event ${i}`);
        window.simulator?.selectEvent(found.restId);
        return found;
      }, index);
      await page.evaluate(() => window.simulator?.openTaskpane());
      const pane = await taskpaneFrame(page);
      await pane.getByRole("heading", { name: event.subject }).waitFor();
      await pane.getByRole("button", { name: "Delete permanently" }).click();
      await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
      return { event, pane };
    };
    const prompts = () => page.evaluate(() => window.simulator?.prompts() ?? []);
    expect(await page.evaluate(() => window.simulator?.consent())).not.toContain("calendars.readwrite");

    const first = await openEvent(0);
    await page.waitForFunction(() => (window.simulator?.prompts().length ?? 0) > 0);
    expect((await prompts())[0]?.text).toMatch(/asks for your consent: calendars\.readwrite/);
    const log = (await page.evaluate(() => window.simulator?.log() ?? [])).map((e) => e.detail);
    expect(log).toContain("consent required: calendars.readwrite");
    expect(deletesOf(emulator, first.event.restId)).toEqual([]);
    await page.evaluate(() => window.simulator?.answerPrompt(true));
    await first.pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, first.event.restId).map((r) => r.status)).toEqual([204]);

    // Consented now: the next event is deleted without a prompt.
    const second = await openEvent(0);
    await second.pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(await prompts()).toEqual([]);
    expect(deletesOf(emulator, second.event.restId).map((r) => r.status)).toEqual([204]);
  });

  it("deletes nothing when the person declines the consent prompt", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.openCalendar());
    const event = await page.evaluate(() => {
      const found = window.simulator?.events().find((e) => e.type === "singleInstance");
      if (!found) throw new Error("no single event");
      window.simulator?.selectEvent(found.restId);
      return found;
    });
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await page.waitForFunction(() => (window.simulator?.prompts().length ?? 0) > 0);
    await page.evaluate(() => window.simulator?.answerPrompt(false));
    await pane.getByRole("button", { name: "Sign in" }).waitFor();
    expect(deletesOf(emulator, event.restId)).toEqual([]);
    expect(emulator.control.purges()).toEqual([]);
  });

  it("takes the Office-dialog fallback when the host has no nested app auth", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.setNaa(false));
    const message = await selectMessage(page, 1);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    const signIn = pane.getByRole("button", { name: "Sign in" });
    await signIn.waitFor();
    await signIn.click();
    // signin.html runs MSAL's standard redirect flow against the emulated Entra ID inside the dialog, then
    // hands the token back with messageParent.
    await signIn.waitFor({ state: "detached", timeout: 30_000 });
    await screenshot(page, "fallback-after-sign-in");
    const identity = emulator.control
      .requests()
      .filter((r) => r.kind === "identity")
      .map((r) => r.op);
    expect(identity).toEqual(expect.arrayContaining(["authorize", "token"]));

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    expect(stack.external).toEqual([]);
  });

  it("Cancel during a bulk run ends a sign-in window that never finishes, closes it, and sends nothing more", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.setNaa(false));
    const ids = await page.evaluate(
      () =>
        window.simulator
          ?.messages()
          .slice(0, 5)
          .map((m) => m.restId) ?? [],
    );
    await page.evaluate((refs) => window.simulator?.selectMessages(refs), ids);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    const signIn = pane.getByRole("button", { name: "Sign in" });
    await signIn.click();
    await signIn.waitFor({ state: "detached", timeout: 30_000 });
    const deleteButton = pane.getByRole("button", { name: "Delete 5 permanently" });
    await deleteButton.waitFor();

    // Graph refuses the token (401), so the run needs a fresh one: a second sign-in window, whose Entra ID page
    // never answers. Outlook reports nothing for such a window (no message, no close).
    for (const op of ["$batch", "permanentDelete"])
      emulator.control.addFault({ op, target: "request", action: { kind: "error", status: 401 } });
    emulator.control.addFault({ op: "authorize", action: { kind: "hang" } });
    await deleteButton.click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await page.waitForFunction(() => window.simulator?.dialogFrame()?.url.includes("/dialog/signin.html"));
    const progress = pane.getByRole("region", { name: "Deletion progress" });
    await screenshot(page, "bulk-sign-in-window-stuck");

    await progress.getByRole("button", { name: "Cancel" }).click();
    await pane.getByRole("region", { name: "Report" }).waitFor({ timeout: 15_000 });
    // The add-in closed the window itself, so the page can open dialogs again (no 12007).
    expect(await page.evaluate(() => window.simulator?.dialogFrame())).toBeNull();
    expect(emulator.control.purges()).toEqual([]);
    // Each lane's first request got its 401; nothing was sent after the window opened.
    const sends = emulator.control
      .requests()
      .filter((r) => (r.op === "$batch" || r.op === "permanentDelete") && !r.batchMember);
    expect(sends.length).toBeGreaterThan(0);
    expect(sends.every((r) => r.status === 401)).toBe(true);
    await pane.getByText("Cancelled before this item: not deleted.").first().waitFor();
    await screenshot(page, "bulk-sign-in-cancelled");
  });
});
