import { AUTH_MESSAGES } from "../core/auth/errors";
import { SCOPES } from "../core/auth/scopes";
import { ConfigError, readConfig } from "../core/config";
import { onItemChanged } from "../core/office/events";
import { canFollowItemChanges, readCurrentItem } from "../core/office/item";
import { createServices } from "../core/services";
import type { PaneDeps } from "./paneDeps";

async function watchItem(onChange: () => void): Promise<() => void> {
  if (!canFollowItemChanges()) return () => undefined;
  const stop = await onItemChanged(onChange);
  return () => {
    stop().catch(() => undefined);
  };
}

function unconfigured(problem: string): PaneDeps {
  const refuse = () => Promise.reject(new ConfigError(problem));
  return {
    configProblem: problem,
    readItem: readCurrentItem,
    watchItem,
    checkSignIn: refuse,
    signIn: refuse,
    deleteItem: refuse,
  };
}

/** The pane's collaborators in Outlook: Office.js, MSAL (nested app auth or the dialog fallback), Graph. */
export function createRealDeps(): PaneDeps {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(import.meta.env);
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : "The add-in's configuration can't be read.";
    return unconfigured(`${message} See the README's 'Configure' section.`);
  }
  if (!config.clientId) return unconfigured(AUTH_MESSAGES.notConfigured);

  const services = createServices(config, window.location.origin);
  // The pane deletes only after a click in its own confirmation, so a sign-in window may open.
  const graph = services.mailGraph(true);
  return {
    configProblem: undefined,
    readItem: readCurrentItem,
    watchItem,
    async checkSignIn() {
      await services.tokens.getToken({ scopes: SCOPES.mail, interactive: false });
    },
    async signIn() {
      await services.tokens.getToken({ scopes: SCOPES.mail, interactive: true });
    },
    deleteItem: (ref) => graph.permanentDelete(ref),
  };
}
