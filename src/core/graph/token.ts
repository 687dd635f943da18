/**
 * The token step of a Graph call: a delegated token from the auth module, forced fresh after a 401. The wait for
 * it (perhaps a sign-in window) ends on the call's signal and on its stopRetries alike: nothing has been sent for
 * it yet, so a run's Cancel ends it (and the token service closes the window).
 */
import { AuthError } from "../auth/errors";
import { raceAbort } from "./retry";
import { whileEither } from "./signals";
import type { TokenProvider } from "./types";

export interface TokenStep {
  forceRefresh: boolean;
  signal: AbortSignal | undefined;
  stopRetries: AbortSignal | undefined;
  /** An earlier send of this call may have done the work (a 504): a sign-in failure now must say so. */
  mayHaveRun: boolean;
}

/** The token, or undefined when the wait was cancelled. Auth errors propagate (typed: the caller shows "sign in"). */
export async function tokenFor(tokens: TokenProvider, step: TokenStep): Promise<string | undefined> {
  return whileEither(step.signal, step.stopRetries, async (wait) => {
    try {
      const request =
        wait === undefined
          ? { forceRefresh: step.forceRefresh }
          : { forceRefresh: step.forceRefresh, signal: wait };
      return await raceAbort(tokens.getToken(request), wait);
    } catch (error) {
      if (wait?.aborted) return undefined;
      // The caller must not read a failed sign-in after a send that may have done the work as "nothing was sent".
      if (step.mayHaveRun && error instanceof AuthError) {
        throw new AuthError(error.kind, error.message, error.details, true);
      }
      throw error;
    }
  });
}
