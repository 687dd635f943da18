/** Typed errors for everything that comes back from Office.js. */
import { type MessageKey, t } from "../i18n";
import { isSupported, type Requirement } from "./requirements";

/** An Office.js asynchronous call failed. `code` and `name` are Office's own (e.g. 12004, "InvalidDomain"). */
export class OfficeApiError extends Error {
  override readonly name = "OfficeApiError";
  constructor(
    /** Which call failed, e.g. "displayDialogAsync". */
    readonly operation: string,
    readonly code: number | undefined,
    readonly officeName: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Catalogue keys naming the features that need a requirement set. */
export type FeatureKey = Extract<MessageKey, `feature.${string}`>;

/** The host does not support a requirement set the feature needs. */
export class RequirementError extends Error {
  override readonly name = "RequirementError";
  constructor(
    readonly set: string,
    readonly version: string,
    /** What needs it: a catalogue key (feature.*), so the sentence is in the person's language. */
    readonly feature: FeatureKey,
  ) {
    super(t("office.requirement", { feature: t(feature), set, version }));
  }
}

/** A draft, or a new meeting in the organizer's form, has no ID until it is saved. */
export class DraftNotSavedError extends Error {
  override readonly name = "DraftNotSavedError";
  constructor(readonly itemKind: "draft" | "meeting" = "draft") {
    super(t(itemKind === "meeting" ? "office.meetingNotSaved" : "office.draftNotSaved"));
  }
}

/** There is no current item: nothing selected, or several items selected. */
export class NoItemError extends Error {
  override readonly name = "NoItemError";
  constructor() {
    super(t("office.noItem"));
  }
}

/** The current item is of a kind the add-in can't delete here (e.g. a meeting in a later stage). */
export class UnsupportedItemError extends Error {
  override readonly name = "UnsupportedItemError";
  constructor(readonly itemType: string) {
    super(t("office.unsupportedItem", { itemType }));
  }
}

/** What happened and what to do, for each dialog error Outlook documents (see dialog.ts). */
export function dialogProblem(code: number | undefined): string {
  switch (code) {
    case 12004:
    case 12005:
    case 12006:
    case 12007:
    case 12009:
    case 12011:
      return t(`dialog.${code}` as const);
    default:
      return t("dialog.other", { note: code ? t("dialog.errorNote", { code: String(code) }) : "" });
  }
}

/** Throws a RequirementError naming the first missing set (the sets: requirements.ts). */
export function requireSets(...requirements: Requirement[]): void {
  for (const requirement of requirements) {
    if (!isSupported(requirement)) {
      throw new RequirementError(requirement.set, requirement.version, requirement.feature);
    }
  }
}
