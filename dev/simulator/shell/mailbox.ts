/**
 * The shell's mailbox view: folders and messages read from the Graph emulator through the shell server's proxy
 * (/_sim/emulator/...), with a token minted by the emulator's POST /_emulator/token. When the emulator cannot be
 * reached the shell falls back to a small built-in mailbox (then purges are not reflected).
 */
import { convertToEwsId, convertToRestId } from "../common/ids";
import { type IssuedToken, parseIssuedToken } from "../common/naa";
import { isRecord, type SharedPropertiesSnapshot } from "../common/protocol";

export interface MailFolder {
  id: string;
  name: string;
  wellKnownName: string | null;
}

export interface MailMessage {
  restId: string;
  ewsId: string;
  subject: string;
  from: { name: string; address: string };
  receivedDateTime: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  internetMessageId: string;
  conversationId: string;
  folderId: string;
  bodyPreview: string;
  isRead: boolean;
  isDraft: boolean;
  hasAttachments: boolean;
  shared: SharedPropertiesSnapshot | null;
}

/** A mailbox other than the signed-in person's that the shell can show (a shared or delegated one). */
export interface OtherMailbox {
  upn: string;
  displayName: string;
  /** The signed-in person's rights there, as Outlook's delegate bits (full access: 63). */
  delegatePermissions: number;
}

/** A calendar item as the shell lists it (from Graph /me/events and each series' /instances). */
export interface CalendarEvent {
  restId: string;
  ewsId: string;
  subject: string;
  organizer: { name: string; address: string };
  attendees: Array<{ name: string; address: string }>;
  /** ISO 8601 with Z. */
  start: string;
  end: string;
  location: string;
  type: "singleInstance" | "seriesMaster" | "occurrence";
  /** The series master's REST id, for occurrences. */
  seriesMasterId: string | null;
  isOrganizer: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

function graphTime(value: unknown): string {
  const dateTime = isRecord(value) ? str(value.dateTime) : "";
  if (dateTime === "") return "";
  // Graph gives local wall time plus a timeZone; the emulator's is UTC.
  return /Z|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime}Z`;
}

function address(value: unknown): { name: string; address: string } {
  const e = isRecord(value) && isRecord(value.emailAddress) ? value.emailAddress : {};
  return { name: str(e.name), address: str(e.address) };
}

export function normaliseGraphEvent(raw: unknown): CalendarEvent | null {
  if (!isRecord(raw) || typeof raw.id !== "string") return null;
  const type = raw.type === "seriesMaster" || raw.type === "occurrence" ? raw.type : "singleInstance";
  return {
    restId: raw.id,
    ewsId: convertToEwsId(raw.id, "v2.0"),
    subject: str(raw.subject),
    organizer: address(raw.organizer),
    attendees: Array.isArray(raw.attendees) ? raw.attendees.map(address) : [],
    start: graphTime(raw.start),
    end: graphTime(raw.end),
    location: isRecord(raw.location) ? str(raw.location.displayName) : "",
    type,
    seriesMasterId: typeof raw.seriesMasterId === "string" ? raw.seriesMasterId : null,
    isOrganizer: raw.isOrganizer === true,
    createdDateTime: str(raw.createdDateTime),
    lastModifiedDateTime: str(raw.lastModifiedDateTime),
  };
}

export interface MailSource {
  kind: "emulator" | "builtin";
  /** Folders of the person's own mailbox, or of `mailbox` (a UPN) when given. */
  folders(mailbox?: string): Promise<MailFolder[]>;
  messages(folderId: string, mailbox?: string): Promise<MailMessage[]>;
  /** Every message of one conversation, in every folder of the mailbox. */
  conversation(conversationId: string, mailbox?: string): Promise<MailMessage[]>;
  /** Mailboxes shared with the signed-in person (from the emulator's state); none offline. */
  otherMailboxes(): Promise<OtherMailbox[]>;
  createDraft(subject: string): Promise<MailMessage>;
  /** The person's calendar: single events, series masters and their occurrences, by start time. */
  events(): Promise<CalendarEvent[]>;
  token(scopes: string[], clientId?: string): Promise<IssuedToken>;
}

const wellKnown: Record<string, string> = {
  inbox: "Inbox",
  drafts: "Drafts",
  sentitems: "Sent Items",
  deleteditems: "Deleted Items",
  junkemail: "Junk Email",
  archive: "Archive",
};

function str(v: unknown, fallback = ""): string {
  return typeof v === "string" ? v : fallback;
}

export function normaliseGraphMessage(raw: unknown, folderId: string): MailMessage | null {
  if (!isRecord(raw) || typeof raw.id !== "string") return null;
  const from = isRecord(raw.from) && isRecord(raw.from.emailAddress) ? raw.from.emailAddress : {};
  const created = str(raw.createdDateTime, str(raw.receivedDateTime));
  return {
    restId: raw.id,
    ewsId: convertToEwsId(raw.id, "v2.0"),
    subject: str(raw.subject),
    from: { name: str(from.name), address: str(from.address) },
    receivedDateTime: str(raw.receivedDateTime, created),
    createdDateTime: created,
    lastModifiedDateTime: str(raw.lastModifiedDateTime, created),
    internetMessageId: str(raw.internetMessageId),
    conversationId: str(raw.conversationId),
    folderId: str(raw.parentFolderId, folderId),
    bodyPreview: str(raw.bodyPreview),
    isRead: raw.isRead === true,
    isDraft: raw.isDraft === true,
    hasAttachments: raw.hasAttachments === true,
    shared: null,
  };
}

async function json(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} from ${response.url}`);
  return response.json();
}

