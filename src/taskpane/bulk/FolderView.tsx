/**
 * Purge a whole mail folder: beyond Outlook's 100-item selection, this is the way for thousands. The folder's
 * messages are listed from Graph (paging through @odata.nextLink) and the confirmation is bound to exactly those;
 * if the folder's count moved a lot by the time the person confirmed, they are asked again. Loaded lazily.
 */
import { Button, Caption1, Field, makeStyles, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { memo, useEffect, useRef, useState } from "react";
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import { summarizeFailure } from "../../core/purge/failures";
import type { MailFolder } from "../../core/purge/mailData";
import type { Summary } from "../../core/purge/report";
import type { PurgeTarget } from "../../core/purge/types";
import { Busy } from "../ui/Busy";
import { NativeSelect } from "../ui/NativeSelect";
import type { BulkDeps } from "./bulkDeps";
import { DeleteFolderItself } from "./DeleteFolderItself";
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

/** What the confirmation says goes: the folder's messages, or only the listed ones when it changed meanwhile. */
export function folderScope(count: number, folder: string, countNow: number): string {
  if (countNow === count) {
    return isOne(count)
      ? t("folders.scope.one", { count, folder })
      : t("folders.scope.other", { count, folder });
  }
  const values = { count, folder, now: countNow };
  return isOne(count) ? t("folders.scopeChanged.one", values) : t("folders.scopeChanged.other", values);
}

/**
 * The job for a folder's listed messages. Mail that arrived or left while the folder was listed isn't in the
 * list: the scope says so, the list is what goes; a count that moved a lot by the "yes" voids it.
 */
export async function folderJob(
  bulk: Pick<BulkDeps, "folderCount">,
  folder: Pick<MailFolder, "id" | "displayName">,
  targets: PurgeTarget[],
): Promise<BulkJob> {
  const countNow = await bulk.folderCount(folder.id);
  return {
    targets,
    scope: folderScope(targets.length, folder.displayName, countNow),
    stillValid: async () => {
      const now = await bulk.folderCount(folder.id);
      if (!changedALot(targets.length, now)) return true;
      const values = { folder: folder.displayName, count: targets.length, now };
      return isOne(targets.length)
        ? t("folders.changedALot.one", values)
        : t("folders.changedALot.other", values);
    },
  };
}

/**
 * The mail folders, read on mount and again whenever a run ends (counts change, and "run it again" must offer what
 * is left) or `reload` is called (a folder itself went: the list must drop it and its subfolders); the folder
 * chosen stays chosen while it is listed.
 */
function useMailFolders(bulk: BulkDeps, busy: boolean, onError: (summary: Summary) => void) {
  const [folders, setFolders] = useState<MailFolder[] | undefined>();
  const [selectedId, setSelectedId] = useState<string>("");
  const [reloadKey, setReloadKey] = useState(0);
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
      (error: unknown) => live && onError(summarizeFailure(error)),
    );
    return () => {
      live = false;
    };
  }, [bulk, busy, onError, reloadKey]);
  /** The folder's count as listed just now. */
  const counted = (id: string, count: number) =>
    setFolders((list) => list?.map((f) => (f.id === id ? { ...f, totalItemCount: count } : f)));
  return { folders, selectedId, setSelectedId, counted, reload: () => setReloadKey((k) => k + 1) };
}

/**
 * Lists a folder's messages (Graph's pages: `loading` counts what has arrived) and hands them to the bulk flow;
 * `stop` abandons the listing, as leaving the view does.
 */
function useFolderListing(
  bulk: BulkDeps,
  counted: (id: string, count: number) => void,
  onDelete: (job: BulkJob) => void,
  onError: (summary: Summary) => void,
) {
  const [loading, setLoading] = useState<{ loaded: number } | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);
  const list = async (folder: MailFolder) => {
    const controller = new AbortController();
    abort.current = controller;
    setLoading({ loaded: 0 });
    try {
      const targets = await bulk.listFolderMessages(folder, {
        signal: controller.signal,
        onPage: (loaded) => setLoading({ loaded }),
      });
      counted(folder.id, targets.length);
      if (targets.length === 0) {
        onError({
          tone: "info",
          title: t("purge.title.nothingToDelete"),
          message: t("folders.empty", { folder: folder.displayName }),
        });
        return;
      }
      onDelete(await folderJob(bulk, folder, targets));
    } catch (error) {
      if (!controller.signal.aborted) onError(summarizeFailure(error));
    } finally {
      setLoading(undefined);
      abort.current = undefined;
    }
  };
  return { loading, list, stop: () => abort.current?.abort() };
}

function FolderView({ bulk, busy, onDelete, onError }: FolderViewProps) {
  const styles = useStyles();
  const { folders, selectedId, setSelectedId, counted, reload } = useMailFolders(bulk, busy, onError);
  const { loading, list, stop } = useFolderListing(bulk, counted, onDelete, onError);
  if (!folders) return <Busy label={t("folders.loading")} />;
  const folder = folders.find((f) => f.id === selectedId);

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
          onClick={() => folder && void list(folder)}
        >
          {folder
            ? t("folders.deleteAllIn", { count: folder.totalItemCount, folder: folder.displayName })
            : t("folders.deleteAll")}
        </Button>
        {loading && (
          <>
            <Busy label={t("folders.listing", { count: loading.loaded })} />
            <Button onClick={stop}>{t("folders.stopListing")}</Button>
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
          onDeleted={reload}
        />
      )}
    </section>
  );
}

/** Memoised: its props don't change while a run reports progress (see BulkArea). */
export default memo(FolderView);
