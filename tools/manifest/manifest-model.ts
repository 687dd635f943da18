/**
 * The add-in manifest as a small typed model, plus the checks an XSD cannot make. The one reader of manifest.xml:
 * make-prod-manifest.ts, start-outlook.ts and the manifest tests (test/manifest) use it in Node, and the Outlook
 * simulator's shell (dev/simulator/shell/manifest.ts) in the browser, on whichever manifest its server serves.
 *
 * Pure string parsing (./xml-tree), no DOM, no Node APIs, so the same code runs in both.
 * The model follows the manifest's rules: the innermost VersionOverrides (1.1 inside 1.0) is the one a current
 * client uses, and its data "overrides or supplements the same data present in any parent portion" ([MS-OWEMXML]
 * VersionOverridesV1_0, learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/1ceb2dec-cef9-4e7c-9044-fd7f6a3b1502),
 * so its resources merge with those of the outer one, the inner winning. Locale-aware values (DisplayName,
 * Description, IconUrl, SourceLocation, every resource) read in one display language: the `Override` whose
 * Locale is that language, else one of the same primary language (de-AT and de-CH read a de-DE override), else
 * DefaultValue (learn.microsoft.com/javascript/api/manifest/override, LocaleTokenOverride).
 */
import {
  attr,
  childrenNamed,
  firstChild,
  localPart,
  parseXml,
  walk,
  XMLNS_NS,
  type XmlNode,
} from "./xml-tree";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  mailor: "http://schemas.microsoft.com/office/mailappversionoverrides",
  mailor11: "http://schemas.microsoft.com/office/mailappversionoverrides/1.1",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** The dev server origin every manifest URL points at before `make-prod-manifest` rewrites it. */
export const DEV_ORIGIN = "https://localhost:3000";

export class ManifestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManifestError";
  }
}

export interface ManifestIcon {
  size: number;
  resid: string;
  url: string;
}

export type ManifestAction =
  | { type: "ExecuteFunction"; functionName: string }
  | {
      type: "ShowTaskpane";
      sourceLocation: string;
      sourceResid: string;
      /** TaskpaneId: buttons with the same one share a task pane. */
      taskpaneId: string | undefined;
      supportsPinning: boolean;
      supportsMultiSelect: boolean;
      supportsNoItemContext: boolean;
    };

export interface ManifestButton {
  id: string;
  label: string;
  /** Supertip title and description, as Outlook shows them on hover. */
  tooltipTitle: string;
  tooltip: string;
  icons: ManifestIcon[];
  action: ManifestAction;
  /** e.g. `MessageReadCommandSurface`. */
  extensionPoint: string;
  tabId: string;
  groupId: string;
  groupLabel: string;
}

export interface ManifestResources {
  images: Record<string, string>;
  urls: Record<string, string>;
  shortStrings: Record<string, string>;
  longStrings: Record<string, string>;
}

export interface ManifestModel {
  /** `xsi:type` of OfficeApp, e.g. `MailApp`. */
  appType: string;
  id: string;
  version: string;
  providerName: string;
  defaultLocale: string;
  displayName: string;
  description: string;
  iconUrl: string;
  highResolutionIconUrl: string | undefined;
  supportUrl: string | undefined;
  appDomains: string[];
  hosts: string[];
  /** Top-level requirement sets, e.g. `[{ name: "Mailbox", minVersion: "1.5" }]`. */
  requirements: { name: string; minVersion: string | undefined }[];
  permissions: string;
  itemReadSourceLocation: string | undefined;
  /** The activation rules that are ItemIs rules, flattened out of any RuleCollection. */
  itemRules: { itemType: string; formType: string }[];
  /** Namespace and `xsi:type` of each VersionOverrides, outermost first. */
  versionOverrides: { namespaceUri: string; type: string }[];
  /** `bt:Sets DefaultMinVersion` and its sets in the effective VersionOverrides. */
  overrideRequirements: { name: string; minVersion: string | undefined }[];
  functionFileUrl: string | undefined;
  supportsSharedFolders: boolean;
  extensionPoints: string[];
  buttons: ManifestButton[];
  /** The merged resources (inner VersionOverrides wins). */
  resources: ManifestResources;
}

