/**
 * tools/chunking.ts: which module lands in which group, on a module graph shaped like the add-in's (pages, core,
 * UI, packages, the bundler's helpers, catalogues, the MSAL door). The production build's real layout is checked
 * by test/budgets (which modules each emitted chunk holds, from its source map).
 */
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type ChunkGroup,
  type ChunkingContextLike,
  chunkGroups,
  isInside,
  type ModuleInfoLike,
  projectLayout,
} from "../../tools/chunking.ts";

const SRC = resolve("/project/src");
const NM = resolve("/project/node_modules");
const src = (path: string) => join(SRC, path);
const pkg = (path: string) => join(NM, path);
const PRELOAD = "\0vite/preload-helper.js";
const POLYFILL = "\0vite/modulepreload-polyfill.js";

const pages = {
  taskpane: src("taskpane/taskpane.html"),
  commands: src("commands/commands.html"),
  confirm: src("dialog/confirm.html"),
  signin: src("dialog/signin.html"),
  redirect: src("dialog/redirect.html"),
};

interface Graph {
  [id: string]: { imports?: string[]; dynamic?: string[] };
}

/** The add-in in miniature: each edge here has a counterpart in src/. */
function addinGraph(catalogues: string[] = ["en", "de"]): Graph {
  const i18n = src("core/i18n/index.ts");
  return {
    [pages.taskpane]: { imports: [POLYFILL, src("taskpane/main.tsx")] },
    [src("taskpane/main.tsx")]: {
      imports: [pkg("react/index.js"), src("taskpane/Pane.tsx"), i18n, src("core/config.ts")],
    },
    [src("taskpane/Pane.tsx")]: {
      imports: [pkg("@fluentui/react-components/lib/index.js"), src("core/purge/protocol.ts"), PRELOAD],
      dynamic: [src("taskpane/bulk/BulkArea.tsx"), src("core/services.ts"), src("core/purge/scheduler.ts")],
    },
    [src("taskpane/bulk/BulkArea.tsx")]: { imports: [pkg("@fluentui/react-components/lib/index.js")] },
    [src("core/purge/scheduler.ts")]: { imports: [src("core/graph/client.ts"), src("core/purge/clock.ts")] },
    [src("core/purge/clock.ts")]: {},
    [src("core/config.ts")]: {},
    [src("core/purge/protocol.ts")]: {},
    [i18n]: { imports: [PRELOAD], dynamic: catalogues.map((c) => src(`core/i18n/${c}.ts`)) },
    ...Object.fromEntries(catalogues.map((c) => [src(`core/i18n/${c}.ts`), {}])),
    [PRELOAD]: {},
    [POLYFILL]: {},
    [pages.commands]: { imports: [POLYFILL, src("commands/commands.ts")] },
    [src("commands/commands.ts")]: { imports: [i18n, src("core/config.ts"), src("core/services.ts")] },
    [src("core/services.ts")]: {
      imports: [src("core/graph/client.ts"), src("core/auth/msal.ts")],
    },
    [src("core/graph/client.ts")]: {},
    [src("core/auth/msal.ts")]: { imports: [PRELOAD], dynamic: [src("core/auth/msalNested.ts")] },
    [src("core/auth/msalNested.ts")]: { imports: [pkg("@azure/msal-browser/dist/index.mjs")] },
    [pkg("@azure/msal-browser/dist/index.mjs")]: {},
    [pages.confirm]: { imports: [POLYFILL, src("dialog/confirm.ts")] },
    [src("dialog/confirm.ts")]: { imports: [i18n, src("core/purge/protocol.ts")] },
    [pages.signin]: { imports: [POLYFILL, src("dialog/signin.ts")] },
    [src("dialog/signin.ts")]: {
      imports: [i18n, src("core/config.ts"), pkg("@azure/msal-browser/dist/index.mjs")],
    },
    [pages.redirect]: { imports: [POLYFILL] },
    [pkg("react/index.js")]: {},
    [pkg("@fluentui/react-components/lib/index.js")]: { imports: [pkg("react/index.js")] },
  };
}

/** A ChunkingContext over `graph` that, like rolldown's, hands out the same ModuleInfo objects in one pass. */
function contextOf(graph: Graph): ChunkingContextLike {
  const infos = new Map<string, ModuleInfoLike>(
    Object.entries(graph).map(([id, m]) => [
      id,
      { id, importedIds: m.imports ?? [], dynamicallyImportedIds: m.dynamic ?? [] },
    ]),
  );
  return { getModuleInfo: (id) => infos.get(id) ?? null };
}

/** What rolldown does with the groups: the highest-priority group whose name() answers takes the module. */
function groupOf(groups: ChunkGroup[], ctx: ChunkingContextLike, id: string): string | null {
  for (const g of [...groups].sort((a, b) => b.priority - a.priority)) {
    const name = g.name(id, ctx);
    if (name !== null) return name;
  }
  return null;
}

function placement(graph: Graph): Record<string, string | null> {
  const groups = chunkGroups(projectLayout(SRC, pages));
  const ctx = contextOf(graph);
  return Object.fromEntries(
    Object.keys(graph).map((id) => [
      id.startsWith(SRC) ? id.slice(SRC.length + 1) : id,
      groupOf(groups, ctx, id),
    ]),
  );
}

