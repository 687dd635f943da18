import { delay, HttpResponse, http, passthrough } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reportDelete, reportProblem } from "../purge/graphReports";
import type { DeleteReport, ProblemReport } from "../purge/types";
import {
  type CallOptions,
  createGraphClient,
  type GraphClient,
  type GraphClientOptions,
  GraphError,
} from "./client";
import { fakeClock, graphError, type LoggedRequest, logRequest, recordingTokens } from "./testkit";
import type { ItemRef } from "./types";

const BASE = "https://graph.microsoft.com";
const ME_MESSAGE: ItemRef = { kind: "message", id: "AAMkAG+/x=", mailbox: { kind: "me" } };
const DELETE_URL = `${BASE}/v1.0/me/messages/AAMkAG%2B%2Fx%3D/permanentDelete`;

const server = setupServer();
let log: LoggedRequest[];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  log = [];
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** Answers permanentDelete with the given responses in turn (the last one repeats). */
function answerDelete(...responses: Array<() => Response | Promise<Response>>) {
  let n = 0;
  server.use(
    http.post(`${BASE}/v1.0/*`, async ({ request }) => {
      await logRequest(log, request);
      const respond = responses[Math.min(n, responses.length - 1)];
      n += 1;
      if (respond === undefined) throw new Error("no response configured");
      return respond();
    }),
  );
}

const status = (code: number, body?: unknown, headers?: Record<string, string>) => () =>
  body === undefined
    ? new HttpResponse(null, { status: code, ...(headers ? { headers } : {}) })
    : HttpResponse.json(body, { status: code, ...(headers ? { headers } : {}) });

function setup(extra: Partial<GraphClientOptions> = {}) {
  const tokens = recordingTokens();
  const clock = fakeClock();
  const client = worded(
    createGraphClient({
      tokens,
      sleep: clock.sleep,
      now: clock.now,
      random: () => 0.5,
      ...extra,
    }),
  );
  return { client, tokens, clock };
}

/** The client with each delete's typed outcome worded as the person reads it (src/core/purge/graphReports.ts). */
function worded(client: GraphClient) {
  return {
    ...client,
    permanentDelete: async (item: ItemRef, options?: CallOptions) =>
      reportDelete(item, await client.permanentDelete(item, options)),
  };
}

function failed(outcome: DeleteReport): ProblemReport {
  if (outcome.status !== "failed") throw new Error(`expected failed, got ${outcome.status}`);
  return outcome.problem;
}

