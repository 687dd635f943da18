/**
 * What the task pane needs from the outside world. The real implementation wires the core to Office.js, MSAL
 * and Graph; component tests pass fakes. Components never touch Office directly.
 */
import type { ItemRef } from "../core/graph/types";
import type { CurrentItem } from "../core/office/item";
import type { DeleteReport } from "../core/purge/types";

export interface PaneDeps {
  /** Set when the build has no Entra app configured (or a broken configuration): the sentence to show. */
  configProblem: string | undefined;
  /**
   * Set when Graph offers no message permanentDelete where this mailbox is (a sovereign cloud): the sentence to
   * show instead of any Delete button. Nothing is read or sent then, not even a silent sign-in check.
   */
  unavailable?: string | undefined;
  /**
   * Set where Graph offers permanentDelete for some kinds of item but not others (the China cloud: events, not
   * messages): the sentence shown instead of the Delete button for an item of that kind, undefined where it can go.
   */
  unavailableFor?: ((kind: "message" | "event") => string | undefined) | undefined;
  /**
   * Reads the current item fresh. Throws the office module's typed errors. `interactive` (a click): whose mailbox
   * it is may be asked of Graph with a sign-in window if needed (see core/office/shared.ts).
   */
  readItem(options?: { interactive?: boolean }): Promise<CurrentItem>;
  /** Follows ItemChanged; returns a function that stops following. */
  watchItem(onChange: () => void): Promise<() => void>;
  /** Silent token check on load: resolves if a token can be had without asking; throws AuthError otherwise. */
  checkSignIn(): Promise<void>;
  /** Interactive sign-in, from a click. */
  signIn(): Promise<void>;
  /** Deletes one item; interactive because it follows the person's click. */
  deleteItem(ref: ItemRef): Promise<DeleteReport>;
}
