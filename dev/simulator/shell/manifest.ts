/**
 * What the shell needs from the add-in's XML manifest: the ribbon of each command surface the simulator shows
 * (MessageReadCommandSurface, MessageComposeCommandSurface, AppointmentAttendeeCommandSurface and
 * AppointmentOrganizerCommandSurface), the function file, app domains and permission, in the display language.
 * The manifest is read by the project's one parser (tools/manifest/manifest-model.ts, pure string parsing that runs
 * in the browser as in Node), at run time, because the shell's server serves whichever manifest it is started with.
 */
import { type ManifestButton, parseManifest } from "../../../tools/manifest/manifest-model";

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

const SURFACES = {
  readGroups: "MessageReadCommandSurface",
  composeGroups: "MessageComposeCommandSurface",
  attendeeGroups: "AppointmentAttendeeCommandSurface",
  organizerGroups: "AppointmentOrganizerCommandSurface",
} as const;

function ribbonButton(button: ManifestButton): RibbonButton {
  const action = button.action;
  return {
    id: button.id,
    label: button.label,
    supertipTitle: button.tooltipTitle,
    supertipDescription: button.tooltip,
    icons: Object.fromEntries(button.icons.map((icon) => [String(icon.size), icon.url])),
    action:
      action.type === "ExecuteFunction"
        ? { kind: "ExecuteFunction", functionName: action.functionName }
        : {
            kind: "ShowTaskpane",
            sourceUrl: action.sourceLocation,
            taskpaneId: action.taskpaneId ?? null,
            supportsPinning: action.supportsPinning,
            supportsMultiSelect: action.supportsMultiSelect,
            supportsNoItemContext: action.supportsNoItemContext,
          },
  };
}

/** The groups of one extension point, in manifest order, each with its buttons. */
function groupsOf(buttons: readonly ManifestButton[], extensionPoint: string): RibbonGroup[] {
  const groups = new Map<string, RibbonGroup>();
  for (const button of buttons) {
    if (button.extensionPoint !== extensionPoint) continue;
    const key = `${button.tabId}\u0000${button.groupId}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { id: button.groupId, label: button.groupLabel, buttons: [] };
      groups.set(key, group);
    }
    group.buttons.push(ribbonButton(button));
  }
  return [...groups.values()];
}

/** The shell's view of manifest.xml in `language`. Throws (ManifestError, XmlSyntaxError) for a broken manifest. */
export function shellManifest(xml: string, language = "en-US"): AddinManifest {
  const model = parseManifest(xml, language);
  return {
    id: model.id,
    displayName: model.displayName,
    providerName: model.providerName,
    iconUrl: model.iconUrl,
    appDomains: model.appDomains.filter((domain) => domain !== ""),
    permissions: model.permissions,
    defaultTaskpaneUrl: model.itemReadSourceLocation ?? null,
    functionFileUrl: model.functionFileUrl ?? null,
    supportsSharedFolders: model.supportsSharedFolders,
    readGroups: groupsOf(model.buttons, SURFACES.readGroups),
    composeGroups: groupsOf(model.buttons, SURFACES.composeGroups),
    attendeeGroups: groupsOf(model.buttons, SURFACES.attendeeGroups),
    organizerGroups: groupsOf(model.buttons, SURFACES.organizerGroups),
    imageIds: Object.keys(model.resources.images),
  };
}
