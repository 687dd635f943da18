/**
 * Rules a maintainer can rely on, checked on the whole tree: short functions in src/ (tools/maintainability), and
 * comments that state facts with their public sources instead of pointing at documents outside the repository.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  breaksTheRule,
  functionLengthsOfFile,
  MAX_COMPONENT_LOGIC_LINES,
  MAX_FUNCTION_LINES,
} from "../../tools/maintainability/function-lengths";
import { sourceFiles } from "../../tools/maintainability/long-functions";

describe("the code a maintainer changes", () => {
  it(`has no function in src/ over ${MAX_FUNCTION_LINES} lines (a component: over ${MAX_COMPONENT_LOGIC_LINES} lines of logic)`, () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    const long = files
      .flatMap(functionLengthsOfFile)
      .filter(breaksTheRule)
      .map((f) => `${f.file}:${f.line} ${f.name} (${f.lines} lines, ${f.logicLines} logic)`);
    expect(long).toEqual([]);
  });

  it("points at no document outside the repository: the facts are in docs/platform-facts.md", () => {
    const tracked = execFileSync(
      "git",
      [
        "ls-files",
        "src",
        "dev",
        "tools",
        "test",
        "bench",
        "docs",
        "manifest.xml",
        "README.md",
        "SECURITY.md",
      ],
      {
        encoding: "utf8",
      },
    )
      .split("\n")
      .filter(
        (f) => f !== "" && !/\.(png|ico|woff2?)$/.test(f) && f !== "test/build/maintainability.test.ts",
      );
    const outside = /\.\.\/shared\/|PITFALLS|DESIGN\.md|STYLE\.md|shared\/seeds/;
    const found = tracked.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (outside.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
