/** CSV formula injection: subjects and sender names come from hostile mail, and the report is opened in spreadsheets. */
import { describe, expect, it } from "vitest";
import { reportCsv } from "../../src/core/purge/csv";
import type { ItemResult } from "../../src/core/purge/types";

function row(subject: string, name: string): ItemResult {
  return {
    target: {
      ref: { kind: "message", id: "AAMk", mailbox: { kind: "me" } },
      subject,
      from: { name, address: "a@b.example" },
      received: undefined,
    },
    outcome: { status: "purged" },
  };
}

describe("report CSV", () => {
  it.each(['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])(
    "never starts a cell with a formula trigger: %j",
    (hostile) => {
      const csv = reportCsv([row(hostile, hostile)]);
      expect(csv.startsWith("Subject,")).toBe(true);
      expect(csv).toContain("'");
      expect(csv).not.toMatch(/(^|\r\n|,)"?[=+\-@\t]/);
    },
  );

  it("quotes commas, quotes and line breaks so a subject can't add columns or rows", () => {
    const csv = reportCsv([row('a,"b"\r\nc,d', "x")]);
    expect(csv.split("\r\n")).toHaveLength(4); // header, one row spanning the quoted break, trailing empty
    expect(csv).toContain('"a,""b""\r\nc,d"');
  });
});
