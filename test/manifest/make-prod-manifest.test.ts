import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  makeProductionManifest,
  parseArgs,
  parseProductionOrigin,
  rewriteOrigin,
  UsageError,
} from "../../tools/manifest/make-prod-manifest";
import { checkManifest, collectUrls, DEV_ORIGIN, parseManifest } from "../../tools/manifest/manifest-model";
import { MANIFEST_PATH, validateManifestXml } from "../../tools/manifest/validate-manifest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const devXml = readFileSync(MANIFEST_PATH, "utf8");
const PROD = "https://addin.contoso.com";

describe("parseProductionOrigin", () => {
  it.each([
    ["https://addin.contoso.com", PROD],
    ["https://addin.contoso.com/", PROD],
    ["  https://Addin.Contoso.COM  ", PROD],
    ["https://addin.contoso.com:8443", "https://addin.contoso.com:8443"],
    ["https://addin.contoso.com:443", PROD],
  ])("accepts %j as %s", (input, origin) => {
    expect(parseProductionOrigin(input)).toBe(origin);
  });

  it.each([
    ["http://addin.contoso.com", /must use https/],
    ["addin.contoso.com", /not a URL/],
    ["https://addin.contoso.com/app", /origin only.*try https:\/\/addin\.contoso\.com/],
    ["https://addin.contoso.com/?v=2", /origin only/],
    ["https://addin.contoso.com/#top", /origin only/],
    ["https://user:pw@addin.contoso.com", /user name or password/],
    [DEV_ORIGIN, /dev origin/],
  ])("refuses %j", (input, message) => {
    expect(() => parseProductionOrigin(input)).toThrow(UsageError);
    expect(() => parseProductionOrigin(input)).toThrow(message);
  });
});

describe("makeProductionManifest", () => {
  const prodXml = makeProductionManifest(devXml, PROD);

  it("moves every URL to the production origin and leaves no trace of localhost", () => {
    expect(prodXml).not.toMatch(/localhost/);
    const urls = collectUrls(prodXml);
    expect(urls).toHaveLength(collectUrls(devXml).length);
    for (const { url } of urls) expect(new URL(url).origin).toBe(PROD);
    expect(parseManifest(prodXml).appDomains).toEqual([PROD]);
  });

  it("changes nothing but the origin", () => {
    expect(prodXml.split(PROD).join(DEV_ORIGIN)).toBe(devXml);
    const dev = parseManifest(devXml);
    const prod = parseManifest(prodXml);
    expect(prod.buttons.map((b) => [b.id, b.label, b.action.type])).toEqual(
      dev.buttons.map((b) => [b.id, b.label, b.action.type]),
    );
    expect(prod.permissions).toBe(dev.permissions);
    expect(prod.id).toBe(dev.id);
  });

  it("produces a manifest that validates and passes the checks for its origin", () => {
    expect(validateManifestXml(prodXml)).toEqual({ valid: true, errors: [] });
    expect(checkManifest(prodXml, { origin: PROD })).toEqual([]);
    // The dev checks would now fail: the check really looks at the origin.
    expect(checkManifest(prodXml).length).toBeGreaterThan(20);
  });

  it("refuses a manifest with a URL that only looks like the dev origin", () => {
    const lookalike = devXml.replace(
      "https://localhost:3000/assets/icon-64.png",
      "https://localhost:30001/assets/icon-64.png",
    );
    expect(() => rewriteOrigin(lookalike, PROD)).toThrow(/only starts like the dev origin/);
  });

  it("refuses to produce an invalid manifest", () => {
    const stray = devXml.replace(
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane/taskpane.html"/>',
      '<SupportUrl DefaultValue="http://localhost:8080/help"/>',
    );
    expect(stray).not.toBe(devXml);
    expect(() => makeProductionManifest(stray, PROD)).toThrow(/would be invalid[\s\S]*not https/);
  });
});

describe("parseArgs", () => {
  it("reads --origin, --in and --out", () => {
    expect(parseArgs(["--origin", PROD, "--out", "x.xml", "--in", "y.xml"])).toEqual({
      origin: PROD,
      input: "y.xml",
      output: "x.xml",
    });
    expect(parseArgs(["--origin", PROD])).toEqual({
      origin: PROD,
      input: MANIFEST_PATH,
      output: "manifest.prod.xml",
    });
  });

  it("explains what is missing", () => {
    expect(() => parseArgs([])).toThrow(/--origin is required/);
    expect(() => parseArgs(["--origin"])).toThrow(/--origin needs a value/);
    expect(() => parseArgs(["--origin", "--out", "x"])).toThrow(/--origin needs a value/);
    expect(() => parseArgs(["--origin", PROD, "--force"])).toThrow(/unknown argument "--force"/);
  });
});

// These run the script in a child process (tsx): seconds each on a loaded 2-core machine.
describe("the command line", { timeout: 30_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "prod-manifest-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const tsxCli = resolve(repoRoot, "node_modules/tsx/dist/cli.mjs");
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [tsxCli, resolve(repoRoot, "tools/manifest/make-prod-manifest.ts"), ...args],
      {
        cwd: work,
        encoding: "utf8",
      },
    );

  it("writes the production manifest and exits 0", () => {
    const result = run("--origin", PROD, "--out", "out.xml");
    expect(result.stderr).toMatch(/wrote out\.xml for https:\/\/addin\.contoso\.com/);
    expect(result.status).toBe(0);
    expect(readFileSync(join(work, "out.xml"), "utf8")).toBe(makeProductionManifest(devXml, PROD));
  });

  it("exits 2 with a clear message for an http origin and writes nothing", () => {
    const result = run("--origin", "http://addin.contoso.com", "--out", "http.xml");
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--origin must use https/);
    expect(result.stderr).toMatch(/usage:/);
    expect(existsSync(join(work, "http.xml"))).toBe(false);
  });

  it("exits 1 when the input manifest would give an invalid result", () => {
    writeFileSync(
      join(work, "bad.xml"),
      devXml.replace("<Permissions>ReadWriteMailbox", "<Permissions>Everything"),
    );
    const result = run("--origin", PROD, "--in", "bad.xml", "--out", "bad.prod.xml");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Permissions/);
    expect(existsSync(join(work, "bad.prod.xml"))).toBe(false);
  });
});
