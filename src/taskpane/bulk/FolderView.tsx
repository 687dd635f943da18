/**
 * Purge a whole mail folder: beyond Outlook's 100-item selection, this is the way for thousands. The folder's
 * messages are listed from Graph (paging through @odata.nextLink) and the confirmation is bound to exactly those;
 * if the folder's count moved a lot by the time the person confirmed, they are asked again. Loaded lazily.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular, FolderProhibitedRegular } from "@fluentui/react-icons";
import { memo, useEffect, useId, useRef, useState } from "react";
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import { type FolderActions, type FolderTree, sameTree } from "../../core/purge/folders";
import type { MailFolder } from "../../core/purge/mailData";
import { type Summary, summarizeError } from "../../core/purge/report";
import { Busy } from "../ui/Busy";
import { TypedCount, typedCountMatches, useDangerButtonStyles, useInitialFocus } from "../ui/confirmParts";
import { NativeSelect } from "../ui/NativeSelect";
import { TYPED_CONFIRMATION_FROM } from "./BulkConfirmDialog";
import type { BulkDeps } from "./bulkDeps";
import type { BulkJob } from "./useBulkPurge";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

/** A change bigger than this between counting and confirming voids the confirmation. */
export function changedALot(seen: number, now: number): boolean {
  return Math.abs(now - seen) > Math.max(5, Math.ceil(seen * 0.1));
}

export interface FolderViewProps {
  bulk: BulkDeps;
  busy: boolean;
  onDelete(job: BulkJob): void;
  onError(summary: Summary): void;
}

function FolderView({ bulk, busy, onDelete, onError }: FolderViewProps) {
  const styles = useStyles();
  const [folders, setFolders] = useState<MailFolder[] | undefined>();
  const [selectedId, setSelectedId] = useState<string>("");
  const [loading, setLoading] = useState<{ loaded: number } | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);
  // Bumped after a folder itself was deleted: the list must drop it (and its subfolders).
  const [reloadKey, setReloadKey] = useState(0);

  // Load the folders, and again whenever a run ends: counts change, and "run it again" must offer what is left.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey re-reads the list after a folder itself went
  useEffect(() => {
    if (busy) return;
    let live = true;
    bulk.listFolders().then(
      (list) => {
        if (!live) return;
        setFolders(list);
        setSelectedId((current) => (list.some((f) => f.id === current) ? current : (list[0]?.id ?? "")));
      },
      (error: unknown) => live && onError(summarizeError(error)),
    );
    return () => {
      live = false;
    };
  }, [bulk, busy, onError, reloadKey]);
  useEffect(() => () => abort.current?.abort(), []);

  if (!folders) return <Busy label={t("folders.loading")} />;
  const folder = folders.find((f) => f.id === selectedId);

  const start = async () => {
    if (!folder) return;
    const controller = new AbortController();
    abort.current = controller;
    setLoading({ loaded: 0 });
    try {
      const targets = await bulk.listFolderMessages(folder, {
        signal: controller.signal,
        onPage: (loaded) => setLoading({ loaded }),
      });
      setFolders((list) =>
        list?.map((f) => (f.id === folder.id ? { ...f, totalItemCount: targets.length } : f)),
      );
      if (targets.length === 0) {
        onError({
          tone: "info",
          title: t("purge.title.nothingToDelete"),
          message: t("folders.empty", { folder: folder.displayName }),
        });
        return;
      }
      // Mail that arrived or left while the folder was listed isn't in the list: say so, the list is what goes.
      const countNow = await bulk.folderCount(folder.id);
      onDelete({
        targets,
        scope:
          countNow === targets.length
            ? t("folders.scope", { count: targets.length, folder: folder.displayName })
            : t("folders.scopeChanged", { count: targets.length, folder: folder.displayName, now: countNow }),
        stillValid: async () => {
          const now = await bulk.folderCount(folder.id);
          return changedALot(targets.length, now)
            ? t("folders.changedALot", { folder: folder.displayName, count: targets.length, now })
            : true;
        },
      });
    } catch (error) {
      if (!controller.signal.aborted) onError(summarizeError(error));
    } finally {
      setLoading(undefined);
      abort.current = undefined;
    }
  };

  return (
    <section className={styles.root} aria-label={t("folders.label")}>
      <Field label={t("folders.folder")}>
        <NativeSelect
          value={selectedId}
          onChange={(event) => setSelectedId(event.target.value)}
          disabled={busy || !!loading}
        >
          {folders.map((f) => (
            <option key={f.id} value={f.id}>
              {t("folders.option", { folder: f.displayName, count: f.totalItemCount })}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DeleteRegular />}
          disabled={busy || !!loading || !folder || folder.totalItemCount === 0}
          onClick={() => void start()}
        >
          {folder
            ? t("folders.deleteAllIn", { count: folder.totalItemCount, folder: folder.displayName })
            : t("folders.deleteAll")}
        </Button>
        {loading && (
          <>
            <Busy label={t("folders.listing", { count: loading.loaded })} />
            <Button onClick={() => abort.current?.abort()}>{t("folders.stopListing")}</Button>
          </>
        )}
      </div>
      <Caption1>{t("folders.order")}</Caption1>
      {bulk.mailFolders && (
        <DeleteFolderItself
          load={bulk.mailFolders}
          folder={folder}
          busy={busy || !!loading}
          onError={onError}
          onDeleted={() => setReloadKey((k) => k + 1)}
        />
      )}
    </section>
  );
}

const useFolderStyles = makeStyles({
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

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
      tree.subfolders === 1
        ? t("folders.contents.subfolder")
        : t("folders.contents.subfolders", { count: tree.subfolders }),
    );
  }
  const [first, second] = parts;
  if (first === undefined) return "";
  return second === undefined ? first : t("folders.contents.and", { first, second });
}

