/** Which cloud the mailbox Outlook shows lives in: its REST URL first, the configured authority second. */
import { type DetectedCloud, detectCloud } from "../cloud";

export function mailboxCloud(config: { authority: string }): DetectedCloud {
  let restUrl: string | undefined;
  try {
    restUrl = Office.context.mailbox?.restUrl;
  } catch {
    restUrl = undefined; // dialogs and hosts without a mailbox
  }
  return detectCloud({ restUrl, authority: config.authority });
}
