/**
 * The fault plan: rules that make chosen requests slow, fail, drop the connection or never answer,
 * so every failure path of the add-in can be driven on purpose.
 */

/** How a 429/503 fault states `Retry-After`. */
export type RetryAfterSpec =
  | { seconds: number; as?: "seconds" | "date" }
  /** Send the header with exactly this text (e.g. garbage, to test parsing). */
  | { raw: string }
  | "missing";

export type FaultAction =
  /** Only the rule's `latencyMs`; the request then runs normally. */
  | { kind: "latency" }
  | { kind: "error"; status: number; code?: string; message?: string; retryAfter?: RetryAfterSpec }
  /** Destroy the socket without answering. For a batch member, the whole batch connection drops. */
  | { kind: "drop" }
  /** Never answer (the client has to time out or abort). For a batch member, the batch never answers. */
  | { kind: "hang" };

/** Which requests a rule applies to: every field given must match. Shared by fault rules and holds. */
export interface RequestMatcher {
  method?: string;
  /** Regular expression tested against the decoded path, e.g. `/permanentDelete$`. */
  path?: string;
  /** REST item ID (decoded). */
  itemId?: string;
  /** Operation name as logged, e.g. `permanentDelete`, `listMessages`, `$batch`. */
  op?: string;
  /** UPN of the mailbox addressed. */
  mailbox?: string;
  /** Top-level requests, batch members, or both (default). */
  target?: "request" | "member" | "any";
  /** The rule first fires on its nth matching request (1-based; default 1). */
  nth?: number;
  /** How many times it fires (default: every time from the nth on). */
  times?: number;
}

export interface FaultRule extends RequestMatcher {
  /** Assigned when missing; used to remove a rule and shown in the request log. */
  id?: string;
  /** Delay before the action (ms). */
  latencyMs?: number;
  action: FaultAction;
}

export interface FaultMatchInput {
  method: string;
  path: string;
  itemId: string | null;
  op: string | null;
  mailbox: string | null;
  member: boolean;
}

interface LiveRule {
  rule: FaultRule & { id: string };
  seen: number;
  fired: number;
}

const DEFAULT_MESSAGES: Record<number, [string, string]> = {
  400: ["BadRequest", "Bad request."],
  401: ["InvalidAuthenticationToken", "Access token has expired or is not yet valid."],
  403: ["ErrorAccessDenied", "Access is denied. Check credentials and try again."],
  404: ["ErrorItemNotFound", "The specified object was not found in the store."],
  409: [
    "ErrorIrresolvableConflict",
    "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.",
  ],
  429: ["ApplicationThrottled", "Application is over its MailboxConcurrency limit."],
  500: ["ErrorInternalServerError", "An internal server error occurred. The operation failed."],
  502: ["BadGateway", "Bad gateway."],
  503: ["ServiceUnavailable", "Service Unavailable"],
  504: ["GatewayTimeout", "Gateway Timeout"],
};

export function defaultErrorFor(status: number): [string, string] {
  return DEFAULT_MESSAGES[status] ?? ["UnknownError", "An error occurred."];
}

/** Checks the matcher fields of a fault rule or hold; throws a sentence for the first bad one. */
export function validateMatcher(r: RequestMatcher): void {
  if (r.path !== undefined) new RegExp(r.path);
  if (r.target !== undefined && !["request", "member", "any"].includes(r.target)) {
    throw new Error("target must be request, member or any");
  }
  for (const key of ["nth", "times"] as const) {
    const n = r[key];
    if (n !== undefined && !(Number.isInteger(n) && n >= (key === "nth" ? 1 : 0))) {
      throw new Error(`${key} must be a whole number${key === "nth" ? " from 1" : ""}`);
    }
  }
}

/** Whether a request is one a rule names (its `nth` and `times` are counted by the caller). */
export function matchesRequest(rule: RequestMatcher, input: FaultMatchInput): boolean {
  const target = rule.target ?? "any";
  if (target === "request" && input.member) return false;
  if (target === "member" && !input.member) return false;
  if (rule.method !== undefined && rule.method.toUpperCase() !== input.method.toUpperCase()) return false;
  if (rule.path !== undefined && !new RegExp(rule.path).test(input.path)) return false;
  if (rule.itemId !== undefined && rule.itemId !== input.itemId) return false;
  if (rule.op !== undefined && rule.op !== input.op) return false;
  if (rule.mailbox !== undefined && rule.mailbox.toLowerCase() !== input.mailbox?.toLowerCase()) return false;
  return true;
}

export function validateRule(input: unknown): FaultRule {
  if (typeof input !== "object" || input === null) throw new Error("a fault rule must be an object");
  const r = input as Partial<FaultRule>;
  const action = r.action as Partial<FaultAction> | undefined;
  if (!action || typeof action !== "object" || typeof action.kind !== "string") {
    throw new Error("a fault rule needs action.kind: latency | error | drop | hang");
  }
  if (!["latency", "error", "drop", "hang"].includes(action.kind))
    throw new Error(`unknown action ${action.kind}`);
  if (action.kind === "error" && typeof (action as { status?: unknown }).status !== "number") {
    throw new Error("an error action needs a numeric status");
  }
  validateMatcher(r);
  return r as FaultRule;
}

export class FaultPlan {
  private rules: LiveRule[] = [];
  private counter = 0;

  add(rule: FaultRule): string {
    const checked = validateRule(rule);
    this.counter += 1;
    const id = checked.id ?? `fault-${this.counter}`;
    this.rules.push({ rule: { ...checked, id }, seen: 0, fired: 0 });
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.rule.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): (FaultRule & { id: string; seen: number; fired: number })[] {
    return this.rules.map((r) => ({ ...r.rule, seen: r.seen, fired: r.fired }));
  }

  /** The first rule that fires for this request (rules are tried in the order they were added). */
  match(input: FaultMatchInput): (FaultRule & { id: string }) | undefined {
    for (const live of this.rules) {
      const { rule } = live;
      if (!matchesRequest(rule, input)) continue;
      live.seen += 1;
      if (live.seen < (rule.nth ?? 1)) continue;
      if (rule.times !== undefined && live.fired >= rule.times) continue;
      live.fired += 1;
      return rule;
    }
    return undefined;
  }
}
