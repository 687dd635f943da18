import { describe, expect, it } from "vitest";
import { deletesOf, screenshot, selectMessage, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

describe("task pane", () => {
  it("purges the selected message after confirmation", async () => {
    const { page, emulator } = stack;
    const message = await selectMessage(page, 0);
    await page.getByRole("button", { name: /Permanent Delete pane/ }).click();
    const pane = await taskpaneFrame(page);
    await pane.getByRole("heading", { name: message.subject }).waitFor();
    await screenshot(page, "taskpane-ready");

    await pane.getByRole("button", { name: "Delete permanently" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    await screenshot(page, "taskpane-confirm");
    expect(deletesOf(emulator, message.id)).toHaveLength(0);

    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).waitFor();
    await screenshot(page, "taskpane-deleted");

    expect(deletesOf(emulator, message.id).map((r) => r.status)).toEqual([204]);
    expect(emulator.control.purges().map((p) => p.id)).toEqual([message.id]);
    expect(stack.external).toEqual([]);
  });
});
