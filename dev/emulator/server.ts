/**
 * A Graph (and minimal Entra ID) emulator on localhost, for end-to-end tests, benchmarks and the demo.
 * The add-in's production code talks to it unchanged: real HTTP(S), Graph's shapes and headers, CORS,
 * tokens checked on every request, Exchange's throttling, and a fault plan for every failure path.
 * Tests in the same process drive it through `Emulator.control`; browsers and other processes use
 * the JSON control API under `/_emulator/`.
 *
 * Test-only: nothing under src/ may import this directory.
 */
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { ADELE, buildBacklog, type MailboxRecord, type MessageRecord, seedMailboxes } from "./data";
import { DEFAULT_ENGINE_SETTINGS, Engine, type EngineSettings, type Outcome } from "./engine";
import { FaultPlan, type FaultRule } from "./faults";
import { type HoldHandle, HoldPlan, type HoldRule, type HoldStatus } from "./holds";
import { Identity, type IdentityOutcome, type IdentitySettings } from "./identity";
import { DEFAULT_LIMITS, type LimitSettings, Limits } from "./limits";
import { Rng } from "./prng";
import { EmulatorState, type PurgeRecord, type RequestLogEntry } from "./state";
import {
  CLOUD_NAMES,
  type CloudName,
  type IssuedTokens,
  type TokenRequest,
  TokenRequestError,
  TokenService,
} from "./tokens";

export { ADELE, ALEX, DELEGATE_BITS, ONPREM, RECEPTION, SALES, TENANT_ID } from "./data";
export type { FaultAction, FaultRule, RequestMatcher, RetryAfterSpec } from "./faults";
export type { HoldHandle, HoldRule, HoldStatus } from "./holds";
export { ewsToRestId, restToEwsId } from "./ids";
export type { PurgeRecord, RequestLogEntry } from "./state";
export type { CloudName, IssuedTokens, TokenRequest } from "./tokens";
export { DEFAULT_CLIENT_ID } from "./tokens";

export interface Clock {
  now(): number;
}

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. The URL always says `localhost`. */
  host?: string;
  /** Key and certificate for HTTPS, or false for plain HTTP. Default: the office-addin dev certificates. */
  https?: { key: string; cert: string } | false;
  /** Seed for the mailboxes and the `$batch` answer order. Default 1. */
  seed?: number;
  /** Builds the mailboxes from a seed (default: Adele Vance's mailbox and the shared sales@ mailbox). */
  mailboxes?: (seed: number) => Map<string, MailboxRecord>;
  /** The emulator's clock (tokens, budget windows, purge times). Default: Date.now. */
  clock?: Clock;
  requestTimeMs?: number;
  exposeRetryAfter?: boolean;
  batchOrder?: EngineSettings["batchOrder"];
  batchMode?: EngineSettings["batchMode"];
  limits?: Partial<LimitSettings>;
  /** Permissions every issued token carries besides the requested ones. Default ["User.Read"]. */
  consentedScopes?: string[];
  /** Which cloud's Graph and Entra ID the emulator is (tokens.ts CLOUDS). Default "global". */
  cloud?: CloudName;
}

export interface Settings extends EngineSettings, LimitSettings, IdentitySettings {
  consentedScopes: string[];
  /** Which cloud's Graph and Entra ID the emulator is: tokens are issued for, and accepted from, its Graph only. */
  cloud: CloudName;
  /** Added to the clock; moved forward by `advanceClock`. */
  clockOffsetMs: number;
}

export interface MessageListing {
  id: string;
  ewsId: string;
  subject: string;
  from: { name: string; address: string };
  receivedDateTime: string;
  isRead: boolean;
  isDraft: boolean;
  hasAttachments: boolean;
  importance: string;
  conversationId: string;
  folderId: string;
  folder: string;
  mailbox: string;
}

export interface AddMessagesRequest {
  folder: string;
  /** 1 to MAX_ADD_MESSAGES. */
  count: number;
  mailbox?: string;
  /** Put in front of every subject instead of the list tag, e.g. "[bench] ". */
  subjectPrefix?: string;
}

/** Per call: enough for any benchmark, small enough that a typo cannot eat the machine's memory. */
export const MAX_ADD_MESSAGES = 50_000;

