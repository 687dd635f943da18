/**
 * Reads what the shell needs from the add-in's XML manifest, in the browser (DOMParser), the way Outlook on the web
 * does: the innermost VersionOverrides wins (1.1 nested in 1.0), the ribbon comes from the MessageReadCommandSurface
 * (and MessageComposeCommandSurface, AppointmentAttendee/OrganizerCommandSurface) extension points, strings, URLs and images from its Resources, with
 * bt:Override for the display language.
 */

export type ButtonAction =
  | { kind: "ExecuteFunction"; functionName: string }
  | {
      kind: "ShowTaskpane";
      sourceUrl: string;
      taskpaneId: string | null;
      supportsPinning: boolean;
      supportsMultiSelect: boolean;
      supportsNoItemContext: boolean;
    };

export interface RibbonButton {
  id: string;
  label: string;
  supertipTitle: string;
  supertipDescription: string;
  /** size (px) -> URL */
  icons: Record<string, string>;
  action: ButtonAction;
}

export interface RibbonGroup {
  id: string;
  label: string;
  buttons: RibbonButton[];
}

export interface AddinManifest {
  id: string;
  displayName: string;
  providerName: string;
  iconUrl: string;
  appDomains: string[];
  permissions: string;
  /** FormSettings ItemRead SourceLocation (the add-in bar entry in older clients). */
  defaultTaskpaneUrl: string | null;
  functionFileUrl: string | null;
  supportsSharedFolders: boolean;
  readGroups: RibbonGroup[];
  composeGroups: RibbonGroup[];
  /** Appointment read surfaces: AppointmentAttendeeCommandSurface and AppointmentOrganizerCommandSurface. */
  attendeeGroups: RibbonGroup[];
  organizerGroups: RibbonGroup[];
  /** ids of the images in Resources (a notification's icon names one of them). */
  imageIds: string[];
}

function children(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((c) => c.localName === localName);
}

function child(parent: Element, localName: string): Element | null {
  return children(parent, localName)[0] ?? null;
}

function descendants(parent: Element | Document, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS("*", localName));
}

function xsiType(el: Element): string {
  return (
    el.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type") ??
    el.getAttribute("xsi:type") ??
    ""
  );
}

function localised(el: Element | null, language: string): string {
  if (el === null) return "";
  const lang = language.toLowerCase();
  const overrides = children(el, "Override");
  const locale = (o: Element) => (o.getAttribute("Locale") ?? "").toLowerCase();
  // The exact locale first, then one of the same language (de-AT and de-CH read a de-DE override), as Outlook does.
  const primary = lang.split("-")[0];
  const match =
    overrides.find((o) => locale(o) === lang) ?? overrides.find((o) => locale(o).split("-")[0] === primary);
  if (match) return match.getAttribute("Value") ?? "";
  return el.getAttribute("DefaultValue") ?? "";
}

