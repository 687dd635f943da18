import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkIdentity,
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
const PROD_ID = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
const DEV_ID = parseManifest(devXml).id;
const identity = { id: PROD_ID, version: "1.0.1.0" };

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
  const prodXml = makeProductionManifest(devXml, PROD, identity);

  it("moves every URL to the production origin and leaves no trace of localhost", () => {
    expect(prodXml).not.toMatch(/localhost/);
    const urls = collectUrls(prodXml);
    expect(urls).toHaveLength(collectUrls(devXml).length);
    for (const { url } of urls) expect(new URL(url).origin).toBe(PROD);
    expect(parseManifest(prodXml).appDomains).toEqual([PROD]);
  });

  it("changes nothing but the origin, the Id and the Version", () => {
    const dev = parseManifest(devXml);
    const prod = parseManifest(prodXml);
    expect(prod.id).toBe(PROD_ID);
    expect(prod.version).toBe("1.0.1.0");
    expect(prodXml).not.toContain(DEV_ID);
    const back = prodXml
      .split(PROD)
      .join(DEV_ORIGIN)
      .replace(`<Id>${PROD_ID}</Id>`, `<Id>${dev.id}</Id>`)
      .replace("<Version>1.0.1.0</Version>", `<Version>${dev.version}</Version>`);
    expect(back).toBe(devXml);
    expect(prod.buttons.map((b) => [b.id, b.label, b.action.type])).toEqual(
      dev.buttons.map((b) => [b.id, b.label, b.action.type]),
    );
    expect(prod.permissions).toBe(dev.permissions);
  });

  it("keeps the development Version when none is given", () => {
    const xml = makeProductionManifest(devXml, PROD, { id: PROD_ID });
    expect(parseManifest(xml).version).toBe(parseManifest(devXml).version);
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
    expect(() => makeProductionManifest(stray, PROD, identity)).toThrow(/would be invalid[\s\S]*not https/);
  });
});

describe("checkIdentity", () => {
  it("refuses the development Id in any case, and anything that isn't a GUID", () => {
    expect(() => checkIdentity(devXml, { id: DEV_ID })).toThrow(/development manifest's Id/);
    expect(() => checkIdentity(devXml, { id: DEV_ID.toUpperCase() })).toThrow(/development manifest's Id/);
    expect(() => checkIdentity(devXml, { id: "not-a-guid" })).toThrow(/must be a GUID/);
    expect(() => checkIdentity(devXml, { id: `${PROD_ID}0` })).toThrow(/must be a GUID/);
  });

  it("accepts versions of one to four numbers and nothing else", () => {
    for (const v of ["2", "1.1", "1.0.1", "1.0.1.0", "65535.0.0.1"]) {
      expect(checkIdentity(devXml, { id: PROD_ID, version: v }).version).toBe(v);
    }
    for (const v of ["1.0.0.0.0", "v1", "1..0", "", "1.0-beta", "123456"]) {
      expect(() => checkIdentity(devXml, { id: PROD_ID, version: v }), v).toThrow(/--version/);
    }
    expect(checkIdentity(devXml, { id: PROD_ID.toUpperCase() }).id).toBe(PROD_ID);
  });
});

describe("parseArgs", () => {
  it("reads --origin, --in, --out, --id, --new-id and --version", () => {
    expect(
      parseArgs(["--origin", PROD, "--out", "x.xml", "--in", "y.xml", "--id", PROD_ID, "--version", "1.2"]),
    ).toEqual({ origin: PROD, input: "y.xml", output: "x.xml", id: PROD_ID, version: "1.2" });
    expect(parseArgs(["--origin", PROD, "--new-id"])).toEqual({
      origin: PROD,
      input: MANIFEST_PATH,
      output: "manifest.prod.xml",
      id: "new",
      version: undefined,
    });
  });

  it("explains what is missing", () => {
    expect(() => parseArgs(["--new-id"])).toThrow(/--origin is required/);
    expect(() => parseArgs(["--origin"])).toThrow(/--origin needs a value/);
    expect(() => parseArgs(["--origin", "--out", "x"])).toThrow(/--origin needs a value/);
    expect(() => parseArgs(["--origin", PROD, "--force"])).toThrow(/unknown argument "--force"/);
    expect(() => parseArgs(["--origin", PROD, "--out", "/nonexistent/x.xml"])).toThrow(
      /--new-id \(a first deployment\) or --id GUID/,
    );
    expect(() => parseArgs(["--origin", PROD, "--new-id", "--id", PROD_ID])).toThrow(/not both/);
  });
});

// These run the script in a child process (tsx): seconds each on a loaded 2-core machine.
describe("the command line", { timeout: 60_000 }, () => {
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

  it("writes the production manifest with a new Id and exits 0; an update keeps the Id", () => {
    const result = run("--origin", PROD, "--out", "out.xml", "--new-id", "--version", "1.0.0.0");
    expect(result.stderr).toMatch(/wrote out\.xml for https:\/\/addin\.contoso\.com, Id [0-9a-f-]{36}/);
    expect(result.status).toBe(0);
    const first = parseManifest(readFileSync(join(work, "out.xml"), "utf8"));
    expect(first.id).not.toBe(DEV_ID);
    expect(readFileSync(join(work, "out.xml"), "utf8")).toBe(
      makeProductionManifest(devXml, PROD, { id: first.id, version: "1.0.0.0" }),
    );

    // No Id given: the message names the one in out.xml.
    const missing = run("--origin", PROD, "--out", "out.xml", "--version", "1.0.1.0");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`--id ${first.id}`);

    const update = run("--origin", PROD, "--out", "out.xml", "--id", first.id, "--version", "1.0.1.0");
    expect(update.status).toBe(0);
    expect(parseManifest(readFileSync(join(work, "out.xml"), "utf8"))).toMatchObject({
      id: first.id,
      version: "1.0.1.0",
    });
    // Same Version again: written, with a warning that Outlook wouldn't take it as an update.
    const same = run("--origin", PROD, "--out", "out.xml", "--id", first.id, "--version", "1.0.1.0");
    expect(same.stderr).toMatch(/not above the 1\.0\.1\.0/);
  });

  it("exits 2 for the development Id and writes nothing", () => {
    const result = run("--origin", PROD, "--out", "dev-id.xml", "--id", DEV_ID);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/development manifest's Id/);
    expect(existsSync(join(work, "dev-id.xml"))).toBe(false);
  });

  it("exits 2 with a clear message for an http origin and writes nothing", () => {
    const result = run("--origin", "http://addin.contoso.com", "--out", "http.xml", "--new-id");
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
    const result = run("--origin", PROD, "--in", "bad.xml", "--out", "bad.prod.xml", "--new-id");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Permissions/);
    expect(existsSync(join(work, "bad.prod.xml"))).toBe(false);
  });
});
