/**
 * `msal-browser-internal/<path>` → `@azure/msal-browser/dist/<path>.mjs`, for the bundler (Vite and Vitest).
 *
 * Why: msal-browser's public entry offers nested app authentication only through
 * createNestablePublicClientApplication, whose PublicClientApplication constructs the StandardController (popup,
 * redirect, iframe, broker and crypto flows) whether or not NAA is used: 81 kB gzip against 40 kB for the nested
 * controller alone. The task pane and the command page use NAA only (no NAA → the Office dialog sign-in page,
 * which loads the public entry), so they import the two classes createNestablePublicClientApplication itself
 * uses. The package's `exports` map doesn't list them, hence this alias; tsconfig.json maps the same prefix to the
 * package's own .d.ts files, and src/core/auth/msal.test.ts fails if a new msal-browser moves them.
 */
import { resolve } from "node:path";

export const MSAL_BROWSER_DIST = resolve(import.meta.dirname, "../node_modules/@azure/msal-browser/dist");

export const msalInternalAlias = {
  find: /^msal-browser-internal\/(.+)$/,
  replacement: `${MSAL_BROWSER_DIST}/$1.mjs`,
};
