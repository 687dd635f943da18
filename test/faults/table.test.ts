/**
 * Keeps test/FAULTS.md honest: at least 40 cases, numbered in order, and every row names a test that Vitest
 * collects from the file it names, by that test's own title (a renamed or deleted test fails here instead of
 * leaving a row that proves nothing; a title that only appears as a string elsewhere in the file doesn't count).
 * The names come from `vitest list` (test/faults/list.config.ts), which collects the files without running them,
 * so tests made from a table of cases count under the titles they are given.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

interface Row {
  number: number;
  cells: string[];
  file: string;
  title: string;
}

function parseFaultTable(markdown: string): Row[] {
  const rows: Row[] = [];
  for (const line of markdown.split("\n")) {
    if (!/^\|\s*\d+\s*\|/.test(line)) continue;
    const cells = line
      .slice(1, line.lastIndexOf("|"))
      .split("|")
      .map((c) => c.trim());
    const test = /^`([^`]+)`\s*›\s*`([^`]+)`$/.exec(cells[4] ?? "");
    if (cells.length !== 5 || !test?.[1] || !test[2]) throw new Error(`malformed fault table row: ${line}`);
    rows.push({ number: Number(cells[0]), cells, file: test[1], title: test[2] });
  }
  return rows;
}

/** Each file's tests as Vitest names them: the describe blocks, then the test's own title, joined by " > ". */
function collectTests(files: string[]): Map<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), "pd-faults-list-"));
  try {
    const out = join(dir, "tests.json");
    execFileSync(
      process.execPath,
      [
        resolve(ROOT, "node_modules/vitest/vitest.mjs"),
        "list",
        "--config",
        resolve(ROOT, "test/faults/list.config.ts"),
        `--json=${out}`,
        ...files,
      ],
      { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "test" } },
    );
    const listed = JSON.parse(readFileSync(out, "utf8")) as { name: string; file: string }[];
    const byFile = new Map<string, string[]>();
    for (const t of listed) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t.name]);
    return byFile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether `full` (a collected test's full name) is the test titled `title`. */
function isTitled(full: string, title: string): boolean {
  return full === title || full.endsWith(` > ${title}`);
}

describe("test/FAULTS.md", () => {
  const rows = parseFaultTable(readFileSync(resolve(ROOT, "test/FAULTS.md"), "utf8"));
  let collected = new Map<string, string[]>();
  beforeAll(() => {
    const files = [...new Set(rows.map((r) => r.file))].filter((f) => existsSync(resolve(ROOT, f)));
    collected = collectTests(files);
  }, 120_000);

  it("lists at least 40 cases, numbered 1, 2, 3, … with every column filled", () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) expect(row.cells.every((c) => c !== "")).toBe(true);
  });

  it("names, for every case, a test of that title that Vitest collects from that file", () => {
    const missing: string[] = [];
    for (const row of rows) {
      const path = resolve(ROOT, row.file);
      if (!existsSync(path)) {
        missing.push(`#${row.number}: no file ${row.file}`);
        continue;
      }
      const names = collected.get(path) ?? [];
      if (!names.some((name) => isTitled(name, row.title)))
        missing.push(`#${row.number}: no test "${row.title}" in ${row.file}`);
    }
    expect(missing).toEqual([]);
  });

  it("has one row per case: no test is listed twice", () => {
    const keys = rows.map((r) => `${r.file} › ${r.title}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("rejects a row whose title is not a test's (the check can fail)", () => {
    const [first] = rows;
    if (!first) throw new Error("empty table");
    const names = collected.get(resolve(ROOT, first.file)) ?? [];
    expect(names.some((n) => isTitled(n, first.title))).toBe(true);
    expect(names.some((n) => isTitled(n, `${first.title} (renamed)`))).toBe(false);
    // A describe block's name, or the end of a longer title, is not a test's title.
    expect(isTitled("fault table: Retry-After > 429 once", "429 once")).toBe(true);
    expect(isTitled("fault table > a 429 once", "429 once")).toBe(false);
    expect(isTitled("fault table > 429 once > nested", "fault table")).toBe(false);
    expect(() => parseFaultTable("| 1 | a | b | c | not a test reference |")).toThrow(/malformed/);
  });
});
