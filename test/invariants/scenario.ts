/**
 * Scenarios as small command lists, so fast-check shrinks a failure to the shortest sequence that still breaks an
 * invariant and prints it readably (each command carries its own one-line description).
 */
import fc from "fast-check";
import {
  type GraphFault,
  type MsalFailure,
  POOL_SIZE as POOL,
  type RetryAfter,
  type WorldCommand,
} from "./harness";

/** What the person (or a forged dialog message) answers. */
export type Answer =
  | "yes"
  | "no"
  | "closed"
  | "timed-out"
  | "forged-extra-id"
  | "forged-missing-id"
  | "forged-duplicate-id"
  | "forged-other-id";

/** What happens while the confirmation is open. */
export type During =
  | { d: "nothing" }
  | { d: "selection-changed" }
  | { d: "reselected-same" }
  | { d: "gone-elsewhere"; target: number };

/** Cancel: none, at the start of the run, or once the k-th write request has ended. */
/** When the person presses Cancel: never, during the re-check right after the yes, as sending starts, or later. */
export type Cancel = "none" | "during-recheck" | "at-start" | { afterWrites: number };

export type Command =
  | WorldCommand
  | { c: "purge"; select: number[]; untick: number[]; answer: Answer; during: During; cancel: Cancel };

export interface Scenario {
  /** "bulk": the pane's selection through the scheduler; "each": one request per item (the single path). */
  deleter: "bulk" | "each";
  /** Token lifetime (s): 3600 is cached; 90 makes every call ask MSAL and long retries outlive the token (401). */
  tokenSeconds: number;
  seed: number;
  commands: Command[];
}

const show = <T extends object>(value: T, text: string): T =>
  Object.assign(value, { [fc.toStringMethod]: () => text });

const raText = (r: RetryAfter) =>
  r === "missing" ? "no Retry-After" : `Retry-After ${r.seconds}s${r.as === "date" ? " as HTTP date" : ""}`;

