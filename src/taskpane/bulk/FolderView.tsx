/**
 * Purge a whole mail folder: beyond Outlook's 100-item selection, this is the way for thousands. The folder's
 * messages are listed from Graph (paging through @odata.nextLink) and the confirmation is bound to exactly those;
 * if the folder's count moved a lot by the time the person confirmed, they are asked again. Loaded lazily.
 */
import { Button, Caption1, Field, makeStyles, Select, Spinner, tokens } from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import type { MailFolder } from "../../core/purge/mailData";
import { type Summary, summarizeError } from "../../core/purge/report";
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

export default function FolderView({ bulk, busy, onDelete, onError }: FolderViewProps) {
  const styles = useStyles();
  const [folders, setFolders] = useState<MailFolder[] | undefined>();
  const [selectedId, setSelectedId] = useState<string>("");
  const [loading, setLoading] = useState<{ loaded: number } | undefined>();
  const abort = useRef<AbortController | undefined>(undefined);

  // Load the folders, and again whenever a run ends: counts change, and "run it again" must offer what is left.
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
  }, [bulk, busy, onError]);
  useEffect(() => () => abort.current?.abort(), []);

  if (!folders) return <Spinner size="small" label="Loading folders…" />;
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
        onError({ tone: "info", title: "Nothing to delete", message: `${folder.displayName} is empty.` });
        return;
      }
      onDelete({
        targets,
        scope: `all ${targets.length} messages in ${folder.displayName}`,
        stillValid: async () => {
          const now = await bulk.folderCount(folder.id);
          return changedALot(targets.length, now)
            ? `${folder.displayName} changed a lot since it was listed (${targets.length} messages, now ${now}), so nothing was deleted. Check it and confirm again.`
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
    <section className={styles.root} aria-label="Delete a whole folder">
      <Field label="Folder">
        <Select
          value={selectedId}
          onChange={(_e, data) => setSelectedId(data.value)}
          disabled={busy || !!loading}
        >
          {folders.map((f) => (
            <option key={f.id} value={f.id}>
              {`${f.displayName} (${f.totalItemCount})`}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<DeleteRegular />}
          disabled={busy || !!loading || !folder || folder.totalItemCount === 0}
          onClick={() => void start()}
        >
          {folder ? `Delete all ${folder.totalItemCount} in ${folder.displayName}…` : "Delete all…"}
        </Button>
        {loading && (
          <>
            <Spinner size="tiny" label={`Listing messages… ${loading.loaded}`} />
            <Button onClick={() => abort.current?.abort()}>Stop listing</Button>
          </>
        )}
      </div>
      <Caption1>
        Deleted Items and Junk Email come first. Running it again later continues with whatever is left.
      </Caption1>
    </section>
  );
}
