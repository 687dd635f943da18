import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inboxIds, type Kit, purgeMember, startKit } from "./testkit";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit({ seed: 3 });
});
afterAll(async () => {
  await kit.emu.close();
});
beforeEach(() => {
  kit.emu.control.reset();
  kit.emu.control.configure({ batchOrder: "shuffle", batchMode: "throttle", requestTimeMs: 0 });
});

describe("$batch rules", () => {
  it("refuses more than 20 requests", async () => {
    const ids = inboxIds(kit.emu, 21);
    const { status, body } = await kit.batch(ids.map((id, i) => purgeMember(String(i + 1), id)));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "BadRequest", message: "Maximum number of requests is 20" });
    expect(kit.emu.control.purges()).toHaveLength(0);
  });

  it("refuses duplicate ids and unknown dependsOn targets", async () => {
    const [a = "", b = ""] = inboxIds(kit.emu, 2);
    const dup = await kit.batch([purgeMember("1", a), purgeMember("1", b)]);
    expect(dup.status).toBe(400);
    const dangling = await kit.batch([purgeMember("1", a, ["9"])]);
    expect(dangling.status).toBe(400);
    expect(kit.emu.control.purges()).toHaveLength(0);
  });

  it("answers a POST member without Content-Type or body with a member 400", async () => {
    const [a = "", b = "", c = ""] = inboxIds(kit.emu, 3);
    const { status, body } = await kit.batch([
      { id: "1", method: "POST", url: `/me/messages/${encodeURIComponent(a)}/permanentDelete` },
      { id: "2", method: "POST", url: `/me/messages/${encodeURIComponent(b)}/permanentDelete`, body: {} },
      purgeMember("3", c),
    ]);
    expect(status).toBe(200);
    const byId = Object.fromEntries(body.responses.map((r) => [r.id, r]));
    expect(byId["1"]?.status).toBe(400);
    expect(byId["2"]?.status).toBe(400);
    expect(byId["3"]?.status).toBe(204);
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([c]);
  });

  it("gives 424 to members whose dependency failed, transitively", async () => {
    const [a = "", b = ""] = inboxIds(kit.emu, 2);
    await kit.purge(a); // now gone: its member will 404
    const { body } = await kit.batch([
      purgeMember("1", a),
      purgeMember("2", b, ["1"]),
      purgeMember("3", b, ["2"]),
    ]);
    const byId = Object.fromEntries(body.responses.map((r) => [r.id, r.status]));
    expect(byId).toEqual({ "1": 404, "2": 424, "3": 424 });
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([a]);
  });

  it("runs a dependsOn chain one at a time, so a chain of 12 never hits the concurrency limit", async () => {
    kit.emu.control.configure({ requestTimeMs: 5 });
    const ids = inboxIds(kit.emu, 12);
    const { body } = await kit.batch(
      ids.map((id, i) => purgeMember(String(i + 1), id, i ? [String(i)] : undefined)),
    );
    expect(body.responses.every((r) => r.status === 204)).toBe(true);
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual(ids);
  });

  it("answers in a seed-determined shuffled order, or in request order when switched", async () => {
    const ids = inboxIds(kit.emu, 20);
    const members = ids.map((id, i) => ({
      id: String(i + 1),
      method: "GET",
      url: `/me/messages/${encodeURIComponent(id)}?$select=subject`,
      dependsOn: i ? [String(i)] : undefined,
    }));
    const first = await kit.batch(members);
    const order = first.body.responses.map((r) => r.id);
    expect(order.slice().sort((x, y) => Number(x) - Number(y))).toEqual(members.map((m) => m.id));
    expect(order).not.toEqual(members.map((m) => m.id));
    expect(first.body.responses.every((r) => r.status === 200)).toBe(true);

    kit.emu.control.configure({ batchOrder: "request" });
    const second = await kit.batch(members);
    expect(second.body.responses.map((r) => r.id)).toEqual(members.map((m) => m.id));
  });

  it("gives 429 with a readable Retry-After to members beyond the mailbox's 4 concurrent slots", async () => {
    kit.emu.control.configure({ requestTimeMs: 20 });
    const ids = inboxIds(kit.emu, 10);
    const { status, body } = await kit.batch(ids.map((id, i) => purgeMember(String(i + 1), id)));
    expect(status).toBe(200);
    const ok = body.responses.filter((r) => r.status === 204);
    const throttled = body.responses.filter((r) => r.status === 429);
    expect(ok).toHaveLength(4);
    expect(throttled).toHaveLength(6);
    for (const r of throttled) {
      expect(r.headers["Retry-After"]).toMatch(/^\d+$/);
      expect(r.body?.error).toMatchObject({
        code: "ApplicationThrottled",
        message: "Application is over its MailboxConcurrency limit.",
      });
    }
    expect(kit.emu.control.purges()).toHaveLength(4);
    const members = kit.emu.control.requests().filter((r) => r.batchMember);
    expect(members).toHaveLength(10);
    expect(new Set(members.map((r) => r.batchRequestId)).size).toBe(1);
  });

  it("in queue mode runs the members 4 at a time and all succeed", async () => {
    kit.emu.control.configure({ requestTimeMs: 5, batchMode: "queue" });
    const ids = inboxIds(kit.emu, 10);
    const { body } = await kit.batch(ids.map((id, i) => purgeMember(String(i + 1), id)));
    expect(body.responses.map((r) => r.status)).toEqual(Array(10).fill(204));
  });

  it("refuses absolute member URLs and a batch without a valid token", async () => {
    const { body } = await kit.batch([
      { id: "1", method: "GET", url: `${kit.emu.url}/v1.0/me/messages` },
      { id: "2", method: "GET", url: "/me/messages?$top=1" },
    ]);
    const byId = Object.fromEntries(body.responses.map((r) => [r.id, r.status]));
    expect(byId).toEqual({ "1": 400, "2": 200 });
    const res = await kit.graph("/$batch", {
      method: "POST",
      token: null,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ requests: [{ id: "1", method: "GET", url: "/me" }] }),
    });
    expect(res.status).toBe(401);
  });
});
