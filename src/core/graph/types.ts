/**
 * Types shared by the Graph client and its callers (task pane, function command, purge workflow).
 * No runtime code here: the integrator codes against these names.
 */

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
  | "throttled"
  | "unavailable"
  | "server"
  | "network"
  | "timeout"
  | "aborted"
  | "unexpected";

export interface GraphProblem {
  kind: ProblemKind;
  /** One or two sentences a person can act on: what happened, what to do. */
  message: string;
  status?: number;
  /** Graph's error code, e.g. ErrorAccessDenied. */
  code?: string;
  graphMessage?: string;
  /** Graph's request-id (response header or error.innerError), for support. */
  requestId?: string;
  /** The client-request-id the add-in sent (or Graph echoed), for support. */
  clientRequestId?: string;
  date?: string;
  /** When the server asked to wait longer than we were willing to. */
  retryAfterMs?: number;
}

export type DeleteOutcome =
  | { status: "purged" } // only on HTTP 204
  /**
   * 404: nothing where the ID pointed (deleted, moved, or out of reach); calm, not an alarm. `mayHaveDeleted`: an
   * earlier attempt of ours got no answer, so it probably deleted the item (no 204 confirms it).
   */
  | { status: "already-gone"; code: string; message: string; mayHaveDeleted?: true }
  | { status: "failed"; problem: GraphProblem };

export interface TokenProvider {
  getToken(request: { forceRefresh: boolean; signal?: AbortSignal }): Promise<string>;
}
