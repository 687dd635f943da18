/**
 * The request pipeline shared by top-level Graph requests and `$batch` members:
 * log -> token -> fault plan -> route -> mailbox and permissions -> budget -> concurrency ->
 * server time -> hold -> handler. Everything up to taking a concurrency slot runs without awaiting, so
 * members started together compete for the 4 slots exactly as they would at Graph.
 */
import { randomUUID } from "node:crypto";
import { DELEGATE_BITS, type MailboxRecord } from "./data";
import {
  defaultErrorFor,
  type FaultMatchInput,
  type FaultPlan,
  type FaultRule,
  type RetryAfterSpec,
} from "./faults";
import { type Area, classify, isRouteError, type Reply, type Route } from "./graph";
import type { HoldPlan, HoldTicket } from "./holds";
import type { Limits } from "./limits";
import type { Json } from "./odata";
import { Rng } from "./prng";
import type { EmulatorState, RequestLogEntry } from "./state";
import type { AuthContext, TokenService } from "./tokens";

export interface EngineSettings {
  /** Fixed server time per request and per batch member (ms). */
  requestTimeMs: number;
  /** Whether `Retry-After` is listed in `Access-Control-Expose-Headers` (real Graph: no). */
  exposeRetryAfter: boolean;
  /** Order of `$batch` responses: shuffled by seed (like Graph's "any order"), as sent, or as finished. */
  batchOrder: "shuffle" | "request" | "completion";
  /**
   * `throttle`: members start together and those beyond the mailbox's free slots get 429 (field reports).
   * `queue`: the emulator runs a batch's members at most `concurrencyPerMailbox` at a time (Microsoft's answer).
   */
  batchMode: "throttle" | "queue";
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  requestTimeMs: 0,
  exposeRetryAfter: false,
  batchOrder: "shuffle",
  batchMode: "throttle",
};

export type Outcome =
  | { kind: "response"; status: number; headers: Record<string, string>; body?: Json }
  | { kind: "drop" }
  | { kind: "hang" };

export interface GraphRequestIn {
  method: string;
  /** Path without query, as sent (percent-encoded), starting with `/v1.0/`. */
  rawPath: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  bodyText: string;
  /** Public origin, e.g. https://localhost:3001. */
  baseUrl: string;
}

const JSON_TYPE =
  "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const WWW_AUTH =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';
const MAX_BATCH = 20;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Graph's innerError date: UTC without fraction or zone. */
const graphDate = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const READ_SCOPES: Record<Exclude<Area, "user">, { self: string[]; shared: string[] }> = {
  mail: {
    self: ["Mail.Read", "Mail.ReadWrite", "Mail.ReadBasic", "Mail.Read.Shared", "Mail.ReadWrite.Shared"],
    shared: ["Mail.Read.Shared", "Mail.ReadWrite.Shared"],
  },
  contacts: {
    self: ["Contacts.Read", "Contacts.ReadWrite", "Contacts.Read.Shared", "Contacts.ReadWrite.Shared"],
    shared: ["Contacts.Read.Shared", "Contacts.ReadWrite.Shared"],
  },
  calendar: {
    self: ["Calendars.Read", "Calendars.ReadWrite", "Calendars.Read.Shared", "Calendars.ReadWrite.Shared"],
    shared: ["Calendars.Read.Shared", "Calendars.ReadWrite.Shared"],
  },
};
const WRITE_SCOPES: Record<Exclude<Area, "user">, { self: string[]; shared: string[] }> = {
  mail: { self: ["Mail.ReadWrite", "Mail.ReadWrite.Shared"], shared: ["Mail.ReadWrite.Shared"] },
  contacts: {
    self: ["Contacts.ReadWrite", "Contacts.ReadWrite.Shared"],
    shared: ["Contacts.ReadWrite.Shared"],
  },
  calendar: {
    self: ["Calendars.ReadWrite", "Calendars.ReadWrite.Shared"],
    shared: ["Calendars.ReadWrite.Shared"],
  },
};
const USER_SELF = [
  "User.Read",
  "User.ReadWrite",
  "User.ReadBasic.All",
  "User.Read.All",
  "User.ReadWrite.All",
  "Directory.Read.All",
];
const USER_OTHER = ["User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All"];

