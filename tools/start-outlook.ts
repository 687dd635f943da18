/**
 * `npm run start:outlook`: the add-in for a real Outlook. Starts Vite's dev server (development mode: the CDN's
 * office.js, real Microsoft Graph and Entra ID, configured by .env.local / VITE_* variables) and prints the
 * manifest to sideload and how, for Outlook on the web and the new Outlook for Windows (same steps for classic
 * Outlook on Windows and Mac). Nothing is sideloaded automatically: Microsoft's office-addin-debugging can't
 * sideload into Outlook on the web, and the steps are a minute's work.
 *
 *   npm run start:outlook [-- --port 3000]
 *
 * A port other than 3000 (manifest.xml's) gets a manifest copy naming that port, written beside the others.
 */
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { caCertificatePath, localhostCertificatePath } from "office-addin-dev-certs/lib/defaults.js";
import { createServer, loadEnv } from "vite";
import { ConfigError, readConfig } from "../src/core/config";
import { ensureDevCerts } from "./dev-certs";
import { rewriteOrigin } from "./manifest/make-prod-manifest";
import { DEV_ORIGIN } from "./manifest/manifest-model";
import { stopOnSignal } from "./stop-on-signal";

const root = resolve(import.meta.dirname, "..");

export interface OutlookPlan {
  origin: string;
  manifestPath: string;
  clientId: string | undefined;
  /** When the localhost certificate expires (ISO date), if known. */
  certificateExpires: string | undefined;
  /** The certificates were (re)created by this start: the new CA must be trusted before Outlook loads the pages. */
  certificatesRenewed: boolean;
}

/** What the script prints: the addresses, the manifest, the steps, and what is missing. */
export function instructions(plan: OutlookPlan): string {
  const lines = [
    "",
    "  Permanent Delete for Outlook: dev server for a real Outlook (real Graph and Entra ID)",
    "",
    `  add-in pages   ${plan.origin}  (Vite dev server, office.js from Microsoft's CDN)`,
    `  manifest       ${plan.manifestPath}`,
    "",
  ];
  if (plan.clientId === undefined) {
    lines.push(
      "  ! No Entra app configured: VITE_AAD_CLIENT_ID is not set (.env.local or the environment). The pane will",
      "    say so and delete nothing. Register the app (README, Deploy step 1), put its client ID in .env.local",
      "    and start again.",
      "",
    );
  } else {
    lines.push(
      `  Entra app      ${plan.clientId}: its single-page-application redirect URIs must include`,
      `                 brk-multihub://${new URL(plan.origin).host} and ${plan.origin}/dialog/redirect.html`,
      "",
    );
  }
  if (plan.certificatesRenewed) {
    lines.push(
      "  ! New development certificates were created: Outlook shows a blank pane until their authority is trusted.",
      "    Run `npm run certs` (or add ~/.office-addin-dev-certs/ca.crt to your browser's authorities).",
      "",
    );
  } else if (plan.certificateExpires !== undefined) {
    lines.push(
      `  certificate    valid until ${plan.certificateExpires}; trusted once with \`npm run certs\` (after it is`,
      "                 renewed, run `npm run certs` again or the pane goes blank)",
      "",
    );
  }
  lines.push(
    "  Sideload (once per mailbox; Outlook on the web, the new Outlook for Windows, classic Outlook on Windows):",
    "    1. Open https://aka.ms/olksideload in a browser signed in to the mailbox: Outlook on the web opens the",
    "       'Add-ins for Outlook' dialog after a few seconds.",
    "    2. My add-ins → Custom Addins → Add a custom add-in → Add from File… → the manifest above → Install.",
    "    3. Open a message. Outlook on the web and the new Outlook: the 'Permanent Delete' buttons are under the",
    "       Apps button of the message (or of the ribbon); classic Outlook can take up to 24 hours to show them.",
    "  Remove it the same way: My add-ins → Custom Addins → … → Remove.",
    "  Sideloading needs the Exchange roles 'My Custom Apps' and 'My ReadWriteMailbox Apps' (the manifest asks for",
    "  ReadWriteMailbox); if 'Add a custom add-in' is missing, ask your admin. Outlook.com mailboxes sideload the same way.",
    "",
    "  Ctrl+C stops the server.",
    "",
  );
  return lines.join("\n");
}

/** The manifest for `origin`: manifest.xml itself for the dev origin, else a copy naming `origin`. */
export function manifestFor(origin: string, dir: string = root): string {
  const source = resolve(root, "manifest.xml");
  if (origin === DEV_ORIGIN) return source;
  const target = resolve(dir, `manifest.localhost-${new URL(origin).port}.xml`);
  writeFileSync(target, rewriteOrigin(readFileSync(source, "utf8"), origin));
  return target;
}

function caFingerprint(): string | undefined {
  return existsSync(caCertificatePath)
    ? new X509Certificate(readFileSync(caCertificatePath)).fingerprint256
    : undefined;
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: "string", default: "3000" } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`--port ${values.port} is not a port`);
  const origin = `https://localhost:${port}`;
  const mode = "development";
  // The configuration the dev server will build with (.env, .env.local, .env.development, the environment).
  const env = { ...loadEnv(mode, root, "VITE_"), ...process.env };
  const config = readConfig(env);

  const before = caFingerprint();
  await ensureDevCerts();
  const renewed = before !== caFingerprint();
  const expires = existsSync(localhostCertificatePath)
    ? new Date(new X509Certificate(readFileSync(localhostCertificatePath)).validTo).toISOString().slice(0, 10)
    : undefined;

  const server = await createServer({
    configFile: resolve(root, "vite.config.ts"),
    mode,
    server: { port, strictPort: true },
  });
  await server.listen();
  const plan: OutlookPlan = {
    origin,
    manifestPath: manifestFor(origin),
    clientId: config.clientId,
    certificateExpires: expires,
    certificatesRenewed: renewed,
  };
  process.stdout.write(`${instructions(plan)}\n`);
  stopOnSignal(() => server.close());
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /EADDRINUSE/.test(message)
      ? " (the port is in use: stop what uses it, or pass --port N and register that origin on the Entra app)"
      : error instanceof ConfigError
        ? " (fix the VITE_* value in .env.local or the environment)"
        : "";
    process.stderr.write(`npm run start:outlook failed: ${message}${hint}\n`);
    process.exit(1);
  });
}
