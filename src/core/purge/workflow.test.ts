import { describe, expect, it, vi } from "vitest";
import { AuthError } from "../auth/errors";
import type { ConfirmationAnswer, ConfirmationRequest, DeleteReport, PurgeTarget } from "./types";
import { answerMatches, createPurger, type PurgeDeps } from "./workflow";

function target(id: string): PurgeTarget {
  return {
    ref: { kind: "message", id, mailbox: { kind: "me" } },
    subject: `Subject ${id}`,
    from: { name: "Megan", address: "megan@contoso.com" },
    received: new Date("2026-11-01T10:00:00Z"),
  };
}

type OneByOne = Extract<PurgeDeps, { deleteItem: unknown }>;

function deps(overrides: Partial<OneByOne> = {}) {
  const deleteItem = vi.fn(async (): Promise<DeleteReport> => ({ status: "purged" }));
  const d: OneByOne = {
    resolveTargets: vi.fn(async () => [target("A")]),
    confirm: vi.fn(
      async ({ targets }: ConfirmationRequest): Promise<ConfirmationAnswer> => ({
        confirmed: true,
        ids: targets.map((t) => t.ref.id),
      }),
    ),
    stillSelected: vi.fn(async () => true),
    deleteItem,
    ...overrides,
  };
  return d;
}

describe("purge workflow", () => {
  it("deletes exactly the confirmed item and reports its outcome", async () => {
    const d = deps();
    const result = await createPurger(d).run();
    expect(d.deleteItem).toHaveBeenCalledTimes(1);
    expect(d.deleteItem).toHaveBeenCalledWith({ kind: "message", id: "A", mailbox: { kind: "me" } });
    expect(result).toEqual({
      status: "done",
      results: [{ target: target("A"), outcome: { status: "purged" } }],
    });
  });

  it("sends nothing before the confirmation, and nothing on cancel", async () => {
    const order: string[] = [];
    const d = deps({
      confirm: vi.fn(async () => {
        order.push("confirm");
        return { confirmed: false, reason: "cancelled" } as const;
      }),
      deleteItem: vi.fn(async () => {
        order.push("delete");
        return { status: "purged" } as const;
      }),
    });
    const result = await createPurger(d).run();
    expect(result.status).toBe("cancelled");
    expect(order).toEqual(["confirm"]);
  });

  it("voids the confirmation when the item changed while it was open", async () => {
    const d = deps({ stillSelected: vi.fn(async () => false) });
    const result = await createPurger(d).run();
    expect(result).toMatchObject({ status: "voided" });
    expect(d.deleteItem).not.toHaveBeenCalled();
  });

  it.each([[["B"]], [["A", "A"]], [["A", "B"]], [[]]])(
    "voids a yes that names %j instead of what was shown",
    async (ids) => {
      const d = deps({ confirm: vi.fn(async () => ({ confirmed: true, ids }) as const) });
      const result = await createPurger(d).run();
      expect(result.status).toBe("voided");
      expect(d.deleteItem).not.toHaveBeenCalled();
    },
  );

  it("ignores a second start while one runs: one request only", async () => {
    let answer: (a: ConfirmationAnswer) => void = () => undefined;
    const d = deps({
      confirm: vi.fn(() => new Promise<ConfirmationAnswer>((resolve) => (answer = resolve))),
    });
    const purger = createPurger(d);
    const first = purger.run();
    await vi.waitFor(() => expect(d.confirm).toHaveBeenCalled());
    expect(await purger.run()).toEqual({ status: "busy" });
    answer({ confirmed: true, ids: ["A"] });
    await first;
    expect(d.deleteItem).toHaveBeenCalledTimes(1);
    expect(purger.running).toBe(false);
  });

  it("rethrows a sign-in failure when nothing could be sent", async () => {
    const d = deps({
      deleteItem: vi.fn(async () => Promise.reject(new AuthError("interaction-required", "Sign in"))),
    });
    await expect(createPurger(d).run()).rejects.toMatchObject({ kind: "interaction-required" });
  });

  it("after a sign-in failure mid-run, the rest are 'not attempted', each with one result", async () => {
    const d = deps({
      resolveTargets: vi.fn(async () => [target("A"), target("B"), target("C")]),
      deleteItem: vi
        .fn<OneByOne["deleteItem"]>()
        .mockResolvedValueOnce({ status: "purged" })
        .mockRejectedValueOnce(new AuthError("interaction-required", "Sign in"))
        .mockResolvedValue({ status: "purged" }),
    });
    const result = await createPurger(d).run();
    expect(d.deleteItem).toHaveBeenCalledTimes(2);
    expect(result.status === "done" && result.results.map((r) => r.outcome.status)).toEqual([
      "purged",
      "not-attempted",
      "not-attempted",
    ]);
  });

  it("propagates a failure to resolve targets without confirming", async () => {
    const d = deps({ resolveTargets: vi.fn(async () => Promise.reject(new Error("no item"))) });
    await expect(createPurger(d).run()).rejects.toThrow("no item");
    expect(d.confirm).not.toHaveBeenCalled();
  });
});

