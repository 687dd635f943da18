/**
 * The production bundle, built from the same vite.config.ts in production mode: what the size budgets measure,
 * and (configured for the emulator) what the end-to-end stack serves. NODE_ENV is forced to "production" for the
 * build: under Vitest it is "test", and Vite then bundles React's development build (jsxDEV, react-dom.development:
 * much larger than React's production build), which is not what ships.
 */
import { join } from "node:path";
import { DEFAULT_CLIENT_ID } from "../emulator/server";
import { E2E, E2E_EMULATOR_URL } from "./config";

export async function buildProduction(
  outDir: string,
  env: Record<string, string> = {},
  /** Build as a person who configured nothing would: every VITE_* variable of this process is unset meanwhile. */
  { unconfigured = false }: { unconfigured?: boolean } = {},
): Promise<void> {
  const { build } = await import("vite");
  const vars = { NODE_ENV: "production", ...env };
  const cleared = unconfigured
    ? Object.keys(process.env).filter((k) => k.startsWith("VITE_") && !(k in vars))
    : [];
  const saved = Object.fromEntries([...Object.keys(vars), ...cleared].map((k) => [k, process.env[k]]));
  for (const k of cleared) delete process.env[k];
  Object.assign(process.env, vars);
  try {
    await build({
      configFile: join(import.meta.dirname, "../../vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/**
 * The production build for the end-to-end stack (CDN office.js, no simulator code); only its build-time
 * configuration points Graph and the authority at the stack's emulator.
 */
export function buildForStack(): Promise<void> {
  return buildProduction(E2E.outDir, {
    VITE_AAD_CLIENT_ID: DEFAULT_CLIENT_ID,
    VITE_AAD_AUTHORITY: `${E2E_EMULATOR_URL}/common`,
    VITE_GRAPH_BASE_URL: E2E_EMULATOR_URL,
  });
}
