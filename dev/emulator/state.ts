/**
 * What the emulator holds: the mailboxes, the Purges view and the request log. Tests in the same
 * process read and change it directly; the control API exposes the same things over HTTP.
 */
import {
  type ContactRecord,
  type EventRecord,
  type MailboxRecord,
  type MailFolderRecord,
  type MessageRecord,
  seedMailboxes,
} from "./data";
import { restToEwsId } from "./ids";

export type ItemKind = "message" | "contact" | "event";

export interface PurgeRecord {
  id: string;
  ewsId: string;
  /** mailFolder: a folder removed by mailFolder permanentDelete (Graph removes it outright; recorded for tests). */
  kind: ItemKind | "mailFolder";
  /** UPN of the mailbox the item was purged from. */
  mailbox: string;
  /** Subject of a message or event, display name of a contact. */
  subject: string;
  /** Display name of the folder the item was in (calendar for events). */
  folder: string;
  time: string;
  requestId: string;
  /** Occurrences purged together with a series master carry the master's id. */
  viaSeriesMaster?: string;
  /** Messages and child folders removed with a folder by mailFolder permanentDelete carry that folder's id. */
  viaFolder?: string;
}

export interface RequestLogEntry {
  seq: number;
  method: string;
  /** Path without the query, decoded once (as Graph reads it). */
  path: string;
  query: string;
  /** The operation the emulator recognised, e.g. `permanentDelete`, `listMessages`, `$batch`. */
  op: string | null;
  itemId: string | null;
  /** UPN of the mailbox addressed, when known. */
  mailbox: string | null;
  kind: "graph" | "identity" | "control";
  batchMember: boolean;
  /** For batch members: the batch request's `request-id` and the member's `id`. */
  batchRequestId: string | null;
  memberId: string | null;
  status: number | "dropped" | "hung" | null;
  errorCode: string | null;
  requestId: string;
  clientRequestId: string | null;
  scopes: string[] | null;
  appId: string | null;
  startedAt: string;
  endedAt: string | null;
  /** Which fault rule answered, if any. */
  faultId: string | null;
}

export interface LocatedItem {
  mailbox: MailboxRecord;
  kind: ItemKind;
}

export class EmulatorState {
  mailboxes: Map<string, MailboxRecord>;
  purges: PurgeRecord[] = [];
  requests: RequestLogEntry[] = [];
  seed: number;
  /**
   * Which reset this is (0 before the first). A request remembers the one it arrived in: one that is still running
   * when the state is reset must not act on the new mailboxes, purges or log.
   */
  generation = 0;
  private seq = 0;

  constructor(seed: number, mailboxes?: Map<string, MailboxRecord>) {
    this.seed = seed;
    this.mailboxes = mailboxes ?? seedMailboxes(seed);
  }