const text = (node: XmlNode | undefined): string | undefined => node?.text.trim();

/**
 * A locale-aware setting's value in `language`: its Override for that locale, else for the same primary language,
 * else DefaultValue. Without a language, DefaultValue.
 */
function localised(node: XmlNode | undefined, language: string | undefined): string | undefined {
  if (!node) return undefined;
  if (language !== undefined) {
    const wanted = language.toLowerCase();
    const primary = wanted.split("-")[0];
    const overrides = childrenNamed(node, "Override").map((o) => ({
      locale: (attr(o, "Locale") ?? "").toLowerCase(),
      value: attr(o, "Value"),
    }));
    const match =
      overrides.find((o) => o.locale === wanted) ?? overrides.find((o) => o.locale.split("-")[0] === primary);
    if (match?.value !== undefined) return match.value;
  }
  return attr(node, "DefaultValue");
}
const xsiType = (node: XmlNode): string | undefined => localPart(attr(node, "type", NS.xsi));
const bool = (node: XmlNode | undefined): boolean => {
  const value = text(node);
  return value === "true" || value === "1";
};

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === "") throw new ManifestError(`manifest has no ${what}`);
  return value;
}

/** The chain of nested VersionOverrides elements, outermost first. */
export function versionOverridesChain(root: XmlNode): XmlNode[] {
  const chain: XmlNode[] = [];
  let current: XmlNode | undefined = root;
  for (;;) {
    const next: XmlNode | undefined = firstChild(current, "VersionOverrides");
    if (!next) return chain;
    chain.push(next);
    current = next;
  }
}

function readResources(chain: XmlNode[], language: string | undefined): ManifestResources {
  const merged: ManifestResources = { images: {}, urls: {}, shortStrings: {}, longStrings: {} };
  const groups: [keyof ManifestResources, string][] = [
    ["images", "Images"],
    ["urls", "Urls"],
    ["shortStrings", "ShortStrings"],
    ["longStrings", "LongStrings"],
  ];
  for (const vo of chain) {
    const resources = firstChild(vo, "Resources");
    if (!resources) continue;
    for (const [key, element] of groups) {
      for (const group of childrenNamed(resources, element, NS.bt)) {
        for (const item of group.children) {
          const id = attr(item, "id");
          const value = localised(item, language);
          if (id !== undefined && value !== undefined) merged[key][id] = value;
        }
      }
    }
  }
  return merged;
}

function lookup(table: Record<string, string>, node: XmlNode | undefined, what: string): string {
  const resid = node ? attr(node, "resid") : undefined;
  if (resid === undefined) throw new ManifestError(`${what} has no resid`);
  const value = table[resid];
  if (value === undefined) throw new ManifestError(`${what}: resid "${resid}" is not defined in Resources`);
  return value;
}

function readAction(control: XmlNode, resources: ManifestResources, id: string): ManifestAction {
  const action = firstChild(control, "Action");
  if (!action) throw new ManifestError(`control ${id} has no Action`);
  const type = xsiType(action);
  if (type === "ExecuteFunction") {
    return {
      type,
      functionName: required(text(firstChild(action, "FunctionName")), `FunctionName in ${id}`),
    };
  }
  if (type === "ShowTaskpane") {
    const source = firstChild(action, "SourceLocation");
    return {
      type,
      sourceLocation: lookup(resources.urls, source, `SourceLocation of ${id}`),
      sourceResid: (source && attr(source, "resid")) ?? "",
      taskpaneId: text(firstChild(action, "TaskpaneId")) || undefined,
      supportsPinning: bool(firstChild(action, "SupportsPinning")),
      supportsMultiSelect: bool(firstChild(action, "SupportsMultiSelect")),
      supportsNoItemContext: bool(firstChild(action, "SupportsNoItemContext")),
    };
  }
  throw new ManifestError(`control ${id} has an unsupported action type "${type ?? ""}"`);
}

