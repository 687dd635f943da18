/** What a reset does to requests still running: they keep their slots, and act on nothing of the new state. */
import { describe, expect, it } from "vitest";
import { inboxIds, kitForThisFile, purgeMember } from "./testkit";

const kit = kitForThisFile(
  { seed: 7 },
  { settings: { requestTimeMs: 0, batchOrder: "request", batchMode: "throttle" } },
);

/** Settles to the status, or "dropped" when the connection closed without an answer. */
const statusOf = (p: Promise<Response | { status: number }>) =>
  p.then(
    (r) => r.status,
    () => "dropped" as const,
  );

describe("reset with requests still running", () => {
  it("keeps their concurrency slots until they end; each frees its own", async () => {
    kit.emu.control.configure({ requestTimeMs: 400 });
    const t = kit.token();
    const four = Array.from({ length: 4 }, () => statusOf(kit.graph("/me/messages?$top=1", { token: t })));
    // A request takes its slot in the tick it is logged.
    while (kit.emu.control.requests().length < 4) await new Promise((r) => setImmediate(r));
    kit.emu.control.reset();
    kit.emu.control.configure({ requestTimeMs: 0 });
    expect((await kit.graph("/me/messages?$top=1", { token: t })).status).toBe(429);
    // They end (cut off: the state they were sent to is gone) and give their slots back.
    expect(await Promise.all(four)).toEqual(["dropped", "dropped", "dropped", "dropped"]);
    const after = await Promise.all(
      Array.from({ length: 4 }, () => kit.graph("/me/messages?$top=1", { token: t })),
    );
    expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it("a delete held across a reset purges nothing of the new mailboxes", async () => {
    const [id] = inboxIds(kit.emu, 1);
    if (!id) throw new Error("no message");
    const hold = kit.emu.control.hold({ op: "permanentDelete" });
    const purge = statusOf(kit.purge(id));
    await hold.caught(1);
    // Same seed: the new mailboxes have a message with the same id.
    kit.emu.control.reset();
    expect(await purge).toBe("dropped");
    expect(kit.emu.control.purges()).toEqual([]);
    expect(kit.emu.control.messages({ folder: "inbox" }).map((m) => m.id)).toContain(id);
    expect(kit.emu.control.requests()).toEqual([]);
  });

  it("a $batch held across a reset starts no member in the new state", async () => {
    const ids = inboxIds(kit.emu, 2);
    const hold = kit.emu.control.hold({ op: "$batch" });
    const batch = statusOf(kit.batch(ids.map((id, i) => purgeMember(String(i + 1), id))));
    await hold.caught(1);
    kit.emu.control.reset();
    expect(await batch).toBe("dropped");
    expect(kit.emu.control.requests()).toEqual([]);
    expect(kit.emu.control.purges()).toEqual([]);
    const inbox = kit.emu.control.messages({ folder: "inbox" }).map((m) => m.id);
    for (const id of ids) expect(inbox).toContain(id);
  });

  it("a sequential batch reset between members: the held member and those after it act on nothing", async () => {
    const ids = inboxIds(kit.emu, 3);
    const hold = kit.emu.control.hold({ op: "permanentDelete", target: "member", nth: 2, times: 1 });
    const members = ids.map((id, i) => purgeMember(String(i + 1), id, i === 0 ? undefined : [String(i)]));
    const batch = statusOf(kit.batch(members));
    await hold.caught(1);
    // The first member ran before the reset (its purge was in the old state); the second waits.
    kit.emu.control.reset();
    expect(await batch).toBe("dropped");
    expect(kit.emu.control.requests()).toEqual([]);
    expect(kit.emu.control.purges()).toEqual([]);
    const inbox = kit.emu.control.messages({ folder: "inbox" }).map((m) => m.id);
    for (const id of ids) expect(inbox).toContain(id);
  });
});
