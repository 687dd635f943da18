/**
 * Writes a production manifest: every dev-origin URL in manifest.xml rewritten to a deployment origin, the add-in
 * given its own Id (never the development one: Outlook keys an installed add-in by its Id, so a production
 * deployment sharing it with a sideloaded dev copy would replace or shadow it) and the Version of this release.
 *
 *   npm run manifest:prod -- --origin https://addin.contoso.com (--new-id | --id GUID) [--version 1.0.1.0]
 *                            [--in manifest.xml] [--out manifest.prod.xml]
 *
 * --new-id makes a new GUID (the first deployment); --id keeps the deployment's Id (every update: Outlook then
 * sees the same add-in with a higher --version). The origin must be https and an origin only (no path, query,
 * fragment or credentials). The result is checked before it is written: it must still validate against the XSD
 * set, pass checkManifest on the new origin, and mention the dev origin nowhere. Exit code 2 for bad arguments,
 * 1 for a manifest that fails.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkManifest, compareVersions, DEV_ORIGIN, parseManifest } from "./manifest-model";
import { MANIFEST_PATH, validateManifestXml } from "./validate-manifest";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Returns the normalised origin (`https://host[:port]`) or throws UsageError saying what is wrong. */
export function parseProductionOrigin(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UsageError(
      `--origin "${input}" is not a URL; give an origin such as https://addin.contoso.com`,
    );
  }
  if (url.protocol !== "https:") {
    throw new UsageError(
      `--origin must use https (Office refuses add-in pages over ${url.protocol.replace(":", "")})`,
    );
  }
  if (url.username || url.password) throw new UsageError("--origin must not contain a user name or password");
  // "https://host/" is accepted (a URL parser adds the slash anyway); anything after it is not.
  if (url.pathname !== "/" || url.search || url.hash || /[?#]/.test(input)) {
    throw new UsageError(
      `--origin must be an origin only, without a path, query or fragment: try ${url.origin}`,
    );
  }
  if (url.origin === DEV_ORIGIN) throw new UsageError(`--origin is the dev origin ${DEV_ORIGIN}`);
  return url.origin;
}

/**
 * Rewrites every occurrence of the dev origin in the manifest text. Only whole origins are replaced: a
 * dev URL followed by another port digit or host character would be a different origin and is refused.
 */
