/// <reference types="vitest/config" />
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { readConfig } from "./src/core/config.ts";
import { chunkGroups, projectLayout } from "./tools/chunking.ts";
import { buildCsp } from "./tools/csp.ts";
import { staticWebAppConfig } from "./tools/deploy/headers.ts";
import { ensureDevCerts } from "./tools/dev-certs.ts";
import { msalInternalAlias } from "./tools/msal-internal.ts";

const root = resolve(import.meta.dirname, "src");

/** The pages Outlook loads. Their paths are the URLs in manifest.xml. */
export const pages = {
  taskpane: resolve(root, "taskpane/taskpane.html"),
  commands: resolve(root, "commands/commands.html"),
  confirm: resolve(root, "dialog/confirm.html"),
  signin: resolve(root, "dialog/signin.html"),
  redirect: resolve(root, "dialog/redirect.html"),
};

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * Where `npm start` serves the Outlook simulator (and its office.js stand-in). tools/start.ts sets
 * PD_SIMULATOR_ORIGIN when it runs the simulator elsewhere (the benchmark does).
 */
export const SIMULATOR_ORIGIN = process.env.PD_SIMULATOR_ORIGIN ?? "https://localhost:3100";

/**
 * Simulator mode only (`npm start`, which builds in this mode and serves the result; `npm start -- --dev` serves
 * it from the dev server): the pages load the simulator's office.js instead of the CDN's. Production builds and
 * `npm run dev-server` keep the CDN URL untouched.
 */
function officeJsFromSimulator(): Plugin {
  return {
    name: "office-js-from-simulator",
    transformIndexHtml: {
      // Before the CSP plugin's tag goes in and before the build hashes the pages.
      order: "pre",
      handler: (html) => html.replaceAll(OFFICE_JS_CDN, `${SIMULATOR_ORIGIN}/office.js`),
    },
  };
}

/**
 * Production builds only: a Content-Security-Policy <meta> first in every page's <head>, from the build's own
 * Graph/authority configuration (tools/csp.ts). The dev server is left alone (React refresh needs inline script),
 * and so are the HTML sources. frame-ancestors can't be set in a meta tag: see SECURITY.md for the HTTP headers.
 */
function contentSecurityPolicy(mode: string): Plugin {
  let policy = "";
  return {
    name: "content-security-policy",
    apply: "build",
    configResolved(config) {
      // The simulator build (npm start) takes office.js from the simulator: that origin instead of the CDN's.
      const options = mode === "simulator" ? { officeJsOrigin: new URL(SIMULATOR_ORIGIN).origin } : {};
      policy = buildCsp(readConfig(config.env), options);
    },
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: policy },
        injectTo: "head-prepend",
      },
    ],
  };
}

/**
 * Real builds only (not npm start's simulator build): Azure Static Web Apps' configuration next to the pages, with
 * the HTTP headers (Content-Security-Policy with frame-ancestors, nosniff, …) for this build's configuration.
 */
function hostHeaders(mode: string): Plugin {
  let source = "";
  return {
    name: "host-headers",
    apply: "build",
    configResolved(config) {
      source = `${JSON.stringify(staticWebAppConfig(readConfig(config.env)), null, 2)}\n`;
    },
    generateBundle() {
      if (mode !== "simulator")
        this.emitFile({ type: "asset", fileName: "staticwebapp.config.json", source });
    },
  };
}

export default defineConfig(async ({ command, mode }) => ({
  root,
  publicDir: resolve(import.meta.dirname, "public"),
  envDir: import.meta.dirname,
  resolve: { alias: [msalInternalAlias] },
  plugins: [
    react(),
    contentSecurityPolicy(mode),
    hostHeaders(mode),
    ...(mode === "simulator" ? [officeJsFromSimulator()] : []),
  ],
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: the chunk graph (imports, dynamicImports) that test/budgets checks sizes against.
    manifest: true,
    // No modulepreload polyfill: every browser Outlook runs add-ins in (Edge WebView2 in the new Outlook for Windows,
    // the browsers Outlook on the web supports) implements <link rel="modulepreload">; one without it just loads the
    // chunks on import, unpreloaded. Vite's preload links and its dynamic-import preloading stay.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: pages,
      output: { codeSplitting: { groups: chunkGroups(projectLayout(root, pages)) } },
    },
  },
  server: {
    port: 3000,
    strictPort: true,
    ...(command === "serve" ? { https: await ensureDevCerts() } : {}),
    // Function commands and dialogs are loaded by Outlook, not opened by a person.
    open: false,
  },
  preview: { port: 3000, strictPort: true },
}));
