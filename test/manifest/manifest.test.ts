/**
 * manifest.xml: XSD validation (Microsoft's set + the Mailbox 1.13 overlay) and the rules an XSD cannot
 * check. Every negative test runs the same checks on a deliberately broken copy held in memory.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ICON_KINDS, ICON_SIZES, iconFileName, renderIcons } from "../../tools/manifest/make-icons";
import {
  checkManifest,
  collectUrls,
  compareVersions,
  DEV_ORIGIN,
  ManifestError,
  type ManifestModel,
  NS,
  parseManifest,
  repoPathForUrl,
} from "../../tools/manifest/manifest-model";
import { decodePng, pngSize } from "../../tools/manifest/png";
import {
  applyMailbox113Overlay,
  DEFAULT_SCHEMA_DIR,
  MANIFEST_PATH,
  SCHEMA_FILES,
  validateManifestXml,
} from "../../tools/manifest/validate-manifest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const manifestXml = readFileSync(MANIFEST_PATH, "utf8");
const model = parseManifest(manifestXml);

/** A copy of the manifest with one exact piece of text replaced (the piece must exist exactly once). */
function brokenIn(xml: string, find: string, replacement: string): string {
  const first = xml.indexOf(find);
  expect(first, `"${find}" should be in manifest.xml`).toBeGreaterThanOrEqual(0);
  expect(xml.indexOf(find, first + 1), `"${find}" should be in manifest.xml once`).toBe(-1);
  return xml.replace(find, replacement);
}

function broken(find: string, replacement: string): string {
  return brokenIn(manifestXml, find, replacement);
}

/** manifest.xml as it would be without multi-select, to show what the Mailbox 1.13 overlay adds. */
const withoutMultiSelect = manifestXml.replace(/\s*<SupportsMultiSelect>true<\/SupportsMultiSelect>/, "");

const PINNING = "<SupportsPinning>true</SupportsPinning>";
/** The message surface's FunctionName (the appointment surfaces name the same function). */
const MESSAGE_FUNCTION =
  '<FunctionName>purgeCurrentItem</FunctionName>\n                    </Action>\n                  </Control>\n                  <Control xsi:type="Button" id="PermanentDelete.OpenPane">';

describe("XSD validation", () => {
  it("uses Microsoft's schema files unmodified (git blob SHA-1s from schemas/SOURCES.md)", () => {
    const sources = readFileSync(resolve(DEFAULT_SCHEMA_DIR, "SOURCES.md"), "utf8");
    for (const name of SCHEMA_FILES) {
      const row = new RegExp(
        `^\\| ${name.replace(".", "\\.")}[^|]*\\|\\s*(\\d+)\\s*\\|\\s*([0-9a-f]{40})\\s*\\|`,
        "m",
      ).exec(sources);
      expect(row, `${name} is listed in SOURCES.md`).not.toBeNull();
      const bytes = readFileSync(resolve(DEFAULT_SCHEMA_DIR, name));
      const blob = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
      expect({ name, size: bytes.length, blob }).toEqual({ name, size: Number(row?.[1]), blob: row?.[2] });
    }
  });

  it("manifest.xml validates against OfficeAppManifestV1_1.xsd", () => {
    expect(validateManifestXml(manifestXml)).toEqual({ valid: true, errors: [] });
  });

  it("reports schema errors with the line: a permission the schema does not know", () => {
    const result = validateManifestXml(
      broken("<Permissions>ReadWriteMailbox</Permissions>", "<Permissions>ReadAll</Permissions>"),
    );
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/^line \d+: .*Permissions.*'ReadAll'/m);
  });

  it("rejects elements out of order (SupportsSharedFolders after FunctionFile)", () => {
    const xml = broken("<SupportsSharedFolders>true</SupportsSharedFolders>", "").replace(
      "</DesktopFormFactor>",
      "<SupportsSharedFolders>true</SupportsSharedFolders></DesktopFormFactor>",
    );
    expect(validateManifestXml(xml).valid).toBe(false);
  });

  it("rejects a resid longer than 32 characters", () => {
    const long = "Commands.Url.ThatIsFarTooLongForOutlook";
    const xml = manifestXml.replaceAll('"Commands.Url"', `"${long}"`);
    expect(validateManifestXml(xml).errors.join("\n")).toMatch(/maxLength/);
  });

  it("rejects malformed XML", () => {
    expect(validateManifestXml(manifestXml.replace("</OfficeApp>", "")).valid).toBe(false);
  });
});

