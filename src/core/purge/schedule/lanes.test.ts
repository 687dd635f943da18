import { describe, expect, it } from "vitest";
import { type LaneItem, Lanes } from "./lanes";

interface Item extends LaneItem {
  id: string;
}

const items = (n: number): Item[] =>
  Array.from({ length: n }, (_, i) => ({ id: `i${i}`, order: i, notBefore: 0, uncertain: false }));
const ids = (list: readonly Item[]) => list.map((i) => i.id);

describe("Lanes", () => {
  it("deals round robin and sends an even share per batch (25 ready go as 13 then 12)", () => {
    const lanes = new Lanes<Item>(4, 20, true);
    lanes.deal(items(100));
    const first = lanes.take(0, 0);
    expect(first).toHaveLength(13);
    expect(ids(first).slice(0, 3)).toEqual(["i0", "i4", "i8"]);
    expect(lanes.take(0, 0)).toHaveLength(12);
    expect(lanes.take(0, 0)).toEqual([]);
    expect(lanes.waiting).toBe(75);
  });

  it("takes no more than the budget's room, and nothing with no room", () => {
    const lanes = new Lanes<Item>(1, 20, true);
    lanes.deal(items(10));
    expect(lanes.take(0, 0, 3)).toHaveLength(3);
    expect(lanes.take(0, 0, 0)).toEqual([]);
    expect(lanes.waiting).toBe(7);
  });

  it("leaves items that wait on a Retry-After, and says when the next one is ready", () => {
    const lanes = new Lanes<Item>(1, 20, true);
    const list = items(3);
    const [a] = list;
    if (a) a.notBefore = 500;
    lanes.deal(list);
    expect(ids(lanes.take(0, 0))).toEqual(["i1", "i2"]);
    expect(lanes.nextReadyAt()).toBe(500);
    expect(ids(lanes.take(0, 500))).toEqual(["i0"]);
  });

  it("puts at most one item that may already be gone in a sequential batch, and last", () => {
    const lanes = new Lanes<Item>(1, 20, true);
    const list = items(5);
    for (const i of list.slice(0, 2)) i.uncertain = true;
    lanes.deal(list);
    expect(ids(lanes.take(0, 0))).toEqual(["i2", "i3", "i4", "i0"]);
    expect(ids(lanes.take(0, 0))).toEqual(["i1"]);
  });

  it("a parallel batch takes every likely failure (no 424s there), still last", () => {
    const lanes = new Lanes<Item>(1, 4, false);
    const list = items(4);
    for (const i of list.slice(0, 2)) i.uncertain = true;
    lanes.deal(list);
    expect(ids(lanes.take(0, 0))).toEqual(["i2", "i3", "i0", "i1"]);
  });

  it("an idle lane takes the newer half of a busy lane's ready backlog; never from an idle lane", () => {
    const lanes = new Lanes<Item>(2, 20, true);
    lanes.deal(items(20)); // lane 0: even ids, lane 1: odd ids
    lanes.take(1, 0); // lane 1 sends all ten of its own
    expect(lanes.take(1, 0)).toEqual([]); // lane 0 is idle: nothing taken from it
    lanes.setBusy(0, true);
    const stolen = lanes.take(1, 0);
    expect(ids(stolen)).toEqual(["i10", "i12", "i14", "i16", "i18"]);
    expect(ids(lanes.take(0, 0))).toEqual(["i0", "i2", "i4", "i6", "i8"]);
  });

  it("drains what is left, oldest first", () => {
    const lanes = new Lanes<Item>(3, 20, true);
    lanes.deal(items(7));
    lanes.take(1, 0);
    expect(ids(lanes.drain())).toEqual(["i0", "i2", "i3", "i5", "i6"]);
    expect(lanes.waiting).toBe(0);
  });
});
