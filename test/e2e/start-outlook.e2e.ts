/**
 * `npm run start:outlook` as a person runs it (tsx tools/start-outlook.ts), on a port of its own: it serves the
 * add-in's pages from the dev server with Microsoft's office.js (never the simulator's), prints the manifest to
 * sideload with the steps, and stops on SIGTERM.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { E2E } from "../../dev/stack/config";

const root = resolve(import.meta.dirname, "../..");
const port = E2E.addinPort + 30;
let child: ChildProcess | undefined;
let manifest: string | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((done) => child?.once("exit", done));
  }
  if (manifest && existsSync(manifest)) rmSync(manifest);
});

describe("npm run start:outlook", () => {
  it("serves the pages with the CDN's office.js and prints the manifest and the sideloading steps", async () => {
    child = spawn(process.execPath, ["--import", "tsx", "tools/start-outlook.ts", "--port", String(port)], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "development",
        VITE_AAD_CLIENT_ID: "9b2c3f1e-7d4a-4c5b-8e6f-0a1b2c3d4e5f",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!out.includes("Ctrl+C stops the server.")) {
      if (child.exitCode !== null) throw new Error(`start:outlook exited ${child.exitCode}:\n${out}`);
      if (Date.now() > deadline) throw new Error(`start:outlook printed no instructions in 60 s:\n${out}`);
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(out).toContain(`add-in pages   https://localhost:${port}`);
    expect(out).toContain("https://aka.ms/olksideload");
    expect(out).toContain("Entra app      9b2c3f1e-7d4a-4c5b-8e6f-0a1b2c3d4e5f");
    manifest = /manifest {7}(\S+)/.exec(out)?.[1];
    expect(manifest).toBe(resolve(root, `manifest.localhost-${port}.xml`));
    expect(readFileSync(manifest ?? "", "utf8")).toContain(
      `https://localhost:${port}/commands/commands.html`,
    );

    // The dev server's TLS is the dev certificate: Node's fetch would refuse it, so ask with https.get.
    const html = await new Promise<string>((done, fail) => {
      import("node:https").then(({ get }) =>
        get(`https://localhost:${port}/taskpane/taskpane.html`, { rejectUnauthorized: false }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => {
            body += c.toString();
          });
          res.on("end", () => done(body));
        }).on("error", fail),
      );
    });
    expect(html).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(html).not.toContain("localhost:3100");

    child.kill("SIGTERM");
    const code = await new Promise((done) => child?.once("exit", done));
    // Ours exits 0; Vite's own SIGTERM listener may get there first and exit 143 (128 + SIGTERM).
    expect([0, 143]).toContain(code);
  });
});
