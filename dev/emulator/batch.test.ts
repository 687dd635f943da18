import { describe, expect, it } from "vitest";
import { inboxIds, kitForThisFile, purgeMember } from "./testkit";

const kit = kitForThisFile(
  { seed: 3 },
  { settings: { batchOrder: "shuffle", batchMode: "throttle", requestTimeMs: 0 } },
);

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
    expect(dangling.body.error?.message).toMatch(/^Invalid dependency for request Id/);
    expect(kit.emu.control.purges()).toHaveLength(0);
  });

  it("refuses a dependsOn that names a later request (msgraph-sdk-dotnet-core#891)", async () => {
    const [a = "", b = ""] = inboxIds(kit.emu, 2);
    const { status, body } = await kit.batch([purgeMember("1", a, ["2"]), purgeMember("2", b)]);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: "BadRequest",
      message: "Invalid dependency for request Id : 1",
    });
    expect(kit.emu.control.purges()).toHaveLength(0);
  });

  it.each([
    ["several dependsOn chains", [[], [], ["1"], ["2"]]],
    ["some members with dependsOn and others without", [[], ["1"], [], []]],
    ["every dependent naming the same request (the SDKs allow it; the stricter reading)", [[], ["1"], ["1"]]],
    ["a member depending on one that is not the one before it", [[], ["1"], ["1"], ["3"]]],
  ])("refuses a batch that is neither fully parallel nor fully sequential: %s", async (_, deps) => {
    const ids = inboxIds(kit.emu, deps.length);
    const { status, body } = await kit.batch(
      ids.map((id, i) => purgeMember(String(i + 1), id, (deps[i]?.length ?? 0) > 0 ? deps[i] : undefined)),
    );
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: "BadRequest",
      message: "Batch should be either fully sequential or fully parallel.",
    });
    expect(kit.emu.control.purges()).toHaveLength(0);
    expect(kit.emu.control.requests().filter((r) => r.batchMember)).toHaveLength(0);
  });

  it("refuses the whole batch when a POST member has no Content-Type or no body, running none", async () => {
    const [a = "", b = "", c = ""] = inboxIds(kit.emu, 3);
    for (const bad of [
      { id: "1", method: "POST", url: `/me/messages/${encodeURIComponent(a)}/permanentDelete` },
      { id: "1", method: "POST", url: `/me/messages/${encodeURIComponent(a)}/permanentDelete`, body: {} },
      {
        id: "1",
        method: "POST",
        url: `/me/messages/${encodeURIComponent(a)}/permanentDelete`,
        headers: { "Content-Type": "application/json" },
      },
    ]) {
      const { status, body } = await kit.batch([bad, purgeMember("2", b), purgeMember("3", c)]);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({
        code: "BadRequest",
        message: "Write request id : 1 does not contain Content-Type header or body.",
      });
    }
    expect(kit.emu.control.purges()).toHaveLength(0);
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

  it("in a fully sequential batch, a member refused with 403 makes every later member 424 without running", async () => {
    kit.emu.control.addFault({
      op: "permanentDelete",
      target: "member",
      nth: 2,
      times: 1,
      action: { kind: "error", status: 403 },
    });
    const ids = inboxIds(kit.emu, 5);
    const { body } = await kit.batch(
      ids.map((id, i) => purgeMember(String(i + 1), id, i ? [String(i)] : undefined)),
    );
    const byId = Object.fromEntries(body.responses.map((r) => [r.id, r.status]));
    expect(byId).toEqual({ "1": 204, "2": 403, "3": 424, "4": 424, "5": 424 });
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([ids[0]]);
  });

  it("counts the 4 slots per app and mailbox: another app's requests don't use up this app's", async () => {
    kit.emu.control.configure({ requestTimeMs: 40 });
    const ids = inboxIds(kit.emu, 8);
    const other = kit.emu.control.mintToken({
      scopes: ["Mail.ReadWrite"],
      clientId: "0f0e0d0c-0000-4000-8000-00000000beef",
    });
    const [mine, theirs] = await Promise.all([
      kit.batch(ids.slice(0, 4).map((id, i) => purgeMember(String(i + 1), id))),
      kit.batch(
        ids.slice(4).map((id, i) => purgeMember(String(i + 1), id)),
        other.accessToken,
      ),
    ]);
    expect(mine.body.responses.map((r) => r.status)).toEqual([204, 204, 204, 204]);
    expect(theirs.body.responses.map((r) => r.status)).toEqual([204, 204, 204, 204]);
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
