/**
 * Generated scenarios for the ribbon command: presses on random items with a confirmation page that answers,
 * refuses, closes, times out or is forged, items changing or vanishing while it is open, Graph faults and token
 * failures; invariants checked after every press (see ribbon.ts and harness.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failures, invariantEmulatorForThisFile } from "./harness";
import { ribbonScenarioArb, runRibbonScenario } from "./ribbon";

const SEED = Number(process.env.INVARIANT_SEED ?? 20260105) + 2;
const RUNS = Number(process.env.INVARIANT_RUNS ?? 200);

const graph = invariantEmulatorForThisFile("ribbon");

describe(`ribbon command invariants (seed ${SEED})`, () => {
  it(`hold over ${RUNS} generated scenarios`, { timeout: 120_000 }, async () => {
    console.warn(`invariants: ribbon seed ${SEED}, ${RUNS} runs`);
    await fc.assert(
      fc.asyncProperty(ribbonScenarioArb, async (scenario) => {
        expect(failures(await runRibbonScenario(graph.emu, graph.setClock, scenario))).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