function readButtons(formFactor: XmlNode, resources: ManifestResources): ManifestButton[] {
  const buttons: ManifestButton[] = [];
  for (const point of childrenNamed(formFactor, "ExtensionPoint")) {
    const extensionPoint = xsiType(point) ?? "";
    for (const tab of [...childrenNamed(point, "OfficeTab"), ...childrenNamed(point, "CustomTab")]) {
      for (const group of childrenNamed(tab, "Group")) {
        const groupId = attr(group, "id") ?? "";
        const groupLabel = lookup(
          resources.shortStrings,
          firstChild(group, "Label"),
          `label of group ${groupId}`,
        );
        for (const control of childrenNamed(group, "Control")) {
          const id = required(attr(control, "id"), "control id");
          if (xsiType(control) !== "Button") continue; // menus are not used by this add-in
          const supertip = firstChild(control, "Supertip");
          const icons = childrenNamed(firstChild(control, "Icon") ?? control, "Image", NS.bt).map(
            (image) => ({
              size: Number(attr(image, "size")),
              resid: attr(image, "resid") ?? "",
              url: lookup(resources.images, image, `icon of ${id}`),
            }),
          );
          buttons.push({
            id,
            label: lookup(resources.shortStrings, firstChild(control, "Label"), `label of ${id}`),
            tooltipTitle: lookup(
              resources.shortStrings,
              supertip && firstChild(supertip, "Title"),
              `title of ${id}`,
            ),
            tooltip: lookup(
              resources.longStrings,
              supertip && firstChild(supertip, "Description"),
              `tip of ${id}`,
            ),
            icons,
            action: readAction(control, resources, id),
            extensionPoint,
            tabId: attr(tab, "id") ?? "",
            groupId,
            groupLabel,
          });
        }
      }
    }
  }
  return buttons;
}

/**
 * Parses manifest XML into the model, its locale-aware values in `language` (default: each DefaultValue).
 * Throws ManifestError (or XmlSyntaxError) when it cannot.
 */
export function parseManifest(xml: string, language?: string): ManifestModel {
  const root = parseXml(xml);
  if (root.localName !== "OfficeApp" || root.namespaceUri !== NS.app) {
    throw new ManifestError("root element is not OfficeApp in the appforoffice/1.1 namespace");
  }
  const chain = versionOverridesChain(root);
  const effective = chain.at(-1);
  const resources = readResources(chain, language);
  const defaultValue = (node: XmlNode | undefined) => localised(node, language);
  const mailHost = effective
    ? childrenNamed(firstChild(effective, "Hosts") ?? effective, "Host").find(
        (h) => xsiType(h) === "MailHost",
      )
    : undefined;
  const desktop = mailHost && firstChild(mailHost, "DesktopFormFactor");
  const sets = effective && firstChild(firstChild(effective, "Requirements") ?? effective, "Sets", NS.bt);
  const functionFile = desktop && firstChild(desktop, "FunctionFile");

  return {
    appType: xsiType(root) ?? "",
    id: required(text(firstChild(root, "Id")), "Id"),
    version: required(text(firstChild(root, "Version")), "Version"),
    providerName: required(text(firstChild(root, "ProviderName")), "ProviderName"),
    defaultLocale: required(text(firstChild(root, "DefaultLocale")), "DefaultLocale"),
    displayName: required(defaultValue(firstChild(root, "DisplayName")), "DisplayName"),
    description: required(defaultValue(firstChild(root, "Description")), "Description"),
    iconUrl: required(defaultValue(firstChild(root, "IconUrl")), "IconUrl"),
    highResolutionIconUrl: defaultValue(firstChild(root, "HighResolutionIconUrl")),
    supportUrl: defaultValue(firstChild(root, "SupportUrl")),
    appDomains: childrenNamed(firstChild(root, "AppDomains") ?? root, "AppDomain").map((d) => d.text.trim()),
    hosts: childrenNamed(firstChild(root, "Hosts") ?? root, "Host").map((h) => attr(h, "Name") ?? ""),
    requirements: childrenNamed(
      firstChild(firstChild(root, "Requirements") ?? root, "Sets") ?? root,
      "Set",
    ).map((s) => ({ name: attr(s, "Name") ?? "", minVersion: attr(s, "MinVersion") })),
    permissions: required(text(firstChild(root, "Permissions")), "Permissions"),
    itemReadSourceLocation: childrenNamed(firstChild(root, "FormSettings") ?? root, "Form")
      .filter((f) => xsiType(f) === "ItemRead")
      .map((f) => defaultValue(firstChild(firstChild(f, "DesktopSettings") ?? f, "SourceLocation")))[0],
    itemRules: [...walk(firstChild(root, "Rule") ?? root)]
      .filter((r) => r.localName === "Rule" && xsiType(r) === "ItemIs")
      .map((r) => ({ itemType: attr(r, "ItemType") ?? "", formType: attr(r, "FormType") ?? "" })),
    versionOverrides: chain.map((vo) => ({ namespaceUri: vo.namespaceUri ?? "", type: xsiType(vo) ?? "" })),
    overrideRequirements: sets
      ? childrenNamed(sets, "Set", NS.bt).map((s) => ({
          name: attr(s, "Name") ?? "",
          minVersion: attr(s, "MinVersion") ?? attr(sets, "DefaultMinVersion"),
        }))
      : [],
    functionFileUrl: functionFile ? lookup(resources.urls, functionFile, "FunctionFile") : undefined,
    supportsSharedFolders: bool(desktop && firstChild(desktop, "SupportsSharedFolders")),
    extensionPoints: desktop ? childrenNamed(desktop, "ExtensionPoint").map((p) => xsiType(p) ?? "") : [],
    buttons: desktop ? readButtons(desktop, resources) : [],
    resources,
  };
}

