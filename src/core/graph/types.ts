/**
 * Types shared by the Graph client and its callers (task pane, function command, purge workflow).
 * No runtime code here: the integrator codes against these names.
 */
import type { AuthError } from "../auth/errors";

/** Whose mailbox a Graph path addresses: the signed-in person's, or another one (shared / delegate). */
export type MailboxRef = { kind: "me" } | { kind: "user"; id: string }; // id: UPN/SMTP or object id

export type ItemKind = "message" | "contact" | "event";

export interface ItemRef {
  kind: ItemKind;
  /** REST id (convertToRestId v2.0), not URL-encoded: the client encodes it. */
  id: string;
  mailbox: MailboxRef;
  /** Mail folder, contact folder or calendar id; optional, narrows the path. */
  folderId?: string;
}

export type ProblemKind =
  | "unauthorized"
  | "forbidden"
  | "bad-request"
  | "not-found"
  | "throttled"
  | "unavailable"
  | "server"
  | "network"
  | "timeout"
  | "aborted"
  | "unexpected";

/** What Graph's answer said for support screens; every field optional (bodies may be empty, HTML or cut short). */
export interface ProblemDetails {
  /** The HTTP status of the answer, when there was one. */
  status?: number;
  /** Graph's error code, e.g. ErrorAccessDenied. */
  code?: string;
  graphMessage?: string;
  /** Graph's request-id (response header or error.innerError), for support. */
  requestId?: string;
  /** The client-request-id the add-in sent (or Graph echoed), for support. */
  clientRequestId?: string;
  date?: string;
  /** How long Graph asked to wait, when that is why the call failed. */
  retryAfterMs?: number;
}

/**
 * Why a call failed, typed: `kind` is what callers branch on; the other fields say exactly what happened, for the
 * layer that words it for a person (src/core/purge/graphWording.ts). The Graph client produces no sentences.
 * `uncertain`: an earlier attempt of the same call (a 504, a lost answer) may have been carried out.
 */
export type GraphProblem = ProblemDetails &
  (
    | { kind: "unauthorized"; cause: "refused" } // 401, also after a fresh token
    /** The sign-in failed after a send that may already have deleted the item (a 504 before the 401). */
    | { kind: "unauthorized"; cause: "sign-in-after-send"; signIn: AuthError }
    | { kind: "forbidden" } // 403
    | { kind: "bad-request"; cause: "refused" } // 400 (ErrorInvalidIdMalformed and others)
    /** 404 ErrorInvalidMailboxItemId on a delete: the item exists, in another mailbox than the path named. */
    | { kind: "bad-request"; cause: "wrong-mailbox" }
    | { kind: "not-found" } // 404 on a read: nothing at that path
    | { kind: "bad-request"; cause: "missing-id" } // no request made: the item has no usable id
    /** 429 (or a 503/504 whose Retry-After was too long to wait): `waitTooLong` when the wait was not made. */
    | { kind: "throttled"; uncertain: boolean; waitTooLong: boolean }
    | { kind: "unavailable"; cause: "answer"; uncertain: boolean } // 503 / 504
    /** 404 MailboxNotEnabledForRESTAPI: Graph can't serve the mailbox (on-premises, inactive, unlicensed). */
    | { kind: "unavailable"; cause: "mailbox-not-enabled" }
    | { kind: "server" } // other 5xx
    /** fetch failed: `beforeSend` only when the cause proves nothing reached Graph (refused, DNS, TLS). */
    | { kind: "network"; beforeSend: boolean; uncertain: boolean }
    | { kind: "timeout"; timeoutMs: number }
    /** Cancelled; `mayHaveArrived` when a request was on its way (or an earlier one may have run). */
    | { kind: "aborted"; mayHaveArrived: boolean }
    /** A status no rule covers, or a success that proves nothing (a 2xx other than a delete's 204, unreadable JSON). */
    | { kind: "unexpected"; cause: "answer" }
    /** An absolute URL (a nextLink) off baseUrl's origin: not followed, the token stays home. */
    | { kind: "unexpected"; cause: "foreign-link" }
  );

export type DeleteOutcome =
  | { status: "purged" } // only on HTTP 204
  /**
   * 404: nothing where the ID pointed (deleted, moved, or out of reach); calm, not an alarm. `mayHaveDeleted`: an
   * earlier attempt of ours got no answer, so it probably deleted the item (no 204 confirms it).
   */
  | { status: "already-gone"; code: string; mayHaveDeleted?: true }
  | { status: "failed"; problem: GraphProblem };

export interface TokenProvider {
  getToken(request: { forceRefresh: boolean; signal?: AbortSignal }): Promise<string>;
}