export interface EmulatorControl {
  mintToken(req: TokenRequest): IssuedTokens;
  addFault(rule: FaultRule): string;
  removeFault(id: string): boolean;
  clearFaults(): void;
  faults(): ReturnType<FaultPlan["list"]>;
  /**
   * Holds the Graph requests that match (the fault plan's matchers, `nth`, `times`) where they would run, until the
   * test releases them: `await hold.caught(n)`, act, `hold.release()`, `await hold.answered()`. See holds.ts.
   */
  hold(rule: HoldRule): HoldHandle;
  holds(): HoldStatus[];
  requests(): RequestLogEntry[];
  clearRequests(): void;
  purges(): PurgeRecord[];
  /**
   * Reseeds the mailboxes (same seed unless given), clears purges, the log, faults and budgets, and ends the holds
   * (what they held goes on). Requests still running keep their concurrency slots until they end, and act on nothing
   * of the new state (engine.ts `outlived`).
   */
  reset(seed?: number): void;
  settings(): Settings;
  configure(patch: Partial<Settings>): Settings;
  advanceClock(ms: number): void;
  now(): number;
  messages(filter?: { folder?: string; mailbox?: string }): MessageListing[];
  /**
   * Adds `count` generated messages (a mailing-list backlog) to a folder, by id, well-known name or display
   * name, of Adele's mailbox or `mailbox` (UPN or id). Returns their listings, newest first.
   */
  addMessages(request: AddMessagesRequest): MessageListing[];
  summary(): Record<string, unknown>;
}

export interface Emulator {
  /** e.g. https://localhost:3001 */
  url: string;
  port: number;
  close(): Promise<void>;
  state: EmulatorState;
  control: EmulatorControl;
}

const MAX_BODY = 4 * 1024 * 1024;

function listing(mb: MailboxRecord, m: MessageRecord): MessageListing {
  return {
    id: m.id,
    ewsId: m.ewsId,
    subject: m.subject,
    from: m.from,
    receivedDateTime: m.receivedDateTime,
    isRead: m.isRead,
    isDraft: m.isDraft,
    hasAttachments: m.hasAttachments,
    importance: m.importance,
    conversationId: m.conversationId,
    folderId: m.folderId,
    folder: mb.folders.get(m.folderId)?.displayName ?? "",
    mailbox: mb.user.upn,
  };
}

const GRAPH_EXPOSED =
  "ETag, Location, Preference-Applied, Content-Range, request-id, client-request-id, ReadWriteConsistencyToken, SdkVersion, WWW-Authenticate, x-ms-ags-diagnostic";

