/**
 * `npm start`: the add-in on its embedded default, no tenant needed.
 *   https://localhost:3001  Graph + Entra ID emulator (dev/emulator)
 *   https://localhost:3000  the add-in's pages: a production build made at start in mode "simulator", served as
 *                           files (office.js from the simulator, Graph and the authority on the emulator)
 *   https://localhost:3100  the Outlook simulator shell (dev/simulator): open this one
 * The pages are the add-in's own, unmodified; only the office.js script, the script-src origin that admits it and
 * the build-time configuration differ from a real deployment.
 *
 * `npm start -- --dev` serves the pages from Vite's dev server instead (edits show on reload, but the first pane
 * load takes seconds: the dev server hands out unbundled modules, and @fluentui/react-icons is large).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build, createServer } from "vite";
import { DEFAULT_CLIENT_ID, startEmulator } from "../dev/emulator/server";
import { startShell } from "../dev/simulator/server";
import { type StaticServer, serveStatic } from "../dev/stack/staticServer";
import { ensureDevCerts } from "./dev-certs";
import { rewriteOrigin } from "./manifest/make-prod-manifest";
import { stopOnSignal } from "./stop-on-signal";

const root = resolve(import.meta.dirname, "..");

export interface DemoOptions {
  /** The add-in's pages. Default 3000 (manifest.xml's origin). */
  addinPort?: number;
  /** Graph + Entra ID emulator. Default 3001. */
  emulatorPort?: number;
  /** The Outlook simulator shell. Default 3100. */
  shellPort?: number;
  /** Vite's dev server instead of a build. */
  dev?: boolean;
  /** Where the build goes. Default dist-simulator/. */
  outDir?: string;
}

export interface Demo {
  shellUrl: string;
  addinOrigin: string;
  emulatorUrl: string;
  /** How long the build took (ms); 0 with `dev`. */
  buildMs: number;
  close(): Promise<void>;
}

/** Sets process.env for the duration of `work` (Vite reads the configuration and PD_SIMULATOR_ORIGIN from it). */
async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const addinPort = options.addinPort ?? 3000;
  const emulatorPort = options.emulatorPort ?? 3001;
  const shellPort = options.shellPort ?? 3100;
  const outDir = options.outDir ?? resolve(root, "dist-simulator");
  const addinOrigin = `https://localhost:${addinPort}`;
  const shellOrigin = `https://localhost:${shellPort}`;
  const https = await ensureDevCerts();
  const emulator = await startEmulator({ port: emulatorPort, https });
  const closers: (() => Promise<void>)[] = [() => emulator.close()];
  const closeAll = async () => {
    await Promise.allSettled(closers.map((close) => close()));
  };
  try {
    // The same values .env.simulator holds for the default ports; process.env wins over .env files in Vite.
    const env = {
      VITE_AAD_CLIENT_ID: DEFAULT_CLIENT_ID,
      VITE_AAD_AUTHORITY: `${emulator.url}/common`,
      VITE_GRAPH_BASE_URL: emulator.url,
      PD_SIMULATOR_ORIGIN: shellOrigin,
    };
    const configFile = resolve(root, "vite.config.ts");
    let buildMs = 0;
    if (options.dev) {
      const vite = await withEnv(env, async () => {
        const server = await createServer({ configFile, mode: "simulator", server: { port: addinPort } });
        await server.listen();
        return server;
      });
      closers.push(() => vite.close());
    } else {
      const started = performance.now();
      // NODE_ENV=production: React's production build (a caller such as a test runner may have set "test").
      await withEnv({ ...env, NODE_ENV: "production" }, () =>
        build({ configFile, mode: "simulator", logLevel: "warn", build: { outDir, emptyOutDir: true } }),
      );
      buildMs = performance.now() - started;
      const pages: StaticServer = await serveStatic(outDir, {
        port: addinPort,
        key: https.key,
        cert: https.cert,
      });
      closers.push(() => pages.close());
    }
    // manifest.xml names https://localhost:3000; on another port the shell gets a copy naming that one.
    let manifestPath = resolve(root, "manifest.xml");
    if (addinPort !== 3000) {
      const tmp = await mkdtemp(join(tmpdir(), "pd-demo-"));
      closers.push(() => rm(tmp, { recursive: true, force: true }));
      manifestPath = join(tmp, "manifest.xml");
      await writeFile(
        manifestPath,
        rewriteOrigin(await readFile(resolve(root, "manifest.xml"), "utf8"), addinOrigin),
      );
    }
    const shell = await startShell({
      port: shellPort,
      addinOrigin,
      emulatorUrl: emulator.url,
      https,
      manifestPath,
    });
    closers.push(() => shell.close());
    return { shellUrl: shell.url, addinOrigin, emulatorUrl: emulator.url, buildMs, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { dev: { type: "boolean", default: false } } });
  if (!values.dev) process.stdout.write("\n  Building the add-in's pages for the simulator …\n");
  const demo = await startDemo({ dev: values.dev });
  const pages = values.dev
    ? `${demo.addinOrigin}  (Vite dev server, simulator mode: edits show on reload)`
    : `${demo.addinOrigin}  (production build in simulator mode, built in ${(demo.buildMs / 1000).toFixed(1)} s; ` +
      "`npm start -- --dev` for the dev server)";
  const lines = [
    "",
    "  Permanent Delete for Outlook: running on the Outlook simulator",
    "",
    `  Open  ${demo.shellUrl}`,
    "",
    `  add-in pages   ${pages}`,
    `  Graph/Entra    ${demo.emulatorUrl}  (emulator; purged items: ${demo.emulatorUrl}/_emulator/purges)`,
    "",
    "  The certificate is the office-addin dev certificate: accept it in the browser, or run `npm run certs`",
    "  once to trust it. Ctrl+C stops everything.",
    "",
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  stopOnSignal(demo.close);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /EADDRINUSE/.test(message)
      ? " (a port of 3000, 3001 or 3100 is in use: stop what uses it, e.g. find it with `lsof -i :3000`)"
      : "";
    process.stderr.write(`npm start failed: ${message}${hint}\n`);
    process.exit(1);
  });
}
