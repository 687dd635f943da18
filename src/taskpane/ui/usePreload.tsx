/**
 * A lazily loaded view, fetched ahead of need and then rendered directly.
 *
 * Why not only React.lazy: a lazy component suspends on its first render even when its code is already here (the
 * import's promise settles a tick later), and React then holds the boundary's content back for up to 300 ms after
 * its fallback showed (measured: ~300 ms between a 100-item run's last answer and its report). So callers start
 * `preload()` when the view becomes likely (a confirmation opens, the pointer reaches a button) and render
 * `Component` once it is here, keeping React.lazy + Suspense only for the case where it isn't yet.
 */
import { type ComponentType, useCallback, useEffect, useRef, useState } from "react";

export interface Preloaded<P> {
  /** The view, once its code has loaded. */
  Component: ComponentType<P> | undefined;
  /** Starts loading it (once; again after a failure). */
  preload(): void;
}

/** `load` must be stable (a module-level function), like React.lazy's. */
export function usePreload<P>(load: () => Promise<{ default: ComponentType<P> }>): Preloaded<P> {
  const [Component, setComponent] = useState<ComponentType<P> | undefined>();
  const started = useRef(false);
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const preload = useCallback(() => {
    if (started.current) return;
    started.current = true;
    load().then(
      (m) => {
        if (mounted.current) setComponent(() => m.default);
      },
      () => {
        // Not here: the React.lazy path loads it again when needed and shows a failure through its boundary.
        started.current = false;
      },
    );
  }, [load]);
  return { Component, preload };
}
