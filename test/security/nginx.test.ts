/**
 * The nginx server block from `npm run deploy:nginx` (tools/deploy/headers.ts) run by a real nginx: `nginx -t`
 * accepts it, and served files (a page, a hashed asset, a missing path) carry exactly the headers of
 * securityHeaders(), with long caching only for /assets/. Needs nginx on the PATH (Debian: apt-get install
 * nginx-light; .ci/run installs it): without it the test fails saying so.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { localhostCertificatePath, localhostKeyPath } from "office-addin-dev-certs/lib/defaults.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config.ts";
import { ASSETS_CACHE, nginxConfig, securityHeaders } from "../../tools/deploy/headers.ts";
import { ensureDevCerts } from "../../tools/dev-certs.ts";

const NGINX = process.env.NGINX_PATH ?? "nginx";
const PORT = Number(process.env.E2E_PORT_BASE ?? 3200) + 40;
const config = readConfig({ VITE_AAD_CLIENT_ID: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" });

let dir = "";
let server: ChildProcess | undefined;

function nginxArgs(...extra: string[]): string[] {
  return ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log"), ...extra];
}

beforeAll(async () => {
  const version = spawnSync(NGINX, ["-v"], { encoding: "utf8" });
  if (version.error) {
    throw new Error(
      `nginx isn't installed (${version.error.message}): install it (Debian/Ubuntu: sudo apt-get install nginx-light) ` +
        "or set NGINX_PATH",
    );
  }
  await ensureDevCerts();
  dir = mkdtempSync(join(tmpdir(), "pd-nginx-"));
  const root = join(dir, "dist");
  mkdirSync(join(root, "taskpane"), { recursive: true });
  mkdirSync(join(root, "assets"), { recursive: true });
  writeFileSync(join(root, "taskpane", "taskpane.html"), "<!doctype html><title>pane</title>");
  writeFileSync(join(root, "assets", "taskpane-AbCd1234.js"), "export {};");
  // nginx's workers may run as another user: let them read the files.
  for (const d of [dir, root, join(root, "taskpane"), join(root, "assets")]) chmodSync(d, 0o755);
  writeFileSync(
    join(dir, "server.conf"),
    nginxConfig(config, {
      serverName: "localhost",
      root,
      certificate: localhostCertificatePath,
      certificateKey: localhostKeyPath,
      port: PORT,
    }),
  );
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((t) => `    ${t}_temp_path ${join(dir, `${t}_temp`)};`)
    .join("\n");
  writeFileSync(
    join(dir, "nginx.conf"),
    `daemon off;\npid ${join(dir, "nginx.pid")};\nerror_log ${join(dir, "error.log")};\nevents {}\nhttp {\n` +
      `    include /etc/nginx/mime.types;\n    access_log off;\n${temp}\n    include ${join(dir, "server.conf")};\n}\n`,
  );
}, 60_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGQUIT");
    await new Promise((done) => server?.once("exit", done));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function fetchHeaders(path: string): Promise<{ status: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    get({ host: "localhost", port: PORT, path, rejectUnauthorized: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    }).on("error", reject);
  });
}

async function serving(): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      await fetchHeaders("/");
      return;
    } catch (error) {
      if (Date.now() > deadline || server?.exitCode !== null) throw error;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

describe("the nginx server block, run by nginx", { timeout: 30_000 }, () => {
  it("passes nginx -t", () => {
    const test = spawnSync(NGINX, nginxArgs("-t"), { encoding: "utf8" });
    expect(test.stderr).toMatch(/syntax is ok/);
    expect(test.status).toBe(0);
  });

  it("sends every header on a page, an asset and a missing path; caches only the assets for long", async () => {
    server = spawn(NGINX, nginxArgs(), { stdio: "ignore" });
    await serving();
    const expected = Object.fromEntries(
      Object.entries(securityHeaders(config)).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const page = await fetchHeaders("/taskpane/taskpane.html");
    const asset = await fetchHeaders("/assets/taskpane-AbCd1234.js");
    const missing = await fetchHeaders("/nowhere.html");
    expect([page.status, asset.status, missing.status]).toEqual([200, 200, 404]);
    for (const [what, res] of [
      ["page", page],
      ["asset", asset],
      ["missing", missing],
    ] as const) {
      for (const [name, value] of Object.entries(expected))
        expect(res.headers[name], `${what} ${name}`).toBe(value);
      expect(res.headers["x-frame-options"], what).toBeUndefined();
      expect(res.headers["cross-origin-opener-policy"], what).toBeUndefined();
    }
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(asset.headers["cache-control"]).toBe(ASSETS_CACHE);
    expect(asset.headers["content-type"]).toMatch(/javascript/);
  });
});
