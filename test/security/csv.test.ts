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

describe("report CSV opened by Excel set to German (semicolon lists)", () => {
  // A careless reader: splits on , ; and tab, ignoring quotes, as a spreadsheet set to another list separator may.
  const naiveCells = (csv: string) => csv.split(/\r\n/).flatMap((line) => line.split(/[,;\t]/));
  it.each(["x;=1+1+", "x,=1+1", "x\t=cmd|' /C calc'!A0", "ok; +SUM(A1)", "a;@x", "a, -2+3"])(
    "no piece of %j starts a formula after splitting on , ; and tab",
    (hostile) => {
      const csv = reportCsv([row(hostile, hostile)]);
      for (const piece of naiveCells(csv)) expect(piece.replace(/^["\s]+/, "")).not.toMatch(/^[=+\-@]/);
      // And a careful reader gets the subject back, with only the apostrophes added.
      expect(csv).toContain(hostile.replace(/([,;\t]\s*)([=+\-@])/g, "$1'$2").replace(/^([=+\-@])/, "'$1"));
    },
  );

  it("quotes a cell holding a semicolon or a tab, so a semicolon-list reader keeps it whole", () => {
    const csv = reportCsv([row("a;b\tc", "x")]);
    expect(csv).toContain('"a;b\tc"');
  });
});