/**
 * Deleting a custom folder itself (mailFolder permanentDelete): offered only for folders that are not one of
 * Outlook's well-known folders, confirmed in its own dialog (the folder is removed outright, not sent to Purges),
 * bound to the folder and the contents shown: if they changed by the time the person confirmed, nothing is sent.
 */
function DeleteFolderItself({
  load,
  folder,
  busy,
  onError,
  onDeleted,
}: {
  load: () => Promise<FolderActions>;
  folder: MailFolder | undefined;
  busy: boolean;
  onError(summary: Summary): void;
  onDeleted(): void;
}) {
  const styles = useFolderStyles();
  const [ready, setReady] = useState<
    { actions: FolderActions; wellKnown: Map<string, string> } | "unknown" | undefined
  >();
  const [shown, setShown] = useState<FolderTree | undefined>();
  const [working, setWorking] = useState(false);
  const [typed, setTyped] = useState("");
  const cancelId = useId();
  const inputId = useId();
  const danger = useDangerButtonStyles();

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

  const needsTyping = (shown?.items ?? 0) >= TYPED_CONFIRMATION_FROM;
  useInitialFocus(shown !== undefined, needsTyping ? inputId : cancelId);

  if (ready === undefined || !folder) return null;
  if (ready === "unknown") {
    return <Caption1 role="note">{t("folders.cantCheck")}</Caption1>;
  }
  const { actions, wellKnown } = ready;
  const isOutlooksOwn = folder.wellKnown !== undefined || wellKnown.has(folder.id);
  if (isOutlooksOwn) {
    return <Caption1>{t("folders.outlooksOwn", { folder: quoted(folder.displayName) })}</Caption1>;
  }

  const ask = async () => {
    setWorking(true);
    try {
      const tree = await actions.describe(folder.id);
      setTyped("");
      setShown(tree);
    } catch (error) {
      onError(summarizeError(error));
    } finally {
      setWorking(false);
    }
  };

  const answer = async (yes: boolean) => {
    const seen = shown;
    setShown(undefined);
    if (!yes || !seen) return;
    setWorking(true);
    try {
      // Bound to what was shown: the same folder, not one of Outlook's own, with the same contents.
      const now = await actions.describe(seen.id);
      if (wellKnown.has(now.id) || !sameTree(seen, now)) {
        onError({
          tone: "warning",
          title: t("purge.title.nothingDeleted"),
          message: t("folders.changed", {
            folder: quoted(seen.displayName),
            contents: folderContents(now) || t("folders.changedEmpty"),
          }),
        });
        return;
      }
      const outcome = await actions.permanentDelete({ id: seen.id, displayName: seen.displayName });
      if (outcome.status === "deleted") {
        onError({
          tone: "success",
          title: t("folders.deletedTitle"),
          message: folderContents(seen)
            ? t("folders.deletedWith", { folder: quoted(seen.displayName), contents: folderContents(seen) })
            : t("folders.deletedEmpty", { folder: quoted(seen.displayName) }),
        });
      } else {
        onError({
          tone: outcome.status === "already-gone" ? "info" : "error",
          title:
            outcome.status === "already-gone" ? t("purge.title.alreadyGone") : t("folders.notDeletedTitle"),
          message: outcome.message,
        });
      }
      onDeleted();
    } catch (error) {
      onError(summarizeError(error));
    } finally {
      setWorking(false);
    }
  };

  const count = shown?.items ?? 0;
  const confirmed = !needsTyping || typedCountMatches(count, typed);
  return (
    <div>
      <Button icon={<FolderProhibitedRegular />} disabled={busy || working} onClick={() => void ask()}>
        {t("folders.deleteItself", { folder: quoted(folder.displayName) })}
      </Button>
      <Dialog
        open={shown !== undefined}
        modalType="alert"
        onOpenChange={(_e, data) => {
          if (!data.open) void answer(false);
        }}
      >
        <DialogSurface aria-describedby="folder-warning">
          <DialogBody>
            <DialogTitle>
              {t("folders.confirmTitle", { folder: quoted(shown?.displayName ?? "") })}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <p>
                {shown && folderContents(shown)
                  ? t("folders.confirmWith", {
                      folder: quoted(shown.displayName),
                      contents: folderContents(shown),
                    })
                  : t("folders.confirmEmpty", { folder: quoted(shown?.displayName ?? "") })}
              </p>
              <p id="folder-warning">{t("folders.warning")}</p>
              {needsTyping && <TypedCount count={count} id={inputId} value={typed} onChange={setTyped} />}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                className={danger.danger}
                disabled={!confirmed}
                onClick={() => void answer(true)}
              >
                {t("folders.deleteFolder")}
              </Button>
              <Button id={cancelId} appearance="secondary" onClick={() => void answer(false)}>
                {t("common.cancel")}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/** Memoised: its props don't change while a run reports progress (see BulkArea). */
export default memo(FolderView);
