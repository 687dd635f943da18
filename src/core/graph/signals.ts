/**
 * A signal that aborts when either does (AbortSignal.any is too new for some Outlook webviews), for one wait;
 * `done()` when the wait is over takes its listeners off both, so a run's signal, which lives for the whole run,
 * doesn't collect one per request.
 */
export function eitherSignal(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): { signal: AbortSignal | undefined; done: () => void } {
  const nothing = () => undefined;
  if (a === undefined || b === undefined) return { signal: a ?? b, done: nothing };
  if (a.aborted || b.aborted) return { signal: AbortSignal.abort(), done: nothing };
  const controller = new AbortController();
  const abort = () => controller.abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      a.removeEventListener("abort", abort);
      b.removeEventListener("abort", abort);
    },
  };
}

/** Runs `wait` with a signal that aborts on either of the two, and takes that signal's listeners off afterwards. */
export async function whileEither<T>(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
  wait: (signal: AbortSignal | undefined) => Promise<T>,
): Promise<T> {
  const either = eitherSignal(a, b);
  try {
    return await wait(either.signal);
  } finally {
    either.done();
  }
}
