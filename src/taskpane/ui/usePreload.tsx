/**
 * A lazily loaded view, fetched ahead of need and then rendered directly.
 *
 * Why not only React.lazy: a lazy component suspends on its first render even when its code is already here (the
 * import's promise settles a tick later), and React then holds the boundary's content back for up to 300 ms after
 * its fallback showed (React's FALLBACK_THROTTLE_MS: a finished run's report would wait for it). So callers start
 * `preload()` when the view becomes likely (a confirmation opens, the pointer reaches a button) and render
 * `Component` once it is here, keeping React.lazy + Suspense only for the case where it isn't yet.
 */
import {
  type ComponentType,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";

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

export interface PreloadedViewProps<P> {
  view: Preloaded<P>;
  /** The same view through React.lazy, for when its code isn't here yet. */
  lazy: ComponentType<P>;
  fallback: ReactNode;
  props: P;
}

/**
 * The view rendered directly if it was preloaded when this mounted, or else the lazy one under Suspense. The choice
 * holds for the life of this element: switching when the preload lands would remount the view and lose its state
 * (a folder view would read the folders again).
 */
export function PreloadedView<P extends object>({
  view,
  lazy: Lazy,
  fallback,
  props,
}: PreloadedViewProps<P>) {
  const [Component] = useState(() => view.Component);
  if (Component) return <Component {...props} />;
  return (
    <Suspense fallback={fallback}>
      <Lazy {...props} />
    </Suspense>
  );
}