const messageSelect =
  "id,subject,from,receivedDateTime,createdDateTime,lastModifiedDateTime,internetMessageId,conversationId," +
  "parentFolderId,bodyPreview,isRead,isDraft,hasAttachments";

/** The app id the shell's own reads run under (Outlook's client, not the add-in's registration). */
export const SHELL_CLIENT_ID = "5e11c0de-0a11-4c0e-9a5e-000000000001";

/** The emulator's Entra ID refused a token request: an OAuth error code and its AADSTS description. */
export class TokenRefusedError extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
  }
}

export function emulatorSource(proxyBase: string, upn: string | null): MailSource {
  let cached: { token: IssuedToken; until: number } | null = null;
  const token = async (scopes: string[], clientId?: string): Promise<IssuedToken> => {
    const body: Record<string, unknown> = { scopes };
    if (upn) body.upn = upn;
    if (clientId) body.clientId = clientId;
    const response = await fetch(`${proxyBase}/_emulator/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status === 400) {
      // Entra ID refused the request (e.g. another cloud's Graph): keep its OAuth error for the bridge's answer.
      const refusal = (await response.json().catch(() => ({}))) as {
        error?: unknown;
        error_description?: unknown;
      };
      if (typeof refusal.error === "string")
        throw new TokenRefusedError(refusal.error, String(refusal.error_description ?? ""));
    }
    const issued = parseIssuedToken(await json(response));
    if (issued === null) throw new Error("the emulator's /_emulator/token answer has no accessToken/account");
    return issued;
  };
  const shellToken = async (): Promise<string> => {
    if (cached && cached.until > Date.now()) return cached.token.accessToken;
    // The shell reads shared mailboxes too, as Outlook does with its own rights, and as its own app: Outlook's
    // concurrency limit counts per app and mailbox (throttling-limits, "Outlook service limits"), so Outlook's own
    // reads never take one of the add-in's 4 slots.
    const t = await token(["Mail.ReadWrite", "Mail.ReadWrite.Shared", "Calendars.Read"], SHELL_CLIENT_ID);
    cached = { token: t, until: Date.now() + 5 * 60_000 };
    return t.accessToken;
  };
  const graph = async (path: string, init: RequestInit = {}): Promise<unknown> => {
    const send = async () => {
      const headers = new Headers(init.headers);
      headers.set("Authorization", `Bearer ${await shellToken()}`);
      return fetch(`${proxyBase}/v1.0${path}`, { ...init, headers });
    };
    let response = await send();
    // A token the emulator no longer takes (it became another cloud's Graph, or its clock moved): a fresh one.
    if (response.status === 401) {
      cached = null;
      response = await send();
    }
    return json(response);
  };
  return {
    kind: "emulator",
    token,
    async otherMailboxes() {
      const state = await json(await fetch(`${proxyBase}/_emulator/state`));
      const boxes = isRecord(state) && Array.isArray(state.mailboxes) ? state.mailboxes : [];
      const me = (upn ?? "").toLowerCase();
      const out: OtherMailbox[] = [];
      for (const b of boxes) {
        if (!isRecord(b) || typeof b.upn !== "string" || b.upn.toLowerCase() === me) continue;
        const full = Array.isArray(b.delegates) && b.delegates.some((d) => String(d).toLowerCase() === me);
        const partial = isRecord(b.delegatePermissions)
          ? Object.entries(b.delegatePermissions).find(([d]) => d.toLowerCase() === me)?.[1]
          : undefined;
        const bits = full ? 63 : typeof partial === "number" ? partial : 0;
        if (bits === 0) continue;
        out.push({ upn: b.upn, displayName: str(b.displayName, b.upn), delegatePermissions: bits });
      }
      return out;
    },
    async folders(mailbox?: string) {
      const root = mailbox ? `/users/${encodeURIComponent(mailbox)}` : "/me";
      const result = await graph(`${root}/mailFolders?$top=100`);
      const value = isRecord(result) && Array.isArray(result.value) ? result.value : [];
      const folders: MailFolder[] = [];
      for (const f of value) {
        if (!isRecord(f) || typeof f.id !== "string") continue;
        const wk = typeof f.wellKnownName === "string" ? f.wellKnownName : null;
        folders.push({
          id: f.id,
          name: str(f.displayName, wk ? (wellKnown[wk] ?? wk) : f.id),
          wellKnownName: wk,
        });
      }
      // Graph v1.0 folders carry no wellKnownName: ask for the inbox by its well-known name.
      try {
        const inbox = await graph(`${root}/mailFolders/inbox`);
        const match = isRecord(inbox) ? folders.find((f) => f.id === inbox.id) : undefined;
        if (match) match.wellKnownName = "inbox";
      } catch {
        // The first folder is shown instead.
      }
      return folders;
    },
    async messages(folderId: string, mailbox?: string) {
      const out: MailMessage[] = [];
      const root = mailbox ? `/users/${encodeURIComponent(mailbox)}` : "/me";
      let next: string | null =
        `${root}/mailFolders/${encodeURIComponent(folderId)}/messages?$top=200&$select=${messageSelect}`;
      // Follow @odata.nextLink a few pages at most: the shell shows the newest messages, like Outlook.
      for (let page = 0; next !== null && page < 5; page++) {
        const result: unknown = await graph(next);
        const value = isRecord(result) && Array.isArray(result.value) ? result.value : [];
        for (const raw of value) {
          const m = normaliseGraphMessage(raw, folderId);
          if (m) out.push(m);
        }
        const link = isRecord(result) ? result["@odata.nextLink"] : undefined;
        next = typeof link === "string" ? link.replace(/^https?:\/\/[^/]+\/v1\.0/, "") : null;
      }
      return out;
    },
    async conversation(conversationId: string, mailbox?: string) {
      const root = mailbox ? `/users/${encodeURIComponent(mailbox)}` : "/me";
      const filter = encodeURIComponent(`conversationId eq '${conversationId.replace(/'/g, "''")}'`);
      // Pages of 100 (Graph's list-messages page warns that large $top values can time out).
      const out: MailMessage[] = [];
      let next: string | null = `${root}/messages?$filter=${filter}&$top=100&$select=${messageSelect}`;
      for (let page = 0; next !== null && page < 10; page++) {
        const result: unknown = await graph(next);
        const value = isRecord(result) && Array.isArray(result.value) ? result.value : [];
        for (const raw of value) {
          const m = normaliseGraphMessage(raw, "");
          if (m) out.push(m);
        }
        const link = isRecord(result) ? result["@odata.nextLink"] : undefined;
        next = typeof link === "string" ? link.replace(/^https?:\/\/[^/]+\/v1\.0/, "") : null;
      }
      return out;
    },
    async events() {
      const listed = await graph("/me/events?$top=1000");
      const value = isRecord(listed) && Array.isArray(listed.value) ? listed.value : [];
      const out: CalendarEvent[] = [];
      for (const raw of value) {
        const event = normaliseGraphEvent(raw);
        if (!event) continue;
        out.push(event);
        // /me/events lists series masters, not their occurrences: Outlook's calendar shows both.
        if (event.type === "seriesMaster") {
          const instances = await graph(`/me/events/${encodeURIComponent(event.restId)}/instances?$top=1000`);
          const items = isRecord(instances) && Array.isArray(instances.value) ? instances.value : [];
          for (const item of items) {
            const occurrence = normaliseGraphEvent(item);
            if (occurrence) out.push(occurrence);
          }
        }
      }
      return out.sort((a, b) => a.start.localeCompare(b.start));
    },
    async createDraft(subject: string) {
      const raw = await graph("/me/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ subject }),
      });
      const m = normaliseGraphMessage(raw, "drafts");
      if (m === null) throw new Error("creating the draft returned no id");
      return m;
    },
  };
}

