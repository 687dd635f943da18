/**
 * Ports for the end-to-end stack: not the ones `npm start` uses, so both can run at once. E2E_PORT_BASE moves
 * the whole set (and the build directory) so two runs on one machine don't collide.
 */
import { resolve } from "node:path";

const base = Number(process.env.E2E_PORT_BASE ?? 3200);

export const E2E = {
  addinPort: base,
  emulatorPort: base + 1,
  shellPort: base + 2,
  outDir: resolve(import.meta.dirname, `../../dist-e2e-${base}`),
  artifacts: resolve(import.meta.dirname, "../../test-results"),
} as const;

export const E2E_EMULATOR_URL = `https://localhost:${E2E.emulatorPort}`;
export const E2E_ADDIN_ORIGIN = `https://localhost:${E2E.addinPort}`;
