/**
 * Every Office requirement set the add-in reads, in one registry, and the checks that say which set is missing.
 * manifest.xml asks for Mailbox 1.5 (the add-in's floor); a set above it is checked before use. A feature's set
 * (REQUIREMENTS) either fails with a RequirementError naming it (requireSets, in errors.ts next to the error) or
 * turns the feature off (isSupported). This module imports nothing at run time, so the dialog pages can read it
 * without the pane's error wording. A refinement's set (REFINEMENTS) only changes how something that works without it is done, so it
 * is only ever read with isSupported and never named to the person.
 */
import type { FeatureKey } from "./errors";

export interface Requirement {
  set: string;
  version: string;
  /** What needs it, in words a person understands. */
  feature: FeatureKey;
}

export const REQUIREMENTS = {
  /** convertToRestId (Mailbox 1.3), at the manifest's floor: the current item's Graph ID. */
  restIds: { set: "Mailbox", version: "1.5", feature: "feature.restIds" },
  /** seriesId, recurrence and organizer on read-mode appointments. */
  appointmentDetails: { set: "Mailbox", version: "1.7", feature: "feature.appointment" },
  /** getItemIdAsync on a compose form (drafts). */
  composeItemId: { set: "Mailbox", version: "1.8", feature: "feature.composeItemId" },
  /** getItemIdAsync on the organizer's meeting form (AppointmentCompose). */
  organizerItemId: { set: "Mailbox", version: "1.8", feature: "feature.appointment" },
  /** item.getSharedPropertiesAsync: items in shared folders and shared mailboxes. */
  sharedProperties: { set: "Mailbox", version: "1.8", feature: "feature.sharedFolders" },
  /** getSelectedItemsAsync and SelectedItemsChanged: the pane's multi-select. */
  multiSelect: { set: "Mailbox", version: "1.13", feature: "feature.multiSelect" },
  /** messageChild: the ribbon command hands the confirmation page what it must show (commands.ts checks first). */
  confirmationDialog: { set: "DialogApi", version: "1.2", feature: "feature.confirmationDialog" },
  /** MSAL nested app authentication and Office.auth.getAuthContext. */
  nestedAppAuth: { set: "NestedAppAuth", version: "1.1", feature: "feature.nestedAppAuth" },
} as const satisfies Record<string, Requirement>;

/** A set that refines what works without it: read with isSupported, never required. */
export interface Refinement {
  set: string;
  version: string;
}

export const REFINEMENTS = {
  /**
   * The origin of dialog messages: with it, dialog.ts refuses a DialogMessageReceived without an origin and
   * dialogPage.ts names messageParent's targetOrigin; without it, messages pass only between the add-in's pages.
   */
  dialogOrigin: { set: "DialogOrigin", version: "1.1" },
  /** OfficeThemeChanged (themeEvents.ts): without it the pane keeps the theme it opened with. */
  themeChanged: { set: "Mailbox", version: "1.14" },
} as const satisfies Record<string, Refinement>;

export function isSupported(requirement: Requirement | Refinement): boolean {
  try {
    return Office.context.requirements.isSetSupported(requirement.set, requirement.version);
  } catch {
    return false;
  }
}
