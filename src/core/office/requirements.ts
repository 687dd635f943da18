/**
 * Requirement-set checks that say which set is missing.
 * Mailbox 1.3: convertToRestId. Mailbox 1.5: ItemChanged (pinned task pane). Mailbox 1.8: getItemIdAsync (compose: drafts and
 * the organizer's meeting form).
 * DialogApi 1.2: messageChild, used to hand the confirmation page what it must show.
 * NestedAppAuth 1.1: MSAL nested app authentication and Office.auth.getAuthContext.
 */
import { type FeatureKey, RequirementError } from "./errors";

export interface Requirement {
  set: string;
  version: string;
  /** What needs it, in words a person understands. */
  feature: FeatureKey;
}

export const REQUIREMENTS = {
  restIds: { set: "Mailbox", version: "1.5", feature: "feature.restIds" },
  composeItemId: { set: "Mailbox", version: "1.8", feature: "feature.composeItemId" },
  /** getItemIdAsync on the organizer's meeting form (AppointmentCompose). */
  organizerItemId: { set: "Mailbox", version: "1.8", feature: "feature.appointment" },
  confirmationDialog: { set: "DialogApi", version: "1.2", feature: "feature.confirmationDialog" },
  nestedAppAuth: { set: "NestedAppAuth", version: "1.1", feature: "feature.nestedAppAuth" },
} as const satisfies Record<string, Requirement>;

export function isSupported(requirement: Requirement): boolean {
  try {
    return Office.context.requirements.isSetSupported(requirement.set, requirement.version);
  } catch {
    return false;
  }
}

/** Throws a RequirementError naming the first missing set. */
export function requireSets(...requirements: Requirement[]): void {
  for (const requirement of requirements) {
    if (!isSupported(requirement)) {
      throw new RequirementError(requirement.set, requirement.version, requirement.feature);
    }
  }
}
