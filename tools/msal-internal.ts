/**
 * `msal-browser-internal/<path>` → `@azure/msal-browser/dist/<path>.mjs`, for the bundler (Vite and Vitest).
 *
 * Why: msal-browser's public entry offers nested app authentication only through
 * createNestablePublicClientApplication, whose module also builds MSAL's standard browser flow (StandardController:
 * popup, redirect, iframe, broker and crypto flows) whether or not NAA is used. The task pane and the command page
 * use NAA only (no NAA → the Office dialog sign-in page, which loads the public entry), so src/core/auth/msal.ts
 * builds the two classes createNestablePublicClientApplication itself uses: with the public factory the whole
 * task pane and the command page don't fit their size budgets (to check again after an upgrade: export
 * createNestablePublicClientApplication from msalNested.ts, call it in msal.ts, run `npx vitest run --project
 * budgets`).
 *
 * The package's `exports` map doesn't list these files, hence this alias; tsconfig.json maps the same prefix to
 * the package's own .d.ts files. Guarded three ways: package.json pins msal-browser to an exact version,
 * src/core/auth/msal.test.ts fails if a new version moves the files, and src/core/auth/msalNested.equivalence.test.ts
 * fails if the hand-built client and the public factory's send different bridge requests or give different results.
 */
import { resolve } from "node:path";

export const MSAL_BROWSER_DIST = resolve(import.meta.dirname, "../node_modules/@azure/msal-browser/dist");

export const msalInternalAlias = {
  find: /^msal-browser-internal\/(.+)$/,
  replacement: `${MSAL_BROWSER_DIST}/$1.mjs`,
};