interface CallIds {
  requestId: string;
  clientRequestId: string;
}

interface Call {
  method: string;
  /** Decoded-once path for logs and fault matching, e.g. /v1.0/me/messages/AAMk.../permanentDelete */
  path: string;
  rawPath: string;
  query: URLSearchParams;
  member: boolean;
  ids: CallIds;
  log: RequestLogEntry;
  baseUrl: string;
  /** The state's generation when the request arrived (see `outlived`). */
  generation: number;
}

interface BatchMember {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  hasBody: boolean;
  dependsOn: string[];
}

export class Engine {
  private batchCount = 0;

  constructor(
    private readonly state: EmulatorState,
    readonly faults: FaultPlan,
    readonly holds: HoldPlan,
    readonly limits: Limits,
    readonly tokens: TokenService,
    public settings: EngineSettings,
    private readonly now: () => number,
  ) {}

  /** Decodes each path segment once, as Graph does; undecodable segments stay as sent. */
  private decodePath(raw: string): string {
    return raw
      .split("/")
      .map((seg) => {
        try {
          return decodeURIComponent(seg);
        } catch {
          return seg;
        }
      })
      .join("/");
  }

  private newLog(call: Omit<Call, "log">, extra: Partial<RequestLogEntry>): RequestLogEntry {
    const entry: RequestLogEntry = {
      seq: this.state.nextSeq(),
      method: call.method,
      path: call.path,
      query: call.query.toString(),
      op: null,
      itemId: null,
      mailbox: null,
      kind: "graph",
      batchMember: call.member,
      batchRequestId: null,
      memberId: null,
      status: null,
      errorCode: null,
      requestId: call.ids.requestId,
      clientRequestId: call.ids.clientRequestId,
      scopes: null,
      appId: null,
      startedAt: new Date(this.now()).toISOString(),
      endedAt: null,
      faultId: null,
      ...extra,
    };
    this.state.requests.push(entry);
    return entry;
  }

  private finish(log: RequestLogEntry, outcome: Outcome): Outcome {
    log.endedAt = new Date(this.now()).toISOString();
    if (outcome.kind === "response") {
      log.status = outcome.status;
      const err = outcome.body?.error as { code?: unknown } | undefined;
      log.errorCode = typeof err?.code === "string" ? err.code : null;
    } else {
      log.status = outcome.kind === "drop" ? "dropped" : "hung";
    }
    return outcome;
  }

