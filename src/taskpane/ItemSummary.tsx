import { Caption1, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { t } from "../core/i18n";
import type { PurgeTarget } from "../core/purge/types";
import { displaySender, displaySubject, formatReceived } from "./format";
import { fill } from "./ui/fill";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  subject: {
    overflowWrap: "anywhere",
    display: "-webkit-box",
    WebkitLineClamp: "3",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

export interface ItemSummaryProps {
  target: PurgeTarget;
  /** BCP 47 tag for dates, from Office.context.displayLanguage. */
  locale?: string | undefined;
}

/** Subject, sender and date of one message. Text only: hostile subjects render as text. */
export function ItemSummary({ target, locale }: ItemSummaryProps) {
  const styles = useStyles();
  const sender = displaySender(target.from);
  const received = formatReceived(target.received, locale);
  return (
    <div className={styles.root}>
      <Subtitle2 as="h3" className={styles.subject}>
        <bdi>{displaySubject(target.subject)}</bdi>
      </Subtitle2>
      {sender && (
        <Caption1 className={styles.meta}>{fill("item.from", { sender: <bdi>{sender}</bdi> })}</Caption1>
      )}
      {received && <Caption1 className={styles.meta}>{t("item.received", { date: received })}</Caption1>}
    </div>
  );
}
