/**
 * Size budgets on the production bundle: the JS each page needs, gzipped (level 9). Runs on every `npm test`
 * (its own Vitest project, "budgets": `npx vitest run --project budgets`); a budget exceeded fails it, naming the
 * chunks that make it up.
 *
 * The bundle is built here with NODE_ENV=production rather than read from the e2e project's build
 * (E2E.outDir): that one is built inside Vitest, where NODE_ENV is "test" and React's development build gets
 * bundled, so its sizes are not what ships (the first test below shows the difference).
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProduction } from "../../dev/stack/build";
import { E2E } from "../../dev/stack/config";
import {
  BUDGETS,
  type BudgetResult,
  catalogueKey,
  formatBudgets,
  hasReactDevBuild,
  kb,
  LANGUAGES,
  measureBudgets,
  modulesOf,
  reachable,
  reachableIn,
  readManifest,
} from "./chunks";

const outDir = `${E2E.outDir}-budgets`;
let results: BudgetResult[] = [];

beforeAll(async () => {
  await buildProduction(outDir);
  results = measureBudgets(outDir);
  console.warn(formatBudgets(results));
}, 180_000);
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe("bundle size budgets", () => {
  it("measures a production build: React's production runtime, MSAL only behind dynamic imports", () => {
    const manifest = readManifest(outDir);
    expect(hasReactDevBuild(outDir, manifest)).toBe(false);
    if (existsSync(`${E2E.outDir}/.vite/manifest.json`)) {
      // Tells whoever reads these numbers that the e2e bundle differs (see the file header).
      const e2e = readManifest(E2E.outDir);
      if (hasReactDevBuild(E2E.outDir, e2e)) {
        console.warn(
          `note: ${E2E.outDir} (the e2e build) carries React's development runtime; budgets use ${outDir}`,
        );
      }
    }
    const first = reachable(manifest, "taskpane/taskpane.html", false);
    const whole = reachable(manifest, "taskpane/taskpane.html", true);
    expect(first[0]).toBe("taskpane/taskpane.html");
    expect(whole).toEqual(expect.arrayContaining(first));
    expect(whole.length).toBeGreaterThan(first.length);
    // The README promises MSAL loads lazily: it is reachable from the pane, but not on the first-paint path.
    // src/core/auth/msalNested.ts is the pane's only way into MSAL (see src/core/auth/msal.ts).
    const isMsal = (key: string) => key.includes("@azure/msal-browser") || key === "core/auth/msalNested.ts";
    expect(whole.some(isMsal)).toBe(true);
    expect(first.some(isMsal)).toBe(false);
    expect(results.map((r) => `${r.name} ${r.language}`)).toEqual(
      BUDGETS.flatMap((b) => LANGUAGES.map((l) => `${b.name} ${l}`)),
    );
  });

  for (const budget of BUDGETS) {
    for (const language of LANGUAGES) {
      it(`${budget.name}, in ${language}: at most ${kb(budget.limit)} of JS, gzip`, () => {
        const r = results.find((x) => x.name === budget.name && x.language === language);
        if (r === undefined) throw new Error(`no measurement for ${budget.name} in ${language}`);
        const detail = [...r.chunks]
          .sort((a, b) => b.gzip - a.gzip)
          .map((c) => `${c.file} ${kb(c.gzip)}`)
          .join(", ");
        expect(
          r.total,
          `${r.name} (${language}) is ${kb(r.total)} gzip, over ${kb(r.limit)}: ${detail}`,
        ).toBeLessThanOrEqual(r.limit);
      });
    }
  }

  it("keeps the pages apart: no other page loads the task pane's entry chunk (tools/chunking.ts)", () => {
    const manifest = readManifest(outDir);
    for (const entry of [
      "commands/commands.html",
      "dialog/confirm.html",
      "dialog/signin.html",
      "dialog/redirect.html",
    ]) {
      expect(reachable(manifest, entry, true), entry).not.toContain("taskpane/taskpane.html");
    }
  });

  it("groups the add-in's modules by when the pane needs them (tools/chunking.ts), MSAL and catalogues apart", () => {
    const manifest = readManifest(outDir);
    const files = [...new Set(Object.values(manifest).map((c) => c.file))].filter((f) => f.endsWith(".js"));
    const held = new Map(files.map((f) => [f, modulesOf(outDir, f)]));
    const chunkOf = (module: string) => {
      const found = files.filter((f) => held.get(f)?.includes(module));
      expect(found, module).toHaveLength(1);
      return (found[0] ?? "").replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, "");
    };
    expect(chunkOf("src/core/i18n/index.ts")).toBe("basics");
    expect(chunkOf("src/core/purge/protocol.ts")).toBe("basics");
    expect(chunkOf("src/core/config.ts")).toBe("shared");
    expect(chunkOf("src/taskpane/Pane.tsx")).toBe("taskpane");
    expect(chunkOf("src/core/services.ts")).toBe("command");
    expect(chunkOf("src/core/graph/client.ts")).toBe("command");
    expect(chunkOf("src/core/purge/scheduler.ts")).toBe("core");
    // Each catalogue alone; MSAL away from the core, the pane and the command page.
    for (const language of LANGUAGES) {
      const file = manifest[catalogueKey(language)]?.file ?? "";
      expect(held.get(file), language).toEqual([`src/${catalogueKey(language)}`]);
    }
    const msal = files.filter((f) => held.get(f)?.some((m) => m.includes("node_modules/@azure/msal-")));
    expect(msal.length).toBeGreaterThan(0);
    // (The sign-in and redirect pages bundle MSAL's public entry with their own script: that is their entry chunk.)
    for (const f of msal) {
      expect(
        held.get(f)?.filter((m) => /^src\/(core|taskpane|commands)\//.test(m)),
        f,
      ).toEqual([]);
    }
  });

  it("counts exactly one catalogue per language: a page in German doesn't load English, nor the reverse", () => {
    const manifest = readManifest(outDir);
    for (const language of LANGUAGES) {
      const keys = reachableIn(manifest, "taskpane/taskpane.html", true, language);
      expect(keys.filter((k) => k.startsWith("core/i18n/") && k !== "core/i18n/index.ts")).toEqual([
        catalogueKey(language),
      ]);
    }
    // Every page reaches each catalogue only through a dynamic import (loadLanguage), never statically.
    for (const entry of ["taskpane/taskpane.html", "commands/commands.html", "dialog/confirm.html"]) {
      const statics = reachable(manifest, entry, false);
      for (const language of LANGUAGES) expect(statics, entry).not.toContain(catalogueKey(language));
    }
  });
});
