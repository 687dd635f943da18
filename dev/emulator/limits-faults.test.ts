import { describe, expect, it } from "vitest";
import { inboxIds, kitForThisFile, purgeMember } from "./testkit";

interface GraphError {
  error: { code: string; message: string };
}

const kit = kitForThisFile(
  { seed: 11 },
  {
    settings: {
      requestTimeMs: 0,
      exposeRetryAfter: false,
      budgetPerWindow: 10_000,
      batchOrder: "request",
      batchMode: "throttle",
    },
  },
);

describe("limits", () => {
  it("answers 429 MailboxConcurrency to requests beyond 4 in flight for one mailbox", async () => {
    kit.emu.control.configure({ requestTimeMs: 2000 });
    const t = kit.token();
    const first = Array.from({ length: 4 }, () => kit.graph("/me/messages?$top=1", { token: t }));
    // The emulator takes a slot in the same tick it logs a request: once 4 are logged, 4 slots are taken.
    while (kit.emu.control.requests().length < 4) await new Promise((r) => setImmediate(r));
    const more = await Promise.all(
      Array.from({ length: 4 }, () => kit.graph("/me/messages?$top=1", { token: t })),
    );
    expect(more.map((r) => r.status)).toEqual([429, 429, 429, 429]);
    const throttled = more[0];
    if (!throttled) throw new Error("no response");
    expect(throttled.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(((await throttled.json()) as GraphError).error).toMatchObject({
      code: "ApplicationThrottled",
      message: "Application is over its MailboxConcurrency limit.",
    });
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // The slots are free again once those four have finished.
    kit.emu.control.configure({ requestTimeMs: 0 });
    expect((await kit.graph("/me/messages?$top=1", { token: t })).status).toBe(200);
  });

  it("counts a per-app, per-mailbox budget per window and frees it when the window passes", async () => {
    kit.emu.control.configure({ budgetPerWindow: 3 });
    for (let i = 0; i < 3; i++) expect((await kit.graph("/me/messages?$top=1")).status).toBe(200);
    const over = await kit.graph("/me/messages?$top=1");
    expect(over.status).toBe(429);
    const retry = Number(over.headers.get("Retry-After"));
    expect(retry).toBeGreaterThan(500);
    expect(retry).toBeLessThanOrEqual(600);
    // Another mailbox has its own budget.
    const shared = kit.token(["Mail.ReadWrite.Shared"]);
    expect(
      (await kit.graph("/users/sales@contoso.onmicrosoft.com/messages?$top=1", { token: shared })).status,
    ).toBe(200);
    kit.emu.control.advanceClock(10 * 60 * 1000);
    expect((await kit.graph("/me/messages?$top=1", { token: kit.token() })).status).toBe(200);
  });
});

describe("fault plan", () => {
  it("answers 503 with Retry-After in seconds, as an HTTP date, or without it", async () => {
    kit.emu.control.addFault({
      op: "listMessages",
      times: 1,
      action: { kind: "error", status: 503, retryAfter: { seconds: 7 } },
    });
    const a = await kit.graph("/me/messages");
    expect(a.status).toBe(503);
    expect(a.headers.get("Retry-After")).toBe("7");

    kit.emu.control.addFault({
      op: "listMessages",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 30, as: "date" } },
    });
    const b = await kit.graph("/me/messages");
    expect(b.status).toBe(429);
    const when = Date.parse(b.headers.get("Retry-After") ?? "");
    expect(when - kit.emu.control.now()).toBeGreaterThan(28_000);

    kit.emu.control.addFault({
      op: "listMessages",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: "missing" },
    });
    const c = await kit.graph("/me/messages");
    expect(c.status).toBe(429);
    expect(c.headers.get("Retry-After")).toBeNull();

    expect((await kit.graph("/me/messages")).status).toBe(200);
  });

  it("fires on the nth match for a given item only, with a chosen Graph code", async () => {
    const [a = "", b = ""] = inboxIds(kit.emu, 2);
    kit.emu.control.addFault({
      itemId: b,
      op: "permanentDelete",
      action: {
        kind: "error",
        status: 403,
        code: "ErrorCannotDeleteObject",
        message: "The object cannot be deleted.",
      },
    });
    kit.emu.control.addFault({ op: "getMessage", nth: 2, times: 1, action: { kind: "error", status: 500 } });
    expect((await kit.purge(a)).status).toBe(204);
    const denied = await kit.purge(b);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as GraphError).error.code).toBe("ErrorCannotDeleteObject");
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([a]);

    const [c = ""] = inboxIds(kit.emu, 1);
    const get = () => kit.graph(`/me/messages/${encodeURIComponent(c)}`);
    expect([(await get()).status, (await get()).status, (await get()).status]).toEqual([200, 500, 200]);
  });

  it("answers 401 with WWW-Authenticate and 404/504 on demand", async () => {
    kit.emu.control.addFault({ path: "/me$", times: 1, action: { kind: "error", status: 401 } });
    const unauth = await kit.graph("/me");
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get("WWW-Authenticate")).toMatch(/Bearer/);
    kit.emu.control.addFault({ path: "/me$", times: 1, action: { kind: "error", status: 504 } });
    expect((await kit.graph("/me")).status).toBe(504);
    kit.emu.control.addFault({ path: "/me$", times: 1, action: { kind: "error", status: 404 } });
    const nf = await kit.graph("/me");
    expect(((await nf.json()) as GraphError).error.code).toBe("ErrorItemNotFound");
  });

  it("drops the connection without an answer", async () => {
    const [a = ""] = inboxIds(kit.emu, 1);
    kit.emu.control.addFault({ op: "permanentDelete", times: 1, action: { kind: "drop" } });
    await expect(kit.purge(a)).rejects.toThrow();
    const log = kit.emu.control.requests().find((r) => r.op === "permanentDelete");
    expect(log?.status).toBe("dropped");
    // A drop happens before the handler: nothing was purged.
    expect(kit.emu.control.purges()).toHaveLength(0);
  });

  it("never answers until the client aborts", async () => {
    kit.emu.control.addFault({ op: "getUser", action: { kind: "hang" } });
    const controller = new AbortController();
    const pending = kit.graph("/me", { signal: controller.signal });
    // Abort once the emulator has decided to hang (the log says so), not after a fixed time.
    while (!kit.emu.control.requests().some((r) => r.status === "hung")) {
      await new Promise((r) => setImmediate(r));
    }
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
  });

  it("adds latency and then answers normally", async () => {
    kit.emu.control.addFault({ op: "getUser", latencyMs: 30, action: { kind: "latency" } });
    const res = await kit.graph("/me");
    expect(res.status).toBe(200);
    expect(kit.emu.control.requests()[0]?.faultId).toBe(kit.emu.control.faults()[0]?.id);
  });

  it("applies to batch members only when targeted so", async () => {
    const [a = "", b = ""] = inboxIds(kit.emu, 2);
    kit.emu.control.addFault({
      target: "member",
      itemId: b,
      action: { kind: "error", status: 503, retryAfter: { seconds: 3 } },
    });
    const { body } = await kit.batch([purgeMember("1", a), purgeMember("2", b)]);
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([
      ["1", 204],
      ["2", 503],
    ]);
    expect(body.responses[1]?.headers["Retry-After"]).toBe("3");
    // Top-level requests are not affected by a member-only rule.
    expect((await kit.purge(b)).status).toBe(204);
  });

  it("a dropped member drops the whole batch connection", async () => {
    const [a = "", b = ""] = inboxIds(kit.emu, 2);
    kit.emu.control.addFault({ target: "member", itemId: b, action: { kind: "drop" } });
    await expect(kit.batch([purgeMember("1", a), purgeMember("2", b)])).rejects.toThrow();
  });
});

