/** Typed errors for everything that comes back from Office.js. */

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

/** The host does not support a requirement set the feature needs. */
export class RequirementError extends Error {
  override readonly name = "RequirementError";
  constructor(
    readonly set: string,
    readonly version: string,
    readonly feature: string,
  ) {
    super(
      `${feature} needs the ${set} ${version} requirement set, which this version of Outlook doesn't support. ` +
        "Use Outlook on the web or the new Outlook for Windows, or update Outlook.",
    );
  }
}

/** A draft in compose mode has no ID until it is saved. */
export class DraftNotSavedError extends Error {
  override readonly name = "DraftNotSavedError";
  constructor() {
    super(
      "This draft hasn't been saved yet, so it has nothing to delete. Save the draft first, then try again.",
    );
  }
}

/** There is no current item: nothing selected, or several items selected. */
export class NoItemError extends Error {
  override readonly name = "NoItemError";
  constructor() {
    super("No message is selected. Select a message, then try again.");
  }
}

/** The current item is of a kind the add-in can't delete here (e.g. a meeting in a later stage). */
export class UnsupportedItemError extends Error {
  override readonly name = "UnsupportedItemError";
  constructor(readonly itemType: string) {
    super(`This add-in deletes messages; the selected item is a ${itemType}.`);
  }
}
