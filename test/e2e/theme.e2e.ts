/**
 * Outlook's theme: the pane follows Office.context.officeTheme where Outlook gives it, and the
 * browser's prefers-color-scheme where it doesn't; a change in Outlook (OfficeThemeChanged) repaints an open pane;
 * the ribbon's confirmation and the sign-in page follow prefers-color-scheme (Outlook gives dialogs no theme,
 * office-js#6820). In light, dark and high contrast (the browser's forced colours, as Windows turns on): axe passes
 * with its colour-contrast rule, and pictures are taken (test-results/look/; the README's: readme.e2e.ts).
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { E2E_ADDIN_ORIGIN, E2E_EMULATOR_URL } from "../../dev/stack/config";
import { addinViolations } from "./axe";
import { dialogFrame, pressRibbon, stackForThisFile, taskpaneFrame } from "./harness";
import { lookShot, paneLocator } from "./look";

const stack = stackForThisFile({ context: { timezoneId: "UTC", locale: "en-US" } });

type Look = "light" | "dark" | "high-contrast";

/**
 * Outlook's theme in the simulator, and the browser's scheme and forced colours to go with it. High contrast is
 * Windows' High Contrast Black: forced colours on a dark scheme (the browser's system colours black and white),
 * and the black body Outlook reports. (axe's colour-contrast rule reads the page's own colours even where forced
 * colours replace them; with forced colours the system colours decide, as the pictures show.)
 */
async function lookLike(look: Look, browser: "light" | "dark" = look === "light" ? "light" : "dark") {
  const { page } = stack;
  await page.emulateMedia({
    colorScheme: browser,
    forcedColors: look === "high-contrast" ? "active" : "none",
  });
  await page.evaluate((theme) => window.simulator?.setTheme(theme), look);
}

async function openPane(): Promise<Frame> {
  const { page } = stack;
  await page.evaluate(() => window.simulator?.setTaskpaneWidth(320));
  const subject = await page.evaluate(() => {
    window.simulator?.selectMessage(0);
    return window.simulator?.messages()[0]?.subject ?? "";
  });
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  await pane.getByRole("heading", { name: subject }).waitFor();
  return pane;
}

/** The colour the pane's page is painted with (theme.ts paints <html> with the theme's background). */
const background = (frame: Frame) =>
  frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const FLUENT_DARK = "rgb(41, 41, 41)";
const FLUENT_LIGHT = "rgb(255, 255, 255)";

describe("the pane follows Outlook's theme", () => {
  it("uses Outlook's officeTheme over the browser's scheme, both ways", async () => {
    await lookLike("dark", "light");
    expect(await background(await openPane())).toBe(FLUENT_DARK);
    await stack.page.evaluate(() => window.simulator?.closeTaskpane());
    await lookLike("light", "dark");
    expect(await background(await openPane())).toBe(FLUENT_LIGHT);
  });

  it("repaints an open pane when Outlook's theme changes (OfficeThemeChanged), without reloading it", async () => {
    await lookLike("light");
    const pane = await openPane();
    await pane.evaluate(() => {
      (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
    });
    expect(await background(pane)).toBe(FLUENT_LIGHT);
    await stack.page.evaluate(() => window.simulator?.setTheme("dark"));
    await expect.poll(() => background(pane)).toBe(FLUENT_DARK);
    await stack.page.evaluate(() => window.simulator?.setTheme("light"));
    await expect.poll(() => background(pane)).toBe(FLUENT_LIGHT);
    expect(
      await pane.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
  });

  it("follows the browser's scheme when Outlook gives no theme (the sign-in page, outside Outlook)", async () => {
    const { context } = stack;
    const page = await context.newPage();
    try {
      // Opened on its own, the page goes on to sign in with a redirect to the authority (the emulator), which
      // would replace the document under the checks below. A 204 answer to that navigation keeps the page where
      // it is (HTML's navigation rules: a 204 response does not replace the document); other requests go on.
      await page.route(`${E2E_EMULATOR_URL}/**`, (route) =>
        route.request().isNavigationRequest() ? route.fulfill({ status: 204 }) : route.continue(),
      );
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(`${E2E_ADDIN_ORIGIN}/dialog/signin.html`);
      await page.getByRole("status").waitFor();
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
        FLUENT_DARK,
      );
      await page.emulateMedia({ colorScheme: "light" });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
        FLUENT_LIGHT,
      );
    } finally {
      await page.close();
    }
  });
});

for (const look of ["light", "dark", "high-contrast"] as const) {
  describe(`${look}`, () => {
    it("the pane, the bulk report and the ribbon's confirmation pass axe (colour contrast included)", async () => {
      const { page, emulator } = stack;
      await lookLike(look);
      const pane = await openPane();
      expect(await pane.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(
        look === "high-contrast",
      );
      if (look !== "high-contrast") {
        expect(await background(pane)).toBe(look === "dark" ? FLUENT_DARK : FLUENT_LIGHT);
      }
      expect(await addinViolations(page)).toEqual([]);
      await lookShot(paneLocator(page), `theme-pane-${look}`);

      // A bulk run's report: every outcome kind on screen (a 404, a 403).
      await page.evaluate(() => window.simulator?.pinTaskpane(true));
      const inbox = await page.evaluate(() => window.simulator?.messages().slice(0, 4) ?? []);
      const [, gone, refused] = inbox.map((m) => m.restId);
      if (!gone || !refused) throw new Error("too few messages");
      emulator.control.addFault({
        op: "permanentDelete",
        itemId: gone,
        action: { kind: "error", status: 404 },
      });
      emulator.control.addFault({
        op: "permanentDelete",
        itemId: refused,
        action: { kind: "error", status: 403, code: "ErrorAccessDenied" },
      });
      await page.evaluate(
        (refs) => window.simulator?.selectMessages(refs),
        inbox.map((m) => m.restId),
      );
      await pane.getByRole("button", { name: "Delete 4 permanently" }).click();
      await pane.getByRole("alertdialog").getByRole("button", { name: "Delete permanently" }).click();
      await pane.getByRole("region", { name: "Report" }).waitFor({ timeout: 60_000 });
      expect(await addinViolations(page)).toEqual([]);
      await lookShot(paneLocator(page), `theme-report-${look}`);

      // The ribbon's confirmation.
      await page.evaluate(() => window.simulator?.closeTaskpane());
      await page.evaluate(() => window.simulator?.selectMessage(5));
      await pressRibbon(page, "Delete permanently");
      const dialog = await dialogFrame(page);
      await dialog.getByRole("button", { name: "Cancel" }).waitFor();
      if (look !== "high-contrast") {
        expect(await background(dialog)).toBe(look === "dark" ? FLUENT_DARK : FLUENT_LIGHT);
      }
      expect(await addinViolations(page)).toEqual([]);
      await lookShot(page.locator("#dialog-box"), `theme-confirmation-${look}`);
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await page.waitForFunction(() => Boolean(window.simulator?.lastCommand()?.completedAt));
    });
  });
}