describe("permanentDelete: success", () => {
  it("POSTs to the encoded path with a Bearer token, a client-request-id and no body; 204 is purged", async () => {
    answerDelete(status(204));
    const { client, tokens } = setup();
    await expect(client.permanentDelete(ME_MESSAGE)).resolves.toEqual({ status: "purged" });
    expect(log).toHaveLength(1);
    const [request] = log;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(DELETE_URL);
    expect(request?.authorization).toBe("Bearer token-1");
    expect(request?.clientRequestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(request?.body).toBe("");
    expect(request?.contentType).toBeNull();
    expect(tokens.calls).toEqual([{ forceRefresh: false }]);
  });

  it("never reads a 204 body, even a broken one", async () => {
    // A 204 carrying non-JSON would break a client that calls response.json().
    const fetchWithBadBody: typeof fetch = async () => {
      const response = new Response(null, { status: 204 });
      Object.defineProperty(response, "text", { value: () => Promise.reject(new Error("read")) });
      Object.defineProperty(response, "json", { value: () => Promise.reject(new Error("read")) });
      return response;
    };
    const { client } = setup({ fetch: fetchWithBadBody });
    await expect(client.permanentDelete(ME_MESSAGE)).resolves.toEqual({ status: "purged" });
  });

  it("ignores trailing slashes in baseUrl and addresses shared mailboxes and folders", async () => {
    answerDelete(status(204));
    const { client } = setup({ baseUrl: `${BASE}//` });
    expect(client.baseUrl).toBe(BASE);
    await client.permanentDelete({
      kind: "message",
      id: "m=1",
      mailbox: { kind: "user", id: "team@contoso.com" },
      folderId: "inbox/1",
    });
    expect(log[0]?.url).toBe(
      `${BASE}/v1.0/users/team%40contoso.com/mailFolders/inbox%2F1/messages/m%3D1/permanentDelete`,
    );
  });

  it("reports another 2xx as unexpected, not as purged", async () => {
    answerDelete(status(200, { value: "ok" }));
    const { client } = setup();
    const problem = failed(await client.permanentDelete(ME_MESSAGE));
    expect(problem.kind).toBe("unexpected");
    expect(problem.status).toBe(200);
    expect(problem.message).toContain("can't confirm the message was deleted");
  });
});

describe("permanentDelete: 401", () => {
  it("refreshes the token once and retries with the new token", async () => {
    answerDelete(status(401, graphError("InvalidAuthenticationToken")), status(204));
    const { client, tokens } = setup();
    await expect(client.permanentDelete(ME_MESSAGE)).resolves.toEqual({ status: "purged" });
    expect(tokens.calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(log.map((r) => r.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("fails unauthorized on a second 401, after exactly one refresh", async () => {
    answerDelete(status(401, graphError("InvalidAuthenticationToken")));
    const { client, tokens } = setup();
    const problem = failed(await client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "unauthorized", status: 401, code: "InvalidAuthenticationToken" });
    expect(problem.message).toContain("Your sign-in has expired or was revoked");
    expect(problem.message).toContain("Sign in again, then retry.");
    expect(log).toHaveLength(2);
    expect(tokens.calls.filter((c) => c.forceRefresh)).toHaveLength(1);
  });

  it("lets token errors propagate unchanged", async () => {
    class InteractionRequired extends Error {}
    const thrown = new InteractionRequired("sign in");
    const client = createGraphClient({ tokens: { getToken: () => Promise.reject(thrown) } });
    answerDelete(status(204));
    await expect(client.permanentDelete(ME_MESSAGE)).rejects.toBe(thrown);
    expect(log).toHaveLength(0);
  });

  it("lets a failing forced refresh propagate too", async () => {
    const thrown = new Error("interaction required");
    let calls = 0;
    const client = createGraphClient({
      tokens: {
        getToken: async ({ forceRefresh }) => (forceRefresh ? Promise.reject(thrown) : `t${++calls}`),
      },
    });
    answerDelete(status(401));
    await expect(client.permanentDelete(ME_MESSAGE)).rejects.toBe(thrown);
    expect(log).toHaveLength(1);
  });
});

describe("permanentDelete: 403", () => {
  it("ErrorAccessDenied on me names Mail.ReadWrite, consent and the code", async () => {
    answerDelete(status(403, graphError("ErrorAccessDenied", "Access is denied.")));
    const { client } = setup();
    const problem = failed(await client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "forbidden", status: 403, code: "ErrorAccessDenied" });
    expect(problem.graphMessage).toBe("Access is denied.");
    expect(problem.message).toContain("(Graph error ErrorAccessDenied)");
    expect(problem.message).toContain("Mail.ReadWrite permission");
    expect(problem.message).toContain("administrator may need to grant consent");
  });

  it("ErrorAccessDenied by kind: Contacts.ReadWrite / Calendars.ReadWrite", async () => {
    answerDelete(status(403, graphError("ErrorAccessDenied")));
    const { client } = setup();
    const contact = failed(
      await client.permanentDelete({ kind: "contact", id: "c", mailbox: { kind: "me" } }),
    );
    expect(contact.message).toContain("Contacts.ReadWrite");
    const event = failed(await client.permanentDelete({ kind: "event", id: "e", mailbox: { kind: "me" } }));
    expect(event.message).toContain("Calendars.ReadWrite");
    expect(event.message).toContain("event");
  });

  it("ErrorAccessDenied on a shared mailbox asks for delete rights and Mail.ReadWrite.Shared", async () => {
    answerDelete(status(403, graphError("ErrorAccessDenied")));
    const { client } = setup();
    const problem = failed(
      await client.permanentDelete({
        kind: "message",
        id: "m",
        mailbox: { kind: "user", id: "team@contoso.com" },
      }),
    );
    expect(problem.message).toContain("delete rights on that mailbox");
    expect(problem.message).toContain("Mail.ReadWrite.Shared");
    expect(problem.message).toContain("(Graph error ErrorAccessDenied)");
    expect(problem.message).not.toContain("team@contoso.com");
  });

  it("Authorization_RequestDenied asks an administrator", async () => {
    answerDelete(status(403, graphError("Authorization_RequestDenied")));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem.message).toContain("(Graph error Authorization_RequestDenied)");
    expect(problem.message).toContain("Ask an administrator");
  });

  it("ErrorCannotDeleteObject says Exchange refused and nothing was deleted", async () => {
    answerDelete(status(403, graphError("ErrorCannotDeleteObject", "Object cannot be deleted.")));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem.kind).toBe("forbidden");
    expect(problem.message).toContain("Exchange refused to delete this message");
    expect(problem.message).toContain("(Graph error ErrorCannotDeleteObject)");
    expect(problem.message).toContain("retention label");
    expect(problem.message).toContain("Nothing was deleted");
  });
});

describe("permanentDelete: 404 and 400", () => {
  it("404 ErrorItemNotFound is already-gone, calmly, never purged", async () => {
    answerDelete(
      status(404, graphError("ErrorItemNotFound", "The specified object was not found in the store.")),
    );
    const outcome = await setup().client.permanentDelete(ME_MESSAGE);
    expect(outcome).toEqual({
      status: "already-gone",
      code: "ErrorItemNotFound",
      message:
        "This message wasn't found where Outlook showed it: deleted, or moved (a move changes the ID). Nothing was deleted.",
    });
    expect(log).toHaveLength(1);
  });

  it("404 without a body is already-gone with a placeholder code; wording follows the kind", async () => {
    answerDelete(status(404));
    const outcome = await setup().client.permanentDelete({
      kind: "contact",
      id: "c",
      mailbox: { kind: "me" },
    });
    expect(outcome).toMatchObject({ status: "already-gone", code: "NotFound" });
    if (outcome.status === "already-gone")
      expect(outcome.message).toMatch(/^This contact wasn't found where Outlook showed it:/);
  });

  it("404 ErrorInvalidMailboxItemId is a failure: the item exists in another mailbox", async () => {
    answerDelete(
      status(404, graphError("ErrorInvalidMailboxItemId", "Item Id doesn't belong to the current mailbox.")),
    );
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "bad-request", status: 404, code: "ErrorInvalidMailboxItemId" });
    expect(problem.message).toContain("belongs to a different mailbox");
    expect(problem.message).toContain("(Graph error ErrorInvalidMailboxItemId)");
    expect(problem.message).toContain("Nothing was deleted");
  });

  it("400 ErrorInvalidIdMalformed says Outlook gave an unreadable id", async () => {
    answerDelete(status(400, graphError("ErrorInvalidIdMalformed", "Id is malformed.")));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "bad-request", status: 400, code: "ErrorInvalidIdMalformed" });
    expect(problem.message).toMatch(/^Outlook gave the add-in an item ID that Microsoft Graph can't read/);
    expect(problem.message).toContain("(Graph error ErrorInvalidIdMalformed)");
  });

  it("other 400s are bad-request carrying Graph's code", async () => {
    answerDelete(status(400, graphError("BadRequest", "Invalid request.")));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "bad-request", code: "BadRequest" });
    expect(problem.message).toContain("Graph error BadRequest");
  });

  it("an empty id fails without a request", async () => {
    answerDelete(status(204));
    const problem = failed(await setup().client.permanentDelete({ ...ME_MESSAGE, id: "" }));
    expect(problem.kind).toBe("bad-request");
    expect(log).toHaveLength(0);
  });
});

