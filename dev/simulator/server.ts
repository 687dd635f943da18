/**
 * The Outlook simulator shell server: https://localhost:3100 by default.
 *
 *   /              the shell page (config injected)          /shell.js     host runtime + UI (bundled at start)
 *   /office.js     the office.js stand-in (CORS: *)          /manifest.xml the add-in manifest (CORS: *)
 *   /_sim/emulator/*  reverse proxy to the Graph emulator (the shell reads the mailbox and mints NAA tokens there)
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { buildOfficeJs, buildShellJs } from "./build";
import { shellCss } from "./shell/styles";

export interface ShellOptions {
  port: number;
  /** Interface to listen on. Default "localhost". */
  hostname?: string;
  addinOrigin?: string;
  emulatorUrl?: string;
  https: { key: string; cert: string };
  manifestPath: string;
  /** "stub": mint unsigned tokens and use a built-in mailbox instead of the emulator. Default "emulator". */
  tokenSource?: "emulator" | "stub";
  /** Function-command runtime lifetime without event.completed(). Outlook: 5 minutes. */
  commandTimeoutMs?: number;
  /** Mailbox re-read interval in ms (0 = only on focus and after commands). Default 3000. */
  pollMs?: number;
  /** Account environment in NAA answers. Default "login.microsoftonline.com". */
  naaEnvironment?: string;
  /** The signed-in person; `mail` (primary SMTP, userProfile.emailAddress) defaults to the UPN. */
  user?: { upn: string; mail?: string; name: string; oid: string; tid: string; timeZone: string };
}

export interface ShellServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The emulator's seeded user (dev/emulator/data.ts); the emulator's own answers take precedence when reachable. */
const defaultUser = {
  upn: "adele.vance@contoso.onmicrosoft.com",
  name: "Adele Vance",
  oid: "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817",
  tid: "4f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
  timeZone: "W. Europe Standard Time",
};

function page(config: unknown): string {
  // JSON in a script element: escape "<" so no value can close it.
  const json = JSON.stringify(config).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Outlook simulator</title>
<style>${shellCss}</style>
<script>window.__OUTLOOK_SIM_CONFIG__ = ${json};</script>
<script src="/shell.js" defer></script>
</head>
<body><div id="app"></div></body>
</html>`;
}

function proxy(req: http.IncomingMessage, res: http.ServerResponse, emulatorUrl: string, path: string): void {
  const target = new URL(path, emulatorUrl);
  const headers = { ...req.headers };
  delete headers.host;
  delete headers.origin;
  delete headers.referer;
  const isLocal = ["localhost", "127.0.0.1", "[::1]"].includes(target.hostname);
  const requester = target.protocol === "https:" ? https.request : http.request;
  const upstream = requester(
    target,
    // The emulator uses the local dev certificate; the shell does not need the CA in the trust store.
    { method: req.method ?? "GET", headers, rejectUnauthorized: !isLocal },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", (error) => {
    if (!res.headersSent) res.writeHead(502, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "EmulatorUnreachable", message: error.message } }));
  });
  req.pipe(upstream);
}

export async function startShell(options: ShellOptions): Promise<ShellServer> {
  const addinOrigin = new URL(options.addinOrigin ?? "https://localhost:3000").origin;
  const emulatorUrl = options.emulatorUrl ?? "https://localhost:3001";
  const [officeJs, shellJs] = await Promise.all([buildOfficeJs(), buildShellJs()]);
  const config = {
    addinOrigin,
    emulatorUrl,
    emulatorProxy: "/_sim/emulator",
    tokenSource: options.tokenSource ?? "emulator",
    commandTimeoutMs: options.commandTimeoutMs ?? 300_000,
    pollMs: options.pollMs ?? 3000,
    naaEnvironment: options.naaEnvironment ?? "login.microsoftonline.com",
    user: options.user ?? defaultUser,
  };
  const html = page(config);

  const server = https.createServer({ key: options.https.key, cert: options.https.cert }, (req, res) => {
    const url = new URL(req.url ?? "/", "https://shell.invalid");
    const send = (status: number, type: string, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...extra });
      res.end(body);
    };
    if (url.pathname.startsWith("/_sim/emulator/")) {
      proxy(req, res, emulatorUrl, url.pathname.slice("/_sim/emulator".length) + url.search);
      return;
    }
    if (req.method === "OPTIONS") {
      send(204, "text/plain", "", {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET",
      });
      return;
    }
    switch (url.pathname) {
      case "/":
      case "/index.html":
        send(200, "text/html; charset=utf-8", html);
        return;
      case "/shell.js":
        send(200, "text/javascript; charset=utf-8", shellJs);
        return;
      case "/office.js":
        send(200, "text/javascript; charset=utf-8", officeJs, { "Access-Control-Allow-Origin": "*" });
        return;
      case "/manifest.xml":
        readFile(options.manifestPath, "utf8").then(
          (xml) => send(200, "application/xml; charset=utf-8", xml, { "Access-Control-Allow-Origin": "*" }),
          (error: unknown) => send(500, "text/plain", `cannot read manifest: ${String(error)}`),
        );
        return;
      case "/favicon.ico":
        send(204, "image/x-icon", "");
        return;
      default:
        send(404, "text/plain", "not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname ?? "localhost", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://localhost:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
