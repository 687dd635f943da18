/** Fixed ports for the end-to-end stack (not the ones `npm start` uses, so both can run at once). */
import { resolve } from "node:path";

export const E2E = {
  addinPort: 3200,
  emulatorPort: 3201,
  shellPort: 3300,
  outDir: resolve(import.meta.dirname, "../../dist-e2e"),
  artifacts: resolve(import.meta.dirname, "../../test-results"),
} as const;

export const E2E_EMULATOR_URL = `https://localhost:${E2E.emulatorPort}`;
export const E2E_ADDIN_ORIGIN = `https://localhost:${E2E.addinPort}`;
