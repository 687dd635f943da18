/**
 * npx tsx dev/simulator/cli.ts [--port 3100] [--addin https://localhost:3000] [--emulator https://localhost:3001]
 *                               [--manifest manifest.xml] [--stub-tokens] [--command-timeout-ms 300000] [--poll-ms 3000]
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensureDevCerts } from "../../tools/dev-certs";
import { startShell } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3100" },
    addin: { type: "string", default: "https://localhost:3000" },
    emulator: { type: "string", default: "https://localhost:3001" },
    manifest: { type: "string", default: "manifest.xml" },
    "stub-tokens": { type: "boolean", default: false },
    "command-timeout-ms": { type: "string", default: "300000" },
    "poll-ms": { type: "string", default: "3000" },
  },
});

const certs = await ensureDevCerts();
const shell = await startShell({
  port: Number(values.port),
  addinOrigin: values.addin,
  emulatorUrl: values.emulator,
  https: { key: certs.key, cert: certs.cert },
  manifestPath: resolve(values.manifest),
  tokenSource: values["stub-tokens"] ? "stub" : "emulator",
  commandTimeoutMs: Number(values["command-timeout-ms"]),
  pollMs: Number(values["poll-ms"]),
});
console.warn(`Outlook simulator shell: ${shell.url}/  (office.js: ${shell.url}/office.js)`);
const stop = () => void shell.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