function checkCloud(cloud: unknown): CloudName {
  if (typeof cloud !== "string" || !CLOUD_NAMES.includes(cloud as CloudName))
    throw new HttpError(400, `bad cloud (one of ${CLOUD_NAMES.join(", ")})`);
  return cloud as CloudName;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new HttpError(413, "Request body too large."));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers))
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  let tls = options.https;
  if (tls === undefined) {
    const { ensureDevCerts } = await import("../../tools/dev-certs");
    const certs = await ensureDevCerts();
    tls = { key: certs.key, cert: certs.cert };
  }
  const seedFn = options.mailboxes ?? seedMailboxes;
  const baseClock = options.clock ?? { now: () => Date.now() };
  let clockOffsetMs = 0;
  const now = () => baseClock.now() + clockOffsetMs;

  const state = new EmulatorState(options.seed ?? 1, seedFn(options.seed ?? 1));
  const faults = new FaultPlan();
  const holds = new HoldPlan();
  const limits = new Limits({ ...DEFAULT_LIMITS, ...options.limits });
  const tokens = new TokenService(state, now, options.consentedScopes ?? ["User.Read"]);
  if (options.cloud !== undefined) tokens.cloud = checkCloud(options.cloud);
  const engine = new Engine(
    state,
    faults,
    holds,
    limits,
    tokens,
    {
      ...DEFAULT_ENGINE_SETTINGS,
      ...(options.requestTimeMs !== undefined ? { requestTimeMs: options.requestTimeMs } : {}),
      ...(options.exposeRetryAfter !== undefined ? { exposeRetryAfter: options.exposeRetryAfter } : {}),
      ...(options.batchOrder !== undefined ? { batchOrder: options.batchOrder } : {}),
      ...(options.batchMode !== undefined ? { batchMode: options.batchMode } : {}),
    },
    now,
  );

  // Filled in once the port is known.
  let url = "";
  const identity = new Identity(state, tokens, faults, now, () => url);

  const settings = (): Settings => ({
    ...engine.settings,
    ...limits.settings,
    ...identity.settings,
    consentedScopes: [...tokens.consentedScopes],
    cloud: tokens.cloud,
    clockOffsetMs,
  });

  let backlogCalls = 0;
  const control: EmulatorControl = {
    mintToken: (req) => tokens.issue(req),
    addFault: (rule) => faults.add(rule),
    removeFault: (id) => faults.remove(id),
    clearFaults: () => faults.clear(),
    faults: () => faults.list(),
    hold: (rule) => holds.add(rule),
    holds: () => holds.list(),
    requests: () => state.requests,
    clearRequests: () => {
      state.requests = [];
    },
    purges: () => state.purges,
    reset: (seed) => {
      const s = seed ?? state.seed;
      backlogCalls = 0;
      state.reset(s, seedFn(s));
      faults.clear();
      holds.clear();
      limits.resetBudgets();
      identity.reset();
    },
    settings,
    configure: (patch) => {
      const e = engine.settings;
      if (patch.requestTimeMs !== undefined) e.requestTimeMs = Math.max(0, Number(patch.requestTimeMs));
      if (patch.exposeRetryAfter !== undefined) e.exposeRetryAfter = Boolean(patch.exposeRetryAfter);
      if (patch.batchOrder !== undefined) {
        if (!["shuffle", "request", "completion"].includes(patch.batchOrder))
          throw new HttpError(400, "bad batchOrder");
        e.batchOrder = patch.batchOrder;
      }
      if (patch.batchMode !== undefined) {
        if (!["throttle", "queue"].includes(patch.batchMode)) throw new HttpError(400, "bad batchMode");
        e.batchMode = patch.batchMode;
      }
      const l = limits.settings;
      if (patch.concurrencyPerMailbox !== undefined)
        l.concurrencyPerMailbox = Number(patch.concurrencyPerMailbox);
      if (patch.budgetPerWindow !== undefined) l.budgetPerWindow = Number(patch.budgetPerWindow);
      if (patch.windowMs !== undefined) l.windowMs = Number(patch.windowMs);
      if (patch.messagePageLimit !== undefined)
        l.messagePageLimit = Math.max(0, Number(patch.messagePageLimit));
      if (patch.concurrencyRetryAfterSeconds !== undefined) {
        l.concurrencyRetryAfterSeconds = Number(patch.concurrencyRetryAfterSeconds);
      }
      if (patch.consentedScopes !== undefined) tokens.consentedScopes = [...patch.consentedScopes];
      if (patch.cloud !== undefined) tokens.cloud = checkCloud(patch.cloud);
      if (patch.clockOffsetMs !== undefined) clockOffsetMs = Number(patch.clockOffsetMs);
      if (patch.silentSignInFails !== undefined)
        identity.settings.silentSignInFails = Boolean(patch.silentSignInFails);
      return settings();
    },
    advanceClock: (ms) => {
      clockOffsetMs += ms;
    },
    now,
    messages: (filter = {}) => {
      const mb = state.findMailbox(filter.mailbox ?? ADELE.upn);
      if (!mb) throw new HttpError(404, `unknown mailbox ${filter.mailbox ?? ""}`);
      let folderIds: Set<string> | undefined;
      if (filter.folder !== undefined) {
        const f = state.resolveFolder(mb, filter.folder);
        if (!f) throw new HttpError(404, `unknown folder ${filter.folder}`);
        folderIds = new Set([f.id]);
      }
      return [...mb.messages.values()]
        .filter((m) => !folderIds || folderIds.has(m.folderId))
        .sort((a, b) => (a.receivedDateTime < b.receivedDateTime ? 1 : -1))
        .map((m) => listing(mb, m));
    },
    addMessages: (request) => {
      const { folder: folderRef, count, mailbox: mailboxRef, subjectPrefix } = request;
      if (!Number.isInteger(count) || count < 1 || count > MAX_ADD_MESSAGES) {
        throw new HttpError(400, `count must be an integer from 1 to ${MAX_ADD_MESSAGES}`);
      }
      if (typeof folderRef !== "string" || folderRef === "") throw new HttpError(400, "folder is required");
      if (subjectPrefix !== undefined && typeof subjectPrefix !== "string") {
        throw new HttpError(400, "subjectPrefix must be a string");
      }
      const mb = state.findMailbox(mailboxRef ?? ADELE.upn);
      if (!mb) throw new HttpError(404, `unknown mailbox ${mailboxRef ?? ""}`);
      const folder =
        state.resolveFolder(mb, folderRef) ??
        [...mb.folders.values()].find((f) => f.displayName.toLowerCase() === folderRef.toLowerCase());
      if (!folder) throw new HttpError(404, `unknown folder ${folderRef}`);
      // Deterministic per seed and call, so two runs with the same calls get the same ids.
      backlogCalls += 1;
      const rng = new Rng((Math.imul(state.seed, 0x9e3779b1) + Math.imul(backlogCalls, 0x85ebca6b)) >>> 0);
      const added = buildBacklog(rng, mb, folder, {
        count,
        ...(subjectPrefix !== undefined ? { subjectPrefix } : {}),
      });
      for (const m of added) mb.messages.set(m.id, m);
      return added.map((m) => listing(mb, m));
    },
    summary: () => ({ ...state.summary(), settings: settings() }),
  };

  const hungSockets = new Set<Socket>();

  const cors = (req: IncomingMessage, res: ServerResponse, graph: boolean) => {
    const origin = req.headers.origin;
    if (origin === undefined) return;
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
    const exposed = graph
      ? engine.settings.exposeRetryAfter
        ? `${GRAPH_EXPOSED}, Retry-After`
        : GRAPH_EXPOSED
      : "request-id, client-request-id, Retry-After";
    res.setHeader("Access-Control-Expose-Headers", exposed);
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    if (body === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    if (!res.hasHeader("Content-Type")) res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.writeHead(status);
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  const deliver = (req: IncomingMessage, res: ServerResponse, outcome: Outcome | IdentityOutcome) => {
    if (outcome.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (outcome.kind === "hang") {
      hungSockets.add(req.socket);
      req.socket.once("close", () => hungSockets.delete(req.socket));
      return;
    }
    res.setHeader("Cache-Control", "no-cache");
    send(res, outcome.status, outcome.body, outcome.headers);
  };

  /** `POST /holds/{id}/wait` `{caught?, answered?, timeoutMs?}`, `POST /holds/{id}/release` `{count?}`, `DELETE /holds/{id}`. */
  const holdApi = async (
    res: ServerResponse,
    method: string,
    id: string,
    action: string | undefined,
    obj: Record<string, unknown>,
  ) => {
    const hold = holds.get(id);
    if (!hold) return send(res, 404, { error: `no hold ${id}` });
    if (method === "DELETE" && action === undefined) {
      holds.end(id);
      return send(res, 204, undefined);
    }
    if (method !== "POST" || action === undefined)
      throw new HttpError(404, `No control route ${method} /holds/${id}.`);
    if (action === "/release") {
      const count = obj.count === undefined ? undefined : Number(obj.count);
      if (count !== undefined && !(Number.isInteger(count) && count >= 0))
        throw new HttpError(400, "count must be a whole number");
      return send(res, 200, { released: hold.release(count), hold: hold.status() });
    }
    const options = typeof obj.timeoutMs === "number" ? { timeoutMs: obj.timeoutMs } : {};
    try {
      if (typeof obj.caught === "number") await hold.caught(obj.caught, options);
      if (obj.answered === true) await hold.answered(options);
    } catch (e) {
      return send(res, 408, { error: e instanceof Error ? e.message : String(e), hold: hold.status() });
    }
    return send(res, 200, hold.status());
  };

  const controlApi = async (
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    query: URLSearchParams,
  ) => {
    const method = req.method ?? "GET";
    const text = method === "GET" || method === "DELETE" ? "" : await readBody(req);
    let body: unknown = {};
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        throw new HttpError(400, "The body is not JSON.");
      }
    }
    const obj = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    const route = `${method} ${path.replace(/^\/_emulator/, "")}`;
    const faultDelete = /^DELETE \/faults\/(.+)$/.exec(route);
    if (faultDelete?.[1]) {
      const ok = faults.remove(decodeURIComponent(faultDelete[1]));
      return send(res, ok ? 204 : 404, ok ? undefined : { error: "no such fault" });
    }
    const holdRoute = /^(POST|DELETE) \/holds\/([^/]+)(\/wait|\/release)?$/.exec(route);
    if (holdRoute?.[2])
      return holdApi(res, holdRoute[1] ?? "", decodeURIComponent(holdRoute[2]), holdRoute[3], obj);
    switch (route) {
      case "GET /holds":
        return send(res, 200, { holds: holds.list() });
      case "POST /holds":
        try {
          return send(res, 201, { id: holds.add(obj as HoldRule).id });
        } catch (e) {
          throw new HttpError(400, e instanceof Error ? e.message : String(e));
        }
      case "DELETE /holds":
        holds.clear();
        return send(res, 204, undefined);
      case "GET /state":
        return send(res, 200, control.summary());
      case "POST /token": {
        if (!Array.isArray(obj.scopes) || !obj.scopes.every((s) => typeof s === "string")) {
          throw new HttpError(400, "scopes must be an array of strings");
        }
        const tr: TokenRequest = { scopes: obj.scopes as string[] };
        if (typeof obj.upn === "string") tr.upn = obj.upn;
        if (typeof obj.clientId === "string") tr.clientId = obj.clientId;
        if (typeof obj.expiresInSeconds === "number") tr.expiresInSeconds = obj.expiresInSeconds;
        try {
          return send(res, 200, tokens.issue(tr));
        } catch (e) {
          // Entra ID's refusal (another cloud's resource): its OAuth error and AADSTS text.
          if (e instanceof TokenRequestError)
            return send(res, 400, { error: e.error, error_description: e.message });
          throw new HttpError(400, e instanceof Error ? e.message : String(e));
        }
      }
      case "GET /faults":
        return send(res, 200, { rules: faults.list() });
      case "POST /faults": {
        const rules = Array.isArray(body) ? body : Array.isArray(obj.rules) ? obj.rules : [body];
        try {
          const ids = (rules as FaultRule[]).map((r) => faults.add(r));
          return send(res, 201, { ids });
        } catch (e) {
          throw new HttpError(400, e instanceof Error ? e.message : String(e));
        }
      }
      case "DELETE /faults":
        faults.clear();
        return send(res, 204, undefined);
      case "GET /requests": {
        let list = state.requests;
        for (const key of ["op", "itemId", "method", "mailbox"] as const) {
          const v = query.get(key);
          if (v !== null) list = list.filter((r) => r[key] === v);
        }
        return send(res, 200, { requests: list });
      }
      case "DELETE /requests":
        state.requests = [];
        return send(res, 204, undefined);
      case "GET /purges":
        return send(res, 200, { purges: state.purges });
      case "POST /reset":
        control.reset(typeof obj.seed === "number" ? obj.seed : undefined);
        return send(res, 200, control.summary());
      case "GET /messages": {
        const filter: { folder?: string; mailbox?: string } = {};
        const folder = query.get("folder");
        const mailbox = query.get("mailbox");
        if (folder !== null) filter.folder = folder;
        if (mailbox !== null) filter.mailbox = mailbox;
        return send(res, 200, { messages: control.messages(filter) });
      }
      case "POST /messages": {
        const request: AddMessagesRequest = {
          folder: typeof obj.folder === "string" ? obj.folder : "",
          count: typeof obj.count === "number" ? obj.count : Number.NaN,
        };
        if (typeof obj.mailbox === "string") request.mailbox = obj.mailbox;
        if (obj.subjectPrefix !== undefined) request.subjectPrefix = obj.subjectPrefix as string;
        return send(res, 201, { messages: control.addMessages(request) });
      }
      case "GET /settings":
        return send(res, 200, settings());
      case "POST /settings":
        return send(res, 200, control.configure(obj as Partial<Settings>));
      case "POST /clock":
        if (typeof obj.advanceMs !== "number") throw new HttpError(400, "advanceMs must be a number");
        control.advanceClock(obj.advanceMs);
        return send(res, 200, { now: now() });
      default:
        throw new HttpError(404, `No control route ${route}.`);
    }
  };

  const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
    const method = (req.method ?? "GET").toUpperCase();
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const query = new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : "");
    const isGraph = path.startsWith("/v1.0/") || path === "/v1.0";
    cors(req, res, isGraph);

    if (method === "OPTIONS" && req.headers.origin !== undefined) {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
      const requested = req.headers["access-control-request-headers"];
      res.setHeader(
        "Access-Control-Allow-Headers",
        requested ??
          "Authorization, Content-Type, client-request-id, return-client-request-id, Prefer, ConsistencyLevel",
      );
      res.setHeader("Access-Control-Max-Age", "600");
      return send(res, 204, undefined);
    }

    try {
      if (path.startsWith("/_emulator/")) return await controlApi(req, res, path, query);
      if (isGraph) {
        const bodyText =
          method === "GET" || method === "DELETE" || method === "HEAD" ? "" : await readBody(req);
        const outcome = await engine.handle({
          method,
          rawPath: path,
          query,
          headers: lowerHeaders(req),
          bodyText,
          baseUrl: url,
        });
        return deliver(req, res, outcome);
      }
      const bodyText = method === "POST" ? await readBody(req) : "";
      const answer = await identity.handle(method, path, query, lowerHeaders(req), bodyText);
      if (answer) return deliver(req, res, answer);
      return send(res, 404, { error: { code: "NotFound", message: `Nothing at ${path}.` } });
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.status, { error: e.message });
      console.error("emulator: unexpected error", e);
      return send(res, 500, { error: { code: "InternalServerError", message: "The emulator failed." } });
    }
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    void onRequest(req, res);
  };
  const server: Server =
    tls === false ? createHttpServer(handler) : createHttpsServer({ key: tls.key, cert: tls.cert }, handler);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  url = `${tls === false ? "http" : "https"}://localhost:${port}`;

  return {
    url,
    port,
    state,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        holds.clear();
        for (const s of hungSockets) s.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