describe("Mailbox 1.13 overlay (SupportsMultiSelect, SupportsNoItemContext)", () => {
  const withMultiSelect = brokenIn(
    withoutMultiSelect,
    PINNING,
    `${PINNING}<SupportsMultiSelect>true</SupportsMultiSelect><SupportsNoItemContext>false</SupportsNoItemContext>`,
  );

  it("is needed: the unpatched schema set refuses SupportsMultiSelect", () => {
    const result = validateManifestXml(withMultiSelect, { mailbox113Overlay: false });
    expect(result.errors.join("\n")).toMatch(/SupportsMultiSelect.*not expected/);
  });

  it("accepts both flags after SupportsPinning", () => {
    expect(validateManifestXml(withMultiSelect)).toEqual({ valid: true, errors: [] });
    const action = parseManifest(withMultiSelect).buttons.find(
      (b) => b.action.type === "ShowTaskpane",
    )?.action;
    expect(action).toMatchObject({ supportsMultiSelect: true, supportsNoItemContext: false });
  });

  it("relaxes nothing else: wrong order, non-boolean value, or on ExecuteFunction are still refused", () => {
    const beforePinning = brokenIn(
      withoutMultiSelect,
      PINNING,
      `<SupportsMultiSelect>true</SupportsMultiSelect>${PINNING}`,
    );
    expect(validateManifestXml(beforePinning).valid).toBe(false);
    const notBoolean = brokenIn(
      withoutMultiSelect,
      PINNING,
      `${PINNING}<SupportsMultiSelect>yes</SupportsMultiSelect>`,
    );
    expect(validateManifestXml(notBoolean).valid).toBe(false);
    const onFunction = brokenIn(
      withoutMultiSelect,
      `${MESSAGE_FUNCTION}`,
      MESSAGE_FUNCTION.replace(
        "</FunctionName>",
        "</FunctionName><SupportsMultiSelect>true</SupportsMultiSelect>",
      ),
    );
    expect(validateManifestXml(onFunction).valid).toBe(false);
  });

  it("patches exactly ShowTaskpane and refuses a schema of another shape", () => {
    const original = readFileSync(resolve(DEFAULT_SCHEMA_DIR, "MailAppVersionOverridesV1_1.xsd"), "utf8");
    const patched = applyMailbox113Overlay(original);
    const added = patched.length - original.length;
    expect(patched.match(/SupportsMultiSelect/g)).toHaveLength(1);
    expect(patched.match(/SupportsNoItemContext/g)).toHaveLength(1);
    // Removing the two added elements gives the original back: nothing else changed.
    const showTaskpane = patched.indexOf('name="SupportsMultiSelect"');
    const start = patched.lastIndexOf("<xs:element", showTaskpane);
    expect(patched.slice(0, start) + patched.slice(start + added)).toBe(original);
    expect(() => applyMailbox113Overlay(patched)).toThrow(/overlay/);
    expect(() => applyMailbox113Overlay(original.replace(/SupportsPinning/g, "Pinning"))).toThrow(/overlay/);
  });
});

