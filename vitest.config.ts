import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { msalInternalAlias } from "./tools/msal-internal.ts";

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [msalInternalAlias] },
  test: {
    restoreMocks: true,
    unstubGlobals: true,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}", "dev/**/*.test.{ts,tsx}"],
          exclude: ["test/e2e/**", "**/node_modules/**"],
          environment: "node",
          setupFiles: ["test/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.e2e.ts"],
          environment: "node",
          globalSetup: ["test/e2e/globalSetup.ts"],
          setupFiles: ["test/e2e/setup.ts"],
          // One browser, one set of servers on fixed ports: files run one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Size budgets on a production build (test/budgets): no browser, no servers, no e2e build.
          // `npx vitest run --project budgets`.
          name: "budgets",
          include: ["test/budgets/**/*.budget.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
