/**
 * ItemChanged for the pinned task pane (Mailbox 1.5). Outlook raises it when the person selects another item;
 * the new item may be null (nothing selected, or several). Field reports say it is not always raised, so the
 * pane also re-reads the item before acting (see item.ts); this only keeps the display fresh.
 */
import { officeCall } from "./async";

export async function onItemChanged(handler: () => void): Promise<() => Promise<void>> {
  const mailbox = Office.context.mailbox;
  await officeCall<void>("addHandlerAsync(ItemChanged)", (cb) =>
    mailbox.addHandlerAsync(Office.EventType.ItemChanged, () => handler(), cb),
  );
  return async () => {
    await officeCall<void>("removeHandlerAsync(ItemChanged)", (cb) =>
      mailbox.removeHandlerAsync(Office.EventType.ItemChanged, cb),
    );
  };
}
