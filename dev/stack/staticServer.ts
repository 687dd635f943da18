/**
 * Serves a production build over https, as a static host would: correct content types, no COOP header (the
 * dialog pages must not have one), cacheable icons. For npm start and the end-to-end stack, never production.
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".map": "application/json",
  ".xml": "application/xml",
};

export interface StaticServer {
  origin: string;
  /** Paths requested so far (for tests that assert what a page loaded). */
  requests: string[];
  close(): Promise<void>;
}

export async function serveStatic(
  root: string,
  options: { port: number; key: string; cert: string },
): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer({ key: options.key, cert: options.cert }, async (req, res) => {
    const url = new URL(req.url ?? "/", "https://localhost");
    requests.push(url.pathname);
    const path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error("not a file");
      const body = await readFile(path);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
        "Cache-Control": path.includes(`${sep}assets${sep}`) ? "public, max-age=3600" : "no-cache",
        "Access-Control-Allow-Origin": "*",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://localhost:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
