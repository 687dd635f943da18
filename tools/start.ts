/**
 * `npm start`: the add-in on its embedded default, no tenant needed.
 *   https://localhost:3001  Graph + Entra ID emulator (test/emulator)
 *   https://localhost:3000  the add-in's Vite dev server, mode "simulator" (office.js from the simulator)
 *   https://localhost:3100  the Outlook simulator shell (test/simulator): open this one
 * The pages are the add-in's own, unmodified; only the office.js script and the build-time configuration
 * (.env.simulator) differ from a real deployment.
 */
import { resolve } from "node:path";
import { createServer } from "vite";
import { startEmulator } from "../test/emulator/server";
import { startShell } from "../test/simulator/server";
import { ensureDevCerts } from "./dev-certs";

const root = resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const https = await ensureDevCerts();
  const emulator = await startEmulator({ port: 3001, https });
  const vite = await createServer({ configFile: resolve(root, "vite.config.ts"), mode: "simulator" });
  await vite.listen();
  const shell = await startShell({
    port: 3100,
    addinOrigin: "https://localhost:3000",
    emulatorUrl: emulator.url,
    https,
    manifestPath: resolve(root, "manifest.xml"),
  });

  const lines = [
    "",
    "  Permanent Delete for Outlook: running on the Outlook simulator",
    "",
    `  Open  ${shell.url}`,
    "",
    `  add-in pages   https://localhost:3000  (Vite, simulator mode)`,
    `  Graph/Entra    ${emulator.url}  (emulator; purged items: ${emulator.url}/_emulator/purges)`,
    "",
    "  The certificate is the office-addin dev certificate: accept it in the browser, or run `npm run certs`",
    "  once to trust it. Ctrl+C stops everything.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([shell.close(), vite.close(), emulator.close()]);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/.test(message)
    ? " (a port of 3000, 3001 or 3100 is in use: stop what uses it)"
    : "";
  process.stderr.write(`npm start failed: ${message}${hint}\n`);
  process.exit(1);
});
