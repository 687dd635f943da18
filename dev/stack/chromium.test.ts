import { afterEach, describe, expect, it, vi } from "vitest";
import { assertChromium, chromiumPath, DEFAULT_CHROMIUM_PATH, launchChromium } from "./chromium";

describe("the browser launcher", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("honours CHROMIUM_PATH, and Debian's Chromium without it", () => {
    expect(chromiumPath({ CHROMIUM_PATH: "/opt/chrome/chrome" })).toBe("/opt/chrome/chrome");
    expect(chromiumPath({})).toBe(DEFAULT_CHROMIUM_PATH);
    expect(chromiumPath({ CHROMIUM_PATH: "" })).toBe(DEFAULT_CHROMIUM_PATH);
  });

  it("fails, naming the path and the fix, when there is no browser (a browser test never skips)", async () => {
    vi.stubEnv("CHROMIUM_PATH", "/nonexistent/chromium");
    expect(() => assertChromium()).toThrow(/Chromium at \/nonexistent\/chromium.*CHROMIUM_PATH/s);
    await expect(launchChromium()).rejects.toThrow(/Chromium at \/nonexistent\/chromium/);
  });
});
