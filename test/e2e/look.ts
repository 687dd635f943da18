/**
 * Pictures of the add-in for the look tests and the README. Taken at device scale 1 with animations stopped and
 * the caret hidden; the stacks that take them fix the time zone and locale, and the emulator's mailbox has fixed
 * dates, so the same Chromium draws the same bytes each run.
 *
 * - every picture goes to test-results/look/<name>.png (not committed);
 * - the README's pictures (`readme`) also go to docs/images/<readme>.png, which is committed: each e2e run draws
 *   them again, so they show the pane as it is. On a machine whose fonts differ, a run changes them; set
 *   E2E_README_IMAGES=0 to leave docs/images alone there.
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Frame, Locator, Page } from "playwright-core";
import { E2E } from "../../dev/stack/config";

export const README_IMAGES = resolve(import.meta.dirname, "../../docs/images");

/** The add-in's task pane frame, without the simulator's header (its Pin button's border rendered a shade apart). */
export function paneLocator(page: Page): Locator {
  return page.locator("#pane-body");
}

export async function lookShot(
  target: Locator,
  name: string,
  options: { readme?: string; style?: string } = {},
): Promise<void> {
  const dir = join(E2E.artifacts, "look");
  await mkdir(dir, { recursive: true });
  // `style` applies to the page and its frames while the picture is taken (e.g. to hide what differs per run).
  const shot = { animations: "disabled", caret: "hide", scale: "css", style: options.style ?? "" } as const;
  await settle(target.page());
  await target.screenshot({ ...shot, path: join(dir, `${name}.png`) });
  if (options.readme && process.env.E2E_README_IMAGES !== "0") {
    await mkdir(README_IMAGES, { recursive: true });
    await target.screenshot({ ...shot, path: join(README_IMAGES, `${options.readme}.png`) });
  }
}

/**
 * The pointer off anything that reacts to it (the shell's top bar), then a moment for layout and fonts to settle
 * (a scroll bar appearing, a transition's last frame).
 */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.waitForTimeout(150);
}

/** Like lookShot, for a rectangle of the page (`clip`, in CSS pixels). */
export async function lookShotClip(
  page: Page,
  name: string,
  clip: { x: number; y: number; width: number; height: number },
  readme?: string,
): Promise<void> {
  const dir = join(E2E.artifacts, "look");
  await mkdir(dir, { recursive: true });
  const shot = { animations: "disabled", caret: "hide", scale: "css", clip } as const;
  await settle(page);
  await page.screenshot({ ...shot, path: join(dir, `${name}.png`) });
  if (readme && process.env.E2E_README_IMAGES !== "0") {
    await mkdir(README_IMAGES, { recursive: true });
    await page.screenshot({ ...shot, path: join(README_IMAGES, `${readme}.png`) });
  }
}

/** Whether the page in `frame` fits its width (nothing to scroll sideways). */
export function noSidewaysScroll(frame: Frame): Promise<boolean> {
  return frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}
