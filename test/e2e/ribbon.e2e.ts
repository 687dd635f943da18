import { describe, expect, it } from "vitest";
import {
  commandFinished,
  deletesOf,
  dialogFrame,
  pressRibbon,
  screenshot,
  selectMessage,
  stackForThisFile,
} from "./harness";

const stack = stackForThisFile();

async function openConfirmation(index = 0) {
  const { page } = stack;
  const message = await selectMessage(page, index);
  await pressRibbon(page, "Delete permanently");
  const dialog = await dialogFrame(page);
  await dialog.getByRole("button", { name: "Cancel" }).waitFor();
  return { message, dialog };
}

describe("ribbon command", () => {
  it("purges the message after confirmation in the dialog, and reports it", async () => {
    const { page, emulator } = stack;
    const { message, dialog } = await openConfirmation();
    await dialog.getByText(message.subject).first().waitFor();
    // Cancel has the focus: Enter alone never deletes.
    expect(await dialog.evaluate(() => document.activeElement?.textContent)).toBe("Cancel");
    await screenshot(page, "ribbon-confirm");
    expect(deletesOf(emulator, message.id)).toHaveLength(0);

    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const notes = await commandFinished(page);
    await screenshot(page, "ribbon-deleted");
    expect(notes.map((n) => n.message).join(" ")).toMatch(/Deleted permanently/);
    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    expect(emulator.control.purges().map((p) => p.id)).toEqual([message.id]);
    expect(stack.external).toEqual([]);
  });

  it("deletes nothing on Cancel", async () => {
    const { page, emulator } = stack;
    const { message, dialog } = await openConfirmation(1);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/Nothing was deleted/);
    expect(deletesOf(emulator, message.id)).toHaveLength(0);
    expect(emulator.control.purges()).toEqual([]);
  });

  it("deletes nothing when the dialog is closed with its X (12006)", async () => {
    const { page, emulator } = stack;
    const { message } = await openConfirmation(2);
    await page.evaluate(() => window.simulator?.closeDialogWithX());
    const notes = await commandFinished(page);
    expect(notes.map((n) => n.message).join(" ")).toMatch(/nothing was deleted/i);
    expect(deletesOf(emulator, message.id)).toHaveLength(0);
    expect(emulator.control.purges()).toEqual([]);
  });

  it("explains a blocked dialog (12011) and deletes nothing", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.setDialogBehavior("blocked"));
    const message = await selectMessage(page, 0);
    await pressRibbon(page, "Delete permanently");
    const notes = await commandFinished(page);
    await screenshot(page, "ribbon-12011");
    expect(notes).toHaveLength(1);
    expect(notes[0]?.type).toBe("errorMessage");
    expect(notes[0]?.message).toMatch(/12011.*pop-ups/);
    expect(deletesOf(emulator, message.id)).toHaveLength(0);
  });

  it("explains an untrusted dialog domain (12004) and deletes nothing", async () => {
    const { page, emulator } = stack;
    await page.evaluate(() => window.simulator?.setDialogBehavior("untrusted"));
    const message = await selectMessage(page, 0);
    await pressRibbon(page, "Delete permanently");
    const notes = await commandFinished(page);
    expect(notes[0]?.message).toMatch(/12004.*AppDomains/);
    expect(notes[0]?.message.length).toBeLessThanOrEqual(150);
    expect(deletesOf(emulator, message.id)).toHaveLength(0);
  });

  it("reports a message deleted elsewhere before confirmation as not found", async () => {
    const { page, emulator } = stack;
    const { message, dialog } = await openConfirmation(3);
    emulator.control.addFault({
      op: "permanentDelete",
      itemId: message.id,
      action: { kind: "error", status: 404 },
    });
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    const notes = await commandFinished(page);
    expect(notes[0]?.type).toBe("informationalMessage");
    expect(notes[0]?.message).toMatch(/wasn't found where Outlook showed it.*Nothing was deleted\./);
    expect(emulator.control.purges()).toEqual([]);
  });
});