describe("permanentDelete: error bodies and support ids", () => {
  it("captures request-id / client-request-id headers and innerError request-id and date", async () => {
    answerDelete(
      status(
        403,
        graphError("ErrorAccessDenied", "Access is denied.", {
          "request-id": "inner-req",
          "client-request-id": "inner-client",
          date: "2026-11-23T12:00:00",
        }),
        { "request-id": "hdr-req", "client-request-id": "hdr-client" },
      ),
    );
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem.requestId).toBe("hdr-req");
    expect(problem.clientRequestId).toBe("hdr-client");
    expect(problem.date).toBe("2026-11-23T12:00:00");
  });

  it("falls back to innerError ids when headers are unreadable", async () => {
    answerDelete(
      status(403, graphError("ErrorAccessDenied", "x", { "request-id": "inner-req", date: "d1" })),
    );
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem.requestId).toBe("inner-req");
    expect(problem.date).toBe("d1");
  });

  it("survives an HTML body from a proxy", async () => {
    answerDelete(() => HttpResponse.html("<html><body>Bad gateway</body></html>", { status: 502 }));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "server", status: 502 });
    expect(problem.code).toBeUndefined();
    expect(problem.message).toContain("HTTP 502");
    expect(log).toHaveLength(1); // other 5xx: no retry
  });

  it("survives an empty or truncated JSON body", async () => {
    answerDelete(() => new HttpResponse('{"error": {"code": "ErrorAcc', { status: 403 }));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem.kind).toBe("forbidden");
    expect(problem.code).toBeUndefined();
    expect(problem.message).toContain("(Graph error unknown)");
  });

  it("500 is server, no retry, with the code", async () => {
    answerDelete(status(500, graphError("ErrorInternalServerError")));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "server", code: "ErrorInternalServerError" });
    expect(problem.message).toContain("Graph error ErrorInternalServerError");
    expect(log).toHaveLength(1);
  });

  it("sends a fresh client-request-id on each request", async () => {
    answerDelete(status(429), status(204));
    await setup().client.permanentDelete(ME_MESSAGE);
    expect(log).toHaveLength(2);
    expect(log[0]?.clientRequestId).not.toBe(log[1]?.clientRequestId);
  });
});

