/**
 * Requirement sets the simulated Outlook on the web claims, per frame kind: what Microsoft lists for the modern
 * Outlook on the web (office-js-docs-reference, docs/requirement-sets/outlook/outlook-api-requirement-sets.md,
 * "Outlook client support", Web browser row, as of its ms.date 06/23/2026): Mailbox 1.1-1.16,
 * DevicePermissionService 1.1, DialogApi 1.1 and 1.2, DialogOrigin 1.1, IdentityAPI 1.3, NestedAppAuth 1.1
 * (NestedAppAuth not for Outlook.com or Gmail mailboxes: nested-app-auth-requirement-sets.md; switchable here).
 * Inside a dialog only the dialog sets are offered (no mailbox, no nested app auth: msal-js#7684).
 */
import { compareVersions } from "../../../tools/manifest/manifest-model";
import type { FrameRole } from "./protocol";

/** One version comparison for the whole project: the manifest model's. */
export { compareVersions };

export interface RequirementOptions {
  naa: boolean;
  role: FrameRole;
  /** Highest Mailbox set to claim (default: Outlook on the web's, 1.16); lower it to test an older host. */
  mailboxVersion?: string;
}

/** The newest Mailbox set Outlook on the web supports (see above). */
export const OUTLOOK_WEB_MAILBOX = "1.16";

export function supportedRequirementSets(options: RequirementOptions): Record<string, string> {
  const sets: Record<string, string> = {
    dialogapi: "1.2",
    dialogorigin: "1.1",
    identityapi: "1.3",
  };
  if (options.role !== "dialog") {
    sets.mailbox = options.mailboxVersion ?? OUTLOOK_WEB_MAILBOX;
    sets.devicepermissionservice = "1.1";
    if (options.naa) sets.nestedappauth = "1.1";
  }
  return sets;
}

export function isSetSupported(
  sets: Record<string, string>,
  name: string,
  minVersion?: string | number,
): boolean {
  const max = sets[name.toLowerCase()];
  if (max === undefined) return false;
  if (minVersion === undefined || minVersion === "") return true;
  return compareVersions(max, String(minVersion)) >= 0;
}
