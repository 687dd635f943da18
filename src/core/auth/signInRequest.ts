/**
 * What the fallback sign-in dialog (dialog/signin.html) is asked for, both ends: the pane or command builds the
 * URL (signInUrl), the page reads it back (readSignInRequest). The dialog has no mailbox (Office.context.mailbox
 * is missing in dialogs), so the opener names the mailbox's cloud; the page then signs in at that cloud's Entra ID
 * for that cloud's Graph, exactly as nested app auth would (services.ts, cloud.ts). Nothing in the URL is trusted
 * as is: the cloud must be one cloud.ts knows, and a scope counts only when it is one of SCOPES in that cloud's
 * form (bare in the global cloud, resource-qualified elsewhere: https://microsoftgraph.chinacloudapi.cn/...).
 * The authority is never read from the URL: it follows from the build's configuration and the cloud.
 */
import { CLOUDS, type CloudId, endpointsFor } from "../cloud";
import type { AppConfig } from "../config";
import { SCOPES, scopesForCloud } from "./scopes";

export interface SignInPageRequest {
  scopes: readonly string[];
  loginHint?: string | undefined;
  /** The mailbox's cloud. @default "global" */
  cloud?: CloudId | undefined;
}

export function signInUrl(origin: string, request: SignInPageRequest): string {
  const url = new URL("/dialog/signin.html", origin);
  url.searchParams.set("scopes", request.scopes.join(" "));
  if (request.cloud !== undefined && request.cloud !== "global") url.searchParams.set("cloud", request.cloud);
  if (request.loginHint) url.searchParams.set("login_hint", request.loginHint);
  return url.href;
}

export interface SignInPlan {
  cloud: CloudId;
  scopes: string[];
  authority: string;
  loginHint: string | undefined;
}

const isCloudId = (value: string): value is CloudId => Object.hasOwn(CLOUDS, value);

/**
 * The sign-in the page runs for this URL query. Throws RangeError for a cloud it doesn't know: signing in
 * somewhere else than asked would only fetch a token Graph refuses.
 */
export function readSignInRequest(
  search: string,
  config: Pick<AppConfig, "authority" | "graphBaseUrl" | "explicit">,
): SignInPlan {
  const params = new URLSearchParams(search);
  const asked = params.get("cloud") ?? "global";
  if (!isCloudId(asked)) throw new RangeError(`Unknown cloud "${asked}".`);
  const cloud = asked;
  const allowed = new Set(scopesForCloud(cloud, Object.values(SCOPES).flat()));
  const wanted = (params.get("scopes") ?? "").split(" ").filter((s) => allowed.has(s));
  const scopes = wanted.length > 0 ? [...new Set(wanted)] : scopesForCloud(cloud, SCOPES.mail);
  const { authority } = endpointsFor(CLOUDS[cloud], {
    graphBaseUrl: config.graphBaseUrl,
    authority: config.authority,
    graphExplicit: config.explicit?.graphBaseUrl ?? true,
    authorityExplicit: config.explicit?.authority ?? true,
  });
  return { cloud, scopes, authority, loginHint: params.get("login_hint") || undefined };
}
