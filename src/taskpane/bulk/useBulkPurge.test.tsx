// @vitest-environment jsdom
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ItemResult, PurgeTarget } from "../../core/purge/types";
import type { BulkDeps } from "./bulkDeps";
import { useBulkPurge } from "./useBulkPurge";

const target = (id: string): PurgeTarget => ({
  ref: { kind: "message", id, mailbox: { kind: "me" } },
  subject: id,
  from: undefined,
  received: undefined,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("useBulkPurge: Cancel from the moment the person says yes", () => {
  it("a Cancel during the re-check sends nothing, and the report says every item was never attempted", async () => {
    const sent: string[] = [];
    const purge = vi.fn(async (targets: readonly PurgeTarget[], options: { signal: AbortSignal }) => {
      // The scheduler sends nothing once its signal is aborted; anything else "reaches Graph".
      return targets.map((t): ItemResult => {
        if (options.signal.aborted) return { target: t, outcome: { status: "not-attempted", message: "x" } };
        sent.push(t.ref.id);
        return { target: t, outcome: { status: "purged" } };
      });
    });
    const bulk = { purge } as unknown as BulkDeps;
    const recheck = deferred<boolean | string>();
    const { result } = renderHook(() => useBulkPurge(bulk));
    act(() =>
      result.current.start({
        targets: [target("a"), target("b"), target("c")],
        scope: "three",
        stillValid: () => recheck.promise, // slow: Outlook's selection is read again
      }),
    );
    await waitFor(() => expect(result.current.phase.kind).toBe("confirming"));
    act(() => result.current.answer(true));
    await waitFor(() => expect(result.current.phase.kind).toBe("running"));
    act(() => result.current.cancel()); // the Cancel button shows from here
    expect(result.current.phase).toMatchObject({ kind: "running", cancelling: true });
    await act(async () => recheck.resolve(true));
    await waitFor(() => expect(result.current.phase.kind).toBe("finished"));
    expect(sent).toEqual([]);
    const phase = result.current.phase;
    if (phase.kind !== "finished") throw new Error("not finished");
    expect(phase.results.map((r) => r.outcome.status)).toEqual([
      "not-attempted",
      "not-attempted",
      "not-attempted",
    ]);
    expect(phase.summary.message).toContain("3 not attempted");
  });
});
