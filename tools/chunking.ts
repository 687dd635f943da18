/**
 * How the production build groups modules into chunks (rolldown `output.codeSplitting.groups`).
 *
 * Left to itself, rolldown gives every set of modules shared differently between the five pages and the pane's
 * lazy views a chunk of its own, many of them tiny. Each chunk is compressed on its own, so small ones cost more
 * than their code. The groups below merge modules that are loaded together anyway,
 * by when the task pane needs them (highest priority first):
 *
 * - "basics": what the pane and the confirmation page both load first (the dialog protocol, i18n's index, the
 *   bundler's preload helper): the confirmation page opens on every ribbon press and stays small;
 * - "shared": the rest of what the pane loads before its first paint that another page loads too (config, cloud,
 *   Office wrappers, error wording);
 * - "pane": the add-in's modules only the pane loads before its first paint;
 * - "command": core modules the command page loads up front and the pane later (services, Graph client);
 * - "core": core modules only the pane loads, later (scheduler, folders, contacts, mail data).
 *
 * Nothing moves between "before first paint" and "later": the first three take only modules in the pane's static
 * graph, the last two only modules outside it. Only the add-in's own modules are grouped (anything outside
 * node_modules, the bundler's own helpers included: they are placed by the same graph rules as our code); React
 * and Fluent keep rolldown's chunking (their barrel files statically name every component, lazy ones too), as do
 * MSAL and the catalogues (each language is fetched alone). test/budgets prints the sizes on every run.
 *
 * Everything here goes through rolldown's public chunking API: a module is placed by the pages whose static graph
 * holds it (`ChunkingContext.getModuleInfo`, `importedIds`), the catalogues and the MSAL door are recognised as
 * the dynamic imports of their loaders (`dynamicallyImportedIds`), whatever their file names, and "core" is a
 * folder of the project. No bundler-internal module id is named.
 */
import { isAbsolute, relative, resolve } from "node:path";

/** The part of rolldown's `ModuleInfo` these rules read. */
export interface ModuleInfoLike {
  id: string;
  importedIds: readonly string[];
  dynamicallyImportedIds: readonly string[];
}
/** The part of rolldown's `ChunkingContext` these rules read. */
export interface ChunkingContextLike {
  getModuleInfo(id: string): ModuleInfoLike | null;
}

export interface Layout {
  /** Module ids of the pages' HTML entries. */
  pane: string;
  commands: string;
  confirm: string;
  /** The other pages (dialogs: sign-in, redirect). */
  otherPages: readonly string[];
  /** The folder of the add-in's core (UI-free) modules: only these form the "command" and "core" groups. */
  coreDir: string;
  /**
   * Modules whose dynamic imports keep rolldown's chunking, one chunk each: the i18n loader (each catalogue,
   * whatever its language tag, is fetched alone) and the MSAL loader (its door module stays with MSAL's chunks).
   */
  loaders: readonly string[];
}

/** This project's layout: `src` is the source root, `pages` vite.config.ts's pages (paths of the HTML entries). */
export function projectLayout(
  src: string,
  pages: { taskpane: string; commands: string; confirm: string; [other: string]: string },
): Layout {
  const { taskpane, commands, confirm, ...others } = pages;
  const core = resolve(src, "core");
  return {
    pane: taskpane,
    commands,
    confirm,
    otherPages: Object.values(others),
    coreDir: core,
    loaders: [resolve(core, "i18n/index.ts"), resolve(core, "auth/msal.ts")],
  };
}

/** Whether `id` is a file inside `dir` (any depth). A virtual module id (`\0…`) never is. */
export function isInside(dir: string, id: string): boolean {
  if (!isAbsolute(id)) return false;
  const rel = relative(dir, id);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

const inPackage = (id: string) => /[\\/]node_modules[\\/]/.test(id);

interface Graphs {
  pane: Set<string>;
  commands: Set<string>;
  /** The confirmation page: kept small, it opens on every ribbon press. */
  confirm: Set<string>;
  /** Static graphs of the other pages (dialogs): confirm, sign-in, redirect. */
  dialogs: Set<string>;
  /** Dynamic imports of the layout's loaders. */
  apart: Set<string>;
}

function staticGraph(ctx: ChunkingContextLike, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) stack.push(next);
  }
  return seen;
}

export interface ChunkGroup {
  name: (id: string, ctx: ChunkingContextLike) => string | null;
  debugName: string;
  priority: number;
}

export function chunkGroups(layout: Layout): ChunkGroup[] {
  // Computed once per chunking pass: rolldown reuses the ModuleInfo objects within a pass (ChunkingContext's
  // contract), so the pane's ModuleInfo identifies the pass; a new build (watch mode) computes them again.
  let cache: { pass: ModuleInfoLike | null; graphs: Graphs } | undefined;
  const graphsOf = (ctx: ChunkingContextLike): Graphs => {
    const pass = ctx.getModuleInfo(layout.pane);
    if (cache === undefined || cache.pass !== pass) {
      cache = {
        pass,
        graphs: {
          pane: staticGraph(ctx, [layout.pane]),
          commands: staticGraph(ctx, [layout.commands]),
          confirm: staticGraph(ctx, [layout.confirm]),
          dialogs: staticGraph(ctx, [layout.confirm, ...layout.otherPages]),
          apart: new Set(layout.loaders.flatMap((l) => ctx.getModuleInfo(l)?.dynamicallyImportedIds ?? [])),
        },
      };
    }
    return cache.graphs;
  };
  const isCore = (id: string) => isInside(layout.coreDir, id);
  // Highest priority first: a module claimed by a group leaves the later ones, including when a later group
  // would pull it in as a dependency of one of its own. That is why the bundler's helpers count as ours: the
  // preload helper (every module with an import() uses it) sits in both the pane's and the confirmation page's
  // graphs, so "basics" takes it; left out, the pane's group would pull it in and every page would load the pane.
  const group = (name: string, priority: number, test: (id: string, g: Graphs) => boolean): ChunkGroup => ({
    name: (id, ctx) => {
      if (inPackage(id)) return null;
      const g = graphsOf(ctx);
      return !g.apart.has(id) && test(id, g) ? name : null;
    },
    debugName: name,
    priority,
  });
  const elsewhere = (id: string, g: Graphs) => g.commands.has(id) || g.dialogs.has(id);
  // The rules are disjoint, so a module's group doesn't depend on the priorities; these matter for the
  // dependencies a group pulls in (rolldown's includeDependenciesRecursively).
  return [
    group("basics", 5, (id, g) => g.pane.has(id) && g.confirm.has(id)),
    group("shared", 4, (id, g) => g.pane.has(id) && !g.confirm.has(id) && elsewhere(id, g)),
    group("pane", 3, (id, g) => g.pane.has(id) && !elsewhere(id, g)),
    group("command", 2, (id, g) => !g.pane.has(id) && isCore(id) && g.commands.has(id) && !g.dialogs.has(id)),
    group("core", 1, (id, g) => !g.pane.has(id) && isCore(id) && !g.commands.has(id) && !g.dialogs.has(id)),
  ];
}
