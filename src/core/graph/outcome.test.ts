import { describe, expect, it } from "vitest";
import { reportDelete } from "../purge/graphReports";
import { outcomeFromResponse } from "./outcome";
import type { ItemRef } from "./types";

const own: ItemRef = { kind: "message", id: "AAMk-own", mailbox: { kind: "me" } };
const shared: ItemRef = {
  kind: "message",
  id: "AAMk-shared",
  mailbox: { kind: "user", id: "sales@contoso.com" },
};
const body = (code: string) => ({ error: { code, message: "x" } });

describe("a 404 is 'not found', never 'gone'", () => {
  it("in the person's own mailbox: deleted or moved, nothing deleted", () => {
    const outcome = reportDelete(own, outcomeFromResponse(404, {}, body("ErrorItemNotFound")));
    expect(outcome).toMatchObject({ status: "already-gone", code: "ErrorItemNotFound" });
    const message = outcome.status === "already-gone" ? outcome.message : "";
    expect(message).toContain("wasn't found");
    expect(message).toContain("moved");
    expect(message).toContain("Nothing was deleted.");
    expect(message).not.toMatch(/no longer|gone|purged/i);
    expect(outcome).not.toHaveProperty("mayHaveDeleted");
  });

  it("in a shared or delegated mailbox: names the mailbox and says it may only be out of reach", () => {
    const outcome = reportDelete(shared, outcomeFromResponse(404, {}, body("ErrorItemNotFound")));
    const message = outcome.status === "already-gone" ? outcome.message : "";
    expect(message).toContain("sales@contoso.com");
    expect(message).toContain("not accessible to you there");
    expect(message).not.toMatch(/no longer|gone/i);
  });

  it("after an attempt that may have deleted it: says so, and carries that to the report", () => {
    const outcome = reportDelete(
      own,
      outcomeFromResponse(404, {}, body("ErrorItemNotFound"), { uncertain: true }),
    );
    expect(outcome).toMatchObject({ status: "already-gone", mayHaveDeleted: true });
    expect(outcome.status === "already-gone" && outcome.message).toContain("probably deleted it");
  });

  it("404 MailboxNotEnabledForRESTAPI is a failure for the whole mailbox, not a missing item", () => {
    const outcome = reportDelete(shared, outcomeFromResponse(404, {}, body("MailboxNotEnabledForRESTAPI")));
    expect(outcome).toMatchObject({
      status: "failed",
      problem: { kind: "unavailable", status: 404, code: "MailboxNotEnabledForRESTAPI" },
    });
    expect(outcome.status === "failed" && outcome.problem.message).toContain("Nothing was deleted");
  });
});
