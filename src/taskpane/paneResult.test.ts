import { describe, expect, it } from "vitest";
import { CLOUDS, OperationUnavailableError } from "../core/cloud";
import { DeleteNotAllowedError } from "../core/office/shared";
import { summarizeError } from "../core/purge/report";
import type { ItemOutcome, ItemResult, ProblemReport, PurgeTarget } from "../core/purge/types";
import { describeError, resultView, settledIds } from "./paneResult";

const target = (id: string): PurgeTarget => ({
  ref: { kind: "message", id, mailbox: { kind: "me" } },
  subject: id,
  from: undefined,
  received: undefined,
});
const result = (id: string, outcome: ItemOutcome): ItemResult => ({ target: target(id), outcome });
const problem: ProblemReport = {
  kind: "forbidden",
  message: "Graph said no.",
  status: 403,
  code: "ErrorAccessDenied",
};

describe("resultView", () => {
  it("keeps Graph's details when the item failed, for the details line under the result", () => {
    const view = resultView({ status: "done", results: [result("a", { status: "failed", problem })] });
    expect(view.summary.tone).toBe("error");
    expect(view.problem).toBe(problem);
  });

  it("has no details for a purge, a cancel or a voided confirmation", () => {
    expect(
      resultView({ status: "done", results: [result("a", { status: "purged" })] }).problem,
    ).toBeUndefined();
    expect(resultView({ status: "cancelled", message: "No." }).problem).toBeUndefined();
    expect(resultView({ status: "voided", message: "Changed." }).problem).toBeUndefined();
  });
});

describe("describeError", () => {
  it("reads a delegate refusal as itself: a warning, in the refusal's own words", () => {
    const summary = describeError(
      new DeleteNotAllowedError("You can read this mailbox, not delete in it.", "x"),
    );
    expect(summary).toEqual({
      tone: "warning",
      title: "Can't delete in this mailbox",
      message: "You can read this mailbox, not delete in it.",
    });
  });

  it("reads an operation Graph doesn't offer in the item's cloud as itself", () => {
    const error = new OperationUnavailableError(CLOUDS.china, "message");
    expect(describeError(error)).toEqual({
      tone: "warning",
      title: "Not available in this cloud",
      message: error.message,
    });
  });

  it("leaves every other error to the general wording", () => {
    for (const error of [new Error("Network down."), "not an error"]) {
      expect(describeError(error)).toEqual(summarizeError(error));
    }
  });
});

describe("settledIds", () => {
  it("counts what was purged or found already gone, never a failure or an item not attempted", () => {
    const ids = settledIds([
      result("purged", { status: "purged" }),
      result("gone", { status: "already-gone", code: "ErrorItemNotFound", message: "Not found." }),
      result("failed", { status: "failed", problem }),
      result("skipped", { status: "not-attempted", message: "Cancelled." }),
    ]);
    expect(ids).toEqual(["purged", "gone"]);
  });
});
