/**
 * Several selected messages (Mailbox 1.13, ReadWriteMailbox; task pane only, at most 100). In Outlook on the web
 * `item` is null while several are selected, and field reports say the list can hold odd entries (compose-mode
 * drafts, meeting items, IDs that no longer resolve), so callers verify every ID with Graph before showing it.
 * SelectedItemsChanged is not always raised (office-js#5055): the pane re-reads the selection at the press.
 */
import { officeCall } from "./async";
import { toRestId } from "./item";
import { isSupported, REQUIREMENTS } from "./requirements";

export interface SelectedMessage {
  restId: string;
  ewsId: string;
  subject: string;
  /** "Read" or "Compose" as Outlook reports it; compose-mode drafts are left out by the caller. */
  itemMode: string;
  itemType: string;
}

export function canReadSelection(): boolean {
  return (
    isSupported(REQUIREMENTS.multiSelect) &&
    typeof Office.context.mailbox?.getSelectedItemsAsync === "function"
  );
}

export async function readSelection(): Promise<SelectedMessage[]> {
  const details = await officeCall<Office.SelectedItemDetails[]>("getSelectedItemsAsync", (cb) =>
    Office.context.mailbox.getSelectedItemsAsync(cb),
  );
  const seen = new Set<string>();
  const result: SelectedMessage[] = [];
  for (const d of details ?? []) {
    if (!d?.itemId || seen.has(d.itemId)) continue;
    seen.add(d.itemId);
    result.push({
      ewsId: d.itemId,
      restId: toRestId(d.itemId),
      subject: d.subject ?? "",
      itemMode: String(d.itemMode ?? ""),
      itemType: String(d.itemType ?? ""),
    });
  }
  return result;
}

export async function onSelectionChanged(handler: () => void): Promise<() => Promise<void>> {
  const mailbox = Office.context.mailbox;
  await officeCall<void>("addHandlerAsync(SelectedItemsChanged)", (cb) =>
    mailbox.addHandlerAsync(Office.EventType.SelectedItemsChanged, () => handler(), cb),
  );
  return async () => {
    await officeCall<void>("removeHandlerAsync(SelectedItemsChanged)", (cb) =>
      mailbox.removeHandlerAsync(Office.EventType.SelectedItemsChanged, cb),
    );
  };
}
