// @vitest-environment jsdom
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { lazy } from "react";
import { describe, expect, it, vi } from "vitest";
import { PreloadedView, usePreload } from "./usePreload";

function View() {
  return null;
}

describe("usePreload", () => {
  it("loads once, then hands out the component to render without suspending", async () => {
    let resolve: (m: { default: typeof View }) => void = () => undefined;
    const load = vi.fn(() => new Promise<{ default: typeof View }>((r) => (resolve = r)));
    const { result } = renderHook(() => usePreload(load));
    expect(result.current.Component).toBeUndefined();
    act(() => {
      result.current.preload();
      result.current.preload();
    });
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => resolve({ default: View }));
    expect(result.current.Component).toBe(View);
    act(() => result.current.preload());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("tries again after a failed load", async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof View }>>()
      .mockRejectedValueOnce(new Error("chunk failed"))
      .mockResolvedValueOnce({ default: View });
    const { result } = renderHook(() => usePreload(load));
    await act(async () => result.current.preload());
    expect(result.current.Component).toBeUndefined();
    act(() => result.current.preload());
    await waitFor(() => expect(result.current.Component).toBe(View));
    expect(load).toHaveBeenCalledTimes(2);
  });
});

let lazyMounts = 0;
function Direct({ label }: { label: string }) {
  return <p>direct {label}</p>;
}
function LazyBody({ label }: { label: string }) {
  lazyMounts += 1;
  return <p>lazy {label}</p>;
}
const Lazy = lazy(async () => ({ default: LazyBody }));

describe("PreloadedView", () => {
  it("renders the preloaded view directly, and keeps the lazy one it started with when the preload lands later", async () => {
    const ready = { Component: Direct, preload: () => undefined };
    const first = render(
      <PreloadedView view={ready} lazy={Lazy} fallback={<p>loading</p>} props={{ label: "a" }} />,
    );
    expect(screen.getByText("direct a")).toBeTruthy();
    first.unmount();

    const pending = { Component: undefined, preload: () => undefined };
    const second = render(
      <PreloadedView view={pending} lazy={Lazy} fallback={<p>loading</p>} props={{ label: "b" }} />,
    );
    await screen.findByText("lazy b");
    // The preload lands: the element keeps its lazy view (no remount, no lost state).
    second.rerender(
      <PreloadedView view={ready} lazy={Lazy} fallback={<p>loading</p>} props={{ label: "b" }} />,
    );
    expect(screen.getByText("lazy b")).toBeTruthy();
    expect(screen.queryByText("direct b")).toBeNull();
    expect(lazyMounts).toBeGreaterThan(0);
  });
});
