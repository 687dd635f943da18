/**
 * For test/faults/table.test.ts only: `vitest list` over the files test/FAULTS.md names, unit and e2e alike, with
 * nothing run (no e2e build, no servers): it collects each file's tests and prints their full names.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { msalInternalAlias } from "../../tools/msal-internal.ts";

export default defineConfig({
  root: `${import.meta.dirname}/../..`,
  plugins: [react()],
  resolve: { alias: [msalInternalAlias] },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "test/e2e/**/*.e2e.ts"],
    exclude: ["**/node_modules/**"],
    environment: "node",
    // What the e2e and unit setup files give a test file at import time (the active catalogue).
    setupFiles: ["test/setup.ts"],
  },
});
