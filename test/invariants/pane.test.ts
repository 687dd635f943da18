/**
 * Generated scenarios for the task pane's purge: random selections, faults, token failures, answers, changes
 * and cancels, with the invariants checked after every press (see pane.ts and harness.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failures, invariantEmulatorForThisFile } from "./harness";
import { runPaneScenario } from "./pane";
import { scenarioArb } from "./scenario";

/** Fixed and printed, so a failure reproduces; override with INVARIANT_SEED to explore. */
const SEED = Number(process.env.INVARIANT_SEED ?? 20260105);
const RUNS = Number(process.env.INVARIANT_RUNS ?? 150);
const RUNS_EACH = Math.ceil((RUNS * 2) / 3);

const graph = invariantEmulatorForThisFile("pane");

describe(`task pane purge invariants (seed ${SEED})`, () => {
  it(`hold over ${RUNS} generated scenarios through the bulk scheduler`, { timeout: 120_000 }, async () => {
    console.warn(`invariants: pane/bulk seed ${SEED}, ${RUNS} runs`);
    let presses = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb(fc.constant("bulk")), async (scenario) => {
        const reports = await runPaneScenario(graph.emu, graph.setClock, scenario);
        presses += reports.length;
        expect(failures(reports)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(presses).toBeGreaterThan(RUNS);
  });

  it(`hold over ${RUNS_EACH} generated scenarios deleting one request per item`, {
    timeout: 120_000,
  }, async () => {
    console.warn(`invariants: pane/each seed ${SEED + 1}, ${RUNS_EACH} runs`);
    await fc.assert(
      fc.asyncProperty(scenarioArb(fc.constant("each")), async (scenario) => {
        expect(failures(await runPaneScenario(graph.emu, graph.setClock, scenario))).toEqual([]);
      }),
      { seed: SEED + 1, numRuns: RUNS_EACH },
    );
  });
});
