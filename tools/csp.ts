/**
 * The Content-Security-Policy every production page carries (a <meta> tag added by the build, see vite.config.ts).
 * Plain and free of Vite so the policy string can be unit-tested on its own.
 *
 * connect-src follows what the app can reach: the configured Graph origin and authority origin, and, where those are
 * defaults that follow the mailbox's cloud (src/core/cloud.ts endpointsFor), every sovereign cloud's Graph and
 * sign-in origin too, so a US Government or China mailbox isn't blocked. Values the deployment set explicitly are
 * the only ones the app uses, so then they are the only ones allowed.
 */
import { CLOUDS } from "../src/core/cloud.ts";
import type { AppConfig } from "../src/core/config.ts";

export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";
/**
 * The one script office.js loads from elsewhere: in Outlook on the web and the new Outlook its host file
 * (outlook-web-16.01.js) sets `requiresMsAjax = true` and, unless `Sys`/`Type` exist, loads Microsoft's ASP.NET
 * Ajax library from this URL; when that fails it throws 'Not able to load MicrosoftAjax.js.' and Office never
 * becomes ready. Allowed as this one URL, not the whole host (SECURITY.md, "office.js and the policy";
 * test/e2e/officejs.e2e.ts shows office.js asking for it).
 */
export const MICROSOFT_AJAX = "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js";
/**
 * sha256 of the empty string. Fluent v9's style engine inserts empty <style> elements and fills them through the
 * CSSOM; this hash admits exactly those without 'unsafe-inline' (docs/platform-facts.md#csp-with-fluent).
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** The origins the pages may fetch from, sorted and without duplicates. */
export function connectOrigins(config: AppConfig): string[] {
  // Absent `explicit` means explicit (see AppConfig): then only the configured values are used.
  const graphExplicit = config.explicit?.graphBaseUrl ?? true;
  const authorityExplicit = config.explicit?.authority ?? true;
  const origins = new Set([new URL(config.graphBaseUrl).origin, new URL(config.authority).origin]);
  for (const cloud of Object.values(CLOUDS)) {
    if (!graphExplicit) origins.add(new URL(cloud.graphBaseUrl).origin);
    if (!authorityExplicit) origins.add(`https://${cloud.authorityHost}`);
  }
  return [...origins].sort();
}

export interface CspOptions {
  /**
   * Where the pages load office.js from: Microsoft's CDN in every real build. Only `npm start`'s simulator build
   * (vite.config.ts, mode "simulator") loads the simulator's stand-in from the simulator's origin instead.
   */
  officeJsOrigin?: string;
}

/** Directive name to its sources, in the order they are written out. */
export function cspDirectives(config: AppConfig, options: CspOptions = {}): [string, string[]][] {
  return [
    ["default-src", ["'none'"]],
    // With the CDN's office.js (every real build) also the Ajax library it loads; the simulator's needs none.
    [
      "script-src",
      ["'self'", ...(options.officeJsOrigin ? [options.officeJsOrigin] : [OFFICE_JS_ORIGIN, MICROSOFT_AJAX])],
    ],
    ["style-src", ["'self'", EMPTY_STYLE_HASH]],
    ["img-src", ["'self'", "data:"]],
    ["connect-src", connectOrigins(config)],
    // No page frames anything: NAA talks to the host through its bridge, the fallback signs in by redirect.
    ["frame-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'none'"]],
    ["object-src", ["'none'"]],
  ];
}

/** The policy as one header / meta value. */
export function buildCsp(config: AppConfig, options: CspOptions = {}): string {
  return cspDirectives(config, options)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
