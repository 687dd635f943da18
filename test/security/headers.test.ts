/**
 * The HTTP headers for a production host (tools/deploy/headers.ts): the same policy as the pages' <meta> tag plus
 * frame-ancestors, in Azure Static Web Apps' configuration and in an nginx server block, and the command that
 * writes the nginx block from the build's configuration.
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../src/core/config.ts";
import { buildCsp } from "../../tools/csp.ts";
import {
  ASSETS_CACHE,
  cspHeader,
  nginxConfig,
  OUTLOOK_FRAME_ANCESTORS,
  securityHeaders,
  staticWebAppConfig,
} from "../../tools/deploy/headers.ts";

const config = readConfig({ VITE_AAD_CLIENT_ID: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" });
const nginxOptions = {
  serverName: "addin.contoso.com",
  root: "/var/www/permanent-delete",
  certificate: "/etc/ssl/addin.crt",
  certificateKey: "/etc/ssl/addin.key",
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("frame-ancestors", () => {
  it("lists every Outlook web origin that frames add-ins: work, Outlook.com, the new domain, sovereign clouds", () => {
    expect(OUTLOOK_FRAME_ANCESTORS).toEqual(
      expect.arrayContaining([
        "https://outlook.office.com",
        "https://outlook.office365.com",
        "https://outlook.cloud.microsoft",
        "https://outlook.live.com",
        "https://outlook.office365.us",
        "https://outlook-dod.office365.us",
        "https://partner.outlook.cn",
      ]),
    );
    for (const origin of OUTLOOK_FRAME_ANCESTORS) {
      expect(new URL(origin).origin, origin).toBe(origin);
      expect(origin, origin).toMatch(/^https:\/\/[a-z0-9.-]+$/);
    }
  });

  it("is the header's only addition to the pages' policy", () => {
    const header = directives(cspHeader(config));
    const meta = directives(buildCsp(config));
    expect(header.get("frame-ancestors")).toEqual([...OUTLOOK_FRAME_ANCESTORS]);
    header.delete("frame-ancestors");
    expect(header).toEqual(meta);
    expect(cspHeader(config).startsWith(buildCsp(config))).toBe(true);
  });
});

describe("securityHeaders", () => {
  it("sends the policy, nosniff, no referrer and HSTS, and neither X-Frame-Options nor COOP", () => {
    const headers = securityHeaders(config);
    expect(headers).toEqual({
      "Content-Security-Policy": cspHeader(config),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Strict-Transport-Security": "max-age=31536000",
    });
    const names = Object.keys(headers).map((n) => n.toLowerCase());
    expect(names).not.toContain("x-frame-options");
    expect(names).not.toContain("cross-origin-opener-policy");
  });

  it("follows the build's configuration (connect-src of a deployment pinned to one Graph)", () => {
    const pinned = readConfig({
      VITE_GRAPH_BASE_URL: "https://graph.microsoft.us",
      VITE_AAD_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.us",
    });
    const csp = directives(securityHeaders(pinned)["Content-Security-Policy"] ?? "");
    expect(csp.get("connect-src")).toEqual([
      "https://graph.microsoft.us",
      "https://login.microsoftonline.us",
    ]);
  });
});

describe("Azure Static Web Apps configuration", () => {
  it("puts the headers on every response and caches only the hashed assets for long", () => {
    expect(staticWebAppConfig(config)).toEqual({
      globalHeaders: securityHeaders(config),
      routes: [{ route: "/assets/*", headers: { "Cache-Control": ASSETS_CACHE } }],
    });
    expect(JSON.parse(JSON.stringify(staticWebAppConfig(config)))).toEqual(staticWebAppConfig(config));
  });
});

describe("nginx server block", () => {
  const text = nginxConfig(config, nginxOptions);

  /** The add_header lines of each block, by the block's opening line. */
  function blocks(conf: string): Map<string, Map<string, string>> {
    const found = new Map<string, Map<string, string>>();
    const stack: string[] = [];
    for (const raw of conf.split("\n")) {
      const line = raw.trim();
      if (line.endsWith("{")) {
        stack.push(line);
        found.set(line, new Map());
      } else if (line === "}") {
        stack.pop();
      } else {
        const m = /^add_header (\S+) "([^"]*)" always;$/.exec(line);
        const block = stack.at(-1);
        if (m && block) found.get(block)?.set(m[1] ?? "", m[2] ?? "");
      }
    }
    expect(stack).toEqual([]);
    return found;
  }

  it("serves dist/ at the root of the https origin, unknown paths 404", () => {
    expect(text).toContain("listen 443 ssl;");
    expect(text).toContain("server_name addin.contoso.com;");
    expect(text).toContain("root /var/www/permanent-delete;");
    expect(text).toContain("ssl_certificate /etc/ssl/addin.crt;");
    expect(text).toContain("ssl_certificate_key /etc/ssl/addin.key;");
    expect(text.match(/try_files \$uri =404;/g)).toHaveLength(2);
  });

  it("sends every header in every location (nginx drops inherited add_header where a location adds its own)", () => {
    const expected = securityHeaders(config);
    const found = blocks(text);
    for (const block of ["server {", "location /assets/ {", "location / {"]) {
      const headers = found.get(block);
      expect(headers, block).toBeDefined();
      for (const [name, value] of Object.entries(expected))
        expect(headers?.get(name), `${block} ${name}`).toBe(value);
    }
    expect(found.get("location /assets/ {")?.get("Cache-Control")).toBe(ASSETS_CACHE);
  });

  it("refuses values nginx would misread", () => {
    expect(() => nginxConfig(config, { ...nginxOptions, serverName: "a.com; include /etc/passwd" })).toThrow(
      /serverName/,
    );
    expect(() => nginxConfig(config, { ...nginxOptions, root: "/var/www/my site" })).toThrow(/root/);
  });
});

describe("npm run deploy:nginx", { timeout: 60_000 }, () => {
  const repo = resolve(import.meta.dirname, "../..");
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [resolve(repo, "node_modules/tsx/dist/cli.mjs"), "tools/deploy/nginx.ts", ...args],
      {
        cwd: repo,
        encoding: "utf8",
        env: { ...process.env, ...env },
      },
    );

  it("writes the block for the configuration in the environment, as the build reads it", () => {
    const env = {
      VITE_AAD_CLIENT_ID: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
      VITE_GRAPH_BASE_URL: "https://graph.microsoft.us",
      VITE_AAD_AUTHORITY: "https://login.microsoftonline.us/contoso.onmicrosoft.us",
    };
    const args = [
      "--server-name",
      "addin.contoso.com",
      "--root",
      "/var/www/pd",
      "--cert",
      "/c.crt",
      "--key",
      "/c.key",
    ];
    const result = run(args, env);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      nginxConfig(readConfig(env), {
        serverName: "addin.contoso.com",
        root: "/var/www/pd",
        certificate: "/c.crt",
        certificateKey: "/c.key",
      }),
    );
  });

  it("names what is missing and exits 2", () => {
    const result = run(["--server-name", "addin.contoso.com"], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--root, --cert, --key missing/);
  });
});
