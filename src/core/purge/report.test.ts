import { describe, expect, it } from "vitest";
import { AUTH_MESSAGES, AuthError } from "../auth/errors";
import { t } from "../i18n";
import { OfficeApiError } from "../office/errors";
import { MAX_NOTIFICATION_LENGTH } from "../office/notifications";
import {
  notificationForError,
  notificationText,
  quoteSubject,
  SHORT_MESSAGES,
  summarize,
  summarizeError,
} from "./report";

const dialogError = (code: number) => new OfficeApiError("displayDialogAsync", code, "x", "x");

describe("notification sentences fit Outlook's 150 characters and still say nothing was deleted", () => {
  const cases: [string, unknown][] = [
    ...[12004, 12005, 12006, 12007, 12009, 12011, 99999].map(
      (c) => [`dialog ${c}`, dialogError(c)] as [string, unknown],
    ),
    ["not configured", new AuthError("not-configured", AUTH_MESSAGES.notConfigured)],
    [
      "conditional access",
      new AuthError("conditional-access", AUTH_MESSAGES.conditionalAccess, {
        correlationId: "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
      }),
    ],
    ["interaction required", new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired)],
    ["network", new AuthError("network", AUTH_MESSAGES.network)],
    ["unknown", new TypeError("Cannot read properties of undefined")],
  ];
  it.each(cases)("%s", (_name, error) => {
    const text = notificationForError(error);
    expect(text.length).toBeLessThanOrEqual(MAX_NOTIFICATION_LENGTH);
    expect(text).toMatch(/nothing (was|has been) deleted/i);
  });

  it("keeps the correlation ID in the conditional-access notification", () => {
    expect(SHORT_MESSAGES.conditionalAccess("abc-123")).toContain("abc-123");
  });

  it("names what to do for the dialog errors people can fix themselves", () => {
    expect(notificationForError(dialogError(12011))).toMatch(/pop-ups/);
    expect(notificationForError(dialogError(12009))).toMatch(/Allow/);
    expect(notificationForError(dialogError(12004))).toMatch(/AppDomains/);
  });

  it("a purge result fits too", () => {
    const text = notificationText({
      status: "done",
      results: [
        {
          target: {
            ref: { kind: "message", id: "A", mailbox: { kind: "me" } },
            subject: "x",
            from: undefined,
            received: undefined,
          },
          outcome: { status: "purged" },
        },
      ],
    });
    expect(text.length).toBeLessThanOrEqual(MAX_NOTIFICATION_LENGTH);
    expect(text).toMatch(/can't recover/);
  });
});

describe("subjects in sentences", () => {
  it("drops control and bidi-override characters and shortens long subjects", () => {
    expect(quoteSubject("\u202Egnp.exe")).toBe("“gnp.exe”");
    expect(quoteSubject("   ")).toBe("(no subject)");
    expect(quoteSubject("x".repeat(500)).length).toBeLessThanOrEqual(62);
  });

  it("reports a voided confirmation as a warning that nothing was deleted", () => {
    expect(summarize({ status: "voided", message: "The selection changed" })).toMatchObject({
      tone: "warning",
    });
  });
});

describe("sign-in failures name what an administrator needs", () => {
  it("shows the error code and correlation ID of a failure a retry won't fix", () => {
    const error = new AuthError("failed", AUTH_MESSAGES.failed, {
      code: "redirect_in_iframe",
      correlationId: "c-9",
    });
    expect(summarizeError(error).message).toContain("(Error code: redirect_in_iframe; Correlation ID: c-9)");
  });

  it("keeps routine ones plain", () => {
    const error = new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired, {
      code: "interaction_required",
    });
    expect(summarizeError(error).message).toBe(AUTH_MESSAGES.interactionRequired);
  });
});

describe("Graph read failures", () => {
  it("say what Graph said, not 'something unexpected'", async () => {
    const { GraphError } = await import("../graph/errors");
    const { summarizeFailure } = await import("./failures");
    const error = new GraphError({ kind: "forbidden", status: 403, code: "ErrorAccessDenied" });
    // Worded where it is shown (failures.ts), from the typed problem: a read Graph refused, with its code.
    expect(summarizeFailure(error)).toMatchObject({
      tone: "error",
      message: t("graph.forbidden.read", { note: t("graph.codeNote", { code: "ErrorAccessDenied" }) }),
    });
  });
});

describe("bulk summaries", () => {
  const t = (id: string) => ({
    ref: { kind: "message" as const, id, mailbox: { kind: "me" as const } },
    subject: id,
    from: undefined,
    received: undefined,
  });
  it("says nothing was deleted when nothing was found, unless an earlier attempt may have deleted", () => {
    const target = (id: string) => ({
      ref: { kind: "message" as const, id, mailbox: { kind: "me" as const } },
      subject: id,
      from: undefined,
      received: undefined,
    });
    const notFound = { status: "already-gone" as const, code: "ErrorItemNotFound", message: "m" };
    const none = summarize({
      status: "done",
      results: [
        { target: target("a"), outcome: notFound },
        { target: target("b"), outcome: notFound },
      ],
    });
    expect(none).toMatchObject({ tone: "info", title: "Nothing deleted" });
    expect(none.message).toContain("None of the 2 was found");
    const maybe = summarize({
      status: "done",
      results: [
        { target: target("a"), outcome: notFound },
        { target: target("b"), outcome: { ...notFound, mayHaveDeleted: true } },
      ],
    });
    expect(maybe.title).not.toBe("Nothing deleted");
    expect(maybe.message).not.toContain("None of the");
  });

  it("counts not found as done, not as a failure", () => {
    const summary = summarize({
      status: "done",
      results: [
        { target: t("a"), outcome: { status: "purged" } },
        { target: t("b"), outcome: { status: "already-gone", code: "ErrorItemNotFound", message: "gone" } },
      ],
    });
    expect(summary).toMatchObject({ tone: "success", title: "Deleted permanently" });
    expect(summary.message).toMatch(/^1 of 2 deleted permanently, 1 not found\./);
  });

  it("says what is left when some failed or were not attempted", () => {
    const summary = summarize({
      status: "done",
      results: [
        { target: t("a"), outcome: { status: "purged" } },
        { target: t("b"), outcome: { status: "failed", problem: { kind: "forbidden", message: "no" } } },
        { target: t("c"), outcome: { status: "not-attempted", message: "Cancelled" } },
      ],
    });
    expect(summary).toMatchObject({ tone: "warning", title: "Some messages not deleted" });
    expect(summary.message).toMatch(/1 not deleted, 1 not attempted\. .*run it again/);
  });
});