export function parseManifest(xml: string, language = "en-US"): AddinManifest {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const root = doc.documentElement;
  if (root === null || root.localName !== "OfficeApp" || descendants(doc, "parsererror").length > 0) {
    throw new Error("manifest.xml is not an OfficeApp document");
  }
  const top = (name: string) => child(root, name);
  const overrides = descendants(doc, "VersionOverrides");
  // The innermost VersionOverrides is the newest schema the host understands.
  const vo = overrides.filter((v) => descendants(v, "VersionOverrides").length === 0)[0] ?? null;

  const resources = vo ? child(vo, "Resources") : null;
  const resource = (group: string, id: string | null): string => {
    if (resources === null || id === null) return "";
    const section = child(resources, group);
    if (section === null) return "";
    const entry = children(section, group === "Images" ? "Image" : group === "Urls" ? "Url" : "String").find(
      (e) => e.getAttribute("id") === id,
    );
    return localised(entry ?? null, language);
  };
  const text = (el: Element | null) => (el?.textContent ?? "").trim();

  const appDomains = descendants(doc, "AppDomain")
    .map((d) => text(d))
    .filter((d) => d !== "");
  let defaultTaskpaneUrl: string | null = null;
  for (const form of descendants(doc, "Form")) {
    if (xsiType(form) === "ItemRead") {
      const loc = descendants(form, "SourceLocation")[0];
      if (loc) defaultTaskpaneUrl = localised(loc, language) || null;
    }
  }

  let functionFileUrl: string | null = null;
  let supportsSharedFolders = false;
  const readGroups: RibbonGroup[] = [];
  const composeGroups: RibbonGroup[] = [];
  const attendeeGroups: RibbonGroup[] = [];
  const organizerGroups: RibbonGroup[] = [];
  const surfaces: Record<string, RibbonGroup[]> = {
    MessageReadCommandSurface: readGroups,
    MessageComposeCommandSurface: composeGroups,
    AppointmentAttendeeCommandSurface: attendeeGroups,
    AppointmentOrganizerCommandSurface: organizerGroups,
  };
  if (vo !== null) {
    const desktop = descendants(vo, "DesktopFormFactor")[0];
    if (desktop) {
      const ff = child(desktop, "FunctionFile");
      functionFileUrl = ff ? resource("Urls", ff.getAttribute("resid")) || null : null;
      supportsSharedFolders = text(child(desktop, "SupportsSharedFolders")) === "true";
      for (const point of children(desktop, "ExtensionPoint")) {
        const type = xsiType(point);
        const target = surfaces[type] ?? null;
        if (target === null) continue;
        for (const group of descendants(point, "Group")) {
          const buttons: RibbonButton[] = [];
          for (const control of children(group, "Control")) {
            if (xsiType(control) !== "Button") continue;
            const action = child(control, "Action");
            if (action === null) continue;
            let parsed: ButtonAction | null = null;
            if (xsiType(action) === "ExecuteFunction") {
              parsed = { kind: "ExecuteFunction", functionName: text(child(action, "FunctionName")) };
            } else if (xsiType(action) === "ShowTaskpane") {
              parsed = {
                kind: "ShowTaskpane",
                sourceUrl: resource("Urls", child(action, "SourceLocation")?.getAttribute("resid") ?? null),
                taskpaneId: text(child(action, "TaskpaneId")) || null,
                supportsPinning: text(child(action, "SupportsPinning")) === "true",
                supportsMultiSelect: text(child(action, "SupportsMultiSelect")) === "true",
                supportsNoItemContext: text(child(action, "SupportsNoItemContext")) === "true",
              };
            }
            if (parsed === null) continue;
            const supertip = child(control, "Supertip");
            const icons: Record<string, string> = {};
            for (const image of descendants(child(control, "Icon") ?? control, "Image")) {
              icons[image.getAttribute("size") ?? ""] = resource("Images", image.getAttribute("resid"));
            }
            buttons.push({
              id: control.getAttribute("id") ?? "",
              label: resource("ShortStrings", child(control, "Label")?.getAttribute("resid") ?? null),
              supertipTitle: resource(
                "ShortStrings",
                supertip ? (child(supertip, "Title")?.getAttribute("resid") ?? null) : null,
              ),
              supertipDescription: resource(
                "LongStrings",
                supertip ? (child(supertip, "Description")?.getAttribute("resid") ?? null) : null,
              ),
              icons,
              action: parsed,
            });
          }
          target.push({
            id: group.getAttribute("id") ?? "",
            label: resource("ShortStrings", child(group, "Label")?.getAttribute("resid") ?? null),
            buttons,
          });
        }
      }
    }
  }

  return {
    id: text(top("Id")),
    displayName: localised(top("DisplayName"), language),
    providerName: text(top("ProviderName")),
    iconUrl: localised(top("IconUrl"), language),
    appDomains,
    permissions: text(top("Permissions")) || "Restricted",
    defaultTaskpaneUrl,
    functionFileUrl,
    supportsSharedFolders,
    readGroups,
    composeGroups,
    attendeeGroups,
    organizerGroups,
    imageIds: (() => {
      const images = resources ? child(resources, "Images") : null;
      return images ? children(images, "Image").map((e) => e.getAttribute("id") ?? "") : [];
    })(),
  };
}
