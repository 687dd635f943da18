/**
 * Build-time configuration. Vite inlines `import.meta.env.VITE_*` values at build time; each entry point reads them
 * with `readConfig(import.meta.env)` and passes the result down, so the core never reads globals itself.
 */

export interface AppConfig {
  /** Entra ID application (client) ID. Undefined when the build was made without one. */
  clientId: string | undefined;
  /** Authority for the standard (non-nested) MSAL flow, e.g. https://login.microsoftonline.com/common. */
  authority: string;
  /** Microsoft Graph origin, no path: https://graph.microsoft.com by default. */
  graphBaseUrl: string;
  /**
   * Whether graphBaseUrl / authority were set by the deployment. Defaults follow the mailbox's cloud (see
   * cloud.ts: a US Government mailbox gets graph.microsoft.us); explicit values are kept as they are.
   * Absent means explicit (configurations built by hand, e.g. in tests).
   */
  explicit?: { graphBaseUrl: boolean; authority: boolean };
}

export interface ConfigSource {
  readonly VITE_AAD_CLIENT_ID?: string | undefined;
  readonly VITE_AAD_AUTHORITY?: string | undefined;
  readonly VITE_GRAPH_BASE_URL?: string | undefined;
}

export const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/common";
export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

function httpsOrigin(value: string, variable: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${variable} must be an https URL, but it is "${value}".`);
  }
  if (url.protocol !== "https:") throw new ConfigError(`${variable} must use https, but it is "${value}".`);
  return url.href.replace(/\/+$/, "");
}

/** Reads and checks the configuration. An empty client ID is "not configured", not an error. */
export function readConfig(env: ConfigSource): AppConfig {
  const rawClientId = env.VITE_AAD_CLIENT_ID?.trim() ?? "";
  if (rawClientId !== "" && !GUID.test(rawClientId)) {
    throw new ConfigError(
      `VITE_AAD_CLIENT_ID must be the application (client) ID of your Entra app, a GUID, but it is "${rawClientId}".`,
    );
  }
  const graph = httpsOrigin(env.VITE_GRAPH_BASE_URL?.trim() || DEFAULT_GRAPH_BASE_URL, "VITE_GRAPH_BASE_URL");
  if (new URL(graph).pathname !== "/") {
    throw new ConfigError(
      `VITE_GRAPH_BASE_URL must be an origin without a path, such as ${DEFAULT_GRAPH_BASE_URL}.`,
    );
  }
  return {
    clientId: rawClientId === "" ? undefined : rawClientId,
    authority: httpsOrigin(env.VITE_AAD_AUTHORITY?.trim() || DEFAULT_AUTHORITY, "VITE_AAD_AUTHORITY"),
    graphBaseUrl: new URL(graph).origin,
    explicit: {
      graphBaseUrl: Boolean(env.VITE_GRAPH_BASE_URL?.trim()),
      authority: Boolean(env.VITE_AAD_AUTHORITY?.trim()),
    },
  };
}
