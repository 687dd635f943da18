/**
 * An effect's cleanup for a subscription that is only in place once `subscribing` resolves (Office's event
 * handlers are added asynchronously): the cleanup stops it, at once if it is in place, or as soon as it resolves
 * if the effect was cleaned up first. A subscription that failed has nothing to stop.
 */
export function stopOnCleanup(subscribing: Promise<() => void>): () => void {
  let stop: (() => void) | undefined;
  let cleanedUp = false;
  subscribing
    .then((s) => {
      if (cleanedUp) s();
      else stop = s;
    })
    .catch(() => undefined);
  return () => {
    cleanedUp = true;
    stop?.();
  };
}
