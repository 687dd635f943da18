/**
 * The Graph client's typed outcomes and problems as the person reads them: the sentence for each (graphWording.ts),
 * with the problem's kind and the support details the pane shows. Every Graph result that reaches a person passes
 * through here.
 */
import type { DeleteOutcome, GraphProblem, ItemRef } from "../graph/types";
import type { Subject } from "./graphWording";
import * as say from "./graphWording";
import type { DeleteReport, ProblemReport } from "./types";

/** Subject of a delete of `item`, for the sentences. */
export function deleting(item: ItemRef): Subject {
  return { op: "delete", item };
}

/** The sentence for a problem of a call made for `subject`. */
export function describeProblem(problem: GraphProblem, subject: Subject): string {
  const { status = 0, code } = problem;
  const kind = subject.op === "delete" ? subject.item.kind : undefined;
  switch (problem.kind) {
    case "unauthorized":
      if (problem.cause === "sign-in-after-send" && kind !== undefined) {
        return say.maybeDeletedThenStopped(kind, problem.signIn.message);
      }
      return say.unauthorized(code);
    case "forbidden":
      return say.forbidden(subject, code);
    case "bad-request":
      return describeBadRequest(problem.cause, subject, status, code);
    case "not-found":
      return say.notFoundRead(code);
    case "throttled":
      return problem.waitTooLong
        ? say.throttledTooLong(subject, problem.retryAfterMs ?? 0, code, problem.uncertain)
        : say.throttled(subject, code, problem.uncertain);
    case "unavailable":
      if (problem.cause === "mailbox-not-enabled" && kind !== undefined) return say.mailboxNotEnabled(kind);
      return say.unavailable(subject, status, code, problem.cause === "answer" && problem.uncertain);
    case "server":
      return say.serverError(subject, status, code);
    case "network":
      return say.network(subject, problem.beforeSend, problem.uncertain);
    case "timeout":
      return say.timeout(subject, problem.timeoutMs);
    case "aborted":
      return say.aborted(subject, problem.mayHaveArrived);
    case "unexpected":
      if (problem.cause === "foreign-link") return say.foreignLink();
      return status >= 200 && status < 300
        ? say.unexpectedSuccess(subject, status)
        : say.unexpectedStatus(subject, status, code);
  }
}

function describeBadRequest(
  cause: Extract<GraphProblem, { kind: "bad-request" }>["cause"],
  subject: Subject,
  status: number,
  code: string | undefined,
): string {
  switch (cause) {
    case "missing-id":
      return subject.op === "delete"
        ? say.missingId(subject.item.kind)
        : say.badRequest(subject, status, code);
    case "wrong-mailbox":
      if (subject.op === "delete")
        return say.wrongMailbox(subject.item.kind, code ?? "", subject.item.mailbox);
      return say.notFoundRead(code);
    case "refused":
      return code === "ErrorInvalidIdMalformed"
        ? say.malformedId(subject, code)
        : say.badRequest(subject, status, code);
  }
}

/** The problem as the pane and the report show it: its kind, the sentence, and the support details present. */
export function reportProblem(problem: GraphProblem, subject: Subject): ProblemReport {
  const report: ProblemReport = { kind: problem.kind, message: describeProblem(problem, subject) };
  if (problem.status !== undefined) report.status = problem.status;
  if (problem.code !== undefined) report.code = problem.code;
  if (problem.graphMessage !== undefined) report.graphMessage = problem.graphMessage;
  if (problem.requestId !== undefined) report.requestId = problem.requestId;
  if (problem.clientRequestId !== undefined) report.clientRequestId = problem.clientRequestId;
  if (problem.date !== undefined) report.date = problem.date;
  if (problem.retryAfterMs !== undefined) report.retryAfterMs = problem.retryAfterMs;
  return report;
}

/** One delete's outcome as the person reads it. */
export function reportDelete(item: ItemRef, outcome: DeleteOutcome): DeleteReport {
  switch (outcome.status) {
    case "purged":
      return outcome;
    case "already-gone": {
      const mayHaveDeleted = outcome.mayHaveDeleted === true;
      const report: DeleteReport = {
        status: "already-gone",
        code: outcome.code,
        message: say.notFound(item, mayHaveDeleted),
      };
      if (mayHaveDeleted) report.mayHaveDeleted = true;
      return report;
    }
    case "failed":
      return { status: "failed", problem: reportProblem(outcome.problem, deleting(item)) };
  }
}
