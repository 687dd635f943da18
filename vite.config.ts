/// <reference types="vitest/config" />
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { ensureDevCerts } from "./tools/dev-certs";

const root = resolve(import.meta.dirname, "src");

/** The pages Outlook loads. Their paths are the URLs in manifest.xml. */
export const pages = {
  taskpane: resolve(root, "taskpane/taskpane.html"),
  commands: resolve(root, "commands/commands.html"),
  confirm: resolve(root, "dialog/confirm.html"),
  signin: resolve(root, "dialog/signin.html"),
  redirect: resolve(root, "dialog/redirect.html"),
};

export default defineConfig(async ({ command }) => ({
  root,
  publicDir: resolve(import.meta.dirname, "public"),
  envDir: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: { input: pages },
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