describe("rules the XSD cannot check", () => {
  it("manifest.xml passes them all", () => {
    expect(checkManifest(manifestXml)).toEqual([]);
  });

  it("every URL is https on the dev origin", () => {
    const urls = collectUrls(manifestXml);
    expect(urls.length).toBeGreaterThan(20);
    for (const { url } of urls) expect(new URL(url).origin).toBe(DEV_ORIGIN);
    const http = broken(
      '"https://localhost:3000/assets/icon-64.png"',
      '"http://localhost:3000/assets/icon-64.png"',
    );
    expect(checkManifest(http)).toEqual([expect.stringMatching(/icon-64\.png is not https/)]);
    const elsewhere = broken(
      "<AppDomain>https://localhost:3000</AppDomain>",
      "<AppDomain>https://cdn.example.com</AppDomain>",
    );
    expect(checkManifest(elsewhere)).toEqual([
      expect.stringMatching(/cdn\.example\.com is not on https:\/\/localhost:3000/),
    ]);
  });

  it("AppDomains lists exactly the add-in's own origin, as an origin", () => {
    expect(model.appDomains).toEqual([DEV_ORIGIN]);
    const withPath = broken(
      "<AppDomain>https://localhost:3000</AppDomain>",
      "<AppDomain>https://localhost:3000/dialog</AppDomain>",
    );
    expect(checkManifest(withPath)).toEqual([expect.stringMatching(/AppDomain .* must be an origin/)]);
  });

  it("every resid used is defined and every defined one is used", () => {
    const undefinedRef = broken(
      '<FunctionFile resid="Commands.Url"/>',
      '<FunctionFile resid="Command.Url"/>',
    );
    expect(checkManifest(undefinedRef)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/resid "Command\.Url" is not defined/),
        expect.stringMatching(/resource "Commands\.Url" is defined but never used/),
      ]),
    );
    const duplicate = broken(
      '<bt:String id="Group.Label" DefaultValue="Permanent Delete">',
      '<bt:String id="Group.Label" DefaultValue="Again"/><bt:String id="Group.Label" DefaultValue="Permanent Delete">',
    );
    expect(checkManifest(duplicate)).toEqual([expect.stringMatching(/"Group\.Label" is defined twice/)]);
  });

  it("the parser names an undefined resid rather than inventing a label", () => {
    // The German override makes the element span lines: rename its id so "Delete.Label" is no longer defined.
    const xml = broken(
      '<bt:String id="Delete.Label" DefaultValue="Delete permanently">',
      '<bt:String id="Unused.Label" DefaultValue="Delete permanently">',
    );
    expect(() => parseManifest(xml)).toThrow(ManifestError);
    expect(() => parseManifest(xml)).toThrow(/"Delete\.Label" is not defined/);
  });

  it("VersionOverrides 1.1 is nested in 1.0 and nothing else", () => {
    expect(model.versionOverrides).toEqual([
      { namespaceUri: NS.mailor, type: "VersionOverridesV1_0" },
      { namespaceUri: NS.mailor11, type: "VersionOverridesV1_1" },
    ]);
    // A 1.1 element declared as 1.0 is still schema-valid XML elsewhere; here the nesting check refuses it.
    const flattened = broken('xsi:type="VersionOverridesV1_1"', 'xsi:type="VersionOverridesV1_0"');
    expect(checkManifest(flattened)).toEqual(
      expect.arrayContaining([expect.stringMatching(/VersionOverrides must be 1\.1 .* inside 1\.0/)]),
    );
  });

  it("control ids are unique and FunctionName is a JavaScript identifier", () => {
    const sameId = broken('id="PermanentDelete.OpenPane"', 'id="PermanentDelete.Delete"');
    expect(checkManifest(sameId)).toEqual([
      expect.stringMatching(/"PermanentDelete\.Delete" is used by two/),
    ]);
    const badName = broken(MESSAGE_FUNCTION, MESSAGE_FUNCTION.replace("purgeCurrentItem", "purge-item"));
    expect(checkManifest(badName)).toEqual([
      expect.stringMatching(/"purge-item" is not a JavaScript identifier/),
    ]);
  });

  it("the override's Mailbox requirement does not fall below the top-level one", () => {
    const lower = broken('<bt:Sets DefaultMinVersion="1.5">', '<bt:Sets DefaultMinVersion="1.3">');
    expect(checkManifest(lower)).toEqual([
      expect.stringMatching(/requires Mailbox 1\.3, lower than .* 1\.5/),
    ]);
    expect(compareVersions("1.13", "1.5")).toBeGreaterThan(0);
  });
});