/** Every URL written in the manifest (attribute values and text), with the line it is on. */
export function collectUrls(xml: string): { url: string; line: number }[] {
  const found: { url: string; line: number }[] = [];
  for (const node of walk(parseXml(xml))) {
    for (const a of node.attributes) {
      // Namespace names and xsi:schemaLocation are identifiers, not addresses the client loads.
      if (a.namespaceUri === XMLNS_NS || a.namespaceUri === NS.xsi) continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value.trim()))
        found.push({ url: a.value.trim(), line: node.line });
    }
    const value = node.text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) found.push({ url: value, line: node.line });
  }
  return found;
}

/**
 * Compares dotted versions part by part, numerically: -1, 0 or 1 ("1.13" > "1.5", "1.10" > "1.9", "1.1" = "1.1.0";
 * a part that is not a number counts as 0). The one comparison for manifest versions and requirement sets (the
 * simulator's isSetSupported uses it too).
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(".").map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Where the dev server serves a manifest URL from, relative to the repository root: Vite serves
 * `public/` as is (icons) and builds the pages from `src/` (`/taskpane/taskpane.html` ->
 * `src/taskpane/taskpane.html`). Returns undefined for a URL on another origin.
 */
export function repoPathForUrl(url: string, origin: string = DEV_ORIGIN): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.origin !== origin) return undefined;
  const path = decodeURIComponent(parsed.pathname).replace(/^\/+/, "");
  if (path === "" || path.split("/").includes("..")) return undefined;
  return path.endsWith(".html") ? `src/${path}` : `public/${path}`;
}

export interface CheckOptions {
  /** The one origin every URL must be on (default: the dev origin). */
  origin?: string;
}

/**
 * The rules the XSD cannot express. Returns every problem found, each as a sentence naming the place;
 * an empty list means the manifest passes.
 */
