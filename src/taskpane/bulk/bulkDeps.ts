/**
 * What the bulk views need from the outside world (multi-select, folders, the scheduler). Separate from
 * PaneDeps so the single-message pane works where bulk isn't available.
 */

import type { SelectedMessage } from "../../core/office/selection";
import type { ContactActions } from "../../core/purge/contacts";
import type { FolderActions } from "../../core/purge/folders";
import type { MailFolder, ResolvedSelection } from "../../core/purge/mailData";
import type { PurgeProgress } from "../../core/purge/scheduler";
import type { ItemResult, PurgeTarget } from "../../core/purge/types";

export type { PurgeProgress as BulkProgress } from "../../core/purge/scheduler";

export interface BulkDeps {
  /** Mailbox 1.13: several selected messages can be read. */
  multiSelectSupported: boolean;
  readSelection(): Promise<SelectedMessage[]>;
  watchSelection(onChange: () => void): Promise<() => void>;
  resolveSelection(selected: readonly SelectedMessage[]): Promise<ResolvedSelection>;
  listFolders(): Promise<MailFolder[]>;
  folderCount(folderId: string): Promise<number>;
  listFolderMessages(
    folder: Pick<MailFolder, "id" | "displayName">,
    options: { signal?: AbortSignal; onPage?: (loaded: number) => void },
  ): Promise<PurgeTarget[]>;
  /** Purges through the scheduler: one result per target; throws AuthError only when nothing could be sent. */
  purge(
    targets: readonly PurgeTarget[],
    options: { signal: AbortSignal; onProgress: (progress: PurgeProgress) => void },
  ): Promise<ItemResult[]>;
  /**
   * The Contacts view's Graph work (Contacts.ReadWrite), created on first use so the scope is asked for only when
   * the view is opened. Absent: no Contacts view.
   */
  contacts?: () => Promise<ContactActions>;
  /** Deleting custom mail folders outright (mailFolder permanentDelete). Absent: not offered. */
  mailFolders?: () => Promise<FolderActions>;
}
