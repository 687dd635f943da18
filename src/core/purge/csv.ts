/**
 * The per-item report as CSV (RFC 4180), for copying and downloading. Subjects and sender names come from mail,
 * so a cell starting with = + - @ (or a tab/CR) is prefixed with an apostrophe: a spreadsheet must not run it as
 * a formula. A spreadsheet whose list separator is not the comma (Excel set to German splits on semicolons) may cut
 * a cell apart, so every piece after a comma, semicolon or tab that would start a formula gets the apostrophe too,
 * and a cell holding any of them is quoted.
 */
import { t } from "../i18n";
import type { ItemOutcome, ItemResult } from "./types";

export type ReportRow = ItemResult;

/** "Deleted permanently", "Not found", … in the active language. */
export function outcomeLabel(status: ItemOutcome["status"]): string {
  return t(`outcome.${status}` as const);
}

export function outcomeReason(outcome: ItemOutcome): string {
  switch (outcome.status) {
    case "purged":
      return "";
    case "already-gone":
    case "not-attempted":
      return outcome.message;
    case "failed":
      return outcome.problem.message;
  }
}

function cell(value: string): string {
  const pieces = value.replace(/([,;\t]\s*)([=+\-@])/g, "$1'$2");
  const safe = /^[=+\-@\t\r]/.test(pieces) ? `'${pieces}` : pieces;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [
    [
      t("csv.subject"),
      t("csv.sender"),
      t("csv.senderAddress"),
      t("csv.received"),
      t("csv.folder"),
      t("csv.outcome"),
      t("csv.reason"),
    ]
      .map(cell)
      .join(","),
  ];
  for (const { target, outcome } of rows) {
    lines.push(
      [
        target.subject,
        target.from?.name ?? "",
        target.from?.address ?? "",
        target.received ? target.received.toISOString() : "",
        target.folderName ?? "",
        outcomeLabel(outcome.status),
        outcomeReason(outcome),
      ]
        .map(cell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