describe("bulk deletion", () => {
  it("hands the confirmed targets to deleteMany once, after the checks", async () => {
    const targets = [target("A"), target("B")];
    const deleteMany = vi.fn(async (t: readonly PurgeTarget[]) =>
      t.map((x) => ({ target: x, outcome: { status: "purged" } as const })),
    );
    const stillSelected = vi.fn(async () => true);
    const result = await createPurger({
      resolveTargets: async () => targets,
      confirm: async () => ({ confirmed: true, ids: ["B", "A"] }),
      stillSelected,
      deleteMany,
    }).run();
    expect(deleteMany).toHaveBeenCalledTimes(1);
    expect(deleteMany).toHaveBeenCalledWith(targets, expect.any(AbortSignal));
    expect(stillSelected).toHaveBeenCalledBefore(deleteMany);
    expect(result.status === "done" && result.results).toHaveLength(2);
  });

  it("never calls deleteMany for a voided confirmation", async () => {
    const deleteMany = vi.fn();
    const result = await createPurger({
      resolveTargets: async () => [target("A"), target("B")],
      confirm: async () => ({ confirmed: true, ids: ["A"] }),
      stillSelected: async () => true,
      deleteMany,
    }).run();
    expect(result.status).toBe("voided");
    expect(deleteMany).not.toHaveBeenCalled();
  });
});

describe("cancel from the moment of the yes", () => {
  it("during the re-check: deleteMany is never called; every item ends not attempted", async () => {
    const deleteMany = vi.fn();
    let purger: ReturnType<typeof createPurger> | undefined;
    purger = createPurger({
      resolveTargets: async () => [target("A"), target("B")],
      confirm: async () => ({ confirmed: true, ids: ["A", "B"] }),
      stillSelected: async () => {
        purger?.cancel(); // the person presses Cancel while Outlook's selection is read again
        return true;
      },
      deleteMany,
    });
    const result = await purger.run();
    expect(deleteMany).not.toHaveBeenCalled();
    expect(result.status === "done" && result.results.map((r) => r.outcome.status)).toEqual([
      "not-attempted",
      "not-attempted",
    ]);
  });

  it("one by one: nothing after the cancel is sent", async () => {
    let purger: ReturnType<typeof createPurger> | undefined;
    const deleteItem = vi.fn(async (): Promise<DeleteReport> => {
      purger?.cancel();
      return { status: "purged" };
    });
    purger = createPurger({
      ...deps({ resolveTargets: async () => [target("A"), target("B")] }),
      deleteItem,
    });
    const result = await purger.run();
    expect(deleteItem).toHaveBeenCalledTimes(1);
    expect(result.status === "done" && result.results.map((r) => r.outcome.status)).toEqual([
      "purged",
      "not-attempted",
    ]);
  });

  it("a cancel before the yes, or after the run, does nothing to the next run", async () => {
    const d = deps();
    const purger = createPurger(d);
    purger.cancel();
    expect(await purger.run()).toMatchObject({ status: "done" });
    purger.cancel();
    expect(await purger.run()).toMatchObject({
      status: "done",
      results: [{ outcome: { status: "purged" } }],
    });
    expect(d.deleteItem).toHaveBeenCalledTimes(2);
  });
});

describe("voiding with a reason", () => {
  it("uses the sentence stillSelected gives", async () => {
    const d = deps({ stillSelected: vi.fn(async () => "The folder changed a lot.") });
    expect(await createPurger(d).run()).toEqual({ status: "voided", message: "The folder changed a lot." });
    expect(d.deleteItem).not.toHaveBeenCalled();
  });
});

describe("answerMatches", () => {
  it("accepts the same set in another order", () => {
    expect(answerMatches(["B", "A"], [target("A"), target("B")])).toBe(true);
    expect(answerMatches(["A", "B"], [target("A"), target("B")])).toBe(true);
    expect(answerMatches(["C", "A", "B"], [target("A"), target("B"), target("C")])).toBe(true);
  });

  it("refuses an empty yes for an empty set: nothing to confirm is not a confirmation", () => {
    expect(answerMatches([], [])).toBe(false);
  });

  it("refuses an empty answer for a shown set, and any answer for nothing shown", () => {
    expect(answerMatches([], [target("A")])).toBe(false);
    expect(answerMatches(["A"], [])).toBe(false);
  });

  it("refuses duplicates, whether they replace a shown ID or add one", () => {
    // Same length as shown, but B is missing and A is named twice.
    expect(answerMatches(["A", "A"], [target("A"), target("B")])).toBe(false);
    expect(answerMatches(["A", "B", "B"], [target("A"), target("B")])).toBe(false);
    expect(answerMatches(["A", "A"], [target("A")])).toBe(false);
  });

  it("refuses a subset, a superset and a different ID", () => {
    expect(answerMatches(["A"], [target("A"), target("B")])).toBe(false);
    expect(answerMatches(["A", "B", "C"], [target("A"), target("B")])).toBe(false);
    expect(answerMatches(["A", "C"], [target("A"), target("B")])).toBe(false);
  });

  it("compares IDs exactly (Graph REST IDs are case-sensitive)", () => {
    expect(answerMatches(["a"], [target("A")])).toBe(false);
    expect(answerMatches(["A "], [target("A")])).toBe(false);
  });
});
