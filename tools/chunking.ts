/**
 * How the production build groups modules into chunks (rolldown `output.codeSplitting.groups`).
 *
 * Left to itself, rolldown gives every set of modules shared differently between the five pages and the pane's
 * lazy views a chunk of its own: about 30 for the task pane, a dozen under 1 kB. Each chunk is compressed on its
 * own, so small ones cost more than their code (measured: the pane's first-paint small chunks 20.2 kB gzip apart,
 * 18.1 kB together; its lazily loaded core 16.7 kB apart, 13.2 kB together). The groups below merge modules that
 * are loaded together anyway, by when the task pane needs them (highest priority first):
 *
 * - "basics": what the pane and the confirmation page both load first (the dialog protocol, i18n's index, Vite's
 *   preload helper): the confirmation page opens on every ribbon press and stays small;
 * - "shared": the rest of what the pane loads before its first paint that another page loads too (config, cloud,
 *   Office wrappers, error wording);
 * - "pane": the add-in's modules only the pane loads before its first paint;
 * - "command": src/core modules the command page loads up front and the pane later (services, Graph client);
 * - "core": src/core modules only the pane loads, later (scheduler, folders, contacts, mail data).
 *
 * Nothing moves between "before first paint" and "later": the first three take only modules in the pane's static
 * graph, the last two only modules outside it. Only the add-in's own modules are grouped; React and Fluent keep
 * rolldown's chunking (their barrel files statically name every component, lazy ones too), as do MSAL and the
 * catalogues (each language is fetched alone). Measured, English, together with report.ts no longer importing
 * the dialog code: the pane's first paint 139.5 → 137.3 kB gzip, the whole pane 242.4 → 235.5 kB, the command page
 * 73.4 → 71.2 kB; test/budgets prints the current figures on every run.
 */
import { resolve, sep } from "node:path";

interface ModuleInfoLike {
  id: string;
  importedIds: readonly string[];
}
interface Context {
  getModuleInfo(id: string): ModuleInfoLike | null;
}

const SRC = resolve(import.meta.dirname, "../src") + sep;
const CORE = `${SRC}core${sep}`;
const PAGE = (path: string) => `${SRC}${path.split("/").join(sep)}`;
const PANE = PAGE("taskpane/taskpane.html");
const COMMANDS = PAGE("commands/commands.html");
const CONFIRM = PAGE("dialog/confirm.html");
/** The one module through which MSAL loads (core/auth/msal.ts imports it lazily): MSAL keeps its own chunks. */
const MSAL_DOOR = PAGE("core/auth/msalNested.ts");
const isCatalogue = (id: string) => /[\\/]core[\\/]i18n[\\/](?!index)[a-z]{2}\.ts$/.test(id);

interface Graphs {
  pane: Set<string>;
  commands: Set<string>;
  /** The confirmation page: kept small, it opens on every ribbon press. */
  confirm: Set<string>;
  /** Static graphs of the other pages (dialogs): confirm, sign-in, redirect. */
  dialogs: Set<string>;
}

function staticGraph(ctx: Context, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    for (const next of ctx.getModuleInfo(id)?.importedIds ?? []) stack.push(next);
  }
  return seen;
}

/** `entries`: every page's HTML path (vite.config.ts `pages`). */
export function chunkGroups(entries: readonly string[]) {
  let graphs: Graphs | undefined;
  const graphsOf = (ctx: Context): Graphs =>
    (graphs ??= {
      pane: staticGraph(ctx, [PANE]),
      commands: staticGraph(ctx, [COMMANDS]),
      confirm: staticGraph(ctx, [CONFIRM]),
      dialogs: staticGraph(
        ctx,
        entries.filter((e) => e !== PANE && e !== COMMANDS),
      ),
    });
  // Highest priority first: a module claimed by a group leaves the later ones, including when a later group
  // would pull it in as a dependency of one of its own. Only the add-in's own modules are grouped: React and
  // Fluent come through barrel files whose static graph names every component, lazy or not.
  // Vite's own helpers (\0vite/preload-helper.js: every module with an import() uses it) go with "shared", or
  // the pane's group would pull them in as dependencies and every page would load the pane.
  const ours = (id: string) => id.startsWith(SRC) || id.startsWith("\0vite/");
  const group = (name: string, priority: number, test: (id: string, g: Graphs) => boolean) => ({
    name: (id: string, ctx: Context) =>
      ours(id) && !isCatalogue(id) && id !== MSAL_DOOR && test(id, graphsOf(ctx)) ? name : null,
    debugName: name,
    priority,
  });
  const everywhere = (id: string, g: Graphs) => g.commands.has(id) || g.dialogs.has(id);
  return [
    group("basics", 5, (id, g) => (g.pane.has(id) && g.confirm.has(id)) || id.startsWith("\0vite/")),
    group("shared", 4, (id, g) => g.pane.has(id) && everywhere(id, g)),
    group("pane", 3, (id, g) => g.pane.has(id)),
    group("command", 2, (id, g) => id.startsWith(CORE) && g.commands.has(id) && !g.dialogs.has(id)),
    group("core", 1, (id, g) => id.startsWith(CORE) && !g.commands.has(id) && !g.dialogs.has(id)),
  ];
}
