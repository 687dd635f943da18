import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deleting, reportDelete, reportProblem } from "../purge/graphReports";
import { type BatchRequest, parseBatchAnswer, permanentDeleteMember } from "./batch";
import { createGraphClient, type GraphClientOptions } from "./client";
import { outcomeFromResponse } from "./outcome";
import { fakeClock, graphError, type LoggedRequest, logRequest, recordingTokens } from "./testkit";
import type { ItemRef } from "./types";

const BASE = "https://graph.microsoft.com";
const BATCH_URL = `${BASE}/v1.0/$batch`;
const item = (id: string): ItemRef => ({ kind: "message", id, mailbox: { kind: "me" } });

const server = setupServer();
let log: LoggedRequest[];
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  log = [];
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Answer = (payload: { requests: BatchRequest[] }) => Response | Promise<Response>;

/** Answers $batch with the given functions in turn (the last repeats). */
function answerBatch(...answers: Answer[]) {
  let n = 0;
  server.use(
    http.post(`${BASE}/v1.0/*`, async ({ request }) => {
      await logRequest(log, request);
      const answer = answers[Math.min(n, answers.length - 1)];
      n += 1;
      if (answer === undefined) throw new Error("no answer configured");
      return answer(JSON.parse(await request.clone().text()) as { requests: BatchRequest[] });
    }),
  );
}

const allStatus =
  (status: number, headers: Record<string, string> = {}): Answer =>
  ({ requests }) =>
    HttpResponse.json({ responses: requests.map((r) => ({ id: r.id, status, headers })) });

function setup(extra: Partial<GraphClientOptions> = {}) {
  const tokens = recordingTokens();
  const clock = fakeClock();
  const client = createGraphClient({
    tokens,
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    ...extra,
  });
  return { client, tokens, clock };
}

const members = (n: number) =>
  Array.from({ length: n }, (_, i) => permanentDeleteMember(String(i + 1), item(`AAMk+/${i}=`)));

describe("batch: the request", () => {
  it("POSTs /v1.0/$batch with Bearer, a JSON body and POST members carrying Content-Type and {}", async () => {
    answerBatch(allStatus(204));
    const { client } = setup();
    const reqs = [
      permanentDeleteMember("1", item("AAMk+/a=")),
      permanentDeleteMember("2", { kind: "message", id: "B", mailbox: { kind: "user", id: "sales@x.com" } }, [
        "1",
      ]),
    ];
    const result = await client.batch(reqs);
    expect(result.ok).toBe(true);
    expect(log).toHaveLength(1);
    expect(log[0]?.url).toBe(BATCH_URL);
    expect(log[0]?.authorization).toBe("Bearer token-1");
    expect(log[0]?.contentType).toBe("application/json");
    expect(JSON.parse(log[0]?.body ?? "")).toEqual({
      requests: [
        {
          id: "1",
          method: "POST",
          url: "/me/messages/AAMk%2B%2Fa%3D/permanentDelete",
          headers: { "Content-Type": "application/json" },
          body: {},
        },
        {
          id: "2",
          method: "POST",
          url: "/users/sales%40x.com/messages/B/permanentDelete",
          headers: { "Content-Type": "application/json" },
          body: {},
          dependsOn: ["1"],
        },
      ],
    });
  });

  it("adds Content-Type and {} to a write member that lacks them", async () => {
    answerBatch(allStatus(204));
    const { client } = setup();
    await client.batch([{ id: "a", method: "POST", url: "/me/messages/X/permanentDelete" }]);
    expect(JSON.parse(log[0]?.body ?? "").requests[0]).toEqual({
      id: "a",
      method: "POST",
      url: "/me/messages/X/permanentDelete",
      headers: { "Content-Type": "application/json" },
      body: {},
    });
  });

  it.each([
    ["more than 20 requests", members(21)],
    ["no requests", []],
    ["duplicate ids", [...members(2), { ...members(1)[0], id: "2" } as BatchRequest]],
    ["a dependsOn naming no member", [permanentDeleteMember("1", item("A"), ["7"])]],
    ["an absolute URL", [{ id: "1", method: "GET", url: "https://evil.example/me" } as BatchRequest]],
    ["a versioned URL", [{ id: "1", method: "GET", url: "/v1.0/me" } as BatchRequest]],
    [
      "a dependsOn cycle",
      [
        { ...permanentDeleteMember("1", item("A")), dependsOn: ["2"] },
        { ...permanentDeleteMember("2", item("B")), dependsOn: ["1"] },
      ],
    ],
  ])("throws on %s and sends nothing", async (_, reqs) => {
    answerBatch(allStatus(204));
    const { client } = setup();
    await expect(client.batch(reqs)).rejects.toThrow(TypeError);
    expect(log).toHaveLength(0);
  });

  it("accepts exactly 20", async () => {
    answerBatch(allStatus(204));
    const { client } = setup();
    const result = await client.batch(members(20));
    expect(result.ok && result.responses.size).toBe(20);
  });
});

