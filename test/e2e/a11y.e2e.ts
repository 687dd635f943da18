/**
 * Accessibility: axe-core over the task pane and both confirmation dialogs in their main states (fails on serious
 * or critical violations), and the main flow done with the keyboard only.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addinViolations as addinViolationsIn } from "./axe";
import {
  commandFinished,
  deletesOf,
  dialogFrame,
  pressRibbon,
  selectMessage,
  stackForThisFile,
  taskpaneFrame,
} from "./harness";

const stack = stackForThisFile();

const addinViolations = () => addinViolationsIn(stack.page);

async function openPane(index: number) {
  const { page } = stack;
  const message = await selectMessage(page, index);
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("heading", { name: message.subject }).waitFor();
  return { pane, message };
}

/**
 * The result behind the pane's confirmation is checked once the confirmation has left. While it fades out its
 * buttons are half transparent (axe reads low contrast) and Fluent's focus manager (tabster) keeps the rest of the
 * pane aria-hidden, lifting that on a timer just after the dialog is removed. The pane must be visible to assistive
 * technology again within 2 s: a pane left hidden fails here.
 */
async function confirmationGone(pane: Frame) {
  await pane.locator('[role="alertdialog"]').waitFor({ state: "detached" });
  await pane.locator('#root:not([aria-hidden="true"])').waitFor({ timeout: 2_000 });
}

describe("accessibility", () => {
  it("task pane: ready, confirming, result", async () => {
    const { pane } = await openPane(0);
    expect(await addinViolations()).toEqual([]);
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").waitFor();
    await stack.page.waitForTimeout(300); // let the dialog's entrance transition finish
    expect(await addinViolations()).toEqual([]);
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    await confirmationGone(pane);
    expect(await addinViolations()).toEqual([]);
  });

  it("task pane: error and sign-in states", async () => {
    const { page, emulator } = stack;
    const { pane, message } = await openPane(1);
    emulator.control.addFault({
      op: "permanentDelete",
      itemId: message.id,
      action: { kind: "error", status: 403 },
    });
    await pane.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Not deleted", { exact: true }).waitFor();
    await confirmationGone(pane);
    expect(await addinViolations()).toEqual([]);

    await page.evaluate(() =>
      window.simulator?.failNextToken("USER_INTERACTION_REQUIRED", { silent: true, sticky: true }),
    );
    await page.evaluate(() => window.simulator?.reloadTaskpane());
    const reloaded = await taskpaneFrame(page);
    await reloaded.getByRole("button", { name: "Sign in" }).waitFor();
    expect(await addinViolations()).toEqual([]);
  });

  it("ribbon confirmation dialog", async () => {
    const { page } = stack;
    await selectMessage(page, 2);
    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Cancel" }).waitFor();
    expect(await addinViolations()).toEqual([]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await commandFinished(page);
  });
});

describe("keyboard only", () => {
  it("purges from the task pane with Tab and Enter; Escape cancels", async () => {
    const { page, emulator } = stack;
    const { pane, message } = await openPane(3);
    const deleteButton = pane.getByRole("button", { name: "Delete permanently" });
    await deleteButton.focus();
    await page.keyboard.press("Enter");
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    // Cancel has the focus; Escape closes without deleting.
    expect(await pane.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(deletesOf(emulator, message.id)).toHaveLength(0);

    await deleteButton.focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await page.keyboard.press("Shift+Tab");
    expect(await pane.evaluate(() => document.activeElement?.textContent)).toBe("Delete permanently");
    await page.keyboard.press("Enter");
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
  });

  it("purges from the ribbon's dialog with the keyboard", async () => {
    const { page, emulator } = stack;
    const message = await selectMessage(page, 4);
    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Cancel" }).waitFor();
    expect(await dialog.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/Deleted permanently/);
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
  });
});