describe("chunk groups", () => {
  it("puts each module of the add-in in the group of when the pane needs it", () => {
    const placed = placement(addinGraph());
    expect(placed).toMatchObject({
      // The pane and the confirmation page both load these first (the bundler's helpers included).
      "core/i18n/index.ts": "basics",
      "core/purge/protocol.ts": "basics",
      [PRELOAD]: "basics",
      [POLYFILL]: "basics",
      // The pane's first paint that another page loads too.
      "core/config.ts": "shared",
      // Only the pane, before its first paint.
      "taskpane/main.tsx": "pane",
      "taskpane/Pane.tsx": "pane",
      "taskpane/taskpane.html": "pane",
      // Core the command page loads up front and the pane later.
      "core/services.ts": "command",
      "core/graph/client.ts": "command",
      "core/auth/msal.ts": "command",
      // Core only the pane loads, later.
      "core/purge/scheduler.ts": "core",
      "core/purge/clock.ts": "core",
      // Left to rolldown: lazy UI, pages' own entries, packages, catalogues and the MSAL door.
      "taskpane/bulk/BulkArea.tsx": null,
      "commands/commands.ts": null,
      "dialog/confirm.ts": null,
      "core/i18n/en.ts": null,
      "core/i18n/de.ts": null,
      "core/auth/msalNested.ts": null,
      [pkg("react/index.js")]: null,
      [pkg("@fluentui/react-components/lib/index.js")]: null,
      [pkg("@azure/msal-browser/dist/index.mjs")]: null,
    });
  });

  it("keeps a new language's catalogue apart, whatever its tag (pt-BR, zh-Hant-TW, fil)", () => {
    const placed = placement(addinGraph(["en", "de", "pt-BR", "zh-Hant-TW", "fil"]));
    for (const c of ["en", "de", "pt-BR", "zh-Hant-TW", "fil"])
      expect(placed[`core/i18n/${c}.ts`], c).toBeNull();
    expect(placed["core/i18n/index.ts"]).toBe("basics");
  });

  it("keeps a catalogue apart by being loaded by the i18n loader, not by its file name", () => {
    const graph = addinGraph();
    // A core module named like a catalogue but imported normally is grouped like any other core module.
    const lookalike = src("core/i18n/xx.ts");
    graph[lookalike] = {};
    graph[src("core/purge/scheduler.ts")]?.imports?.push(lookalike);
    expect(placement(graph)["core/i18n/xx.ts"]).toBe("core");
  });

  it("groups no package module and no module outside the core among the later groups", () => {
    const graph = addinGraph();
    graph[src("taskpane/bulk/BulkArea.tsx")]?.imports?.push(src("taskpane/bulk/util.ts"));
    graph[src("taskpane/bulk/util.ts")] = {};
    const placed = placement(graph);
    expect(placed["taskpane/bulk/util.ts"]).toBeNull();
  });

  it("gives each module at most one group, so priorities never decide between two rules", () => {
    const graph = addinGraph(["en", "de", "pt-BR"]);
    const groups = chunkGroups(projectLayout(SRC, pages));
    const ctx = contextOf(graph);
    for (const id of Object.keys(graph)) {
      const names = groups.map((g) => g.name(id, ctx)).filter((n) => n !== null);
      expect(names.length, id).toBeLessThanOrEqual(1);
    }
  });

  it("keeps every group's own dependencies in its group or an earlier one, so no later group is pulled up", () => {
    // rolldown includes a captured module's dependencies in its group (includeDependenciesRecursively): a
    // dependency of "basics" that another rule put in "pane" would drag the pane into the confirmation page.
    const graph = addinGraph();
    const groups = chunkGroups(projectLayout(SRC, pages));
    const ctx = contextOf(graph);
    const priority = new Map(groups.map((g) => [g.debugName, g.priority]));
    for (const [id, m] of Object.entries(graph)) {
      const own = groupOf(groups, ctx, id);
      if (own === null) continue;
      for (const dep of m.imports ?? []) {
        const theirs = groupOf(groups, ctx, dep);
        if (theirs === null) continue;
        expect(priority.get(theirs), `${id} (${own}) imports ${dep} (${theirs})`).toBeGreaterThanOrEqual(
          priority.get(own) ?? 0,
        );
      }
    }
  });

  it("computes the graphs again for a new build (a new chunking pass)", () => {
    const groups = chunkGroups(projectLayout(SRC, pages));
    const basics = groups.find((g) => g.debugName === "basics");
    if (basics === undefined) throw new Error("no basics group");
    const first = addinGraph();
    expect(basics.name(src("core/config.ts"), contextOf(first))).toBeNull();
    // Next build: the confirmation page now loads config too.
    const second = addinGraph();
    second[src("dialog/confirm.ts")]?.imports?.push(src("core/config.ts"));
    expect(basics.name(src("core/config.ts"), contextOf(second))).toBe("basics");
  });
});

describe("isInside", () => {
  it("is true only for files under the folder, never for virtual ids or neighbours", () => {
    const core = src("core");
    expect(isInside(core, src("core/graph/client.ts"))).toBe(true);
    expect(isInside(core, src("core"))).toBe(false);
    expect(isInside(core, src("core2/x.ts"))).toBe(false);
    expect(isInside(core, src("taskpane/x.ts"))).toBe(false);
    expect(isInside(core, "\0vite/preload-helper.js")).toBe(false);
    expect(isInside(core, "core/x.ts")).toBe(false);
  });
});
