import { describe, expect, it } from "vitest";
import { GraphError, readErrorDetails, withDetails } from "./errors";

describe("readErrorDetails", () => {
  it("reads code, message and innerError ids", () => {
    const body = JSON.stringify({
      error: {
        code: "ErrorItemNotFound",
        message: "Not found.",
        innerError: { "request-id": "r1", "client-request-id": "c1", date: "2026-11-23T12:00:00" },
      },
    });
    expect(readErrorDetails(body, new Headers())).toEqual({
      code: "ErrorItemNotFound",
      graphMessage: "Not found.",
      requestId: "r1",
      clientRequestId: "c1",
      date: "2026-11-23T12:00:00",
    });
  });

  it("accepts the older lower-case innererror", () => {
    const body = JSON.stringify({ error: { code: "X", innererror: { "request-id": "r2" } } });
    expect(readErrorDetails(body, new Headers()).requestId).toBe("r2");
  });

  it("prefers header ids and uses the Date header only as a fallback", () => {
    const headers = new Headers({ "request-id": "h1", date: "Mon, 23 Nov 2026 12:00:00 GMT" });
    const body = JSON.stringify({ error: { code: "X", innerError: { "request-id": "r1", date: "inner" } } });
    expect(readErrorDetails(body, headers)).toMatchObject({ requestId: "h1", date: "inner" });
    expect(readErrorDetails(undefined, headers)).toEqual({
      requestId: "h1",
      date: "Mon, 23 Nov 2026 12:00:00 GMT",
    });
  });

  it("returns nothing from bodies that are not Graph errors", () => {
    for (const body of [
      undefined,
      "",
      "   ",
      "<html>502</html>",
      "null",
      "[]",
      '"text"',
      '{"error":"flat"}',
      "{",
    ]) {
      expect(readErrorDetails(body, new Headers()), String(body)).toEqual({});
    }
  });

  it("ignores non-string fields and bounds long messages", () => {
    const body = JSON.stringify({ error: { code: 42, message: "m".repeat(5000) } });
    const details = readErrorDetails(body, new Headers());
    expect(details.code).toBeUndefined();
    expect(details.graphMessage).toHaveLength(500);
  });
});

describe("withDetails / GraphError", () => {
  it("copies only present details and keeps the problem on the error", () => {
    const problem = withDetails({ kind: "server", status: 500 }, { code: "C" });
    expect(problem).toEqual({ kind: "server", status: 500, code: "C" });
    expect(Object.keys(problem)).not.toContain("requestId");
    const error = new GraphError(problem);
    // For developers (logs, test output): what failed, no sentence for a person (that is src/core/purge's).
    expect(error.message).toBe("Microsoft Graph: server (HTTP 500, C)");
    expect(error.problem).toBe(problem);
    expect(error).toBeInstanceOf(Error);
  });
});
