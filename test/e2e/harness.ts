/**
 * The e2e tests' side of the end-to-end stack (dev/stack/stack.ts): one stack per test file, screenshots, and what
 * the emulator received. The stack itself and its page drivers are re-exported, so a test imports from here.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Emulator } from "../../dev/emulator/server";
import { E2E } from "../../dev/stack/config";
import { resetStack, type Stack, type StackOptions, startStack } from "../../dev/stack/stack";

export {
  commandFinished,
  dialogFrame,
  OFFICE_JS_CDN,
  pressRibbon,
  resetStack,
  type Stack,
  type StackOptions,
  selectMessage,
  startStack,
  taskpaneFrame,
} from "../../dev/stack/stack";

export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = join(E2E.artifacts, "screenshots");
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/** The permanentDelete requests the emulator received for one item. */
export function deletesOf(emulator: Emulator, id: string) {
  return emulator.control.requests().filter((r) => r.itemId === id && r.op === "permanentDelete");
}

/**
 * The stack for one test file: started before its tests, reset before each, closed after. Returns a handle that
 * reads through to the running stack (`stack.page`, `stack.emulator`, …).
 */
export function stackForThisFile(options: StackOptions = {}): Stack {
  let current: Stack | undefined;
  beforeAll(async () => {
    current = await startStack(options);
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(async () => {
    if (current) await resetStack(current);
  });
  return new Proxy({} as Stack, {
    get(_target, key) {
      if (!current)
        throw new Error(
          "the end-to-end stack isn't running (stackForThisFile's beforeAll failed or hasn't run)",
        );
      return Reflect.get(current, key);
    },
  });
}