export function checkManifest(xml: string, options: CheckOptions = {}): string[] {
  const origin = options.origin ?? DEV_ORIGIN;
  const problems: string[] = [];
  const root = parseXml(xml);

  for (const { url, line } of collectUrls(xml)) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      problems.push(`line ${line}: "${url}" is not a valid URL`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`line ${line}: ${url} is not https`);
    else if (parsed.origin !== origin) problems.push(`line ${line}: ${url} is not on ${origin}`);
  }
  for (const domain of childrenNamed(firstChild(root, "AppDomains") ?? root, "AppDomain")) {
    const value = domain.text.trim();
    let ok = false;
    try {
      ok = new URL(value).origin === value;
    } catch {
      // reported below
    }
    if (!ok)
      problems.push(`line ${domain.line}: AppDomain "${value}" must be an origin (scheme://host[:port])`);
  }

  // resids: every reference defined (in this VersionOverrides or an outer one), every definition used.
  const chain = versionOverridesChain(root);
  const defined = new Map<string, number>();
  const referenced = new Set<string>();
  for (const vo of chain) {
    const resources = firstChild(vo, "Resources");
    for (const item of resources ? [...walk(resources)] : []) {
      const id = attr(item, "id");
      if (id === undefined || item.namespaceUri !== NS.bt) continue;
      if (defined.has(id)) problems.push(`line ${item.line}: resource id "${id}" is defined twice`);
      defined.set(id, item.line);
    }
  }
  for (const node of walk(root)) {
    const resid = attr(node, "resid");
    if (resid === undefined) continue;
    referenced.add(resid);
    if (resid.length > 32) problems.push(`line ${node.line}: resid "${resid}" is longer than 32 characters`);
    if (!defined.has(resid)) problems.push(`line ${node.line}: resid "${resid}" is not defined in Resources`);
  }
  for (const [id, line] of defined) {
    if (!referenced.has(id)) problems.push(`line ${line}: resource "${id}" is defined but never used`);
  }

  // VersionOverrides: 1.1 nested in 1.0, nothing deeper, and only one of each.
  const expected = [
    { namespaceUri: NS.mailor, type: "VersionOverridesV1_0" },
    { namespaceUri: NS.mailor11, type: "VersionOverridesV1_1" },
  ];
  const seen = chain.map((vo) => `${vo.namespaceUri ?? ""} ${xsiType(vo) ?? ""}`);
  if (seen.join("|") !== expected.map((e) => `${e.namespaceUri} ${e.type}`).join("|")) {
    problems.push(
      `VersionOverrides must be 1.1 (VersionOverridesV1_1) inside 1.0; found [${seen.join(", ")}]`,
    );
  }
  for (const vo of chain) {
    if (childrenNamed(vo, "VersionOverrides").length > 1) {
      problems.push(`line ${vo.line}: more than one nested VersionOverrides`);
    }
  }

  // Controls: unique ids; ExecuteFunction needs a FunctionFile and a callable name.
  const controlIds = new Map<string, number>();
  let hasExecuteFunction = false;
  for (const node of walk(root)) {
    if (node.localName === "Control" || node.localName === "Group") {
      const id = attr(node, "id") ?? "";
      if (controlIds.has(id))
        problems.push(`line ${node.line}: id "${id}" is used by two controls or groups`);
      controlIds.set(id, node.line);
    }
    if (node.localName === "Action" && xsiType(node) === "ExecuteFunction") {
      hasExecuteFunction = true;
      const name = text(firstChild(node, "FunctionName")) ?? "";
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
        problems.push(`line ${node.line}: FunctionName "${name}" is not a JavaScript identifier`);
      }
    }
  }
  if (hasExecuteFunction) {
    const effective = chain.at(-1);
    const hasFunctionFile = effective
      ? [...walk(effective)].some((n) => n.localName === "FunctionFile")
      : false;
    if (!hasFunctionFile) problems.push("an ExecuteFunction button needs a FunctionFile");
  }

  // Requirements: the override's Mailbox version must not promise less than the top level asks.
  try {
    const model = parseManifest(xml);
    const top = model.requirements.find((r) => r.name === "Mailbox")?.minVersion;
    const inner = model.overrideRequirements.find((r) => r.name === "Mailbox")?.minVersion;
    if (top === undefined) problems.push("Requirements has no Mailbox set with MinVersion");
    if (top !== undefined && inner !== undefined && compareVersions(inner, top) < 0) {
      problems.push(`VersionOverrides requires Mailbox ${inner}, lower than the manifest's ${top}`);
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}
