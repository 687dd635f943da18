/**
 * The one way tests and the bench start a browser: Chromium through playwright-core, at CHROMIUM_PATH (default
 * /usr/bin/chromium, Debian's package). A missing browser is an error with the fix in its message, never a skip:
 * a machine without Chromium must not pass the browser tests by not running them.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type LaunchOptions } from "playwright-core";

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The browser binary: CHROMIUM_PATH when set (and not empty), else Debian's Chromium. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** Throws, saying how to fix it, when there is no browser at `path`. */
export function assertChromium(path: string = chromiumPath()): void {
  if (!existsSync(path)) {
    throw new Error(
      `The browser tests drive Chromium at ${path}, which isn't there. Install it (Debian/Ubuntu: ` +
        "sudo apt-get install chromium) or set CHROMIUM_PATH to your Chromium or Chrome binary.",
    );
  }
}

/** Headless Chromium with the flags every browser test uses (no sandbox: CI containers run as root). */
export async function launchChromium(options: Omit<LaunchOptions, "executablePath"> = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  assertChromium(executablePath);
  return chromium.launch({
    ...options,
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      ...(options.args ?? []),
    ],
  });
}
