/**
 * The production build (a plain `vite build` with no VITE_* configuration) carries no simulator or emulator code,
 * no localhost URL, and a Content-Security-Policy on every page. Builds into a temporary directory (a few seconds).
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CLIENT_ID } from "../../dev/emulator/tokens.ts";
import { FRAME_NAME_PREFIX, PROTOCOL } from "../../dev/simulator/common/protocol.ts";
import { buildProduction } from "../../dev/stack/build.ts";
import { readConfig } from "../../src/core/config.ts";
import { buildCsp } from "../../tools/csp.ts";
import { OUTLOOK_FRAME_ANCESTORS, staticWebAppConfig } from "../../tools/deploy/headers.ts";

let outDir = "";
const files = new Map<string, string>();

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "pd-security-build-"));
  // No VITE_* from the environment: this is the build a person makes without configuring anything.
  await buildProduction(outDir, {}, { unconfigured: true });
  for (const path of await walk(outDir)) {
    // Emitted code and pages; source maps carry library sources and comments that never run.
    if (/\.(js|html|css)$/.test(path)) files.set(relative(outDir, path), await readFile(path, "utf8"));
  }
}, 180_000);
afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe("production build", () => {
  it("emits the five pages and their scripts", () => {
    const pages = [...files.keys()].filter((f) => f.endsWith(".html")).sort();
    expect(pages).toEqual([
      "commands/commands.html",
      "dialog/confirm.html",
      "dialog/redirect.html",
      "dialog/signin.html",
      "taskpane/taskpane.html",
    ]);
    expect([...files.keys()].filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
  });

  it("contains no simulator or emulator code", () => {
    const markers = [
      FRAME_NAME_PREFIX,
      PROTOCOL,
      "/_emulator",
      "_emulator/",
      DEFAULT_CLIENT_ID,
      "window.simulator",
    ];
    const found = [...files].flatMap(([file, text]) =>
      markers.filter((m) => text.includes(m)).map((m) => `${file}: ${m}`),
    );
    expect(found).toEqual([]);
  });

  it("contains no localhost URL", () => {
    const found = [...files].filter(([, text]) => /localhost|127\.0\.0\.1/.test(text)).map(([file]) => file);
    expect(found).toEqual([]);
  });

  it("loads office.js from the CDN, has no inline script, and puts the policy first in every page", () => {
    const policy = buildCsp(readConfig({}));
    for (const [file, html] of [...files].filter(([f]) => f.endsWith(".html"))) {
      const head = html.slice(html.indexOf("<head>"), html.indexOf("<script"));
      const meta = head.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
      expect(meta?.[1]?.replaceAll("&#39;", "'"), file).toBe(policy);
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag, file).toMatch(/\bsrc="/);
      expect(html, file).not.toMatch(/<script\b[^>]*>[^<\s]/);
      expect(html, file).not.toMatch(/\son[a-z]+="/);
      expect(html, file).not.toMatch(/\sstyle="/);
    }
    expect(files.get("taskpane/taskpane.html")).toContain(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    );
  });

  it("ships no copy of office.js: every page that loads it takes it from the CDN (the npm package is for tests)", () => {
    // Markers of Microsoft's office.js files (@microsoft/office-js: office.js, its host files, its telemetry).
    const markers = [
      "OSF.OUtil",
      "o15apptofilemappingtable",
      "OfficeExt.MicrosoftAjaxFactory",
      "telemetryproxy.html",
    ];
    const found = [...files].flatMap(([file, text]) =>
      markers.filter((m) => text.includes(m)).map((m) => `${file}: ${m}`),
    );
    expect(found).toEqual([]);
    for (const [file, html] of [...files].filter(([f]) => f.endsWith(".html"))) {
      const officeJs = (html.match(/<script src="([^"]*office\.js)"/gi) ?? []).map((t) => t.slice(13, -1));
      for (const src of officeJs)
        expect(src, file).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    }
    expect([...files.keys()].filter((f) => /(^|\/)office(\.debug)?\.js$/i.test(f))).toEqual([]);
  });

  it("writes Azure Static Web Apps' configuration with the pages' policy plus frame-ancestors", async () => {
    const swa = JSON.parse(await readFile(join(outDir, "staticwebapp.config.json"), "utf8"));
    expect(swa).toEqual(staticWebAppConfig(readConfig({})));
    const header: string = swa.globalHeaders["Content-Security-Policy"];
    const meta = files
      .get("taskpane/taskpane.html")
      ?.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
    expect(header).toBe(
      `${meta?.replaceAll("&#39;", "'")}; frame-ancestors ${OUTLOOK_FRAME_ANCESTORS.join(" ")}`,
    );
  });

  it("keeps Vite's modulepreload polyfill in an external chunk, not inline in a page", () => {
    // Its code looks for <link rel="modulepreload"> support; tools/chunking.ts may put it in a shared chunk.
    const polyfill = (text: string) => text.includes("modulepreload") && text.includes("relList");
    const scripts = [...files].filter(([f]) => /^assets\/.+\.js$/.test(f));
    expect(scripts.some(([, text]) => polyfill(text))).toBe(true);
    const pages = [...files].filter(([f]) => f.endsWith(".html"));
    expect(pages.filter(([, text]) => polyfill(text)).map(([f]) => f)).toEqual([]);
  });

  it("evaluates no strings as code", () => {
    const found = [...files]
      .filter(([f]) => f.endsWith(".js"))
      .filter(([, text]) => /\beval\(|new Function\(/.test(text))
      .map(([file]) => file);
    expect(found).toEqual([]);
  });
});
