/**
 * The Contacts view: Outlook add-ins don't activate on contacts, so the pane lists them from Graph. Browse a
 * contact folder, search it by name or address, tick one or many, and delete them through the same bulk flow as
 * mail (confirmation bound to the ticked IDs, the scheduler, progress, report). Loaded lazily; its first Graph
 * call is the first time the add-in asks for Contacts.ReadWrite.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { DismissRegular, SearchRegular } from "@fluentui/react-icons";
import { type FormEvent, memo, useCallback, useEffect, useRef, useState } from "react";
import { t } from "../../core/i18n";
import { isOne } from "../../core/i18n/plural";
import {
  CONTACT_LIST_LIMIT,
  type ContactActions,
  type ContactFolder,
  type ContactListing,
} from "../../core/purge/contacts";
import { summarizeFailure } from "../../core/purge/failures";
import type { Summary } from "../../core/purge/report";
import type { PurgeTarget } from "../../core/purge/types";
import type { BulkJob } from "../bulk/useBulkPurge";
import { displaySender } from "../format";
import { Busy } from "../ui/Busy";
import { DeleteTickedButton } from "../ui/DeleteTickedButton";
import { NativeSelect } from "../ui/NativeSelect";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  search: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "160px" },
  list: { listStyle: "none", margin: 0, padding: 0, maxHeight: "320px", overflow: "auto" },
  meta: { color: tokens.colorNeutralForeground2, display: "block", overflowWrap: "anywhere" },
  label: { overflowWrap: "anywhere" },
});

const folderKey = (f: ContactFolder) => f.id ?? "";

export interface ContactsViewProps {
  actions: ContactActions;
  /** A deletion (mail or contacts) is running or being confirmed. */
  busy: boolean;
  /** IDs already purged or found gone in this pane: no longer listed. */
  settled: ReadonlySet<string>;
  onDelete(job: BulkJob): void;
  onError(summary: Summary): void;
  onClose(): void;
}

/** What the view lists: the listing, for the search term (trimmed) in the folder it was made in. */
interface Shown {
  listing: ContactListing;
  term: string;
  folder: ContactFolder;
}

/** The status line over the list: how many contacts are left to offer, or that none (or none matching) are. */
export function listingStatus(shown: Shown, remaining: number): string {
  const params = { count: remaining, folder: shown.folder.displayName, term: shown.term };
  if (remaining === 0) return shown.term ? t("contacts.noMatch", params) : t("contacts.none", params);
  const one = isOne(remaining);
  if (shown.term) return one ? t("contacts.match.one", params) : t("contacts.match.other", params);
  return one ? t("contacts.count.one", params) : t("contacts.count.other", params);
}

/** Deleting the ticked contacts of a folder (`folder`: its name), through the bulk flow. */
export function contactsJob(chosen: readonly PurgeTarget[], folder: string): BulkJob {
  return {
    targets: chosen,
    scope: isOne(chosen.length)
      ? t("contacts.scope.one", { count: chosen.length, folder })
      : t("contacts.scope.other", { count: chosen.length, folder }),
    // Nothing outside the pane can change what was ticked; the confirmation is bound to these IDs, and a
    // contact deleted or moved meanwhile answers 404 and is reported as not found.
    stillValid: async () => true,
  };
}

/**
 * The contact folders (read when the view opens: its first Graph call, and so the first time the add-in asks for
 * Contacts.ReadWrite; the first folder is then listed), the listing shown, and which of its contacts are ticked.
 * `load` lists a folder for a search term; a newer call replaces one still under way.
 */
