/**
 * Deleting a custom mail folder itself (mailFolder permanentDelete): with its contents and subfolder, typed
 * confirmation from 10 items; never offered for Outlook's well-known folders.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ADELE } from "../../dev/emulator/data";
import { screenshot, stackForThisFile, taskpaneFrame } from "./harness";

const stack = stackForThisFile();

const adele = () => {
  const mb = stack.emulator.state.findMailbox(ADELE.upn);
  if (!mb) throw new Error("no Adele");
  return mb;
};
const folderNamed = (name: string) => {
  const f = [...adele().folders.values()].find((x) => x.displayName === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
};

async function openFolders(): Promise<Frame> {
  const { page } = stack;
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("button", { name: "Delete a whole folder…" }).click();
  await pane.getByLabel("Folder", { exact: true }).waitFor();
  return pane;
}

describe("deleting a mail folder itself", () => {
  it("deletes a custom folder with its messages and subfolder after the typed count", async () => {
    const { emulator, page } = stack;
    const projects = folderNamed("Projects");
    const launch = folderNamed("Contoso Launch");
    const messages = [...adele().messages.values()]
      .filter((m) => m.folderId === projects.id || m.folderId === launch.id)
      .map((m) => m.id);
    expect(messages.length).toBeGreaterThanOrEqual(10);

    const pane = await openFolders();
    await pane.getByLabel("Folder", { exact: true }).selectOption(projects.id);
    const button = pane.getByRole("button", { name: "Delete the folder “Projects” itself…" });
    await button.click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    const text = (await dialog.textContent()) ?? "";
    expect(text).toContain(`with its ${messages.length} messages and its subfolder with everything in it`);
    expect(text).toContain("not even to Purges");
    const confirm = dialog.getByRole("button", { name: "Delete folder permanently" });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type ${messages.length} to confirm`).fill(String(messages.length));
    await screenshot(page, "mailfolder-confirm");
    await confirm.click();
    await pane.getByText("Folder deleted", { exact: true }).waitFor();

    const sent = emulator.control.requests().filter((r) => r.op === "permanentDeleteMailFolder");
    expect(sent.map((r) => [r.itemId, r.status])).toEqual([[projects.id, 204]]);
    expect(adele().folders.has(projects.id)).toBe(false);
    expect(adele().folders.has(launch.id)).toBe(false);
    const purges = emulator.control.purges();
    expect(new Set(purges.filter((p) => p.kind === "message").map((p) => p.id))).toEqual(new Set(messages));
    expect(purges.every((p) => p.viaFolder === projects.id)).toBe(true);
    // The list no longer offers them.
    await expect
      .poll(() => pane.getByLabel("Folder", { exact: true }).locator("option").allTextContents())
      .not.toContainEqual(expect.stringMatching(/^(Projects|Contoso Launch) \(/));
    await screenshot(page, "mailfolder-done");
  });

  it("never offers it for a well-known folder, and Cancel sends nothing", async () => {
    const { emulator } = stack;
    const pane = await openFolders();
    const select = pane.getByLabel("Folder", { exact: true });
    const wellKnown = [...adele().folders.values()].filter(
      (f) => f.wellKnownName !== null && f.wellKnownName !== "msgfolderroot",
    );
    expect(wellKnown.length).toBeGreaterThanOrEqual(8);
    // The add-in's lookups of Graph's well-known names have finished before anything is offered.
    await expect
      .poll(() => emulator.control.requests().filter((r) => r.op === "getMailFolder").length)
      .toBeGreaterThanOrEqual(17);
    for (const f of wellKnown) {
      await select.selectOption(f.id);
      await pane.getByText(`“${f.displayName}” is one of Outlook's own folders`).waitFor();
      expect(await pane.getByRole("button", { name: /itself…$/ }).count()).toBe(0);
    }
    // A custom folder is offered; cancelling sends nothing.
    const receipts = folderNamed("Receipts");
    await select.selectOption(receipts.id);
    await pane.getByRole("button", { name: "Delete the folder “Receipts” itself…" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(emulator.control.requests().filter((r) => r.op === "permanentDeleteMailFolder")).toEqual([]);
    expect(adele().folders.has(receipts.id)).toBe(true);
  });
});
