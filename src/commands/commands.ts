/**
 * Function file for the ribbon (manifest FunctionFile -> commands.html). Registers the handler named in
 * manifest.xml's FunctionName with Office.actions.associate once Office is ready.
 */
import { ConfigError, readConfig } from "../core/config";
import { currentItemKey, readCurrentItem } from "../core/office/item";
import { notify } from "../core/office/notifications";
import { confirmInDialog } from "../core/purge/dialogConfirm";
import { notificationForError, SHORT_MESSAGES } from "../core/purge/report";
import { itemToTarget } from "../core/purge/targets";
import { createServices } from "../core/services";
import { CONFIRM_TIMEOUT_MS, runPurgeCommand } from "./purgeCommand";

export const FUNCTION_NAME = "purgeCurrentItem";

export async function purgeCurrentItem(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const origin = window.location.origin;
    const config = readConfig(import.meta.env);
    if (!config.clientId) {
      await notify("error", SHORT_MESSAGES.notConfigured);
      return;
    }
    const services = createServices(config, origin);
    // The button press is the person's gesture: a sign-in window may open if needed.
    const graph = services.mailGraph(true);
    await runPurgeCommand({
      resolveTarget: async () => itemToTarget(await readCurrentItem()),
      currentItemId: currentItemKey,
      confirm: (request) => confirmInDialog(request, { origin, timeoutMs: CONFIRM_TIMEOUT_MS }),
      deleteItem: (ref, signal) => graph.permanentDelete(ref, { signal }),
      notify,
    });
  } catch (error) {
    // readConfig throws on a misconfigured build: say so on the item rather than failing silently. Anything
    // else gets the general sentence: a raw exception message means nothing to the person reading it.
    const text =
      error instanceof ConfigError ? `${error.message} Nothing was deleted.` : notificationForError(error);
    await notify("error", text).catch(() => undefined);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate(FUNCTION_NAME, purgeCurrentItem);
});