  /** Reseeds the mailboxes and clears purges and the request log. */
  reset(seed = this.seed, mailboxes?: Map<string, MailboxRecord>): void {
    this.seed = seed;
    this.mailboxes = mailboxes ?? seedMailboxes(seed);
    this.purges = [];
    this.requests = [];
    this.generation += 1;
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** By UPN or user id, case-insensitively. */
  findMailbox(ref: string): MailboxRecord | undefined {
    const key = ref.toLowerCase();
    const direct = this.mailboxes.get(key);
    if (direct) return direct;
    for (const mb of this.mailboxes.values()) {
      if (mb.user.id.toLowerCase() === key || mb.user.upn.toLowerCase() === key) return mb;
    }
    return undefined;
  }

  /** The mailbox an ID was minted in, read from the GUID embedded in the ID (as Exchange does). */
  mailboxOfId(restId: string): MailboxRecord | undefined {
    let guid: string;
    try {
      guid = Buffer.from(restToEwsId(restId), "base64").subarray(4, 40).toString("latin1");
    } catch {
      return undefined;
    }
    for (const mb of this.mailboxes.values()) if (mb.guid === guid) return mb;
    return undefined;
  }

  locate(restId: string): LocatedItem | undefined {
    for (const mailbox of this.mailboxes.values()) {
      if (mailbox.messages.has(restId)) return { mailbox, kind: "message" };
      if (mailbox.contacts.has(restId)) return { mailbox, kind: "contact" };
      if (mailbox.events.has(restId)) return { mailbox, kind: "event" };
    }
    return undefined;
  }

  resolveFolder(mailbox: MailboxRecord, ref: string): MailFolderRecord | undefined {
    const byId = mailbox.folders.get(ref);
    if (byId) return byId;
    const wk = ref.toLowerCase();
    for (const f of mailbox.folders.values()) if (f.wellKnownName === wk) return f;
    return undefined;
  }

  /** Folder and its descendants. */
  folderSubtree(mailbox: MailboxRecord, folderId: string): Set<string> {
    const out = new Set([folderId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const f of mailbox.folders.values()) {
        if (!out.has(f.id) && out.has(f.parentFolderId)) {
          out.add(f.id);
          grew = true;
        }
      }
    }
    return out;
  }

  purgeMessage(mailbox: MailboxRecord, m: MessageRecord, time: string, requestId: string): PurgeRecord {
    mailbox.messages.delete(m.id);
    const rec: PurgeRecord = {
      id: m.id,
      ewsId: m.ewsId,
      kind: "message",
      mailbox: mailbox.user.upn,
      subject: m.subject,
      folder: mailbox.folders.get(m.folderId)?.displayName ?? "",
      time,
      requestId,
    };
    this.purges.push(rec);
    return rec;
  }

  purgeContact(mailbox: MailboxRecord, c: ContactRecord, time: string, requestId: string): PurgeRecord {
    mailbox.contacts.delete(c.id);
    const rec: PurgeRecord = {
      id: c.id,
      ewsId: c.ewsId,
      kind: "contact",
      mailbox: mailbox.user.upn,
      subject: c.displayName,
      folder: mailbox.contactFolders.get(c.folderId)?.displayName ?? "Contacts",
      time,
      requestId,
    };
    this.purges.push(rec);
    return rec;
  }

  /**
   * mailFolder permanentDelete: the folder, every folder below it and all their messages leave the mailbox.
   * Records the messages first, then the folders (deepest last), all with viaFolder = the folder deleted.
   */
  purgeMailFolder(
    mailbox: MailboxRecord,
    folder: MailFolderRecord,
    time: string,
    requestId: string,
  ): PurgeRecord[] {
    const subtree = this.folderSubtree(mailbox, folder.id);
    const out: PurgeRecord[] = [];
    for (const m of [...mailbox.messages.values()]) {
      if (!subtree.has(m.folderId)) continue;
      const rec = this.purgeMessage(mailbox, m, time, requestId);
      rec.viaFolder = folder.id;
      out.push(rec);
    }
    const names = new Map([...mailbox.folders.values()].map((f) => [f.id, f.displayName]));
    for (const id of subtree) {
      const f = mailbox.folders.get(id);
      if (!f) continue;
      mailbox.folders.delete(id);
      const rec: PurgeRecord = {
        id: f.id,
        ewsId: f.ewsId,
        kind: "mailFolder",
        mailbox: mailbox.user.upn,
        subject: f.displayName,
        folder: names.get(f.parentFolderId) ?? "",
        time,
        requestId,
        viaFolder: folder.id,
      };
      this.purges.push(rec);
      out.push(rec);
    }
    return out;
  }

  /** Purging a series master purges its occurrences too. */
  purgeEvent(mailbox: MailboxRecord, e: EventRecord, time: string, requestId: string): PurgeRecord[] {
    const out: PurgeRecord[] = [];
    const one = (ev: EventRecord, via?: string) => {
      mailbox.events.delete(ev.id);
      const rec: PurgeRecord = {
        id: ev.id,
        ewsId: ev.ewsId,
        kind: "event",
        mailbox: mailbox.user.upn,
        subject: ev.subject,
        folder: "Calendar",
        time,
        requestId,
      };
      if (via !== undefined) rec.viaSeriesMaster = via;
      this.purges.push(rec);
      out.push(rec);
    };
    one(e);
    if (e.type === "seriesMaster") {
      for (const ev of [...mailbox.events.values()]) if (ev.seriesMasterId === e.id) one(ev, e.id);
    }
    return out;
  }

  summary(): Record<string, unknown> {
    return {
      seed: this.seed,
      mailboxes: [...this.mailboxes.values()].map((mb) => ({
        upn: mb.user.upn,
        displayName: mb.user.displayName,
        id: mb.user.id,
        kind: mb.kind,
        delegates: mb.delegates,
        delegatePermissions: mb.delegatePermissions ?? {},
        messages: mb.messages.size,
        contacts: mb.contacts.size,
        events: mb.events.size,
        folders: [...mb.folders.values()]
          .filter((f) => f.wellKnownName !== "msgfolderroot")
          .map((f) => ({
            id: f.id,
            displayName: f.displayName,
            wellKnownName: f.wellKnownName,
            totalItemCount: [...mb.messages.values()].filter((m) => m.folderId === f.id).length,
          })),
      })),
      purges: this.purges.length,
      requests: this.requests.length,
    };
  }
}