describe("batch: reading the answer", () => {
  it("maps answers in any order by id, with lower-cased header names", async () => {
    answerBatch(() =>
      HttpResponse.json({
        responses: [
          { id: "3", status: 429, headers: { "Retry-After": "7" }, body: graphError("ApplicationThrottled") },
          { id: "1", status: 204, headers: {} },
          { id: "2", status: 404, body: graphError("ErrorItemNotFound") },
        ],
      }),
    );
    const { client } = setup();
    const result = await client.batch(members(3));
    if (!result.ok) throw new Error("expected ok");
    expect(result.responses.get("1")).toEqual({
      kind: "answered",
      id: "1",
      status: 204,
      headers: {},
      body: undefined,
    });
    expect(result.responses.get("2")).toMatchObject({ kind: "answered", status: 404 });
    expect(result.responses.get("3")).toMatchObject({
      kind: "answered",
      status: 429,
      headers: { "retry-after": "7" },
    });
    expect(result.uncertain).toBe(false);
    expect(result.sends).toBe(1);
  });

  it("reports a missing member and a repeated id as unknown, never as success", () => {
    const map = parseBatchAnswer(
      JSON.stringify({
        responses: [
          { id: "1", status: 204 },
          { id: "2", status: 204 },
          { id: "2", status: 204 },
        ],
      }),
      ["1", "2", "3"],
    );
    expect(map.get("1")).toMatchObject({ kind: "answered", status: 204 });
    expect(map.get("2")).toEqual({ kind: "unknown", id: "2", reason: "repeated" });
    expect(map.get("3")).toEqual({ kind: "unknown", id: "3", reason: "missing" });
  });

  it("distrusts the whole answer when it names an id we never sent", () => {
    const map = parseBatchAnswer(
      JSON.stringify({
        responses: [
          { id: "1", status: 204 },
          { id: "9", status: 204 },
        ],
      }),
      ["1", "2"],
    );
    expect([...map.values()]).toEqual([
      { kind: "unknown", id: "1", reason: "foreign-id" },
      { kind: "unknown", id: "2", reason: "foreign-id" },
    ]);
  });

  it.each([
    ["invalid JSON", "{responses: ["],
    ["no responses array", JSON.stringify({ value: [] })],
    ["an HTML page", "<html>proxy error</html>"],
    ["an entry without id", JSON.stringify({ responses: [{ status: 204 }, { id: "2", status: 204 }] })],
  ])("makes every member unknown on %s", (_, text) => {
    const map = parseBatchAnswer(text, ["1", "2"]);
    expect(map.size).toBe(2);
    for (const r of map.values()) expect(r.kind).toBe("unknown");
  });

  it.each([
    ["a status that is not a number", { id: "1", status: "204" }],
    ["a status out of range", { id: "1", status: 2040 }],
    ["headers that are not an object", { id: "1", status: 204, headers: "x" }],
  ])("makes a member unknown on %s", (_, entry) => {
    const map = parseBatchAnswer(JSON.stringify({ responses: [entry] }), ["1"]);
    expect(map.get("1")).toEqual({ kind: "unknown", id: "1", reason: "malformed" });
  });

  it("through the client: invalid JSON under a 200 gives unknown outcomes, not a throw", async () => {
    answerBatch(() => new HttpResponse("{not json", { status: 200 }));
    const { client } = setup();
    const result = await client.batch(members(2));
    if (!result.ok) throw new Error("expected ok");
    expect([...result.responses.values()].map((r) => r.kind)).toEqual(["unknown", "unknown"]);
  });
});

