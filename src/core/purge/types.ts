import type { ItemRef, ProblemDetails, ProblemKind } from "../graph/types";
import type { EventRecurrence, Person } from "../office/item";

export type { Person };

/** What the confirmation must say about a calendar event: when, whose, and how much of a series goes. */
export interface EventDetails {
  start: Date | undefined;
  end: Date | undefined;
  recurrence: EventRecurrence;
  organizer: Person | undefined;
  isOrganizer: boolean;
  hasAttendees: boolean | undefined;
}

/** One item the person is about to purge, with what the confirmation shows of it. */
export interface PurgeTarget {
  ref: ItemRef;
  subject: string;
  from: Person | undefined;
  received: Date | undefined;
  /** The folder it is in, when known (bulk confirmations show it: a conversation can span folders). */
  folderName?: string | undefined;
  /** Present for calendar events (ref.kind "event"). */
  event?: EventDetails | undefined;
}

export interface ConfirmationRequest {
  targets: readonly PurgeTarget[];
}

/** What the person answered. A "yes" names the exact IDs it was shown. */
export type ConfirmationAnswer =
  | { confirmed: true; ids: readonly string[] }
  | { confirmed: false; reason: "cancelled" | "closed" | "timed-out" };

/** A failed Graph call as the person reads it (graphReports.ts): its kind, the sentence, the support details. */
export interface ProblemReport extends ProblemDetails {
  kind: ProblemKind;
  /** One or two sentences a person can act on: what happened, what to do. */
  message: string;
}

/** One delete's outcome as the person reads it: Graph's DeleteOutcome with its sentences (graphReports.ts). */
export type DeleteReport =
  | { status: "purged" } // only on HTTP 204
  /** 404: nothing where the ID pointed; `mayHaveDeleted`: an earlier attempt of ours probably deleted it. */
  | { status: "already-gone"; code: string; message: string; mayHaveDeleted?: true }
  | { status: "failed"; problem: ProblemReport };

/** How one item ended: Graph's outcome, or never sent because the run stopped first (sign-in failed, cancelled). */
export type ItemOutcome = DeleteReport | { status: "not-attempted"; message: string };

export interface ItemResult {
  target: PurgeTarget;
  outcome: ItemOutcome;
}

export type PurgeResult =
  /** The person said no: nothing was sent. */
  | { status: "cancelled"; message: string }
  /** What was confirmed is no longer what is selected, or the answer didn't match what was shown. */
  | { status: "voided"; message: string }
  /** A purge is already running; this press did nothing. */
  | { status: "busy" }
  /** Deletion ran; every target has exactly one result. */
  | { status: "done"; results: ItemResult[] };
