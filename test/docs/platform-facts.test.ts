/**
 * docs/platform-facts.md is where the code's comments point for the Microsoft behaviour they rely on
 * (`docs/platform-facts.md#batch-rules`). Every such pointer, and every link inside the document, must name a heading
 * that exists, so renaming a section breaks this test rather than leaving dangling pointers.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { headingAnchor, pointersIn } from "./anchors";

const ROOT = resolve(import.meta.dirname, "../..");
const DOC = join(ROOT, "docs/platform-facts.md");
const SCANNED = ["src", "dev", "tools", "test", "bench", "docs", "README.md", "SECURITY.md", "manifest.xml"];
const SKIP = new Set(["node_modules", "dist", "images", "schemas"]);

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .filter((name) => !SKIP.has(name))
    .flatMap((name) => files(join(path, name)));
}

const doc = readFileSync(DOC, "utf8");
const anchors = new Set(
  doc
    .split("\n")
    .filter((line) => /^#{2,3} /.test(line))
    .map((line) => headingAnchor(line.replace(/^#+ /, ""))),
);

describe("docs/platform-facts.md pointers", () => {
  it("makes anchors as GitHub does", () => {
    expect(headingAnchor("$batch rules")).toBe("batch-rules");
    expect(headingAnchor("Identity: UPN and mail address")).toBe("identity-upn-and-mail-address");
    expect(headingAnchor("Graph permanentDelete and scopes")).toBe("graph-permanentdelete-and-scopes");
  });

  it("finds pointers in code and links in the document", () => {
    expect(pointersIn("see docs/platform-facts.md#batch-rules).", false)).toEqual(["batch-rules"]);
    expect(pointersIn("see [Dialogs](#dialogs) and [x](other.md#y)", true)).toEqual(["dialogs"]);
    expect(pointersIn("no pointer here", false)).toEqual([]);
  });

  it("every pointer in the repository names a section that exists", () => {
    const dangling: string[] = [];
    let count = 0;
    for (const file of SCANNED.flatMap((entry) => files(join(ROOT, entry)))) {
      if (file === import.meta.filename) continue;
      const text = readFileSync(file, "utf8");
      for (const anchor of pointersIn(text, file === DOC)) {
        count++;
        if (!anchors.has(anchor)) dangling.push(`${relative(ROOT, file)}: #${anchor}`);
      }
    }
    expect(dangling).toEqual([]);
    expect(count).toBeGreaterThan(10);
  });
});
