import { Caption1 } from "@fluentui/react-components";
import type { PurgeTarget } from "../../core/purge/types";
import { displaySender, displaySubject, formatReceived } from "../format";

interface MessageLabelProps {
  target: PurgeTarget;
  locale: string | undefined;
  /** The caller's style for the second line (colour, block, wrapping). */
  metaClassName: string;
}

/** A message as the bulk lists name it: its subject, then "sender · received · folder" beneath. */
export function MessageLabel({ target, locale, metaClassName }: MessageLabelProps) {
  return (
    <>
      <bdi>{displaySubject(target.subject)}</bdi>
      <Caption1 className={metaClassName}>
        <bdi>{displaySender(target.from)}</bdi>
        {target.received ? ` · ${formatReceived(target.received, locale)}` : ""}
        {target.folderName ? ` · ${target.folderName}` : ""}
      </Caption1>
    </>
  );
}
