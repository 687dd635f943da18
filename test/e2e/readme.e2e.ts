/**
 * The README's pictures, drawn from the production build in the simulator on every e2e run so they
 * show the add-in as it is: the ribbon, its confirmation, the task pane (light, dark, high contrast), a bulk run and
 * its report. Written to docs/images/ (see look.ts: device scale 1, UTC, en-US, animations off; E2E_README_IMAGES=0
 * leaves them alone). Messages whose subjects have no emoji are used: Chromium here has no emoji font.
 */
import type { Frame, Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dialogFrame, pressRibbon, stackForThisFile, taskpaneFrame } from "./harness";
import { lookShot, lookShotClip, paneLocator } from "./look";

const stack = stackForThisFile({ context: { timezoneId: "UTC", locale: "en-US" } });

/** REST ids and subjects of the first `count` inbox messages a picture can show (no emoji in the subject). */
async function plainMessages(count: number): Promise<{ restId: string; subject: string }[]> {
  const all = await stack.page.evaluate(() => window.simulator?.messages() ?? []);
  // Latin letters, digits, spaces and punctuation only (no emoji, no other scripts).
  const plain = all.filter((m) => /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}]+$/u.test(m.subject));
  expect(plain.length).toBeGreaterThanOrEqual(count);
  return plain.slice(0, count).map((m) => ({ restId: m.restId, subject: m.subject }));
}

async function openPane(theme: "light" | "dark" | "high-contrast", restId: string, subject: string) {
  const { page } = stack;
  await page.emulateMedia({
    colorScheme: theme === "light" ? "light" : "dark",
    forcedColors: theme === "high-contrast" ? "active" : "none",
  });
  await page.evaluate((t) => window.simulator?.setTheme(t), theme);
  await page.evaluate(() => window.simulator?.setTaskpaneWidth(320));
  await page.evaluate((id) => window.simulator?.selectMessage(id), restId);
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("heading", { name: subject }).waitFor();
  return pane;
}

/** Waits until a locator's text stops changing (a run that has done all it can until a hung request ends). */
async function settled(target: Locator): Promise<string> {
  let last = "";
  let same = 0;
  for (let i = 0; i < 100 && same < 4; i++) {
    const now = (await target.textContent()) ?? "";
    same = now === last ? same + 1 : 0;
    last = now;
    await stack.page.waitForTimeout(250);
  }
  return last;
}

describe("README pictures", () => {
  it("the ribbon and its confirmation", async () => {
    const { page } = stack;
    const [message] = await plainMessages(1);
    if (!message) throw new Error("no message");
    await page.evaluate((id) => window.simulator?.selectMessage(id), message.restId);
    const reading = page.locator(".reading");
    await page.getByRole("heading", { name: message.subject }).first().waitFor();
    const box = await reading.boundingBox();
    if (!box) throw new Error("no reading pane");
    // The ribbon and the message's header: the top of the reading pane.
    await lookShotClip(
      page,
      "readme-ribbon",
      { x: box.x, y: box.y, width: Math.min(box.width, 720), height: 200 },
      "ribbon",
    );

    await pressRibbon(page, "Delete permanently");
    const dialog = await dialogFrame(page);
    await dialog.getByRole("button", { name: "Cancel" }).waitFor();
    await lookShot(page.locator("#dialog-box"), "readme-confirmation", { readme: "confirmation" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.waitForFunction(() => Boolean(window.simulator?.lastCommand()?.completedAt));
  });

  it("the task pane in light, dark and high contrast", async () => {
    const [message] = await plainMessages(1);
    if (!message) throw new Error("no message");
    for (const theme of ["light", "dark", "high-contrast"] as const) {
      await openPane(theme, message.restId, message.subject);
      await lookShot(paneLocator(stack.page), `readme-pane-${theme}`, {
        readme: theme === "light" ? "pane" : `pane-${theme}`,
      });
      await stack.page.evaluate(() => window.simulator?.closeTaskpane());
    }
  });

  it("a bulk run, and a report", async () => {
    const { page, emulator } = stack;
    const messages = await plainMessages(8);
    const [first] = messages;
    if (!first) throw new Error("no message");
    const pane: Frame = await openPane("light", first.restId, first.subject);
    await page.evaluate(() => window.simulator?.pinTaskpane(true));

    // A run that stops part-way: the last three never answer until the run is cancelled.
    for (const m of messages.slice(5)) {
      emulator.control.addFault({ op: "permanentDelete", itemId: m.restId, action: { kind: "hang" } });
    }
    await page.evaluate(
      (refs) => window.simulator?.selectMessages(refs),
      messages.map((m) => m.restId),
    );
    await pane.getByRole("button", { name: "Delete 8 permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    const progress = pane.getByRole("region", { name: "Deletion progress" });
    await progress.waitFor();
    const counts = await settled(progress.getByRole("status"));
    expect(counts).toMatch(/left/);
    // The time left is an estimate that differs from run to run: hidden for the picture.
    const eta = progress.getByText(/^About .+ left$/);
    if ((await eta.count()) > 0) await eta.evaluate((el: HTMLElement) => (el.style.visibility = "hidden"));
    await lookShot(paneLocator(page), "readme-bulk-run", { readme: "bulk-run" });
    await progress.getByRole("button", { name: "Cancel" }).click();
    await pane.getByRole("region", { name: "Report" }).waitFor({ timeout: 60_000 });
    await pane.getByRole("button", { name: "Dismiss" }).click();
    emulator.control.clearFaults();

    // A finished run with each kind of outcome: deleted, not found (404), not deleted (403).
    const next = (await plainMessages(14)).slice(8, 12);
    const [, gone, refused] = next;
    if (!gone || !refused) throw new Error("too few messages");
    emulator.control.addFault({
      op: "permanentDelete",
      itemId: gone.restId,
      action: { kind: "error", status: 404 },
    });
    emulator.control.addFault({
      op: "permanentDelete",
      itemId: refused.restId,
      action: { kind: "error", status: 403, code: "ErrorAccessDenied" },
    });
    await page.evaluate(
      (refs) => window.simulator?.selectMessages(refs),
      next.map((m) => m.restId),
    );
    await pane.getByRole("button", { name: "Delete 4 permanently" }).click();
    await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
    const report = pane.getByRole("region", { name: "Report" });
    await report.waitFor({ timeout: 60_000 });
    await lookShot(report, "readme-report", { readme: "report" });
  });
});
