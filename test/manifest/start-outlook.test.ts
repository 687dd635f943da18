import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { instructions, manifestFor, type OutlookPlan } from "../../tools/start-outlook";

const plan: OutlookPlan = {
  origin: "https://localhost:3000",
  manifestPath: "/repo/manifest.xml",
  clientId: "9b2c3f1e-7d4a-4c5b-8e6f-0a1b2c3d4e5f",
  certificateExpires: "2027-01-06",
  certificatesRenewed: false,
};

describe("start:outlook instructions", () => {
  it("name the manifest, the redirect URIs for the origin and the sideloading steps for the web and the new Outlook", () => {
    const text = instructions(plan);
    expect(text).toContain("manifest       /repo/manifest.xml");
    expect(text).toContain("brk-multihub://localhost:3000 and https://localhost:3000/dialog/redirect.html");
    expect(text).toContain("https://aka.ms/olksideload");
    expect(text).toContain("My add-ins → Custom Addins → Add a custom add-in → Add from File…");
    expect(text).toMatch(/new Outlook/);
    expect(text).toContain("'My Custom Apps' and 'My ReadWriteMailbox Apps'");
    expect(text).toContain("valid until 2027-01-06");
    expect(text).not.toContain("No Entra app configured");
    expect(text).not.toContain("office-addin-debugging");
  });

  it("warn when no Entra app is configured and when new certificates must be trusted", () => {
    const text = instructions({ ...plan, clientId: undefined, certificatesRenewed: true });
    expect(text).toContain("No Entra app configured: VITE_AAD_CLIENT_ID is not set");
    expect(text).toContain("New development certificates were created");
    expect(text).toContain("npm run certs");
    expect(text).not.toContain("brk-multihub://");
  });
});

describe("start:outlook manifest", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("is manifest.xml itself on the dev origin", () => {
    expect(manifestFor("https://localhost:3000")).toBe(resolve(import.meta.dirname, "../../manifest.xml"));
  });

  it("is a copy naming the other port, with no trace of port 3000", () => {
    dir = mkdtempSync(join(tmpdir(), "pd-start-outlook-"));
    const path = manifestFor("https://localhost:3443", dir);
    expect(path).toBe(join(dir, "manifest.localhost-3443.xml"));
    const xml = readFileSync(path, "utf8");
    expect(xml).toContain("https://localhost:3443/taskpane/taskpane.html");
    expect(xml).not.toContain("localhost:3000");
  });
});