describe("permanentDelete: throttling and retries", () => {
  it("waits Retry-After seconds, then retries", async () => {
    answerDelete(status(429, graphError("ApplicationThrottled"), { "Retry-After": "7" }), status(204));
    const { client, clock } = setup();
    await expect(client.permanentDelete(ME_MESSAGE)).resolves.toEqual({ status: "purged" });
    expect(clock.waits).toEqual([7000]);
    expect(log).toHaveLength(2);
  });

  it("waits until a Retry-After HTTP-date on the injected clock", async () => {
    const { client, clock } = setup();
    const at = new Date(clock.nowMs + 12_000).toUTCString();
    answerDelete(status(503, undefined, { "Retry-After": at }), status(204));
    await expect(client.permanentDelete(ME_MESSAGE)).resolves.toEqual({ status: "purged" });
    expect(clock.waits).toEqual([12_000]);
  });

  it("without a readable Retry-After backs off exponentially with jitter, never at once", async () => {
    answerDelete(status(429), status(429), status(429, undefined, { "Retry-After": "later" }), status(204));
    const { client, clock } = setup({ random: () => 0.75 });
    await expect(client.permanentDelete(ME_MESSAGE)).resolves.toEqual({ status: "purged" });
    expect(clock.waits).toEqual([750, 1500, 3000]);
  });

  it("a Retry-After of 0 still waits (backoff)", async () => {
    answerDelete(status(429, undefined, { "Retry-After": "0" }), status(204));
    const { client, clock } = setup({ random: () => 0 });
    await client.permanentDelete(ME_MESSAGE);
    expect(clock.waits).toEqual([250]);
  });

  it("sends exactly 1 + maxRetries requests, then fails throttled", async () => {
    answerDelete(status(429, graphError("ApplicationThrottled"), { "Retry-After": "2" }));
    const { client, clock } = setup({ maxRetries: 2 });
    const problem = failed(await client.permanentDelete(ME_MESSAGE));
    expect(log).toHaveLength(3);
    expect(clock.waits).toEqual([2000, 2000]);
    expect(problem).toMatchObject({ kind: "throttled", status: 429, code: "ApplicationThrottled" });
    expect(problem.retryAfterMs).toBeUndefined();
    expect(problem.message).toContain("The message was not deleted; try again in a few minutes.");
  });

  it("defaults to 3 retries (4 requests)", async () => {
    answerDelete(status(503));
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(log).toHaveLength(4);
    expect(problem.kind).toBe("unavailable");
    expect(problem.message).toContain("try again in a few minutes");
  });

  it("maxRetries 0 sends one request", async () => {
    answerDelete(status(429));
    const { client, clock } = setup({ maxRetries: 0 });
    expect(failed(await client.permanentDelete(ME_MESSAGE)).kind).toBe("throttled");
    expect(log).toHaveLength(1);
    expect(clock.waits).toEqual([]);
  });

  it("does not wait for a Retry-After beyond maxRetryDelayMs: throttled with retryAfterMs in minutes", async () => {
    answerDelete(status(429, graphError("ApplicationThrottled"), { "Retry-After": "300" }));
    const { client, clock } = setup({ maxRetryDelayMs: 60_000 });
    const problem = failed(await client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "throttled", retryAfterMs: 300_000, code: "ApplicationThrottled" });
    expect(problem.message).toContain("about 5 minutes");
    expect(log).toHaveLength(1);
    expect(clock.waits).toEqual([]);
  });

  it("504 after retries says the item may or may not have been deleted", async () => {
    answerDelete(status(504));
    const problem = failed(await setup({ maxRetries: 1 }).client.permanentDelete(ME_MESSAGE));
    expect(problem).toMatchObject({ kind: "unavailable", status: 504 });
    expect(problem.message).toContain("may or may not have been deleted");
    expect(log).toHaveLength(2);
  });

  it("a 404 after a 504 is already-gone but does not claim nothing was purged", async () => {
    answerDelete(status(504), status(404, graphError("ErrorItemNotFound")));
    const outcome = await setup().client.permanentDelete(ME_MESSAGE);
    expect(outcome.status).toBe("already-gone");
    if (outcome.status === "already-gone") {
      expect(outcome.message).not.toContain("Nothing was purged");
      expect(outcome.message).toContain("probably deleted it");
    }
  });

  it("a 429 after the refresh is still retried; 401 refresh does not use the retry budget", async () => {
    answerDelete(status(401), status(429), status(204));
    const { client, tokens } = setup({ maxRetries: 1 });
    await expect(client.permanentDelete(ME_MESSAGE)).resolves.toEqual({ status: "purged" });
    expect(log.map((r) => r.authorization)).toEqual(["Bearer token-1", "Bearer token-2", "Bearer token-2"]);
    expect(tokens.calls).toHaveLength(2);
  });
});

