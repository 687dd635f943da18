/**
 * Writes a production manifest: every dev-origin URL in manifest.xml rewritten to a deployment origin.
 *
 *   npx tsx tools/manifest/make-prod-manifest.ts --origin https://addin.contoso.com [--in manifest.xml] [--out manifest.prod.xml]
 *
 * The origin must be https and an origin only (no path, query, fragment or credentials). The result is
 * checked before it is written: it must still validate against the XSD set, pass checkManifest on the new
 * origin, and mention the dev origin nowhere. Exit code 2 for bad arguments, 1 for a manifest that fails.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { checkManifest, DEV_ORIGIN } from "./manifest-model";
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

/** Rewrites and checks; throws with every problem listed when the result is not a valid manifest. */
export function makeProductionManifest(xml: string, origin: string): string {
  const target = parseProductionOrigin(origin);
  const out = rewriteOrigin(xml, target);
  const problems = [...validateManifestXml(out).errors, ...checkManifest(out, { origin: target })];
  if (out.includes("localhost")) problems.push("the result still mentions localhost");
  if (problems.length > 0) {
    throw new Error(`the production manifest would be invalid:\n  ${problems.join("\n  ")}`);
  }
  return out;
}

export interface CliArgs {
  origin: string;
  input: string;
  output: string;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i] ?? "";
    if (!["--origin", "--in", "--out"].includes(flag)) throw new UsageError(`unknown argument "${flag}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
    i += 1;
  }
  const origin = values.get("--origin");
  if (origin === undefined)
    throw new UsageError("--origin is required, e.g. --origin https://addin.contoso.com");
  return {
    origin,
    input: values.get("--in") ?? MANIFEST_PATH,
    output: values.get("--out") ?? "manifest.prod.xml",
  };
}

const USAGE =
  "usage: npx tsx tools/manifest/make-prod-manifest.ts --origin https://<host>[:port] [--in manifest.xml] [--out manifest.prod.xml]";

export function main(argv: readonly string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    parseProductionOrigin(args.origin);
  } catch (error) {
    console.error(`make-prod-manifest: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  try {
    const out = makeProductionManifest(readFileSync(resolve(args.input), "utf8"), args.origin);
    writeFileSync(resolve(args.output), out);
    console.warn(`make-prod-manifest: wrote ${args.output} for ${parseProductionOrigin(args.origin)}`);
    return 0;
  } catch (error) {
    console.error(`make-prod-manifest: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
