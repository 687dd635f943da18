/**
 * An Outlook.com mailbox (userProfile.accountType "consumer"): Outlook offers no nested app authentication there
 * (Nested app auth requirement sets: "isn't supported if the add-in is loaded in an Outlook.com or Gmail
 * mailbox"), so the pane signs in through its dialog (the Entra app must accept personal accounts) and deletes
 * with Graph's permanentDelete, which allows personal Microsoft accounts.
 */
import { describe, expect, it } from "vitest";
import { deletesOf, selectMessage, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

describe("an Outlook.com mailbox", () => {
  it("gets no NAA, signs in through the dialog and deletes", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.setAccountType("consumer"));
    const message = await selectMessage(page, 0);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.waitForFunction(() => typeof Office !== "undefined");
    const seen = await pane.evaluate(async () => {
      await Office.onReady();
      return {
        accountType: Office.context.mailbox.userProfile.accountType,
        naa: Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"),
      };
    });
    expect(seen).toEqual({ accountType: "consumer", naa: false });

    const signIn = pane.getByRole("button", { name: "Sign in" });
    await signIn.click();
    await signIn.waitFor({ state: "detached", timeout: 30_000 });
    const identity = emulator.control
      .requests()
      .filter((r) => r.kind === "identity")
      .map((r) => r.op);
    expect(identity).toEqual(expect.arrayContaining(["authorize", "token"]));
    // The pane never got a token over the NAA bridge.
    const naaTokens = (await page.evaluate(() => window.simulator?.log() ?? [])).filter(
      (e) => e.kind === "naa" && String(e.detail).startsWith("GetToken"),
    );
    expect(naaTokens).toEqual([]);

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    expect(stack.external).toEqual([]);
  });

  it("is a work mailbox again after a reset", async () => {
    const { page } = stack;
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.waitForFunction(() => typeof Office !== "undefined");
    const accountType = await pane.evaluate(async () => {
      await Office.onReady();
      return Office.context.mailbox.userProfile.accountType;
    });
    expect(accountType).toBe("enterprise");
  });

  it("is switched on from the shell's Simulator settings too", async () => {
    const { page } = stack;
    await page.locator("#open-settings").click();
    await page.locator("#set-consumer").check();
    expect(
      await page.evaluate(() => window.simulator?.log().some((e) => e.detail === "account type consumer")),
    ).toBe(true);
    await page.evaluate(() => window.simulator?.openTaskpane());
    const pane = await taskpaneFrame(page);
    await pane.waitForFunction(() => typeof Office !== "undefined");
    const accountType = await pane.evaluate(async () => {
      await Office.onReady();
      return Office.context.mailbox.userProfile.accountType;
    });
    expect(accountType).toBe("consumer");
  });
});
