import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import { holdNote } from "../../core/purge/report";
import type { PurgeTarget } from "../../core/purge/types";
import { ConfirmShell } from "../ui/confirmParts";
import { MessageLabel } from "./MessageLabel";

const SAMPLE_SIZE = 5;

const useStyles = makeStyles({
  sample: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground2, display: "block" },
});

export interface BulkConfirmRequest {
  targets: readonly PurgeTarget[];
  /** "the 12 selected messages" or "all 340 messages in Deleted Items". */
  scope: string;
}

export interface BulkConfirmDialogProps {
  request: BulkConfirmRequest | undefined;
  locale?: string | undefined;
  onAnswer(confirmed: boolean): void;
}

/**
 * Names the count, the scope and a sample; from 10 items up, the count must be typed (focus starts in that field,
 * otherwise on Cancel).
 */
export function BulkConfirmDialog({ request, locale, onAnswer }: BulkConfirmDialogProps) {
  const styles = useStyles();
  const [typed, setTyped] = useState("");
  const count = request?.targets.length ?? 0;
  // The Contacts view uses this dialog too: name what is going.
  const contacts = count > 0 && (request?.targets.every((target) => target.ref.kind === "contact") ?? false);
  const kind = contacts ? "contact" : "message";
  const title = isOne(count)
    ? t(`bulk.confirm.title.${kind}.one` as const, { count })
    : t(`bulk.confirm.title.${kind}.other` as const, { count });
  useEffect(() => {
    if (request) setTyped("");
  }, [request]);

  return (
    <ConfirmShell
      open={request !== undefined}
      title={title}
      warningId="bulk-warning"
      warning={t("bulk.confirm.warning", { hold: holdNote() })}
      confirmLabel={t("common.deletePermanently")}
      typed={{ count, value: typed, onChange: setTyped }}
      onAnswer={onAnswer}
    >
      <p>{t("bulk.confirm.scope", { scope: request?.scope ?? "" })}</p>
      {request && (
        <ul className={styles.sample} aria-label={t(`bulk.confirm.sample.${kind}` as const)}>
          {request.targets.slice(0, SAMPLE_SIZE).map((target) => (
            <li key={target.ref.id}>
              <MessageLabel target={target} locale={locale} metaClassName={styles.meta} />
            </li>
          ))}
          {count > SAMPLE_SIZE && <li>{t("bulk.confirm.more", { count: count - SAMPLE_SIZE })}</li>}
        </ul>
      )}
    </ConfirmShell>
  );
}