describe("batch: top-level answers", () => {
  it("refreshes the token once on a 401 and resends", async () => {
    answerBatch(
      () => HttpResponse.json(graphError("InvalidAuthenticationToken"), { status: 401 }),
      allStatus(204),
    );
    const { client, tokens } = setup();
    const result = await client.batch(members(2));
    expect(result.ok).toBe(true);
    expect(tokens.calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(log.map((l) => l.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
    expect(result.sends).toBe(2);
  });

  it("waits a top-level 429's Retry-After and resends the same payload", async () => {
    answerBatch(
      () =>
        HttpResponse.json(graphError("ApplicationThrottled"), {
          status: 429,
          headers: { "Retry-After": "3" },
        }),
      allStatus(204),
    );
    const { client, clock } = setup();
    const result = await client.batch(members(4));
    expect(result.ok).toBe(true);
    expect(clock.waits).toEqual([3000]);
    expect(log).toHaveLength(2);
    expect(log[1]?.body).toBe(log[0]?.body);
  });

  it("after the client's retries a 429 is a failure that ran nothing, with its Retry-After", async () => {
    answerBatch(() =>
      HttpResponse.json(graphError("ApplicationThrottled"), { status: 429, headers: { "Retry-After": "2" } }),
    );
    const { client } = setup({ maxRetries: 1 });
    const result = await client.batch(members(2));
    if (result.ok) throw new Error("expected failure");
    expect(result.failure).toMatchObject({
      problem: { kind: "throttled" },
      status: 429,
      nothingRan: true,
      retryAfterMs: 2000,
    });
    expect(result.sends).toBe(2);
    expect(reportProblem(result.failure.problem, deleting(item("A")))).toMatchObject({
      kind: "throttled",
      code: "ApplicationThrottled",
      message: expect.stringContaining("The message was not deleted"),
    });
  });

  it("a 504 then a 200 marks the answer uncertain", async () => {
    answerBatch(() => new HttpResponse(null, { status: 504 }), allStatus(404));
    const { client } = setup();
    const result = await client.batch(members(1));
    if (!result.ok) throw new Error("expected ok");
    expect(result.uncertain).toBe(true);
  });

  it("a dropped connection is not resent and may or may not have deleted each member", async () => {
    answerBatch(() => HttpResponse.error());
    const { client } = setup();
    const result = await client.batch(members(3));
    if (result.ok) throw new Error("expected failure");
    expect(log).toHaveLength(1);
    expect(result.failure.problem.kind).toBe("network");
    expect(result.failure.nothingRan).toBe(false);
    expect(reportProblem(result.failure.problem, deleting(item("A"))).message).toContain(
      "may or may not have been deleted",
    );
  });

  it("a 400 for the whole batch ran nothing and says so per item", async () => {
    answerBatch(() =>
      HttpResponse.json(graphError("BadRequest", "Maximum number of requests is 20"), { status: 400 }),
    );
    const { client } = setup();
    const result = await client.batch(members(2));
    if (result.ok) throw new Error("expected failure");
    expect(result.failure).toMatchObject({ problem: { kind: "bad-request" }, status: 400, nothingRan: true });
    expect(reportProblem(result.failure.problem, deleting(item("A")))).toMatchObject({
      kind: "bad-request",
      code: "BadRequest",
      message: expect.stringContaining("was not deleted"),
    });
  });

  it("a top-level 404 (no $batch endpoint) is never read as the items being gone", async () => {
    answerBatch(() => HttpResponse.json(graphError("NotFound"), { status: 404 }));
    const { client } = setup();
    const result = await client.batch(members(1));
    if (result.ok) throw new Error("expected failure");
    expect(reportProblem(result.failure.problem, deleting(item("A"))).kind).toBe("unexpected");
  });
});

describe("outcomeFromResponse: a member reads like a single delete", () => {
  const A = item("A");
  it.each([
    [204, {}, undefined, { status: "purged" }],
    [404, {}, graphError("ErrorItemNotFound"), { status: "already-gone", code: "ErrorItemNotFound" }],
    [
      404,
      {},
      graphError("ErrorInvalidMailboxItemId"),
      { status: "failed", problem: { kind: "bad-request", code: "ErrorInvalidMailboxItemId" } },
    ],
    [
      403,
      {},
      graphError("ErrorAccessDenied"),
      { status: "failed", problem: { kind: "forbidden", code: "ErrorAccessDenied", status: 403 } },
    ],
    [200, {}, {}, { status: "failed", problem: { kind: "unexpected", status: 200 } }],
    [
      429,
      { "retry-after": "5" },
      graphError("ApplicationThrottled"),
      { status: "failed", problem: { kind: "throttled" } },
    ],
    [
      500,
      { "request-id": "r-1" },
      undefined,
      { status: "failed", problem: { kind: "server", requestId: "r-1" } },
    ],
  ])("%i", (status, headers, body, expected) => {
    expect(outcomeFromResponse(status, headers, body)).toMatchObject(expected);
  });

  it("a 404 after an uncertain attempt does not say nothing was purged", () => {
    const outcome = reportDelete(
      A,
      outcomeFromResponse(404, {}, graphError("ErrorItemNotFound"), { uncertain: true }),
    );
    expect(outcome).toMatchObject({ status: "already-gone" });
    expect(outcome.status === "already-gone" && outcome.message).toContain("probably deleted it");
  });

  it("ignores a header name fetch would refuse", () => {
    const outcome = outcomeFromResponse(403, { "bad header": "x", "request-id": "r-2" }, undefined);
    expect(outcome).toMatchObject({ status: "failed", problem: { requestId: "r-2" } });
  });
});
