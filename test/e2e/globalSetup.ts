/**
 * Builds the production bundle once for the end-to-end run. It is the production build (CDN office.js,
 * no simulator code); only its build-time configuration points Graph and the authority at the emulator.
 */
import { resolve } from "node:path";
import { build } from "vite";
import { DEFAULT_CLIENT_ID } from "../../dev/emulator/server";
import { assertChromium } from "../support/chromium";
import { E2E, E2E_EMULATOR_URL } from "./config";

export default async function setup(): Promise<void> {
  // Before the build: without a browser there is nothing to test it with.
  assertChromium();
  const env = {
    // Vitest runs with NODE_ENV=test, which would give React's development build; the tests drive production.
    NODE_ENV: "production",
    VITE_AAD_CLIENT_ID: DEFAULT_CLIENT_ID,
    VITE_AAD_AUTHORITY: `${E2E_EMULATOR_URL}/common`,
    VITE_GRAPH_BASE_URL: E2E_EMULATOR_URL,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await build({
      configFile: resolve(import.meta.dirname, "../../vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir: E2E.outDir, emptyOutDir: true },
    });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
