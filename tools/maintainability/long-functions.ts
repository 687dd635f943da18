/**
 * Prints the functions in src/ that break the length rule (tools/maintainability/function-lengths.ts), longest
 * first. `npx tsx tools/maintainability/long-functions.ts`; exits 1 when there is one.
 */
import { execFileSync } from "node:child_process";
import { breaksTheRule, functionLengthsOfFile } from "./function-lengths.ts";

export function sourceFiles(): string[] {
  return execFileSync("git", ["ls-files", "src/**/*.ts", "src/**/*.tsx"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => f !== "" && !/\.test\.tsx?$|testkit\.ts$/.test(f));
}

if (process.argv[1]?.endsWith("long-functions.ts")) {
  const long = sourceFiles().flatMap(functionLengthsOfFile).filter(breaksTheRule);
  long.sort((a, b) => b.lines - a.lines);
  for (const f of long) {
    const what = f.component ? `${f.lines} lines, ${f.logicLines} of them logic` : `${f.lines} lines`;
    process.stdout.write(`${f.file}:${f.line} ${f.name}: ${what}\n`);
  }
  process.exitCode = long.length > 0 ? 1 : 0;
}
