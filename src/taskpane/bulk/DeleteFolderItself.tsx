/**
 * Deleting a custom folder itself (mailFolder permanentDelete): offered only for folders that are not one of
 * Outlook's well-known folders, confirmed in its own dialog (the folder is removed outright, not sent to Purges),
 * bound to the folder and the contents shown: if they changed by the time the person confirmed, nothing is sent.
 */
import { Button, Caption1 } from "@fluentui/react-components";
import { FolderProhibitedRegular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import { summarizeFailure } from "../../core/purge/failures";
import {
  type FolderActions,
  type FolderDeleteOutcome,
  type FolderTree,
  sameTree,
} from "../../core/purge/folders";
import type { MailFolder } from "../../core/purge/mailData";
import type { Summary } from "../../core/purge/report";
import { ConfirmShell } from "../ui/confirmParts";

const quoted = (name: string) => t("common.quoted", { text: name });

/** "its 12 messages and 1 subfolder with everything in it" — what goes besides the folder. */
export function folderContents(tree: FolderTree): string {
  const parts: string[] = [];
  if (tree.items > 0) {
    parts.push(
      isOne(tree.items)
        ? t("folders.contents.messages.one", { count: tree.items })
        : t("folders.contents.messages.other", { count: tree.items }),
    );
  }
  if (tree.subfolders > 0) {
    parts.push(
      isOne(tree.subfolders)
        ? t("folders.contents.subfolders.one")
        : t("folders.contents.subfolders.other", { count: tree.subfolders }),
    );
  }
  const [first, second] = parts;
  if (first === undefined) return "";
  return second === undefined ? first : t("folders.contents.and", { first, second });
}

/** Nothing was sent: the folder read again (`now`) is not the one confirmed (`seen`), or its contents moved. */
export function folderChanged(seen: FolderTree, now: FolderTree): Summary {
  return {
    tone: "warning",
    title: t("purge.title.nothingDeleted"),
    message: t("folders.changed", {
      folder: quoted(seen.displayName),
      contents: folderContents(now) || t("folders.changedEmpty"),
    }),
  };
}

/** What Graph answered to the folder's permanentDelete; only its 204 reads as deleted. */
export function folderOutcome(seen: FolderTree, outcome: FolderDeleteOutcome): Summary {
  if (outcome.status === "deleted") {
    return {
      tone: "success",
      title: t("folders.deletedTitle"),
      message: folderContents(seen)
        ? t("folders.deletedWith", { folder: quoted(seen.displayName), contents: folderContents(seen) })
        : t("folders.deletedEmpty", { folder: quoted(seen.displayName) }),
    };
  }
  return {
    tone: outcome.status === "already-gone" ? "info" : "error",
    title: outcome.status === "already-gone" ? t("purge.title.alreadyGone") : t("folders.notDeletedTitle"),
    message: outcome.message,
  };
}

type Ready = { actions: FolderActions; wellKnown: Map<string, string> } | "unknown" | undefined;

/**
 * The folder actions and Outlook's well-known folder IDs (`ready`: "unknown" when those can't be read, and then no
 * folder is offered); the folder shown in the open confirmation; `ask` opens it with the folder read fresh, and
 * `answer` re-reads it and deletes only if it is still what was shown. Every result goes to `onError` (the area's
 * result bar); `onDeleted` after Graph answered.
 */
function useFolderDeletion(
  load: () => Promise<FolderActions>,
  onError: (summary: Summary) => void,
  onDeleted: () => void,
) {
  const [ready, setReady] = useState<Ready>();
  const [shown, setShown] = useState<FolderTree | undefined>();
  const [working, setWorking] = useState(false);
  const [typed, setTyped] = useState("");

  useEffect(() => {
    let live = true;
    load()
      .then(async (actions) => ({ actions, wellKnown: await actions.wellKnownIds() }))
      .then(
        (value) => live && setReady(value),
        // If Outlook's own folders can't be told apart, no folder is offered.
        () => live && setReady("unknown"),
      );
    return () => {
      live = false;
    };
  }, [load]);

  /** Runs `work` with the button disabled; a failure goes to the result bar. */
  const guarded = async (work: () => Promise<void>) => {
    setWorking(true);
    try {
      await work();
    } catch (error) {
      onError(summarizeFailure(error));
    } finally {
      setWorking(false);
    }
  };
  const ask = (folder: MailFolder) =>
    typeof ready === "object" &&
    guarded(async () => {
      const tree = await ready.actions.describe(folder.id);
      setTyped("");
      setShown(tree);
    });
  const answer = (yes: boolean) => {
    const seen = shown;
    setShown(undefined);
    if (!yes || !seen || typeof ready !== "object") return;
    const { actions, wellKnown } = ready;
    void guarded(async () => {
      // Bound to what was shown: the same folder, not one of Outlook's own, with the same contents.
      const now = await actions.describe(seen.id);
      if (wellKnown.has(now.id) || !sameTree(seen, now)) {
        onError(folderChanged(seen, now));
        return;
      }
      onError(
        folderOutcome(seen, await actions.permanentDelete({ id: seen.id, displayName: seen.displayName })),
      );
      onDeleted();
    });
  };
  return { ready, shown, working, typed, setTyped, ask, answer };
}

interface FolderConfirmDialogProps {
  /** The folder asked about, as read when the button was pressed; undefined: closed. */
  shown: FolderTree | undefined;
  typed: string;
  onTyped(value: string): void;
  onAnswer(yes: boolean): void;
}

/** The folder's own confirmation: what goes with it, and the typed count from TYPED_CONFIRMATION_FROM messages. */
function FolderConfirmDialog({ shown, typed, onTyped, onAnswer }: FolderConfirmDialogProps) {
  return (
    <ConfirmShell
      open={shown !== undefined}
      title={t("folders.confirmTitle", { folder: quoted(shown?.displayName ?? "") })}
      warningId="folder-warning"
      warning={t("folders.warning")}
      confirmLabel={t("folders.deleteFolder")}
      typed={{ count: shown?.items ?? 0, value: typed, onChange: onTyped }}
      onAnswer={onAnswer}
    >
      <p>
        {shown && folderContents(shown)
          ? t("folders.confirmWith", {
              folder: quoted(shown.displayName),
              contents: folderContents(shown),
            })
          : t("folders.confirmEmpty", { folder: quoted(shown?.displayName ?? "") })}
      </p>
    </ConfirmShell>
  );
}

export interface DeleteFolderItselfProps {
  load: () => Promise<FolderActions>;
  folder: MailFolder | undefined;
  busy: boolean;
  onError(summary: Summary): void;
  onDeleted(): void;
}

export function DeleteFolderItself({ load, folder, busy, onError, onDeleted }: DeleteFolderItselfProps) {
  const { ready, shown, working, typed, setTyped, ask, answer } = useFolderDeletion(load, onError, onDeleted);
  if (ready === undefined || !folder) return null;
  if (ready === "unknown") {
    return <Caption1 role="note">{t("folders.cantCheck")}</Caption1>;
  }
  const isOutlooksOwn = folder.wellKnown !== undefined || ready.wellKnown.has(folder.id);
  if (isOutlooksOwn) {
    return <Caption1>{t("folders.outlooksOwn", { folder: quoted(folder.displayName) })}</Caption1>;
  }
  return (
    <div>
      <Button icon={<FolderProhibitedRegular />} disabled={busy || working} onClick={() => void ask(folder)}>
        {t("folders.deleteItself", { folder: quoted(folder.displayName) })}
      </Button>
      <FolderConfirmDialog shown={shown} typed={typed} onTyped={setTyped} onAnswer={answer} />
    </div>
  );
}
