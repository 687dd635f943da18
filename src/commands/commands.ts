/**
 * Function file for the ribbon (manifest FunctionFile -> commands.html). Registers the handler named in
 * manifest.xml's FunctionName with Office.actions.associate once Office is ready.
 */
import { OperationUnavailableError, requireAvailableFor } from "../core/cloud";
import { ConfigError, readConfig } from "../core/config";
import { loadLanguage, NO_CATALOGUE, t } from "../core/i18n";
import { requireSets } from "../core/office/errors";
import { currentItemKey, readCurrentItem } from "../core/office/item";
import { notify } from "../core/office/notifications";
import { REQUIREMENTS } from "../core/office/requirements";
import { DeleteNotAllowedError } from "../core/office/shared";
import { confirmInDialog } from "../core/purge/dialogConfirm";
import { notificationForFailure } from "../core/purge/failures";
import { reportDelete } from "../core/purge/graphReports";
import { SHORT_MESSAGES } from "../core/purge/report";
import { itemToTarget } from "../core/purge/targets";
import { createServices } from "../core/services";
import { CONFIRM_TIMEOUT_MS, runPurgeCommand } from "./purgeCommand";

export const FUNCTION_NAME = "purgeCurrentItem";

function currentItemOperation(): "event" | "message" {
  return Office.context.mailbox?.item?.itemType === Office.MailboxEnums.ItemType.Appointment
    ? "event"
    : "message";
}

/**
 * The person's language, loaded once when Office is ready. The handler is associated at once (Outlook may call it
 * right away) and waits for the language before it says anything: false if not even English could be loaded.
 */
let languageReady: Promise<boolean> | undefined;
const languageLoaded = () =>
  (languageReady ??= loadLanguage(Office.context.displayLanguage).then(
    () => true,
    () => false,
  ));

export async function purgeCurrentItem(event: Office.AddinCommands.Event): Promise<void> {
  try {
    if (!(await languageLoaded())) {
      await notify("error", NO_CATALOGUE);
      return;
    }
    const origin = window.location.origin;
    const config = readConfig(import.meta.env);
    if (!config.clientId) {
      await notify("error", SHORT_MESSAGES.notConfigured);
      return;
    }
    // The confirmation page receives what it shows through messageChild (DialogApi 1.2): a host without it can't
    // confirm anything, so nothing is read, opened or sent; the person reads which requirement set is missing.
    requireSets(REQUIREMENTS.confirmationDialog);
    const services = createServices(config, origin);
    // A sovereign cloud without this permanentDelete: say so, open nothing, send nothing. Events exist in more
    // clouds than messages (China), so the appointment surfaces check their own operation.
    const operation = currentItemOperation();
    if (!services.available(operation)) {
      await notify("error", new OperationUnavailableError(services.cloud.cloud, operation).short);
      return;
    }
    await runPurgeCommand({
      resolveTarget: async () => {
        // The press is a click: whose mailbox the item is in may be asked of Graph, signing in if needed.
        const item = await readCurrentItem({ probe: (target) => services.ownsItem(target, true) });
        // Outlook's delegate bits say no: refuse before the confirmation opens.
        if (item.refusal) throw new DeleteNotAllowedError(item.refusal.message, item.refusal.short);
        requireAvailableFor(item.access?.targetRestUrl, item.kind === "event" ? "event" : "message");
        return itemToTarget(item);
      },
      currentItemId: currentItemKey,
      confirm: (request) => confirmInDialog(request, { origin, timeoutMs: CONFIRM_TIMEOUT_MS }),
      // The button press is the person's gesture: a sign-in window may open if needed. The scope follows the
      // item: Mail.ReadWrite.Shared only for a shared or delegated message, Calendars.ReadWrite only for an event.
      deleteItem: async (ref, signal) =>
        reportDelete(ref, await services.itemGraph(true, ref).permanentDelete(ref, { signal })),
      notify,
    });
  } catch (error) {
    // readConfig throws on a misconfigured build: say so on the item rather than failing silently. Anything
    // else gets the general sentence: a raw exception message means nothing to the person reading it.
    const text =
      error instanceof ConfigError
        ? t("purge.configNothingDeleted", { problem: error.message })
        : notificationForFailure(error);
    await notify("error", text).catch(() => undefined);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  void languageLoaded();
  Office.actions.associate(FUNCTION_NAME, purgeCurrentItem);
});