export function rewriteOrigin(xml: string, origin: string): string {
  const target = parseProductionOrigin(origin);
  const escaped = DEV_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const lookalike = new RegExp(`${escaped}[\\w.:-]`);
  const stray = lookalike.exec(xml);
  if (stray) throw new Error(`manifest has a URL that only starts like the dev origin: "${stray[0]}…"`);
  return xml.split(DEV_ORIGIN).join(target);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The manifest schema's version format: 1 to 4 dot-separated numbers of up to 5 digits. */
const VERSION = /^\d{1,5}(\.\d{1,5}){0,3}$/;

export interface Identity {
  /** The production add-in's Id: a GUID, not the development manifest's. */
  id: string;
  /** This release's Version; the development manifest's when absent. */
  version?: string | undefined;
}

/** Checks the Id and Version against the development manifest; returns the Id in lower case. */
export function checkIdentity(devXml: string, identity: Identity): { id: string; version: string } {
  const dev = parseManifest(devXml);
  const id = identity.id.trim().toLowerCase();
  if (!GUID.test(id))
    throw new UsageError(`--id must be a GUID such as ${randomUUID()}, not "${identity.id}"`);
  if (id === dev.id.toLowerCase()) {
    throw new UsageError(
      `--id ${id} is the development manifest's Id: a production add-in needs its own (--new-id makes one)`,
    );
  }
  const version = identity.version?.trim() ?? dev.version;
  if (!VERSION.test(version)) {
    throw new UsageError(`--version must be up to four numbers such as 1.0.1.0, not "${identity.version}"`);
  }
  return { id, version };
}

/** Sets the manifest's top-level <Id> and <Version> (the first of each: the OfficeApp's own). */
export function setIdentity(xml: string, id: string, version: string): string {
  const withId = xml.replace(/<Id>[^<]*<\/Id>/, `<Id>${id}</Id>`);
  return withId.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`);
}

/** Rewrites and checks; throws with every problem listed when the result is not a valid manifest. */
export function makeProductionManifest(xml: string, origin: string, identity: Identity): string {
  const target = parseProductionOrigin(origin);
  const { id, version } = checkIdentity(xml, identity);
  const out = setIdentity(rewriteOrigin(xml, target), id, version);
  const problems = [...validateManifestXml(out).errors, ...checkManifest(out, { origin: target })];
  if (out.includes("localhost")) problems.push("the result still mentions localhost");
  const made = parseManifest(out);
  if (made.id !== id || made.version !== version) problems.push("the Id or Version did not take");
  if (problems.length > 0) {
    throw new Error(`the production manifest would be invalid:\n  ${problems.join("\n  ")}`);
  }
  return out;
}

export interface CliArgs {
  origin: string;
  input: string;
  output: string;
  /** A GUID from --id, or "new" for --new-id. */
  id: string;
  version: string | undefined;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  let newId = false;
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? "";
    if (flag === "--new-id") {
      newId = true;
      continue;
    }
    if (!["--origin", "--in", "--out", "--id", "--version"].includes(flag))
      throw new UsageError(`unknown argument "${flag}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
    i += 1;
  }
  const origin = values.get("--origin");
  if (origin === undefined)
    throw new UsageError("--origin is required, e.g. --origin https://addin.contoso.com");
  const output = values.get("--out") ?? "manifest.prod.xml";
  const id = values.get("--id");
  if (newId && id !== undefined) throw new UsageError("give --new-id or --id, not both");
  if (!newId && id === undefined) {
    // Name the Id of a production manifest already there: an update keeps it.
    let current = "";
    try {
      if (existsSync(resolve(output))) current = parseManifest(readFileSync(resolve(output), "utf8")).id;
    } catch {
      current = "";
    }
    throw new UsageError(
      current
        ? `--id or --new-id is required; to update the deployment in ${output}, keep its Id: --id ${current} (and raise --version)`
        : "--new-id (a first deployment) or --id GUID (an update: the deployment's Id) is required",
    );
  }
  return {
    origin,
    input: values.get("--in") ?? MANIFEST_PATH,
    output,
    id: newId ? "new" : (id ?? ""),
    version: values.get("--version"),
  };
}

const USAGE =
  "usage: npm run manifest:prod -- --origin https://<host>[:port] (--new-id | --id GUID) [--version 1.0.1.0] [--in manifest.xml] [--out manifest.prod.xml]";

export function main(argv: readonly string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    parseProductionOrigin(args.origin);
  } catch (error) {
    console.error(`make-prod-manifest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  let xml: string;
  let identity: { id: string; version: string };
  try {
    xml = readFileSync(resolve(args.input), "utf8");
    identity = checkIdentity(xml, { id: args.id === "new" ? randomUUID() : args.id, version: args.version });
  } catch (error) {
    const code = error instanceof UsageError ? 2 : 1;
    console.error(`make-prod-manifest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return code;
  }
  try {
    let previous: string | undefined;
    try {
      previous = existsSync(resolve(args.output))
        ? parseManifest(readFileSync(resolve(args.output), "utf8")).version
        : undefined;
    } catch {
      previous = undefined;
    }
    const out = makeProductionManifest(xml, args.origin, identity);
    writeFileSync(resolve(args.output), out);
    console.warn(
      `make-prod-manifest: wrote ${args.output} for ${parseProductionOrigin(args.origin)}, Id ${identity.id}, ` +
        `Version ${identity.version}.\n  Keep this Id for every update of this deployment (--id ${identity.id}) ` +
        "and give each update a higher --version.",
    );
    if (previous !== undefined && compareVersions(identity.version, previous) <= 0) {
      console.warn(
        `make-prod-manifest: the Version ${identity.version} is not above the ${previous} that ${args.output} had: ` +
          "Outlook only takes an update with a higher Version.",
      );
    }
    return 0;
  } catch (error) {
    console.error(`make-prod-manifest: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
