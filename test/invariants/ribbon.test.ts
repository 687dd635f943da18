/**
 * Generated scenarios for the ribbon command: presses on random items with a confirmation page that answers,
 * refuses, closes, times out or is forged, items changing or vanishing while it is open, Graph faults and token
 * failures; invariants checked after every press (see ribbon.ts and harness.ts).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../dev/emulator/server";
import { coverage, type IoClock, startInvariantEmulator } from "./harness";
import { type RibbonPressReport, ribbonScenarioArb, runRibbonScenario } from "./ribbon";

const SEED = Number(process.env.INVARIANT_SEED ?? 20260105) + 2;
const RUNS = Number(process.env.INVARIANT_RUNS ?? 200);

let emu: Emulator;
let setClock: (clock: IoClock) => void;
beforeAll(async () => {
  ({ emu, setClock } = await startInvariantEmulator());
});
afterAll(async () => {
  console.warn(`invariants: ribbon coverage ${JSON.stringify(coverage)}`);
  await emu.close();
});

function failures(reports: readonly RibbonPressReport[]): string[] {
  return reports.flatMap((r, i) =>
    r.problems.map((p) => `press ${i + 1} [${r.command} -> ${r.result}]: ${p}`),
  );
}

describe(`ribbon command invariants (seed ${SEED})`, () => {
  it(`hold over ${RUNS} generated scenarios`, { timeout: 120_000 }, async () => {
    console.warn(`invariants: ribbon seed ${SEED}, ${RUNS} runs`);
    await fc.assert(
      fc.asyncProperty(ribbonScenarioArb, async (scenario) => {
        expect(failures(await runRibbonScenario(emu, setClock, scenario))).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