const retryAfterArb: fc.Arbitrary<RetryAfter> = fc.oneof(
  {
    arbitrary: fc.record({
      seconds: fc.integer({ min: 0, max: 5 }),
      as: fc.constantFrom("seconds" as const, "date" as const),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({ seconds: fc.constantFrom(30, 60), as: fc.constant("seconds" as const) }),
    weight: 1,
  },
  // Absurd: beyond what the add-in waits for (60 s); the item must fail "throttled", not wait.
  {
    arbitrary: fc.record({ seconds: fc.constantFrom(120, 86_400), as: fc.constant("seconds" as const) }),
    weight: 1,
  },
  { arbitrary: fc.constant("missing" as const), weight: 2 },
);

const item = fc.integer({ min: 0, max: POOL - 1 });
/** Faults aim at the first third of the pool, so they meet selections often. */
const faultItem = fc.integer({ min: 0, max: Math.floor(POOL / 3) - 1 });

const faultArb: fc.Arbitrary<GraphFault> = fc.oneof(
  {
    arbitrary: fc
      .record({
        f: fc.constant("throttle" as const),
        item: faultItem,
        status: fc.constantFrom(429 as const, 503 as const),
        times: fc.integer({ min: 1, max: 8 }),
        retryAfter: retryAfterArb,
      })
      .map((x) => show(x, `${x.status} ×${x.times} on item ${x.item}, ${raText(x.retryAfter)}`)),
    weight: 5,
  },
  {
    arbitrary: fc
      .record({
        f: fc.constant("status" as const),
        item: faultItem,
        status: fc.constantFrom(504 as const, 500 as const),
        times: fc.integer({ min: 1, max: 3 }),
      })
      .map((x) => show(x, `${x.status} ×${x.times} on item ${x.item}`)),
    weight: 2,
  },
  {
    arbitrary: fc
      .oneof(
        fc.constant({ status: 403 as const, code: "ErrorAccessDenied" }),
        fc.constant({ status: 403 as const, code: "ErrorCannotDeleteObject" }),
        fc.constant({ status: 403 as const, code: "Authorization_RequestDenied" }),
        fc.constant({ status: 404 as const, code: "ErrorItemNotFound" }),
        fc.constant({ status: 400 as const, code: "ErrorInvalidIdMalformed" }),
      )
      .chain((r) => faultItem.map((i) => ({ f: "refuse" as const, item: i, ...r })))
      .map((x) => show(x, `${x.status} ${x.code} on item ${x.item}`)),
    weight: 2,
  },
  {
    arbitrary: faultItem.map((i) => show({ f: "drop" as const, item: i }, `connection dropped at item ${i}`)),
    weight: 1,
  },
  {
    arbitrary: faultItem.map((i) =>
      show({ f: "hang" as const, item: i }, `no answer at item ${i} (timeout)`),
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .record({ f: fc.constant("slow" as const), item: faultItem, ms: fc.integer({ min: 5, max: 40 }) })
      .map((x) => show(x, `item ${x.item} answers ${x.ms} ms late`)),
    weight: 1,
  },
  {
    arbitrary: fc
      .record({
        f: fc.constant("batch" as const),
        nth: fc.integer({ min: 1, max: 3 }),
        status: fc.constantFrom(401 as const, 429 as const, 503 as const, 504 as const),
        retryAfter: retryAfterArb,
      })
      .map((x) =>
        show(
          x,
          `the ${x.nth}. $batch answers ${x.status} as a whole${x.status === 401 ? "" : `, ${raText(x.retryAfter)}`}`,
        ),
      ),
    weight: 3,
  },
  {
    arbitrary: fc
      .record({ f: fc.constant("batchDrop" as const), nth: fc.integer({ min: 1, max: 3 }) })
      .map((x) => show(x, `the ${x.nth}. $batch's connection drops`)),
    weight: 1,
  },
);

const failureArb = fc.constantFrom<MsalFailure>(
  "interaction_required",
  "user_cancelled",
  "no_network_connectivity",
  "no_account_error",
  "nested_app_auth_bridge_disabled",
  "conditional_access",
  "unknown_error",
);

const answerArb = fc.oneof(
  { arbitrary: fc.constant<Answer>("yes"), weight: 8 },
  {
    arbitrary: fc.constantFrom<Answer>(
      "no",
      "closed",
      "timed-out",
      "forged-extra-id",
      "forged-missing-id",
      "forged-duplicate-id",
      "forged-other-id",
    ),
    weight: 3,
  },
);

const duringArb: fc.Arbitrary<During> = fc.oneof(
  { arbitrary: fc.constant<During>({ d: "nothing" }), weight: 8 },
  { arbitrary: fc.constant<During>({ d: "selection-changed" }), weight: 1 },
  { arbitrary: fc.constant<During>({ d: "reselected-same" }), weight: 1 },
  { arbitrary: fc.nat({ max: 24 }).map<During>((t) => ({ d: "gone-elsewhere", target: t })), weight: 2 },
);

const cancelArb: fc.Arbitrary<Cancel> = fc.oneof(
  { arbitrary: fc.constant<Cancel>("none"), weight: 6 },
  { arbitrary: fc.constant<Cancel>("during-recheck"), weight: 1 },
  { arbitrary: fc.constant<Cancel>("at-start"), weight: 1 },
  { arbitrary: fc.integer({ min: 1, max: 4 }).map<Cancel>((k) => ({ afterWrites: k })), weight: 3 },
);

function duringText(d: During): string {
  return d.d === "gone-elsewhere" ? `shown item ${d.target} deleted elsewhere` : d.d;
}

function cancelText(c: Cancel): string {
  if (c === "none") return "";
  if (c === "during-recheck") return ", cancel during the re-check after the yes";
  return c === "at-start" ? ", cancel at once" : `, cancel after write ${c.afterWrites}`;
}

const purgeArb = fc
  .record({
    select: fc.uniqueArray(item, { minLength: 1, maxLength: 25 }),
    untick: fc.uniqueArray(fc.nat({ max: 24 }), { maxLength: 3 }),
    answer: answerArb,
    during: duringArb,
    cancel: cancelArb,
  })
  .map((p) =>
    show(
      { c: "purge" as const, ...p },
      `purge(select [${p.select.join(",")}]${p.untick.length ? `, untick #${p.untick.join(",")}` : ""}, answer ${p.answer}, during: ${duringText(p.during)}${cancelText(p.cancel)})`,
    ),
  );

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    arbitrary: faultArb.map((fault) =>
      show(
        { c: "fault" as const, fault },
        `fault: ${String((fault as { [fc.toStringMethod]?: () => string })[fc.toStringMethod]?.() ?? fault.f)}`,
      ),
    ),
    weight: 4,
  },
  {
    arbitrary: fc
      .record({ call: fc.integer({ min: 1, max: 4 }), failure: failureArb })
      .map((t) => show({ c: "token" as const, ...t }, `token: MSAL call +${t.call} throws ${t.failure}`)),
    weight: 1,
  },
  {
    arbitrary: item.map((i) => show({ c: "gone" as const, item: i }, `item ${i} deleted elsewhere`)),
    weight: 1,
  },
  { arbitrary: purgeArb, weight: 4 },
);

export function scenarioArb(deleter: fc.Arbitrary<Scenario["deleter"]>): fc.Arbitrary<Scenario> {
  return fc.record({
    deleter,
    tokenSeconds: fc.constantFrom(3600, 90),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    // At least one purge, so every scenario exercises a run.
    commands: fc
      .tuple(fc.array(commandArb, { maxLength: 7 }), purgeArb)
      .map(([rest, last]) => [...rest, last]),
  });
}