describe("permanentDelete: network, timeout, abort", () => {
  it("stopRetries ends a wait for a token (a sign-in window) and hands the token service the cancel", async () => {
    answerDelete(status(204));
    const asked: (AbortSignal | undefined)[] = [];
    const client = worded(
      createGraphClient({
        tokens: {
          getToken: ({ signal }) => {
            asked.push(signal);
            return new Promise<string>(() => undefined); // a sign-in window nobody finishes
          },
        },
      }),
    );
    const halt = new AbortController();
    const pending = client.permanentDelete(ME_MESSAGE, { stopRetries: halt.signal });
    await Promise.resolve();
    halt.abort();
    const problem = failed(await pending);
    expect(problem.kind).toBe("aborted");
    expect(problem.message).toContain("was not deleted");
    expect(asked[0]?.aborted).toBe(true);
    expect(log).toHaveLength(0);
  });

  it("a network error is failed network and is not retried", async () => {
    answerDelete(() => HttpResponse.error());
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE));
    expect(problem.kind).toBe("network");
    expect(problem.message).toMatch(/^Couldn't reach Microsoft Graph/);
    // A browser's bare "Failed to fetch" can't prove the request never arrived.
    expect(problem.message).toContain("may or may not have been deleted");
    expect(log).toHaveLength(1);
  });

  it("a refused connection provably sent nothing: 'was not deleted'", async () => {
    const refused: typeof fetch = () =>
      Promise.reject(
        new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }),
      );
    const problem = failed(await setup({ fetch: refused }).client.permanentDelete(ME_MESSAGE));
    expect(problem.message).toBe(
      "Couldn't reach Microsoft Graph. Check your connection and try again. The message was not deleted.",
    );
  });

  it("times out an attempt that never answers, and does not retry the POST", async () => {
    server.use(
      http.post(`${BASE}/v1.0/*`, async ({ request }) => {
        await logRequest(log, request);
        await delay("infinite");
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const problem = failed(await setup({ timeoutMs: 50 }).client.permanentDelete(ME_MESSAGE));
    expect(problem.kind).toBe("timeout");
    expect(problem.message).toContain(
      "may or may not have been deleted; if it is still in the folder, try again",
    );
    expect(log).toHaveLength(1);
  });

  it("times out even when an injected fetch ignores the signal", async () => {
    const deaf: typeof fetch = () => new Promise<Response>(() => undefined);
    const problem = failed(await setup({ fetch: deaf, timeoutMs: 20 }).client.permanentDelete(ME_MESSAGE));
    expect(problem.kind).toBe("timeout");
  });

  it("caller abort during a retry wait stops at once and sends nothing more", async () => {
    answerDelete(status(429, undefined, { "Retry-After": "30" }), status(204));
    const controller = new AbortController();
    const waits: number[] = [];
    const { client } = setup({
      // A wait that would never end by itself: only the abort can end it.
      sleep: (ms) => {
        waits.push(ms);
        controller.abort();
        return new Promise<void>(() => undefined);
      },
    });
    const problem = failed(await client.permanentDelete(ME_MESSAGE, { signal: controller.signal }));
    expect(problem.kind).toBe("aborted");
    expect(problem.message).toBe("Cancelled. The message was not deleted.");
    expect(waits).toEqual([30_000]);
    expect(log).toHaveLength(1);
  });

  it("caller abort while the request is in flight is aborted and honest about the outcome", async () => {
    const controller = new AbortController();
    server.use(
      http.post(`${BASE}/v1.0/*`, async ({ request }) => {
        await logRequest(log, request);
        controller.abort();
        await delay("infinite");
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const problem = failed(await setup().client.permanentDelete(ME_MESSAGE, { signal: controller.signal }));
    expect(problem.kind).toBe("aborted");
    expect(problem.message).toContain("may or may not have been deleted");
  });

  it("an already-aborted signal sends nothing and does not ask for a token", async () => {
    answerDelete(status(204));
    const controller = new AbortController();
    controller.abort();
    const { client, tokens } = setup();
    const problem = failed(await client.permanentDelete(ME_MESSAGE, { signal: controller.signal }));
    expect(problem.kind).toBe("aborted");
    expect(log).toHaveLength(0);
    expect(tokens.calls).toHaveLength(0);
  });

  it("caller abort while waiting for a token returns aborted", async () => {
    const controller = new AbortController();
    const client = worded(
      createGraphClient({
        tokens: {
          getToken: () => {
            controller.abort();
            return new Promise<string>(() => undefined);
          },
        },
      }),
    );
    const problem = failed(await client.permanentDelete(ME_MESSAGE, { signal: controller.signal }));
    expect(problem.kind).toBe("aborted");
    expect(log).toHaveLength(0);
  });
});

describe("permanentDelete: redirects", () => {
  // Real sockets here: msw hands a mocked 307 back as-is, so only a real server shows whether fetch follows it.
  it("does not follow a redirect to another origin, so neither the request nor the token go there", async () => {
    const { createServer } = await import("node:http");
    const foreign: { authorization: string | undefined }[] = [];
    const other = createServer((req, res) => {
      foreign.push({ authorization: req.headers.authorization });
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    const otherPort = (other.address() as { port: number }).port;
    const graph = createServer((req, res) => {
      log.push({
        method: req.method ?? "",
        url: req.url ?? "",
        authorization: req.headers.authorization ?? null,
        clientRequestId: null,
        contentType: null,
        body: "",
      });
      res
        .writeHead(307, { Location: `http://localhost:${otherPort}/v1.0/me/messages/x/permanentDelete` })
        .end();
    });
    await new Promise<void>((resolve) => graph.listen(0, "127.0.0.1", resolve));
    const graphPort = (graph.address() as { port: number }).port;
    server.use(http.all(/^http:\/\/(127\.0\.0\.1|localhost):/, () => passthrough()));
    try {
      const { client } = setup({ baseUrl: `http://127.0.0.1:${graphPort}` });
      const problem = failed(await client.permanentDelete(ME_MESSAGE));
      expect(problem.kind).toBe("network");
      expect(log).toHaveLength(1);
      expect(foreign).toHaveLength(0);
    } finally {
      other.close();
      graph.close();
    }
  });
});

describe("getJson", () => {
  function answerGet(...responses: Array<() => Response>) {
    let n = 0;
    server.use(
      http.get(`${BASE}/*`, async ({ request }) => {
        await logRequest(log, request);
        const respond = responses[Math.min(n, responses.length - 1)];
        n += 1;
        if (respond === undefined) throw new Error("no response configured");
        return respond();
      }),
    );
  }

  async function problemOf(promise: Promise<unknown>): Promise<ProblemReport> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphError);
    return reportProblem((error as GraphError).problem, { op: "read" });
  }

  it("GETs a relative path with the same auth and returns the JSON", async () => {
    answerGet(status(200, { value: [{ id: "a" }] }));
    const { client } = setup();
    await expect(
      client.getJson<{ value: { id: string }[] }>("/v1.0/me/messages?$select=id"),
    ).resolves.toEqual({
      value: [{ id: "a" }],
    });
    expect(log[0]).toMatchObject({
      method: "GET",
      url: `${BASE}/v1.0/me/messages?$select=id`,
      authorization: "Bearer token-1",
    });
  });

  it("follows a same-origin absolute nextLink", async () => {
    answerGet(status(200, { value: [] }));
    await setup().client.getJson(`${BASE}/v1.0/me/messages?$skiptoken=abc`);
    expect(log[0]?.url).toBe(`${BASE}/v1.0/me/messages?$skiptoken=abc`);
  });

  it("refuses a nextLink on another origin without sending the token", async () => {
    let foreignHits = 0;
    server.use(
      http.get("https://evil.example/*", () => {
        foreignHits += 1;
        return HttpResponse.json({});
      }),
    );
    const { client, tokens } = setup();
    for (const link of [
      "https://evil.example/v1.0/me",
      "//evil.example/v1.0/me",
      "http://graph.microsoft.com/v1.0/me",
    ]) {
      const problem = await problemOf(client.getJson(link));
      expect(problem.kind).toBe("unexpected");
    }
    expect(foreignHits).toBe(0);
    expect(tokens.calls).toHaveLength(0);
  });

  it("refreshes on 401 once and retries 429 after Retry-After", async () => {
    answerGet(status(401), status(429, undefined, { "Retry-After": "3" }), status(200, { ok: true }));
    const { client, tokens, clock } = setup();
    await expect(client.getJson("/v1.0/me")).resolves.toEqual({ ok: true });
    expect(tokens.calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(clock.waits).toEqual([3000]);
    expect(log).toHaveLength(3);
  });

  it("a 404 on a read is not-found, answered once, with Graph's code", async () => {
    answerGet(status(404, graphError("ErrorItemNotFound")));
    const problem = await problemOf(setup().client.getJson("/v1.0/me/mailFolders/gone"));
    expect(problem).toMatchObject({ kind: "not-found", status: 404, code: "ErrorItemNotFound" });
    expect(log).toHaveLength(1);
  });

  it("retries network errors for GETs, bounded", async () => {
    answerGet(() => HttpResponse.error());
    const { client, clock } = setup({ maxRetries: 2 });
    const problem = await problemOf(client.getJson("/v1.0/me"));
    expect(problem.kind).toBe("network");
    expect(log).toHaveLength(3);
    expect(clock.waits).toHaveLength(2);
  });

  it("retries a network error then succeeds", async () => {
    answerGet(() => HttpResponse.error(), status(200, { ok: 1 }));
    await expect(setup().client.getJson("/v1.0/me")).resolves.toEqual({ ok: 1 });
    expect(log).toHaveLength(2);
  });

  it("retries a timed-out GET, bounded", async () => {
    server.use(
      http.get(`${BASE}/*`, async ({ request }) => {
        await logRequest(log, request);
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const problem = await problemOf(setup({ timeoutMs: 30, maxRetries: 1 }).client.getJson("/v1.0/me"));
    expect(problem.kind).toBe("timeout");
    expect(log).toHaveLength(2);
  });

  it("throws GraphError with Graph's code for 403 and 404", async () => {
    answerGet(status(404, graphError("ErrorItemNotFound")));
    const notFound = await problemOf(setup().client.getJson("/v1.0/me/messages/x"));
    expect(notFound).toMatchObject({ status: 404, code: "ErrorItemNotFound" });
    expect(notFound.message).toContain("(Graph error ErrorItemNotFound)");

    answerGet(status(403, graphError("ErrorAccessDenied")));
    const denied = await problemOf(setup().client.getJson("/v1.0/users/x/messages"));
    expect(denied).toMatchObject({ kind: "forbidden", code: "ErrorAccessDenied" });
  });

  it("throws unexpected for a 200 that is not JSON", async () => {
    answerGet(() => HttpResponse.html("<html>login</html>"));
    const problem = await problemOf(setup().client.getJson("/v1.0/me"));
    expect(problem).toMatchObject({ kind: "unexpected", status: 200 });
  });
});
