/** Builds the production bundle once for the end-to-end run (dev/stack/build.ts). */
import { buildForStack } from "../../dev/stack/build";
import { assertChromium } from "../../dev/stack/chromium";

export default async function setup(): Promise<void> {
  // Before the build: without a browser there is nothing to test it with.
  assertChromium();
  await buildForStack();
}