function useContactListing(actions: ContactActions, onError: (summary: Summary) => void) {
  const [folders, setFolders] = useState<ContactFolder[] | undefined>();
  const [shown, setShown] = useState<Shown | undefined>();
  const [loading, setLoading] = useState(false);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const request = useRef(0);

  const load = useCallback(
    async (folder: ContactFolder, searchTerm: string) => {
      const mine = ++request.current;
      setLoading(true);
      try {
        const listing = await actions.list(folder, searchTerm);
        if (mine !== request.current) return; // a newer search replaced this one
        setShown({ listing, term: searchTerm.trim(), folder });
        setTicked(new Set());
      } catch (error) {
        if (mine === request.current) onError(summarizeFailure(error));
      } finally {
        if (mine === request.current) setLoading(false);
      }
    },
    [actions, onError],
  );

  useEffect(() => {
    let live = true;
    actions.listFolders().then(
      (list) => {
        if (!live) return;
        setFolders(list);
        const first = list[0];
        if (first) void load(first, "");
      },
      (error: unknown) => live && onError(summarizeFailure(error)),
    );
    return () => {
      live = false;
      request.current += 1;
    };
  }, [actions, load, onError]);
  const toggle = (id: string, on: boolean) =>
    setTicked((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return { folders, shown, loading, ticked, setTicked, toggle, load };
}

function ContactsView({ actions, busy, settled, onDelete, onError, onClose }: ContactsViewProps) {
  const styles = useStyles();
  const [folderId, setFolderId] = useState("");
  const [term, setTerm] = useState("");
  const { folders, shown, loading, ticked, setTicked, toggle, load } = useContactListing(actions, onError);

  const header = (
    <div className={styles.header}>
      <Subtitle2 as="h2">{t("contacts.title")}</Subtitle2>
      <Button appearance="subtle" icon={<DismissRegular />} onClick={onClose} disabled={busy}>
        {t("contacts.close")}
      </Button>
    </div>
  );
  if (!folders) {
    return (
      <section className={styles.root} aria-label={t("contacts.label")}>
        {header}
        <Busy label={t("contacts.loadingFolders")} />
      </section>
    );
  }

  const folder = folders.find((f) => folderKey(f) === folderId) ?? folders[0];
  const remaining = shown ? shown.listing.targets.filter((target) => !settled.has(target.ref.id)) : [];
  const chosen = remaining.filter((target) => ticked.has(target.ref.id));
  const allTicked = remaining.length > 0 && chosen.length === remaining.length;
  const search = (event: FormEvent) => {
    event.preventDefault();
    if (folder) void load(folder, term);
  };

  const start = () => {
    if (shown && chosen.length > 0) onDelete(contactsJob(chosen, shown.folder.displayName));
  };

  const status = shown ? listingStatus(shown, remaining.length) : "";

  return (
    <section className={styles.root} aria-label={t("contacts.label")}>
      {header}
      <form className={styles.search} onSubmit={search} aria-label={t("contacts.search")}>
        <Field label={t("contacts.folder")}>
          <NativeSelect
            value={folder ? folderKey(folder) : ""}
            disabled={busy}
            onChange={(event) => {
              const value = event.target.value;
              setFolderId(value);
              const next = folders.find((f) => folderKey(f) === value);
              if (next) void load(next, term);
            }}
          >
            {folders.map((f) => (
              <option key={folderKey(f)} value={folderKey(f)}>
                {f.displayName}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field className={styles.grow} label={t("contacts.term")} hint={t("contacts.termHint")}>
          <Input value={term} onChange={(_e, data) => setTerm(data.value)} disabled={busy} type="search" />
        </Field>
        <Button type="submit" icon={<SearchRegular />} disabled={busy || loading}>
          {t("contacts.searchButton")}
        </Button>
      </form>

      {loading && <Busy label={t("contacts.reading")} />}
      {status && (
        <Caption1 role="status" aria-live="polite">
          {status}
        </Caption1>
      )}
      {shown?.listing.truncated && (
        <Caption1 role="note">{t("contacts.truncated", { limit: CONTACT_LIST_LIMIT })}</Caption1>
      )}

      {remaining.length > 0 && (
        <>
          <Checkbox
            checked={allTicked ? true : chosen.length > 0 ? "mixed" : false}
            onChange={(_e, data) =>
              setTicked(data.checked === true ? new Set(remaining.map((target) => target.ref.id)) : new Set())
            }
            label={t("contacts.selectAll", { count: remaining.length })}
            disabled={busy}
          />
          <ul className={styles.list} aria-label={t("contacts.found")}>
            {remaining.map((target) => (
              <li key={target.ref.id}>
                <Checkbox
                  checked={ticked.has(target.ref.id)}
                  disabled={busy}
                  onChange={(_e, data) => toggle(target.ref.id, data.checked === true)}
                  label={
                    <span className={styles.label}>
                      <bdi>{target.subject.trim() || t("common.noName")}</bdi>
                      {target.from && (
                        <Caption1 className={styles.meta}>
                          <bdi>{displaySender(target.from)}</bdi>
                        </Caption1>
                      )}
                    </span>
                  }
                />
              </li>
            ))}
          </ul>
          <DeleteTickedButton ticked={chosen.length} busy={busy} onClick={start}>
            {isOne(chosen.length)
              ? t("contacts.delete.one", { count: chosen.length })
              : t("contacts.delete.other", { count: chosen.length })}
          </DeleteTickedButton>
        </>
      )}
    </section>
  );
}

/** Memoised: its props don't change while a run reports progress (see BulkArea). */
export default memo(ContactsView);