/** A small offline mailbox so the shell is usable without the emulator. */
export function builtinSource(user: { upn: string; name: string; oid: string; tid: string }): MailSource {
  const now = Date.now();
  const subjects = [
    "Quarterly results",
    "Lunch on Friday?",
    "Your invoice INV-2291",
    "Re: Project Falcon status",
    "Newsletter: October",
    "Security alert for your account",
  ];
  const messages: MailMessage[] = subjects.map((subject, i) => {
    const ews = `AAMkAGI2TG9fYnVpbHRpbi${i}+Ab/Cd${i}AAA=`;
    const when = new Date(now - i * 3_600_000).toISOString();
    return {
      restId: convertToRestId(ews, "v2.0"),
      ewsId: ews,
      subject,
      from: { name: `Sender ${i + 1}`, address: `sender${i + 1}@fabrikam.example` },
      receivedDateTime: when,
      createdDateTime: when,
      lastModifiedDateTime: when,
      internetMessageId: `<builtin-${i}@fabrikam.example>`,
      conversationId: `conv-${i}`,
      folderId: "inbox",
      bodyPreview: `Preview of “${subject}”.`,
      isRead: i > 1,
      isDraft: false,
      hasAttachments: i === 2,
      shared: null,
    };
  });
  let draftCounter = 0;
  return {
    kind: "builtin",
    async otherMailboxes() {
      return [];
    },
    async folders() {
      return [
        { id: "inbox", name: "Inbox", wellKnownName: "inbox" },
        { id: "drafts", name: "Drafts", wellKnownName: "drafts" },
      ];
    },
    async messages(folderId: string) {
      return messages.filter((m) => m.folderId === folderId);
    },
    async conversation(conversationId: string) {
      return messages.filter((m) => m.conversationId === conversationId);
    },
    // Offline: no calendar (the emulator has one).
    async events() {
      return [];
    },
    async createDraft(subject: string) {
      draftCounter++;
      const ews = `AAMkAGI2TG9fZHJhZnQ${draftCounter}+Dr/Ft${draftCounter}AAA=`;
      const when = new Date().toISOString();
      const draft: MailMessage = {
        restId: convertToRestId(ews, "v2.0"),
        ewsId: ews,
        subject,
        from: { name: user.name, address: user.upn },
        receivedDateTime: when,
        createdDateTime: when,
        lastModifiedDateTime: when,
        internetMessageId: "",
        conversationId: `conv-draft-${draftCounter}`,
        folderId: "drafts",
        bodyPreview: "",
        isRead: true,
        isDraft: true,
        hasAttachments: false,
        shared: null,
      };
      messages.push(draft);
      return draft;
    },
    async token(scopes: string[]) {
      return stubToken(user, scopes);
    },
  };
}

function b64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A locally minted, unsigned token: only for shells running without the emulator. */
export function stubToken(
  user: { upn: string; name: string; oid: string; tid: string },
  scopes: string[],
): IssuedToken {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const claims = {
    aud: "https://graph.microsoft.com",
    scp: scopes.join(" "),
    upn: user.upn,
    oid: user.oid,
    tid: user.tid,
    exp,
  };
  return {
    accessToken: `${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${b64url(JSON.stringify(claims))}.`,
    expiresOn: exp * 1000,
    account: {
      username: user.upn,
      name: user.name,
      homeAccountId: `${user.oid}.${user.tid}`,
      localAccountId: user.oid,
      tenantId: user.tid,
    },
    scopes,
  };
}
