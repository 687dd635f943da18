import { describe, expect, it } from "vitest";
import { inboxIds, kitForThisFile, purgeMember } from "./testkit";

const kit = kitForThisFile(
  { seed: 5 },
  { settings: { requestTimeMs: 0, batchOrder: "request", batchMode: "throttle" } },
);

/** Resolves with "pending" when the promise has not settled after the emulator's pending I/O has run. */
async function stillPending(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void p.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  // A request's answer needs a few turns of the event loop (socket, parser, fetch): give it many.
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  return !settled;
}

describe("holds", () => {
  it("holds a matching request until it is released, then it runs and is answered", async () => {
    const [id] = inboxIds(kit.emu, 1);
    if (!id) throw new Error("no message");
    const hold = kit.emu.control.hold({ op: "permanentDelete" });
    const purge = kit.purge(id);
    await hold.caught(1);
    expect(await stillPending(purge)).toBe(true);
    // Held before the handler: nothing purged, the log shows it running.
    expect(kit.emu.control.purges()).toEqual([]);
    const logged = kit.emu.control.requests().filter((r) => r.op === "permanentDelete");
    expect(logged.map((r) => [r.status, r.endedAt])).toEqual([[null, null]]);
    expect(hold.status()).toMatchObject({ caught: 1, waiting: 1, answered: 0, ended: false });

    // Other requests are not held.
    expect((await kit.graph("/me/messages?$top=1")).status).toBe(200);

    expect(hold.release()).toBe(1);
    expect((await purge).status).toBe(204);
    await hold.answered();
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([id]);
    expect(hold.status()).toMatchObject({ caught: 1, waiting: 0, answered: 1 });
  });

  it("a held request keeps its concurrency slot, as a slow request does", async () => {
    const hold = kit.emu.control.hold({ op: "listMessages" });
    const t = kit.token();
    const four = Array.from({ length: 4 }, () => kit.graph("/me/messages?$top=1", { token: t }));
    await hold.caught(4);
    const fifth = await kit.graph("/me/messages?$top=1", { token: t });
    expect(fifth.status).toBe(429);
    // The 429 was refused before the hold: only the 4 with a slot were caught.
    expect(hold.status().caught).toBe(4);
    hold.end();
    expect((await Promise.all(four)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await hold.answered();
    // Answered, they gave their slots back.
    expect((await kit.graph("/me/messages?$top=1", { token: t })).status).toBe(200);
  });

  it("catches from the nth match for `times` requests and releases the oldest first", async () => {
    const ids = inboxIds(kit.emu, 5);
    const hold = kit.emu.control.hold({ op: "getMessage", nth: 2, times: 2 });
    const t = kit.token();
    const get = (id: string) => kit.graph(`/me/messages/${encodeURIComponent(id)}?$select=id`, { token: t });
    // The first is not caught (nth 2); the second and third are; the fourth is past `times`.
    expect((await get(ids[0] ?? "")).status).toBe(200);
    const second = get(ids[1] ?? "");
    await hold.caught(1);
    const third = get(ids[2] ?? "");
    await hold.caught(2);
    expect((await get(ids[3] ?? "")).status).toBe(200);
    expect(hold.release(1)).toBe(1);
    expect((await second).status).toBe(200);
    expect(await stillPending(third)).toBe(true);
    expect(hold.status()).toMatchObject({ caught: 2, waiting: 1, answered: 1 });
    hold.release();
    expect((await third).status).toBe(200);
    await hold.answered();
  });

  it("holds a $batch before any member runs, and a member on its own with target member", async () => {
    const ids = inboxIds(kit.emu, 3);
    const batchHold = kit.emu.control.hold({ op: "$batch" });
    const batch = kit.batch(ids.map((id, i) => purgeMember(String(i + 1), id)));
    await batchHold.caught(1);
    expect(await stillPending(batch)).toBe(true);
    // No member has started: none logged, none purged.
    expect(kit.emu.control.requests().filter((r) => r.batchMember)).toEqual([]);
    batchHold.release();
    const answered = await batch;
    expect(answered.status).toBe(200);
    expect(answered.body.responses.map((r) => r.status)).toEqual([204, 204, 204]);
    await batchHold.answered();
    batchHold.end();

    const [next] = inboxIds(kit.emu, 1);
    if (!next) throw new Error("no message");
    const memberHold = kit.emu.control.hold({ op: "permanentDelete", target: "member" });
    // A top-level delete is not a member: not caught.
    const [plain] = inboxIds(kit.emu, 2).slice(1);
    expect((await kit.purge(plain ?? "")).status).toBe(204);
    const second = kit.batch([purgeMember("1", next)]);
    await memberHold.caught(1);
    expect(kit.emu.control.requests().filter((r) => r.batchMember && r.status === null)).toHaveLength(1);
    memberHold.release();
    expect((await second).body.responses.map((r) => r.status)).toEqual([204]);
  });

  it("a wait for more than come fails after its timeout, and at once when the hold ends", async () => {
    const hold = kit.emu.control.hold({ op: "getUser" });
    await expect(hold.caught(1, { timeoutMs: 50 })).rejects.toThrow(/caught 0 of 1 requests after 50 ms/);
    const waiting = hold.caught(1, { timeoutMs: 10_000 });
    hold.end();
    await expect(waiting).rejects.toThrow(/ended/);
    // An ended hold catches nothing.
    expect((await kit.graph("/me")).status).toBe(200);
    expect(hold.status()).toMatchObject({ caught: 0, ended: true });
  });

  it("reset ends every hold: what was held goes on and ends (its state is gone: no answer, see reset.test.ts)", async () => {
    const hold = kit.emu.control.hold({ op: "listMessages" });
    const list = kit.graph("/me/messages?$top=1").then(
      (r) => r.status,
      () => "dropped",
    );
    await hold.caught(1);
    kit.emu.control.reset();
    expect(await list).toBe("dropped");
    await hold.answered();
    expect(hold.status()).toMatchObject({ caught: 1, waiting: 0, answered: 1, ended: true });
    expect(kit.emu.control.holds()).toEqual([]);
  });

  it("refuses a hold with a bad matcher", () => {
    expect(() => kit.emu.control.hold({ path: "(" })).toThrow();
    expect(() => kit.emu.control.hold({ target: "both" as "any" })).toThrow(/target/);
    expect(() => kit.emu.control.hold({ nth: 0 })).toThrow(/nth/);
  });

  it("works over the control API: add, wait until caught, release, wait until answered, end", async () => {
    const api = (path: string, init?: RequestInit) =>
      fetch(`${kit.emu.url}/_emulator${path}`, {
        ...init,
        headers: { "Content-Type": "application/json" },
      });
    const added = await api("/holds", { method: "POST", body: JSON.stringify({ op: "getUser" }) });
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: string };
    const me = kit.graph("/me");
    const caught = await api(`/holds/${id}/wait`, {
      method: "POST",
      body: JSON.stringify({ caught: 1, timeoutMs: 5000 }),
    });
    expect(caught.status).toBe(200);
    expect(await caught.json()).toMatchObject({ id, caught: 1, waiting: 1 });
    const tooMany = await api(`/holds/${id}/wait`, {
      method: "POST",
      body: JSON.stringify({ caught: 2, timeoutMs: 20 }),
    });
    expect(tooMany.status).toBe(408);
    const released = await api(`/holds/${id}/release`, { method: "POST", body: "{}" });
    expect(await released.json()).toMatchObject({ released: 1 });
    expect((await me).status).toBe(200);
    const answered = await api(`/holds/${id}/wait`, {
      method: "POST",
      body: JSON.stringify({ answered: true }),
    });
    expect(await answered.json()).toMatchObject({ caught: 1, answered: 1 });
    const listed = (await (await api("/holds")).json()) as { holds: { id: string }[] };
    expect(listed.holds.map((h) => h.id)).toEqual([id]);
    expect((await api(`/holds/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api("/holds/nope/release", { method: "POST", body: "{}" })).status).toBe(404);
    expect((await api("/holds", { method: "POST", body: JSON.stringify({ target: "x" }) })).status).toBe(400);
  });
});
