/**
 * The per-item report: every item with exactly one outcome, copyable and downloadable as CSV. Loaded lazily:
 * it is only needed after a bulk run.
 */
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular } from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import { t } from "../../core/i18n";
import { outcomeLabel, outcomeReason, reportCsv } from "../../core/purge/csv";
import type { ItemResult } from "../../core/purge/types";
import { displaySender, displaySubject, formatReceived } from "../format";

/** Below this width (the pane's ~320 px, or a wider pane at 200 % zoom) each row is a block: item, outcome, reason. */
const NARROW = "@container (max-width: 479px)";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // The query container. No scroll area of its own: the pane scrolls, so at 200 % zoom nothing scrolls inside a
  // scroll area, and a keyboard reaches every row without a focusable scroller.
  frame: { containerType: "inline-size", border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    [NARROW]: { display: "block" },
  },
  // Narrow: the column headers stay for screen readers (the table keeps its roles) but aren't shown.
  head: {
    [NARROW]: {
      position: "absolute",
      width: "1px",
      height: "1px",
      overflow: "hidden",
      clipPath: "inset(50%)",
      whiteSpace: "nowrap",
    },
  },
  body: { [NARROW]: { display: "block" } },
  row: {
    [NARROW]: {
      display: "block",
      padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
  meta: { display: "block", color: tokens.colorNeutralForeground2 },
  cell: {
    textAlign: "start",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "break-word",
    hyphens: "auto",
    [NARROW]: { display: "block", padding: 0, borderBottom: "none" },
  },
  // Wide: the item column takes the room; outcome and reason keep readable widths (no letter-by-letter wrap).
  itemCell: { width: "45%", minWidth: "10em", [NARROW]: { width: "auto", minWidth: 0 } },
  outcomeCell: {
    minWidth: "7em",
    [NARROW]: { minWidth: 0, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  },
  reasonCell: { minWidth: "9em", [NARROW]: { minWidth: 0 } },
});

/**
 * Explicit table roles: the narrow layout makes rows and cells blocks, and some engines (WebKit) then stop exposing
 * a table to screen readers; the roles keep it one everywhere.
 */
const as = (role: "table" | "rowgroup" | "row" | "columnheader" | "cell") => ({ role });

export interface ReportPanelProps {
  results: readonly ItemResult[];
  locale?: string | undefined;
}

export default function ReportPanel({ results, locale }: ReportPanelProps) {
  const styles = useStyles();
  const csv = useMemo(() => reportCsv(results), [results]);
  const [copied, setCopied] = useState<string | undefined>();
  const itemHeader =
    results.length > 0 && results.every((r) => r.target.ref.kind === "contact")
      ? t("report.column.contact")
      : t("report.column.message");
  const counts = useMemo(() => {
    const c = { purged: 0, "already-gone": 0, failed: 0, "not-attempted": 0 };
    for (const r of results) c[r.outcome.status] += 1;
    return c;
  }, [results]);

  const download = () => {
    // A byte-order mark so spreadsheet apps read the file as UTF-8.
    const url = URL.createObjectURL(new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("csv.fileName");
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const copy = () => {
    navigator.clipboard.writeText(csv).then(
      () => setCopied(t("report.copied")),
      () => setCopied(t("report.copyFailed")),
    );
  };

  return (
    <section className={styles.root} aria-label={t("report.label")}>
      <Caption1>
        {t("report.counts", {
          purged: counts.purged,
          gone: counts["already-gone"],
          failed: counts.failed,
          notAttempted: counts["not-attempted"],
        })}
      </Caption1>
      <div className={styles.actions}>
        <Button icon={<CopyRegular />} onClick={copy}>
          {t("report.copy")}
        </Button>
        <Button icon={<ArrowDownloadRegular />} onClick={download}>
          {t("report.download")}
        </Button>
        {copied && <Caption1 role="status">{copied}</Caption1>}
      </div>
      <div className={styles.frame}>
        <table className={styles.table} {...as("table")}>
          <thead className={styles.head} {...as("rowgroup")}>
            <tr {...as("row")}>
              {[itemHeader, t("report.column.outcome"), t("report.column.reason")].map((h) => (
                <th key={h} scope="col" {...as("columnheader")} className={styles.cell}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={styles.body} {...as("rowgroup")}>
            {results.map(({ target, outcome }) => (
              <tr key={target.ref.id} className={styles.row} {...as("row")}>
                <td className={mergeClasses(styles.cell, styles.itemCell)} {...as("cell")}>
                  <bdi>{displaySubject(target.subject)}</bdi>
                  <span className={styles.meta}>
                    <bdi>{displaySender(target.from)}</bdi>
                    {target.received ? ` · ${formatReceived(target.received, locale)}` : ""}
                  </span>
                </td>
                <td className={mergeClasses(styles.cell, styles.outcomeCell)} {...as("cell")}>
                  {outcomeLabel(outcome.status)}
                </td>
                <td className={mergeClasses(styles.cell, styles.reasonCell)} {...as("cell")}>
                  {outcomeReason(outcome)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
