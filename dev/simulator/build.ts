/**
 * Bundles the simulator's browser code with Vite's library mode (one classic IIFE script each), in memory.
 * Quick enough that the shell server builds at start, so nothing is checked in.
 *
 *   buildOfficeJs()  -> the office.js stand-in (served at /office.js; e2e tests route the CDN URL to it)
 *   buildShellJs()   -> the host runtime and shell UI (served at /shell.js)
 */
import { resolve } from "node:path";
import { build } from "vite";

const here = import.meta.dirname;

async function bundle(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "silent",
    root: here,
    publicDir: false,
    build: {
      write: false,
      minify: false,
      sourcemap: "inline",
      emptyOutDir: false,
      lib: { entry, formats: ["iife"], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const out of outputs) {
    if (!("output" in out)) continue;
    for (const chunk of out.output) {
      if (chunk.type === "chunk" && chunk.isEntry) return chunk.code;
    }
  }
  throw new Error(`bundling ${entry} produced no entry chunk`);
}

let officeJs: Promise<string> | undefined;
let shellJs: Promise<string> | undefined;

/** The office.js stand-in as one classic script. Cached per process. */
export function buildOfficeJs(): Promise<string> {
  officeJs ??= bundle(resolve(here, "office/officeStandIn.ts"), "__outlookSimOffice");
  return officeJs;
}

/** The shell's host runtime and UI as one classic script. Cached per process. */
export function buildShellJs(): Promise<string> {
  shellJs ??= bundle(resolve(here, "shell/main.ts"), "__outlookSimShell");
  return shellJs;
}
