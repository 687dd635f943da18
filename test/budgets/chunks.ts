/**
 * The production bundle's chunk graph from Vite's build manifest (`build.manifest: true` → `.vite/manifest.json`)
 * and the gzip sizes (zlib level 9) of what each page loads. Used by the size-budget test and `npm run bench`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export function readManifest(outDir: string): Manifest {
  return JSON.parse(readFileSync(join(outDir, ".vite", "manifest.json"), "utf8")) as Manifest;
}

/**
 * Manifest keys reachable from `entry`: through static `imports` always, through `dynamicImports` only when
 * `dynamic` is set (then recursively through theirs too), never into a key `skip` refuses. The entry comes first.
 */
export function reachable(
  manifest: Manifest,
  entry: string,
  dynamic: boolean,
  skip: (key: string) => boolean = () => false,
): string[] {
  if (manifest[entry] === undefined) throw new Error(`${entry} is not in the build manifest`);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || skip(key)) return;
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`the build manifest names ${key} but has no entry for it`);
    seen.add(key);
    for (const next of chunk.imports ?? []) visit(next);
    if (dynamic) for (const next of chunk.dynamicImports ?? []) visit(next);
  };
  visit(entry);
  return [...seen];
}

/** The languages the add-in ships, and the manifest key of each one's catalogue (a dynamic import of core/i18n). */
export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];
export const catalogueKey = (language: Language) => `core/i18n/${language}.ts`;
const isCatalogue = (key: string) => LANGUAGES.some((l) => catalogueKey(l) === key);

/**
 * What a page loads for a person in `language`: every page fetches exactly one catalogue before it shows anything
 * (core/i18n loadLanguage), so it counts with the static imports; the other languages' catalogues are never fetched.
 */
export function reachableIn(
  manifest: Manifest,
  entry: string,
  dynamic: boolean,
  language: Language,
): string[] {
  const page = reachable(manifest, entry, dynamic, isCatalogue);
  const own = catalogueKey(language);
  if (manifest[own] === undefined) throw new Error(`${own} is not in the build manifest`);
  const catalogue = reachable(manifest, own, false);
  return [...page, ...catalogue.filter((k) => !page.includes(k))];
}

export interface SizedChunk {
  key: string;
  file: string;
  raw: number;
  gzip: number;
}

/** Each chunk is fetched on its own, so each is gzipped on its own (level 9) and the sizes are summed. */
export function sizeOf(
  outDir: string,
  manifest: Manifest,
  keys: string[],
): { total: number; chunks: SizedChunk[] } {
  const chunks = keys.map((key) => {
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`no chunk ${key}`);
    const bytes = readFileSync(join(outDir, chunk.file));
    return { key, file: chunk.file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  return { total: chunks.reduce((sum, c) => sum + c.gzip, 0), chunks };
}

/**
 * The modules an emitted chunk holds, from its source map (`build.sourcemap: true`): paths relative to the
 * project root (`src/core/config.ts`, `node_modules/react/...`). Virtual modules without a source are absent.
 */
export function modulesOf(outDir: string, file: string): string[] {
  const path = join(outDir, `${file}.map`);
  // A chunk of nothing but re-exports or the bundler's runtime gets no source map.
  if (!existsSync(path)) return [];
  const map = JSON.parse(readFileSync(path, "utf8")) as { sources: string[] };
  const root = join(import.meta.dirname, "../..");
  return map.sources.map((s) =>
    relative(root, resolve(dirname(join(outDir, file)), s))
      .split(sep)
      .join("/"),
  );
}

/** 1 kB = 1,000 bytes, as Vite's build report counts. */
export const KB = 1000;

export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} kB`;

export interface Budget {
  name: string;
  entry: string;
  dynamic: boolean;
  limit: number;
}

/** The budgets: JS only (CSS and images are not counted). Entries are manifest keys (paths under src/). */
export const BUDGETS: Budget[] = [
  { name: "task pane, first paint", entry: "taskpane/taskpane.html", dynamic: false, limit: 140 * KB },
  {
    name: "task pane, whole",
    entry: "taskpane/taskpane.html",
    dynamic: true,
    limit: 240 * KB,
  },
  {
    name: "command page",
    entry: "commands/commands.html",
    dynamic: true,
    limit: 90 * KB,
  },
  { name: "confirmation page", entry: "dialog/confirm.html", dynamic: true, limit: 30 * KB },
];

export interface BudgetResult extends Budget {
  language: Language;
  total: number;
  chunks: SizedChunk[];
}

/** Every budget, once per language. */
export function measureBudgets(outDir: string): BudgetResult[] {
  const manifest = readManifest(outDir);
  return BUDGETS.flatMap((b) =>
    LANGUAGES.map((language) => ({
      ...b,
      language,
      ...sizeOf(outDir, manifest, reachableIn(manifest, b.entry, b.dynamic, language)),
    })),
  );
}

/** A table of the budgets and, per budget, its chunks by size (largest first). */
export function formatBudgets(results: BudgetResult[]): string {
  const lines = ["JS gzip sizes (zlib level 9, 1 kB = 1,000 bytes; each chunk compressed on its own):"];
  for (const r of results) {
    lines.push(
      `  ${r.total <= r.limit ? "PASS" : "FAIL"}  ${`${r.name} [${r.language}]`.padEnd(29)} ${kb(r.total).padStart(9)} / ${kb(r.limit)}  (${r.entry}${r.dynamic ? " + dynamic imports" : ", static imports only"}, + the ${r.language} catalogue)`,
    );
    for (const c of [...r.chunks].sort((a, b) => b.gzip - a.gzip)) {
      lines.push(`          ${kb(c.gzip).padStart(9)} gzip ${kb(c.raw).padStart(9)} raw  ${c.file}`);
    }
  }
  return lines.join("\n");
}

/** Whether a build carries React's development runtime (a build made with NODE_ENV other than production). */
export function hasReactDevBuild(outDir: string, manifest: Manifest): boolean {
  return Object.values(manifest).some(
    (c) => c.file.endsWith(".js") && readFileSync(join(outDir, c.file), "utf8").includes("jsxDEV"),
  );
}