describe("what this add-in declares", () => {
  it("is a MailApp named for what it does", () => {
    expect(model).toMatchObject({
      appType: "MailApp",
      providerName: "Permanent Delete for Outlook",
      displayName: "Permanent Delete",
      hosts: ["Mailbox"],
      defaultLocale: "en-US",
    });
    expect(model.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(model.description).toMatch(/Deleted Items/);
    expect(model.description).toMatch(/Recoverable Items/);
  });

  it("reads in the display language: de-DE's overrides for German (de-AT and de-CH too), the defaults otherwise", () => {
    for (const language of ["de-DE", "de-AT", "de-CH", "DE-de"]) {
      const german = parseManifest(manifestXml, language);
      expect(german.displayName).toBe("Endgültig löschen");
      expect(german.description).toMatch(/Gelöschte Elemente/);
      expect(german.buttons.map((b) => b.label)).toContain("Endgültig löschen");
      // What has no German override keeps its default; URLs and ids are the same in every language.
      expect(german.iconUrl).toBe(model.iconUrl);
      expect(german.functionFileUrl).toBe(model.functionFileUrl);
      expect(german.buttons.map((b) => b.id)).toEqual(model.buttons.map((b) => b.id));
    }
    for (const language of ["en-US", "en-GB", "fr-FR", "pt-BR"]) {
      const other = parseManifest(manifestXml, language);
      expect(other.displayName).toBe("Permanent Delete");
      expect(other.resources).toEqual(model.resources);
    }
  });

  it("asks for ReadWriteMailbox, the least that multi-select (getSelectedItemsAsync) needs, and no more", () => {
    expect(model.permissions).toBe("ReadWriteMailbox");
  });

  it("requires Mailbox 1.5 or later, at the top level and in the override", () => {
    const top = model.requirements.find((r) => r.name === "Mailbox")?.minVersion ?? "0";
    expect(compareVersions(top, "1.5")).toBeGreaterThanOrEqual(0);
    expect(model.overrideRequirements).toEqual([{ name: "Mailbox", minVersion: top }]);
  });

  it("activates on messages and appointments in read mode, with the task pane as the read form", () => {
    expect(model.itemRules).toEqual([
      { itemType: "Message", formType: "Read" },
      { itemType: "Appointment", formType: "Read" },
    ]);
    expect(model.itemReadSourceLocation).toBe(`${DEV_ORIGIN}/taskpane/taskpane.html`);
  });

  it("puts the same two buttons on the message read and both appointment surfaces, in the default tab", () => {
    expect(model.extensionPoints).toEqual([
      "MessageReadCommandSurface",
      "AppointmentAttendeeCommandSurface",
      "AppointmentOrganizerCommandSurface",
    ]);
    expect(model.supportsSharedFolders).toBe(true);
    expect(model.functionFileUrl).toBe(`${DEV_ORIGIN}/commands/commands.html`);
    for (const surface of model.extensionPoints) {
      const buttons = model.buttons.filter((b) => b.extensionPoint === surface);
      expect(buttons.map((b) => [b.label, b.tabId, b.groupLabel])).toEqual([
        ["Delete permanently", "TabDefault", "Permanent Delete"],
        ["Permanent Delete pane", "TabDefault", "Permanent Delete"],
      ]);
    }
  });

  it("on appointments, Delete permanently runs the same function, says what goes, and the pane has no multi-select", () => {
    const onEvents = model.buttons.filter((b) => b.extensionPoint.startsWith("Appointment"));
    const deletes = onEvents.filter((b) => b.action.type === "ExecuteFunction");
    expect(deletes.map((b) => b.action)).toEqual([
      { type: "ExecuteFunction", functionName: "purgeCurrentItem" },
      { type: "ExecuteFunction", functionName: "purgeCurrentItem" },
    ]);
    for (const b of deletes) expect(b.tooltip).toMatch(/calendar event.*one occurrence or the whole series/);
    // SupportsMultiSelect is for message read surfaces only (Mailbox 1.13).
    for (const b of onEvents.filter((x) => x.action.type === "ShowTaskpane")) {
      expect(b.action).toMatchObject({ supportsMultiSelect: false });
    }
  });

  it("Delete permanently runs purgeCurrentItem and says it cannot be undone", () => {
    const [purge] = model.buttons;
    expect(purge?.action).toEqual({ type: "ExecuteFunction", functionName: "purgeCurrentItem" });
    expect(purge?.tooltipTitle).toBe("Delete permanently");
    expect(purge?.tooltip).toMatch(/skips Deleted Items/);
    expect(purge?.tooltip).toMatch(/can't be recovered/);
  });

  it("the pane button opens the task pane and can be pinned", () => {
    expect(model.buttons[1]?.action).toEqual({
      type: "ShowTaskpane",
      sourceLocation: `${DEV_ORIGIN}/taskpane/taskpane.html`,
      sourceResid: "Taskpane.Url",
      supportsPinning: true,
      supportsMultiSelect: true,
      supportsNoItemContext: false,
    });
    const unpinned = broken(PINNING, "<SupportsPinning>false</SupportsPinning>");
    expect(parseManifest(unpinned).buttons[1]?.action).toMatchObject({ supportsPinning: false });
  });

  it("every button has the 16, 32 and 80 px icons Outlook requires", () => {
    for (const button of model.buttons) {
      expect(button.icons.map((i) => i.size)).toEqual(expect.arrayContaining([16, 32, 80]));
    }
  });
});

/** Problems with the icon files a manifest model points at: missing, not PNG, or not the declared size. */
function iconFileProblems(m: ManifestModel): string[] {
  const icons = [
    { url: m.iconUrl, size: 64 },
    { url: m.highResolutionIconUrl ?? "", size: 128 },
    ...m.buttons.flatMap((b) => b.icons.map((i) => ({ url: i.url, size: i.size }))),
  ];
  const unique = [...new Map(icons.map((icon) => [`${icon.url} ${icon.size}`, icon])).values()];
  return unique.flatMap(({ url, size }) => {
    const path = repoPathForUrl(url);
    if (!path?.startsWith("public/")) return [`${url} is not served from public/`];
    const file = resolve(repoRoot, path);
    if (!existsSync(file)) return [`${path} does not exist`];
    try {
      const { width, height } = pngSize(readFileSync(file));
      return width === size && height === size ? [] : [`${path} is ${width}x${height}, declared ${size}`];
    } catch (error) {
      return [`${path}: ${error instanceof Error ? error.message : String(error)}`];
    }
  });
}

describe("files the manifest points at", () => {
  it("maps URLs to repository paths the way the dev server serves them", () => {
    expect(repoPathForUrl(`${DEV_ORIGIN}/assets/icon-16.png`)).toBe("public/assets/icon-16.png");
    expect(repoPathForUrl(`${DEV_ORIGIN}/taskpane/taskpane.html`)).toBe("src/taskpane/taskpane.html");
    expect(repoPathForUrl("https://example.com/assets/icon-16.png")).toBeUndefined();
    expect(repoPathForUrl(`${DEV_ORIGIN}/assets/..%2F..%2Fetc/passwd`)).toBeUndefined();
  });

  it("every icon URL is a PNG in public/ of the size the manifest says", () => {
    expect(model.buttons.flatMap((b) => b.icons)).toHaveLength(48);
    expect(iconFileProblems(model)).toEqual([]);
  });

  it("the icon check catches a wrong size, a missing file and a non-PNG", () => {
    const wrongSize = broken("/assets/icon-delete-80.png", "/assets/icon-delete-64.png");
    expect(iconFileProblems(parseManifest(wrongSize))).toEqual([
      "public/assets/icon-delete-64.png is 64x64, declared 80",
    ]);
    const missing = broken("/assets/icon-pane-16.png", "/assets/icon-pane-17.png");
    expect(iconFileProblems(parseManifest(missing))).toEqual([
      "public/assets/icon-pane-17.png does not exist",
    ]);
    const page = broken("/assets/icon-128.png", "/taskpane/taskpane.html");
    expect(iconFileProblems(parseManifest(page))).toEqual([
      `${DEV_ORIGIN}/taskpane/taskpane.html is not served from public/`,
    ]);
  });

  it("every page URL has its source page in src/ (created by the integrator)", () => {
    const pages = [
      ...new Set(
        collectUrls(manifestXml)
          .map((u) => u.url)
          .filter((u) => u.endsWith(".html")),
      ),
    ].sort();
    expect(pages).toEqual([`${DEV_ORIGIN}/commands/commands.html`, `${DEV_ORIGIN}/taskpane/taskpane.html`]);
    const missing = pages.map((u) => repoPathForUrl(u) ?? u).filter((p) => !existsSync(resolve(repoRoot, p)));
    expect(missing, "pages missing from src/").toEqual([]);
  });
});

describe("icons", () => {
  const assets = resolve(repoRoot, "public/assets");

  it("the committed PNGs are exactly what tools/manifest/make-icons.ts draws", () => {
    const rendered = renderIcons();
    expect(rendered).toHaveLength(ICON_KINDS.length * ICON_SIZES.length);
    for (const { name, png } of rendered) {
      expect(readFileSync(resolve(assets, name)).equals(png), `${name} is up to date`).toBe(true);
    }
  }, 60_000); // drawing 27 icons is CPU work; a busy 2-core machine must not turn it into a failure

  it("every icon-*-<size>.png in public/assets is <size> px square", () => {
    const files = readdirSync(assets).filter((f) => /^icon-.*\d+\.png$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(27);
    for (const file of files) {
      const size = Number(/(\d+)\.png$/.exec(file)?.[1]);
      expect(pngSize(readFileSync(resolve(assets, file))), file).toEqual({ width: size, height: size });
    }
  });

  it("pngSize refuses a file that is not a PNG", () => {
    expect(() => pngSize(new TextEncoder().encode("GIF89a not a png at all"))).toThrow(/not a PNG/);
  });

  // A glyph reads on a ribbon when a good share of its opaque pixels stand out from it by 3:1 (WCAG 1.4.11).
  const luminance = ([r, g, b]: number[]): number => {
    const lin = (c: number) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
  };
  const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const shareStandingOut = (file: string, background: number[]): number => {
    const { data } = decodePng(readFileSync(resolve(assets, file)));
    let opaque = 0;
    let distinct = 0;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = (data[i + 3] ?? 0) / 255;
      if (alpha < 0.5) continue;
      opaque += 1;
      const shown = [0, 1, 2].map((c) => (data[i + c] ?? 0) * alpha + (background[c] ?? 0) * (1 - alpha));
      if (contrast(luminance(shown), luminance(background)) >= 3) distinct += 1;
    }
    return opaque === 0 ? 0 : distinct / opaque;
  };

  it.each(ICON_KINDS.flatMap((kind) => [16, 32, 80].map((size) => iconFileName(kind, size))))(
    "%s stands out on a light and on a dark ribbon",
    (file) => {
      expect(shareStandingOut(file, [255, 255, 255])).toBeGreaterThan(0.4);
      expect(shareStandingOut(file, [0x29, 0x29, 0x29])).toBeGreaterThan(0.4);
    },
  );
});
