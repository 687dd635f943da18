// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { usePreload } from "./usePreload";

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