describe("CORS", () => {
  const origin = "https://localhost:3000";

  it("answers preflights allowing Authorization and Content-Type", async () => {
    const res = await fetch(`${kit.emu.url}/v1.0/me/messages/x/permanentDelete`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(origin);
    expect(res.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
    expect(res.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect(kit.emu.control.requests()).toHaveLength(0);
  });

  it("does not expose Retry-After by default, like Graph; the switch exposes it", async () => {
    const headers = { Origin: "https://localhost:3100" };
    const hidden = await kit.graph("/me", { headers });
    expect(hidden.headers.get("Access-Control-Allow-Origin")).toBe("https://localhost:3100");
    const exposed = hidden.headers.get("Access-Control-Expose-Headers") ?? "";
    expect(exposed).toContain("request-id");
    expect(exposed.toLowerCase()).not.toContain("retry-after");

    kit.emu.control.configure({ exposeRetryAfter: true });
    const shown = await kit.graph("/me", { headers });
    expect(shown.headers.get("Access-Control-Expose-Headers")?.toLowerCase()).toContain("retry-after");
  });
});

describe("control API over HTTP", () => {
  const api = (path: string, init?: RequestInit) => fetch(`${kit.emu.url}/_emulator${path}`, init);
  const post = (path: string, body: unknown) =>
    api(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("mints tokens, lists messages with EWS ids, sets faults, shows purges and requests, resets", async () => {
    const tokenRes = await post("/token", { scopes: ["Mail.ReadWrite"] });
    expect(tokenRes.status).toBe(200);
    const issued = (await tokenRes.json()) as {
      accessToken: string;
      expiresOn: number;
      account: { username: string };
    };
    expect(issued.expiresOn).toBeGreaterThan(kit.emu.control.now());

    const listing = (await (await api("/messages?folder=inbox")).json()) as {
      messages: { id: string; ewsId: string }[];
    };
    const first = listing.messages[0];
    if (!first) throw new Error("empty inbox");
    expect(first.id).toBe(first.ewsId.replace(/\//g, "-").replace(/\+/g, "_"));

    const faultRes = await post("/faults", {
      op: "permanentDelete",
      times: 1,
      action: { kind: "error", status: 500 },
    });
    expect(faultRes.status).toBe(201);
    expect((await kit.purge(first.id, issued.accessToken)).status).toBe(500);
    expect((await kit.purge(first.id, issued.accessToken)).status).toBe(204);

    const purges = (await (await api("/purges")).json()) as { purges: { id: string }[] };
    expect(purges.purges.map((p) => p.id)).toEqual([first.id]);
    const reqs = (await (await api(`/requests?op=permanentDelete`)).json()) as {
      requests: { status: number }[];
    };
    expect(reqs.requests.map((r) => r.status)).toEqual([500, 204]);

    expect((await api("/faults", { method: "DELETE" })).status).toBe(204);
    expect((await api("/requests", { method: "DELETE" })).status).toBe(204);
    expect(kit.emu.control.requests()).toHaveLength(0);
    const reset = await post("/reset", {});
    expect(reset.status).toBe(200);
    expect(kit.emu.control.purges()).toHaveLength(0);
    expect(kit.emu.control.messages({ folder: "inbox" })[0]?.id).toBe(first.id);
    expect((await post("/faults", { action: { kind: "explode" } })).status).toBe(400);
    const state = (await (await api("/state")).json()) as { mailboxes: unknown[] };
    // The seed's five mailboxes (Adele, Sales, Alex, Reception, the on-premises archive), each once.
    expect(state.mailboxes).toHaveLength(5);
  });
});
