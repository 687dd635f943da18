import type { MailItem } from "../office/item";
import type { PurgeTarget } from "./types";

/** What the confirmation shows of the current item, and the Graph reference to delete. */
export function itemToTarget(item: MailItem): PurgeTarget {
  return {
    ref: { kind: "message", id: item.restId, mailbox: item.mailbox },
    subject: item.subject,
    from: item.from,
    received: item.received,
  };
}
