/**
 * Keeps test/FAULTS.md honest: at least 40 cases, numbered in order, and every row's test title present verbatim
 * in the file it names (a renamed or deleted test fails here instead of leaving a row that proves nothing).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

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

describe("test/FAULTS.md", () => {
  const rows = parseFaultTable(readFileSync(resolve(ROOT, "test/FAULTS.md"), "utf8"));

  it("lists at least 40 cases, numbered 1, 2, 3, … with every column filled", () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) expect(row.cells.every((c) => c !== "")).toBe(true);
  });

  it("names, for every case, a test whose title is in that file verbatim", () => {
    const missing: string[] = [];
    const sources = new Map<string, string>();
    for (const row of rows) {
      const path = resolve(ROOT, row.file);
      if (!existsSync(path)) {
        missing.push(`#${row.number}: no file ${row.file}`);
        continue;
      }
      const source = sources.get(path) ?? readFileSync(path, "utf8");
      sources.set(path, source);
      // The title as a string literal in a test call (any quote style).
      const quoted = [`"${row.title}"`, `'${row.title}'`, `\`${row.title}\``];
      if (!quoted.some((q) => source.includes(q)))
        missing.push(`#${row.number}: "${row.title}" not in ${row.file}`);
    }
    expect(missing).toEqual([]);
  });

  it("has one row per case: no test is listed twice", () => {
    const keys = rows.map((r) => `${r.file} › ${r.title}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("rejects a row whose title is not in the file (the check can fail)", () => {
    const [first] = rows;
    if (!first) throw new Error("empty table");
    const source = readFileSync(resolve(ROOT, first.file), "utf8");
    expect(source.includes(`"${first.title} (renamed)"`)).toBe(false);
    expect(() => parseFaultTable("| 1 | a | b | c | not a test reference |")).toThrow(/malformed/);
  });
});
