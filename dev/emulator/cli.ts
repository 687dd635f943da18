/**
 * Starts the emulator for the demo and for out-of-process tests:
 *   npx tsx dev/emulator/cli.ts --port 3001 [--seed 1] [--http] [--request-time-ms 0] [--expose-retry-after]
 * HTTPS uses the office-addin dev certificates (tools/dev-certs.ts).
 */
import { parseArgs } from "node:util";
import { ensureDevCerts } from "../../tools/dev-certs";
import { startEmulator } from "./server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3001" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string", default: "1" },
    http: { type: "boolean", default: false },
    "request-time-ms": { type: "string", default: "0" },
    "expose-retry-after": { type: "boolean", default: false },
    "batch-order": { type: "string", default: "shuffle" },
    "batch-mode": { type: "string", default: "throttle" },
  },
});

const batchOrder = values["batch-order"];
const batchMode = values["batch-mode"];
if (batchOrder !== "shuffle" && batchOrder !== "request" && batchOrder !== "completion") {
  throw new Error(`--batch-order must be shuffle, request or completion, not ${batchOrder}`);
}
if (batchMode !== "throttle" && batchMode !== "queue") {
  throw new Error(`--batch-mode must be throttle or queue, not ${batchMode}`);
}

const certs = values.http ? false : await ensureDevCerts();
const emulator = await startEmulator({
  port: Number(values.port),
  host: values.host,
  seed: Number(values.seed),
  https: certs === false ? false : { key: certs.key, cert: certs.cert },
  requestTimeMs: Number(values["request-time-ms"]),
  exposeRetryAfter: values["expose-retry-after"],
  batchOrder,
  batchMode,
});

process.stdout.write(`Graph emulator listening on ${emulator.url}\n`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