  /** Renders a reply as Graph would send it. */
  private render(reply: Reply, ids: CallIds): Outcome {
    const headers: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.error) {
      headers["Content-Type"] = "application/json";
      return {
        kind: "response",
        status: reply.status,
        headers,
        body: {
          error: {
            code: reply.error.code,
            message: reply.error.message,
            innerError: {
              date: graphDate(this.now()),
              "request-id": ids.requestId,
              "client-request-id": ids.clientRequestId,
            },
          },
        },
      };
    }
    if (reply.status === 204 || reply.body === undefined)
      return { kind: "response", status: reply.status, headers };
    headers["Content-Type"] = JSON_TYPE;
    return { kind: "response", status: reply.status, headers, body: reply.body as Json };
  }

  private retryAfterHeader(
    spec: RetryAfterSpec | undefined,
    fallbackSeconds: number,
  ): Record<string, string> {
    if (spec === "missing") return {};
    if (spec === undefined) return { "Retry-After": String(fallbackSeconds) };
    if ("raw" in spec) return { "Retry-After": spec.raw };
    if (spec.as === "date")
      return { "Retry-After": new Date(this.now() + spec.seconds * 1000).toUTCString() };
    return { "Retry-After": String(spec.seconds) };
  }

  private faultReply(rule: FaultRule & { id: string }): Reply | "drop" | "hang" | undefined {
    const a = rule.action;
    if (a.kind === "drop" || a.kind === "hang") return a.kind;
    if (a.kind === "latency") return undefined;
    const [code, message] = defaultErrorFor(a.status);
    // 429 and 503 carry Retry-After (10 s) unless the rule says otherwise; other statuses only on request.
    const headers: Record<string, string> =
      a.status === 429 || a.status === 503 || a.retryAfter !== undefined
        ? this.retryAfterHeader(a.retryAfter, 10)
        : {};
    if (a.status === 401) headers["WWW-Authenticate"] = WWW_AUTH;
    return { status: a.status, headers, error: { code: a.code ?? code, message: a.message ?? message } };
  }

  /**
   * A fault on a request that never reaches the item path (a $batch, or a request without a valid token): the
   * rule's latency, then its answer; undefined when there is no rule or it only adds latency.
   */
  private async faultBeforeRouting(
    log: RequestLogEntry,
    match: FaultMatchInput,
    ids: CallIds,
  ): Promise<Outcome | undefined> {
    const rule = this.faults.match(match);
    if (!rule) return undefined;
    log.faultId = rule.id;
    const faulted = this.faultReply(rule);
    if (rule.latencyMs) await sleep(rule.latencyMs);
    if (faulted === "drop" || faulted === "hang") return this.finish(log, { kind: faulted });
    if (faulted !== undefined) return this.finish(log, this.render(faulted, ids));
    return undefined;
  }

  private resolveMailbox(
    route: Route,
    auth: AuthContext,
  ): MailboxRecord | Reply | { mailbox: MailboxRecord; onlyOwnBy: string } {
    const self = this.state.findMailbox(auth.upn);
    if (!self)
      return {
        status: 404,
        error: { code: "ErrorInvalidUser", message: `The requested user '${auth.upn}' is invalid.` },
      };
    const target = route.userRef === "me" ? self : this.state.findMailbox(route.userRef);
    if (!target) {
      return {
        status: 404,
        error: { code: "ErrorInvalidUser", message: `The requested user '${route.userRef}' is invalid.` },
      };
    }
    if (target.restEnabled === false) {
      // What Graph answers for a mailbox it can't serve (on-premises, inactive, soft-deleted, unlicensed):
      // the code and message verbatim from microsoftgraph/msgraph-sdk-javascript#1756, microsoft/MicrosoftCloud#41,
      // iyear/E5SubBot#39; the status 404 ("Not Found") from O365/python-o365#438.
      return {
        status: 404,
        error: {
          code: "MailboxNotEnabledForRESTAPI",
          message: "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
        },
      };
    }
    const isSelf = target === self;
    const has = (list: string[]) => list.some((s) => auth.scopes.includes(s));
    if (route.area === "user") {
      if (!has(isSelf ? USER_SELF : USER_OTHER)) {
        return {
          status: 403,
          error: {
            code: "Authorization_RequestDenied",
            message: "Insufficient privileges to complete the operation.",
          },
        };
      }
      return target;
    }
    const table = route.write ? WRITE_SCOPES[route.area] : READ_SCOPES[route.area];
    const denied: Reply = {
      status: 403,
      error: { code: "ErrorAccessDenied", message: "Access is denied. Check credentials and try again." },
    };
    if (!has(isSelf ? table.self : table.shared)) return denied;
    if (isSelf) return target;
    const upn = auth.upn.toLowerCase();
    if (target.delegates.map((d) => d.toLowerCase()).includes(upn)) return target;
    // Partial rights, as Outlook's delegate bits: Exchange checks them whatever the scope allows.
    const bits = Object.entries(target.delegatePermissions ?? {}).find(([d]) => d.toLowerCase() === upn)?.[1];
    if (bits === undefined || (bits & DELEGATE_BITS.Read) === 0) {
      // Exchange answers an item (or folder) the person can't reach as if it didn't exist ("Handling
      // delegation-related errors in EWS": ErrorItemNotFound / ErrorFolderNotFound for a mailbox, folder or item
      // you don't have access to); a mailbox-wide listing is refused with ErrorAccessDenied.
      if (route.itemId !== null) {
        return {
          status: 404,
          error: { code: "ErrorItemNotFound", message: "The specified object was not found in the store." },
        };
      }
      return denied;
    }
    if (!route.write) return target;
    if (route.area === "mail" && route.op === "permanentDelete") {
      if (bits & DELEGATE_BITS.DeleteAll) return target;
      if (bits & DELEGATE_BITS.DeleteOwn) return { mailbox: target, onlyOwnBy: upn };
    }
    return denied;
  }

  /**
   * One Graph call after authentication. Synchronous up to taking a concurrency slot (see file header).
   */
  private async runCall(
    call: Call,
    auth: AuthContext,
    route: Route | ReturnType<typeof classify>,
  ): Promise<Outcome> {
    const { log, ids } = call;
    log.scopes = auth.scopes;
    log.appId = auth.appId;
    log.op = route.op;
    log.itemId = route.itemId;
    const userRef = route.userRef;
    const mailboxUpn =
      userRef === null
        ? null
        : userRef === "me"
          ? auth.upn
          : (this.state.findMailbox(userRef)?.user.upn ?? userRef);
    log.mailbox = mailboxUpn;

    const matchInput = {
      method: call.method,
      path: call.path,
      itemId: log.itemId,
      op: log.op,
      mailbox: mailboxUpn,
      member: call.member,
    };
    const rule = this.faults.match(matchInput);
    if (rule) log.faultId = rule.id;
    const faulted = rule ? this.faultReply(rule) : undefined;
    if (faulted !== undefined) {
      if (rule?.latencyMs) await sleep(rule.latencyMs);
      if (faulted === "drop") return this.finish(log, { kind: "drop" });
      if (faulted === "hang") return this.finish(log, { kind: "hang" });
      return this.finish(log, this.render(faulted, ids));
    }

    if (isRouteError(route)) {
      return this.finish(log, this.render({ status: route.failure.status, error: route.failure }, ids));
    }
    const resolved = this.resolveMailbox(route, auth);
    if ("status" in resolved) return this.finish(log, this.render(resolved, ids));
    const mailbox = "onlyOwnBy" in resolved ? resolved.mailbox : resolved;
    const onlyOwnBy = "onlyOwnBy" in resolved ? resolved.onlyOwnBy : undefined;
    log.mailbox = mailbox.user.upn;

    const budget = this.limits.charge(auth.appId, mailbox.user.upn, this.now());
    if (!budget.ok) {
      return this.finish(
        log,
        this.render(
          {
            status: 429,
            headers: { "Retry-After": String(budget.retryAfterSeconds) },
            error: {
              code: "ApplicationThrottled",
              message: `Application is over its limit of ${this.limits.settings.budgetPerWindow} requests per ${Math.round(this.limits.settings.windowMs / 60000)} minutes for this mailbox.`,
            },
          },
          ids,
        ),
      );
    }
    if (!this.limits.tryAcquire(auth.appId, mailbox.user.upn)) {
      return this.finish(
        log,
        this.render(
          {
            status: 429,
            headers: { "Retry-After": String(this.limits.settings.concurrencyRetryAfterSeconds) },
            error: {
              code: "ApplicationThrottled",
              message: "Application is over its MailboxConcurrency limit.",
            },
          },
          ids,
        ),
      );
    }
    let held: HoldTicket | undefined;
    try {
      const wait = this.settings.requestTimeMs + (rule?.latencyMs ?? 0);
      if (wait > 0) await sleep(wait);
      held = this.holds.catch(matchInput);
      if (held) await held.released;
      if (this.outlived(call.generation)) return this.finish(log, { kind: "drop" });
      const userSegment = route.userRef === "me" ? "me" : `users/${encodeURIComponent(route.userRef)}`;
      const reply = route.run({
        state: this.state,
        mailbox,
        query: call.query,
        baseUrl: call.baseUrl,
        userSegment,
        now: this.now,
        requestId: ids.requestId,
        messagePageLimit: this.limits.settings.messagePageLimit,
        ...(onlyOwnBy ? { onlyOwnBy } : {}),
      });
      return this.finish(log, this.render(reply, ids));
    } finally {
      this.limits.release(auth.appId, mailbox.user.upn);
      held?.answered();
    }
  }

  /**
   * Whether the state was reset since a request arrived. Such a request (slow, or held, across a test's reset) has
   * no Graph counterpart: it ends without an answer (the connection drops) when it would next act, so nothing of it
   * reaches the new mailboxes, purges or log. Until then it keeps its concurrency slot, as any running request does.
   */
  private outlived(generation: number): boolean {
    return this.state.generation !== generation;
  }

  private unauthorized(message: string, ids: CallIds): Outcome {
    return this.render(
      {
        status: 401,
        headers: { "WWW-Authenticate": WWW_AUTH },
        error: { code: "InvalidAuthenticationToken", message },
      },
      ids,
    );
  }

  /** A top-level request under `/v1.0/`. */
  async handle(req: GraphRequestIn): Promise<Outcome> {
    const ids: CallIds = {
      requestId: randomUUID(),
      clientRequestId: req.headers["client-request-id"] ?? "",
    };
    // Graph echoes client-request-id, and uses its own request-id when the client sent none.
    if (ids.clientRequestId === "") ids.clientRequestId = ids.requestId;
    const outcome = await this.handleTopLevel(req, ids);
    if (outcome.kind === "response") {
      outcome.headers["request-id"] = ids.requestId;
      outcome.headers["client-request-id"] = ids.clientRequestId;
    }
    return outcome;
  }

  private async handleTopLevel(req: GraphRequestIn, ids: CallIds): Promise<Outcome> {
    const path = this.decodePath(req.rawPath);
    const base = {
      method: req.method,
      path,
      rawPath: req.rawPath,
      query: req.query,
      member: false,
      ids,
      baseUrl: req.baseUrl,
      generation: this.state.generation,
    };
    const log = this.newLog(base, {});
    const call: Call = { ...base, log };
    const verified = this.tokens.verifyAuthorization(req.headers.authorization);
    const isBatch = req.rawPath === "/v1.0/$batch" || req.rawPath === "/v1.0/%24batch";

    if (isBatch) {
      log.op = "$batch";
      if (verified.ok) {
        log.scopes = verified.auth.scopes;
        log.appId = verified.auth.appId;
      }
      const match: FaultMatchInput = {
        method: req.method,
        path,
        itemId: null,
        op: "$batch",
        mailbox: null,
        member: false,
      };
      const faulted = await this.faultBeforeRouting(log, match, ids);
      if (faulted) return faulted;
      if (!verified.ok) return this.finish(log, this.unauthorized(verified.message, ids));
      if (req.method !== "POST") {
        return this.finish(
          log,
          this.render(
            {
              status: 405,
              error: {
                code: "BadRequest",
                message: "Specified HTTP method is not allowed for the request target.",
              },
            },
            ids,
          ),
        );
      }
      // Held once its token and method are checked, before the batch is read and any member starts.
      const held = this.holds.catch(match);
      try {
        if (held) await held.released;
        if (this.outlived(base.generation)) return this.finish(log, { kind: "drop" });
        return this.finish(log, await this.batch(req, verified.auth, ids, base.generation));
      } finally {
        held?.answered();
      }
    }

    if (!verified.ok) {
      // Faults still apply to unauthenticated requests (a drop does not care about tokens).
      const route = classify(req.method, req.rawPath);
      log.op = route.op ?? null;
      log.itemId = route.itemId;
      const match = {
        method: req.method,
        path,
        itemId: route.itemId,
        op: route.op,
        mailbox: null,
        member: false,
      };
      const faulted = await this.faultBeforeRouting(log, match, ids);
      return faulted ?? this.finish(log, this.unauthorized(verified.message, ids));
    }
    return this.runCall(call, verified.auth, classify(req.method, req.rawPath));
  }

  // ------------------------------------------------------------------ $batch

  private parseBatch(bodyText: string): BatchMember[] | Reply {
    const bad = (message: string): Reply => ({ status: 400, error: { code: "BadRequest", message } });
    let body: unknown;
    try {
      body = JSON.parse(bodyText);
    } catch {
      return bad("Invalid batch payload format.");
    }
    const requests = (body as { requests?: unknown } | null)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return bad("Invalid batch payload format.");
    if (requests.length > MAX_BATCH) return bad(`Maximum number of requests is ${MAX_BATCH}`);
    const members: BatchMember[] = [];
    for (const r of requests as unknown[]) {
      if (typeof r !== "object" || r === null) return bad("Invalid batch payload format.");
      const m = r as Record<string, unknown>;
      if (
        typeof m.id !== "string" ||
        m.id === "" ||
        typeof m.method !== "string" ||
        typeof m.url !== "string"
      ) {
        return bad("Invalid batch payload format.");
      }
      const headers: Record<string, string> = {};
      if (m.headers !== undefined) {
        if (typeof m.headers !== "object" || m.headers === null) return bad("Invalid batch payload format.");
        for (const [k, v] of Object.entries(m.headers)) headers[k.toLowerCase()] = String(v);
      }
      let dependsOn: string[] = [];
      if (m.dependsOn !== undefined) {
        if (!Array.isArray(m.dependsOn) || !m.dependsOn.every((d) => typeof d === "string")) {
          return bad("Invalid batch payload format.");
        }
        dependsOn = m.dependsOn as string[];
      }
      members.push({
        id: m.id,
        method: m.method.toUpperCase(),
        url: m.url,
        headers,
        body: m.body,
        hasBody: m.body !== undefined && m.body !== null,
        dependsOn,
      });
    }
    const ids = new Set<string>();
    for (const m of members) {
      if (ids.has(m.id)) return bad("Batch request contains duplicate Id's.");
      ids.add(m.id);
    }
    // A write member without Content-Type or body fails the whole batch, before any member runs (field reports:
    // msgraph-sdk-dotnet#2628, Softeria/ms-365-mcp-server#677 and PR #683: "the outer call 400s and none of the
    // sub-requests run").
    for (const m of members) {
      const writes = m.method === "POST" || m.method === "PATCH" || m.method === "PUT";
      if (writes && (m.headers["content-type"] === undefined || !m.hasBody)) {
        return bad(`Write request id : ${m.id} does not contain Content-Type header or body.`);
      }
    }
    // A dependsOn must name a request earlier in the array (msgraph-sdk-dotnet-core#891: "Invalid dependency for
    // request Id"; msgraph-sdk-java-core#71: dependencies must be serialized in order). Graph's text after "Id" is
    // not published: " : {id}" is the emulator's.
    const earlier = new Set<string>();
    for (const m of members) {
      if (m.dependsOn.some((d) => !earlier.has(d))) return bad(`Invalid dependency for request Id : ${m.id}`);
      earlier.add(m.id);
    }
    // Only two shapes run: fully parallel (no dependsOn at all) or fully sequential (each request after the first
    // depends on exactly the one before it). Anything else, several chains or some members without dependsOn, is
    // refused whole (microsoft-graph-docs#16280; the json-batching page's tip). The Graph SDKs also let every
    // dependent name one same request; Graph's own message names only the two shapes, so the emulator takes the
    // stricter reading and refuses that too.
    const parallel = members.every((m) => m.dependsOn.length === 0);
    const sequential = members.every((m, i) =>
      i === 0 ? m.dependsOn.length === 0 : m.dependsOn.length === 1 && m.dependsOn[0] === members[i - 1]?.id,
    );
    if (!parallel && !sequential) return bad("Batch should be either fully sequential or fully parallel.");
    return members;
  }

  private async batch(
    req: GraphRequestIn,
    auth: AuthContext,
    ids: CallIds,
    generation: number,
  ): Promise<Outcome> {
    const parsed = this.parseBatch(req.bodyText);
    if (!Array.isArray(parsed)) return this.render(parsed, ids);
    const members = parsed;
    this.batchCount += 1;
    const batchNo = this.batchCount;

    const results = new Map<string, Json>();
    const failed = new Set<string>();
    const completion: string[] = [];
    let running = 0;
    let abort: "drop" | "hang" | null = null;
    const startedIds = new Set<string>();

    return new Promise<Outcome>((resolve) => {
      const finishBatch = () => {
        if (abort) return resolve({ kind: abort });
        let order: string[];
        if (this.settings.batchOrder === "request") order = members.map((m) => m.id);
        else if (this.settings.batchOrder === "completion") order = completion;
        else
          order = new Rng((this.state.seed ^ (batchNo * 0x9e3779b1)) >>> 0).shuffle(members.map((m) => m.id));
        const responses = order.map((id) => results.get(id)).filter((r): r is Json => r !== undefined);
        resolve(this.render({ status: 200, body: { responses } }, ids));
      };

      const record = (id: string, response: Json, status: number) => {
        results.set(id, response);
        completion.push(id);
        // Any answer but a 2xx fails its dependents (json-batching: "If an individual request fails, any request
        // that depends on that request fails with status code 424"), a 404 included.
        if (status < 200 || status >= 300) failed.add(id);
      };

      const pump = () => {
        if (abort) return;
        // Reset while members ran: the members still to start belong to a state that is gone.
        if (this.outlived(generation)) {
          abort = "drop";
          resolve({ kind: "drop" });
          return;
        }
        let changed = true;
        while (changed) {
          changed = false;
          for (const m of members) {
            if (results.has(m.id) || startedIds.has(m.id)) continue;
            if (m.dependsOn.some((d) => failed.has(d))) {
              record(
                m.id,
                {
                  id: m.id,
                  status: 424,
                  headers: { "Content-Type": "application/json" },
                  body: {
                    error: {
                      code: "FailedDependency",
                      message: "The request could not be run because a request it depends on failed.",
                    },
                  },
                },
                424,
              );
              this.newLog(
                {
                  method: m.method,
                  path: `/v1.0${m.url.startsWith("/") ? "" : "/"}${m.url.split("?")[0] ?? ""}`,
                  rawPath: m.url,
                  query: new URLSearchParams(),
                  member: true,
                  ids: { requestId: randomUUID(), clientRequestId: ids.clientRequestId },
                  baseUrl: req.baseUrl,
                  generation,
                },
                {
                  status: 424,
                  errorCode: "FailedDependency",
                  batchRequestId: ids.requestId,
                  memberId: m.id,
                  endedAt: new Date(this.now()).toISOString(),
                },
              );
              changed = true;
              continue;
            }
            if (!m.dependsOn.every((d) => results.has(d))) continue;
            if (this.settings.batchMode === "queue" && running >= this.limits.settings.concurrencyPerMailbox)
              continue;
            startedIds.add(m.id);
            running += 1;
            void this.runMember(m, req, auth, ids, generation).then((out) => {
              running -= 1;
              if (out.kind !== "response") {
                abort = abort ?? out.kind;
                if (out.kind === "drop") resolve({ kind: "drop" });
                else resolve({ kind: "hang" });
                return;
              }
              const response: Json = { id: m.id, status: out.status, headers: out.headers };
              if (out.body !== undefined) response.body = out.body;
              record(m.id, response, out.status);
              pump();
            });
          }
        }
        if (results.size === members.length) finishBatch();
      };
      pump();
    });
  }

  /** One `$batch` member. Synchronous until it takes (or fails to take) a concurrency slot. */
  private runMember(
    m: BatchMember,
    req: GraphRequestIn,
    auth: AuthContext,
    batchIds: CallIds,
    generation: number,
  ): Promise<Outcome> {
    const memberIds: CallIds = {
      requestId: randomUUID(),
      clientRequestId: m.headers["client-request-id"] ?? batchIds.clientRequestId,
    };
    const qIndex = m.url.indexOf("?");
    const rel = qIndex >= 0 ? m.url.slice(0, qIndex) : m.url;
    const query = new URLSearchParams(qIndex >= 0 ? m.url.slice(qIndex + 1) : "");
    const rawPath = `/v1.0${rel.startsWith("/") ? "" : "/"}${rel}`;
    const base = {
      method: m.method,
      path: this.decodePath(rawPath),
      rawPath,
      query,
      member: true,
      ids: memberIds,
      baseUrl: req.baseUrl,
      generation,
    };
    const log = this.newLog(base, { batchRequestId: batchIds.requestId, memberId: m.id });
    const call: Call = { ...base, log };
    const memberError = (message: string): Promise<Outcome> => {
      log.scopes = auth.scopes;
      log.appId = auth.appId;
      return Promise.resolve(
        this.finish(log, this.render({ status: 400, error: { code: "BadRequest", message } }, memberIds)),
      );
    };
    if (/^[a-z]+:\/\//i.test(m.url))
      return memberError("Invalid request URI: batch request URLs must be relative.");
    if (/^\/?\$batch/i.test(rel)) return memberError("Nested batch requests are not supported.");
    return this.runCall(call, auth, classify(m.method, rawPath));
  }
}
