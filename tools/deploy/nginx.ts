/**
 * `npm run deploy:nginx`: an nginx server block for dist/, with the headers from the same configuration the build
 * reads (VITE_* in the environment, .env, .env.production, .env.local; tools/deploy/headers.ts).
 *
 *   npm run deploy:nginx -- --server-name addin.contoso.com --root /var/www/permanent-delete \
 *     --cert /etc/ssl/addin.crt --key /etc/ssl/addin.key [--out permanent-delete.conf]
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { loadEnv } from "vite";
import { readConfig } from "../../src/core/config";
import { nginxConfig } from "./headers";

const root = resolve(import.meta.dirname, "../..");

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      "server-name": { type: "string" },
      root: { type: "string" },
      cert: { type: "string" },
      key: { type: "string" },
      out: { type: "string" },
    },
  });
  const missing = ["server-name", "root", "cert", "key"].filter((k) => !values[k as keyof typeof values]);
  if (missing.length > 0) {
    process.stderr.write(
      `deploy:nginx: ${missing.map((m) => `--${m}`).join(", ")} missing\n` +
        "usage: npm run deploy:nginx -- --server-name addin.contoso.com --root /var/www/permanent-delete " +
        "--cert /etc/ssl/addin.crt --key /etc/ssl/addin.key [--out permanent-delete.conf]\n",
    );
    return 2;
  }
  // The production build's configuration, read as `vite build` reads it (process.env wins over .env files).
  const config = readConfig({ ...loadEnv("production", root, "VITE_"), ...process.env });
  const text = nginxConfig(config, {
    serverName: values["server-name"] ?? "",
    root: values.root ?? "",
    certificate: values.cert ?? "",
    certificateKey: values.key ?? "",
  });
  if (values.out) {
    writeFileSync(resolve(values.out), text);
    process.stderr.write(`deploy:nginx: wrote ${values.out}\n`);
  } else {
    process.stdout.write(text);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`deploy:nginx: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
