/**
 * Keeps SECURITY.md honest, as table.test.ts does test/FAULTS.md: every file or folder a "Checked by:" line cites
 * exists, every test title it quotes ("…" marks a title cut short) is in the file cited before it, and every threat
 * names at least one check. Also checks the claims that are facts about the code rather than tests: what src/
 * logs, and the runtime dependencies.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const security = readFileSync(resolve(ROOT, "SECURITY.md"), "utf8");

interface Threat {
  name: string;
  checkedBy: string;
}

function threats(markdown: string): Threat[] {
  const section = markdown.split("## Threats, defences, tests")[1]?.split("\n## ")[0] ?? "";
  return section
    .split(/\n- \*\*/)
    .slice(1)
    .map((item) => {
      const block = item.split("\n\n")[0] ?? ""; // a list item ends at the first blank line
      const name = block.slice(0, block.indexOf("**"));
      const checkedBy = block.split("Checked by:")[1]?.replace(/\s+/g, " ").trim() ?? "";
      return { name, checkedBy };
    });
}

const PATH = /`((?:src|test|tools)\/[^`\s]+)`/g;

/** Each cited path with the quoted titles that follow it (up to the next cited path). */
function citations(checkedBy: string): { path: string; titles: string[] }[] {
  const found = [...checkedBy.matchAll(PATH)];
  return found.map((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = found[i + 1]?.index ?? checkedBy.length;
    const titles = [...checkedBy.slice(start, end).matchAll(/"([^"]+)"/g)].map((m) =>
      (m[1] ?? "").replace(/…$/, ""),
    );
    return { path: match[1] ?? "", titles };
  });
}

function textOf(path: string): string {
  const full = resolve(ROOT, path);
  if (statSync(full).isDirectory()) {
    return readdirSync(full, { recursive: true })
      .map((entry) => join(full, String(entry)))
      .filter((file) => statSync(file).isFile())
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
  }
  return readFileSync(full, "utf8");
}

describe("SECURITY.md", () => {
  const list = threats(security);

  it("lists the threats, each with the checks that prove its defence", () => {
    expect(list.length).toBeGreaterThanOrEqual(15);
    const without = list.filter((t) => citations(t.checkedBy).length === 0).map((t) => t.name);
    expect(without).toEqual([]);
  });

  it("cites only files and folders that exist, and test titles that are in them", () => {
    const cited = list.flatMap((t) => citations(t.checkedBy));
    expect(cited.length).toBeGreaterThanOrEqual(30);
    expect(cited.flatMap((c) => c.titles).length).toBeGreaterThanOrEqual(8);
    const problems: string[] = [];
    for (const threat of list) {
      for (const { path, titles } of citations(threat.checkedBy)) {
        if (!existsSync(resolve(ROOT, path))) {
          problems.push(`${threat.name}: ${path} does not exist`);
          continue;
        }
        const text = textOf(path);
        for (const title of titles) {
          if (!text.includes(title)) problems.push(`${threat.name}: "${title}" is not in ${path}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("SECURITY.md's facts about the code", () => {
  it("src/ logs in one place only: a translation chunk that failed to load (src/core/i18n/index.ts)", () => {
    const files = readdirSync(resolve(ROOT, "src"), { recursive: true })
      .map(String)
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f));
    const logging = files.flatMap((file) => {
      const text = readFileSync(resolve(ROOT, "src", file), "utf8");
      return [...text.matchAll(/\bconsole\s*\.\s*(\w+)/g)].map(
        (m) => `${file.replaceAll("\\", "/")}: ${m[1]}`,
      );
    });
    expect(logging).toEqual(["core/i18n/index.ts: warn"]);
  });

  it("has the five runtime dependencies it names, and a lockfile", () => {
    const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      "@azure/msal-browser",
      "@fluentui/react-components",
      "@fluentui/react-icons",
      "react",
      "react-dom",
    ]);
    expect(existsSync(resolve(ROOT, "package-lock.json"))).toBe(true);
  });
});
