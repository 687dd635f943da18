/** Time for the purge scheduler, passed in so tests drive it with a virtual clock instead of waiting. */
import { defaultSleep } from "../graph/retry";

export interface SchedulerClock {
  now(): number;
  /** Resolves after `ms`; rejects early (any error) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: SchedulerClock = {
  now: () => Date.now(),
  sleep: defaultSleep,
};
