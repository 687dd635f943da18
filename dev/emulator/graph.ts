/**
 * Graph v1.0 resources the add-in touches: routing, permissions needed, and Graph's answer shapes.
 * `classify` recognises a request without running it (the pipeline needs the mailbox, item ID and
 * scopes first, for faults, throttling and the log); `Route.run` then answers it.
 */
import type {
  ContactFolderRecord,
  ContactRecord,
  EventRecord,
  MailboxRecord,
  MailFolderRecord,
  MessageRecord,
  Person,
} from "./data";
import { mailAddressOf } from "./data";
import { isWellFormedRestId } from "./ids";
import {
  applySelect,
  type Failure,
  isFailure,
  type Json,
  type LambdaRules,
  listCollection,
  parseSelect,
} from "./odata";
import type { EmulatorState, ItemKind } from "./state";

export interface Reply {
  status: number;
  body?: unknown;
  error?: { code: string; message: string };
  headers?: Record<string, string>;
}

export interface RunContext {
  state: EmulatorState;
  mailbox: MailboxRecord;
  query: URLSearchParams;
  /** Public origin of the emulator, e.g. https://localhost:3001 (for nextLink). */
  baseUrl: string;
  /** Path prefix as addressed: `me` or `users/{ref}`. */
  userSegment: string;
  now: () => number;
  requestId: string;
  /** The caller may delete only messages it sent (DeleteOwn): its lower-case UPN. */
  onlyOwnBy?: string;
  /** Message pages larger than this answer 504 (LimitSettings.messagePageLimit); 0: no limit. */
  messagePageLimit?: number;
}

export type Area = "user" | "mail" | "contacts" | "calendar";

export interface Route {
  op: string;
  /** `me`, or the id/UPN after `/users/`. */
  userRef: string;
  area: Area;
  write: boolean;
  itemId: string | null;
  run(ctx: RunContext): Reply;
}

export interface RouteError {
  failure: Failure;
  itemId: string | null;
  op: string | null;
  userRef: string | null;
}

const GRAPH = "https://graph.microsoft.com/v1.0";

const fail = (status: number, code: string, message: string): Reply => ({ status, error: { code, message } });
const fromFailure = (f: Failure): Reply => fail(f.status, f.code, f.message);

export const NOT_FOUND = (): Reply =>
  fail(404, "ErrorItemNotFound", "The specified object was not found in the store.");
const OTHER_MAILBOX = (): Reply =>
  fail(404, "ErrorInvalidMailboxItemId", "Item Id doesn't belong to the current mailbox.");

const emailAddress = (p: Person) => ({ emailAddress: { name: p.name, address: p.address } });

export function messageJson(m: MessageRecord): Json {
  return {
    "@odata.etag": `W/"${m.changeKey}"`,
    id: m.id,
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.lastModifiedDateTime,
    changeKey: m.changeKey,
    categories: m.categories,
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime,
    hasAttachments: m.hasAttachments,
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: m.bodyPreview,
    importance: m.importance,
    parentFolderId: m.folderId,
    conversationId: m.conversationId,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.isRead,
    isDraft: m.isDraft,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.ewsId)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: m.focused ? "focused" : "other",
    body: { contentType: "html", content: m.bodyHtml },
    sender: emailAddress(m.from),
    from: emailAddress(m.from),
    toRecipients: m.toRecipients.map(emailAddress),
    ccRecipients: m.ccRecipients.map(emailAddress),
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: m.flagged ? "flagged" : "notFlagged" },
  };
}

export function folderJson(mb: MailboxRecord, f: MailFolderRecord): Json {
  let total = 0;
  let unread = 0;
  for (const m of mb.messages.values()) {
    if (m.folderId !== f.id) continue;
    total++;
    if (!m.isRead) unread++;
  }
  let children = 0;
  for (const c of mb.folders.values()) if (c.parentFolderId === f.id) children++;
  return {
    id: f.id,
    displayName: f.displayName,
    parentFolderId: f.parentFolderId,
    childFolderCount: children,
    unreadItemCount: unread,
    totalItemCount: total,
    sizeInBytes: total * 18_432,
    isHidden: false,
  };
}

export function contactJson(c: ContactRecord): Json {
  return {
    "@odata.etag": `W/"${c.changeKey}"`,
    id: c.id,
    createdDateTime: c.createdDateTime,
    lastModifiedDateTime: c.lastModifiedDateTime,
    changeKey: c.changeKey,
    categories: [],
    parentFolderId: c.folderId,
    birthday: null,
    fileAs: "",
    displayName: c.displayName,
    givenName: c.givenName,
    initials: null,
    middleName: null,
    nickName: null,
    surname: c.surname,
    title: null,
    jobTitle: c.jobTitle,
    companyName: c.companyName,
    department: null,
    officeLocation: null,
    businessHomePage: null,
    personalNotes: "",
    mobilePhone: c.mobilePhone,
    homePhones: [],
    businessPhones: c.businessPhones,
    emailAddresses: c.emailAddresses.map((p) => ({ name: p.name, address: p.address })),
  };
}

function contactFolderJson(f: ContactFolderRecord): Json {
  return { id: f.id, displayName: f.displayName, parentFolderId: f.parentFolderId };
}

/** `owner`: the mailbox's own address (Graph's isOrganizer: the mailbox's owner organizes the meeting). */
export function eventJson(e: EventRecord, owner?: string): Json {
  return {
    "@odata.etag": `W/"${e.changeKey}"`,
    id: e.id,
    createdDateTime: e.createdDateTime,
    lastModifiedDateTime: e.lastModifiedDateTime,
    changeKey: e.changeKey,
    categories: [],
    originalStartTimeZone: "UTC",
    originalEndTimeZone: "UTC",
    subject: e.subject,
    bodyPreview: e.bodyPreview,
    importance: e.importance,
    sensitivity: "normal",
    isAllDay: e.isAllDay,
    isCancelled: false,
    isOrganizer: owner !== undefined && e.organizer.address.toLowerCase() === owner.toLowerCase(),
    responseRequested: true,
    seriesMasterId: e.seriesMasterId,
    showAs: e.showAs,
    type: e.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.ewsId)}&exvsurl=1&path=/calendar/item`,
    isOnlineMeeting: e.location === "Microsoft Teams Meeting",
    start: { dateTime: e.start, timeZone: "UTC" },
    end: { dateTime: e.end, timeZone: "UTC" },
    location: { displayName: e.location, locationType: "default" },
    recurrence: e.recurrence,
    attendees: e.attendees.map((p) => ({
      type: "required",
      status: { response: "none", time: "0001-01-01T00:00:00Z" },
      ...emailAddress(p),
    })),
    organizer: emailAddress(e.organizer),
  };
}

/** GET /me: the profile fields Graph returns by default. */
function userJson(mb: MailboxRecord): Json {
  const u = mb.user;
  return {
    "@odata.context": `${GRAPH}/$metadata#users/$entity`,
    businessPhones: [],
    displayName: u.displayName,
    givenName: u.givenName || null,
    jobTitle: u.jobTitle,
    mail: u.mail ?? u.upn,
    mobilePhone: null,
    officeLocation: u.officeLocation,
    preferredLanguage: "en-US",
    surname: u.surname || null,
    userPrincipalName: u.upn,
    id: u.id,
  };
}

/** Properties Graph returns on /me only when $select names them (user resource: "Returned only on $select"). */
function userSelectOnly(mb: MailboxRecord): Json {
  const u = mb.user;
  return { proxyAddresses: u.proxyAddresses ?? [`SMTP:${u.mail ?? u.upn}`] };
}

const SAMPLE = {
  message: (): Json =>
    messageJson({
      id: "",
      ewsId: "",
      folderId: "",
      subject: "",
      from: { name: "", address: "" },
      toRecipients: [],
      ccRecipients: [],
      receivedDateTime: "",
      sentDateTime: "",
      createdDateTime: "",
      lastModifiedDateTime: "",
      bodyPreview: "",
      bodyHtml: "",
      isRead: false,
      isDraft: false,
      hasAttachments: false,
      conversationId: "",
      importance: "normal",
      internetMessageId: "",
      changeKey: "",
      categories: [],
      flagged: false,
      focused: true,
    }),
};

const messageSample = SAMPLE.message();

function decodeSegments(path: string): string[] | undefined {
  try {
    return path
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function selectOne(
  item: Json,
  query: URLSearchParams,
  sample: Json,
  typeName: string,
  context: string,
): Reply {
  const select = parseSelect(query, sample, typeName);
  if (isFailure(select)) return fromFailure(select);
  const ctx = select ? `${context}(${select.join(",")})/$entity` : `${context}/$entity`;
  return { status: 200, body: { "@odata.context": ctx, ...applySelect(item, select) } };
}

function list(
  all: Json[],
  ctx: RunContext,
  rel: string,
  typeName: string,
  sample: Json,
  defaultOrderBy?: string,
  lambdas?: LambdaRules,
): Reply {
  const opts = {
    typeName,
    contextUrl: `${GRAPH}/$metadata#users('${ctx.mailbox.user.id}')/${rel}`,
    selfUrl: `${ctx.baseUrl}/v1.0/${ctx.userSegment}/${rel}`,
    sample,
    ...(defaultOrderBy !== undefined ? { defaultOrderBy } : {}),
    ...(lambdas !== undefined ? { lambdas } : {}),
  };
  const out = listCollection(all, ctx.query, opts);
  return isFailure(out) ? fromFailure(out) : { status: 200, body: out };
}

function lookupItem(ctx: RunContext, id: string, kind: ItemKind): Reply | undefined {
  const owner = ctx.state.mailboxOfId(id);
  if (owner && owner !== ctx.mailbox) return OTHER_MAILBOX();
  const found =
    kind === "message"
      ? ctx.mailbox.messages.has(id)
      : kind === "contact"
        ? ctx.mailbox.contacts.has(id)
        : ctx.mailbox.events.has(id);
  return found ? undefined : NOT_FOUND();
}

function requireFolder(ctx: RunContext, ref: string): MailFolderRecord | Reply {
  const f = ctx.state.resolveFolder(ctx.mailbox, ref);
  if (f) return f;
  if (ctx.state.mailboxOfId(ref) && ctx.state.mailboxOfId(ref) !== ctx.mailbox) return OTHER_MAILBOX();
  return NOT_FOUND();
}

const isReply = (x: unknown): x is Reply => typeof x === "object" && x !== null && "status" in x;

/**
 * Graph's well-known mail folder names (mailFolder resource, v1.0); a mailbox need not have every one. The add-in
 * keeps its own copy (src/core/purge/folders.ts) on purpose: the emulator is the Graph the add-in is tested
 * against, so it takes Graph's rules from Graph's documentation, never from the code under test.
 */
export const WELL_KNOWN_MAIL_FOLDERS = [
  "archive",
  "clutter",
  "conflicts",
  "conversationhistory",
  "deleteditems",
  "drafts",
  "inbox",
  "junkemail",
  "localfailures",
  "msgfolderroot",
  "outbox",
  "recoverableitemsdeletions",
  "scheduled",
  "searchfolders",
  "sentitems",
  "serverfailures",
  "syncissues",
] as const;
const WELL_KNOWN = new Set<string>(WELL_KNOWN_MAIL_FOLDERS);

/** Folder references are ids or well-known names; item references must be ids. */
/** The parent-folder check for findItem, when the path names a mail folder. */
const inFolder = (ctx: RunContext, ref: string | null) =>
  ref === null ? undefined : () => requireFolder(ctx, ref);

function badFolderRef(ref: string): boolean {
  return !WELL_KNOWN.has(ref.toLowerCase()) && !isWellFormedRestId(ref);
}

const MALFORMED: Failure = { status: 400, code: "ErrorInvalidIdMalformed", message: "Id is malformed." };

/**
 * Recognises a Graph path (after `/v1.0`). Returns the route, or the failure Graph gives for an
 * unknown segment, a wrong method or a malformed ID.
 */
export function classify(method: string, rawPath: string): Route | RouteError {
  const segs = decodeSegments(rawPath);
  const err = (
    failure: Failure,
    op: string | null = null,
    itemId: string | null = null,
    userRef: string | null = null,
  ) => ({ failure, op, itemId, userRef }) satisfies RouteError;
  if (!segs) return err(MALFORMED);
  const all = segs[0] === "v1.0" ? segs.slice(1) : segs;
  let userRef: string;
  let rest: string[];
  if (all[0] === "me") {
    userRef = "me";
    rest = all.slice(1);
  } else if (all[0] === "users" && all[1] !== undefined) {
    userRef = all[1];
    rest = all.slice(2);
  } else {
    return err({
      status: 400,
      code: "BadRequest",
      message: `Resource not found for the segment '${all[0] ?? ""}'.`,
    });
  }
  const notAllowed = (op: string, itemId: string | null = null): RouteError =>
    err(
      {
        status: 405,
        code: "BadRequest",
        message: "Specified HTTP method is not allowed for the request target.",
      },
      op,
      itemId,
      userRef,
    );
  const segmentError = (s: string): RouteError =>
    err(
      { status: 400, code: "BadRequest", message: `Resource not found for the segment '${s}'.` },
      null,
      null,
      userRef,
    );

  const route = (
    op: string,
    area: Area,
    expectMethod: "GET" | "POST",
    itemId: string | null,
    run: (ctx: RunContext) => Reply,
  ): Route | RouteError => {
    if (method !== expectMethod) return notAllowed(op, itemId);
    if (itemId !== null && !isWellFormedRestId(itemId)) return err(MALFORMED, op, itemId, userRef);
    return { op, userRef, area, write: expectMethod === "POST", itemId, run };
  };

  const [a, b, c, d, e, f] = rest;
  if (a === undefined)
    return route("getUser", "user", "GET", null, (ctx) => {
      if (!ctx.query.has("$select")) return { status: 200, body: userJson(ctx.mailbox) };
      const { "@odata.context": _context, ...all } = {
        ...userJson(ctx.mailbox),
        ...userSelectOnly(ctx.mailbox),
      };
      return selectOne(all, ctx.query, all, "microsoft.graph.user", `${GRAPH}/$metadata#users`);
    });

  // ---- mail
  if (a === "messages") {
    if (b === undefined) return route("listMessages", "mail", "GET", null, (ctx) => listMessages(ctx, null));
    if (c === undefined) return route("getMessage", "mail", "GET", b, (ctx) => getMessage(ctx, b));
    if (c === "permanentDelete" && d === undefined)
      return route("permanentDelete", "mail", "POST", b, (ctx) => purgeMessage(ctx, b, null));
    return segmentError(c);
  }
  if (a === "mailFolders") {
    if (b === undefined)
      return route("listMailFolders", "mail", "GET", null, (ctx) => listFolders(ctx, null));
    if (badFolderRef(b)) return err(MALFORMED, "getMailFolder", null, userRef);
    if (c === undefined) return route("getMailFolder", "mail", "GET", null, (ctx) => getFolder(ctx, b));
    if (c === "childFolders" && d === undefined)
      return route("listChildFolders", "mail", "GET", null, (ctx) => listFolders(ctx, b));
    if (c === "permanentDelete" && d === undefined) {
      // The folder reference may be a well-known name (Graph takes those for folders), so it is not checked
      // as an item id; it is logged as the itemId so tests can find the request.
      if (method !== "POST") return notAllowed("permanentDeleteMailFolder", b);
      return {
        op: "permanentDeleteMailFolder",
        userRef,
        area: "mail",
        write: true,
        itemId: b,
        run: (ctx) => purgeFolder(ctx, b),
      };
    }
    if (c === "messages") {
      if (d === undefined) return route("listMessages", "mail", "GET", null, (ctx) => listMessages(ctx, b));
      if (e === undefined) return route("getMessage", "mail", "GET", d, (ctx) => getMessage(ctx, d, b));
      if (e === "permanentDelete" && f === undefined)
        return route("permanentDelete", "mail", "POST", d, (ctx) => purgeMessage(ctx, d, b));
      return segmentError(e);
    }
    return segmentError(c);
  }

  // ---- contacts
  if (a === "contacts") {
    if (b === undefined)
      return route("listContacts", "contacts", "GET", null, (ctx) => listContacts(ctx, null));
    if (c === undefined) return route("getContact", "contacts", "GET", b, (ctx) => getContact(ctx, b));
    if (c === "permanentDelete" && d === undefined)
      return route("permanentDelete", "contacts", "POST", b, (ctx) => purgeContact(ctx, b, null));
    return segmentError(c);
  }
  if (a === "contactFolders") {
    if (b === undefined) return route("listContactFolders", "contacts", "GET", null, listContactFolders);
    if (!isWellFormedRestId(b)) return err(MALFORMED, "getContactFolder", null, userRef);
    if (c === undefined)
      return route("getContactFolder", "contacts", "GET", null, (ctx) => getContactFolder(ctx, b));
    if (c === "contacts") {
      if (d === undefined)
        return route("listContacts", "contacts", "GET", null, (ctx) => listContacts(ctx, b));
      if (e === undefined) return route("getContact", "contacts", "GET", d, (ctx) => getContact(ctx, d, b));
      if (e === "permanentDelete" && f === undefined)
        return route("permanentDelete", "contacts", "POST", d, (ctx) => purgeContact(ctx, d, b));
      return segmentError(e);
    }
    return segmentError(c);
  }

  // ---- calendar
  let ev = rest;
  if (a === "calendar" && b === "events") ev = rest.slice(1);
  else if (a === "calendar" && b === undefined)
    return route("getCalendar", "calendar", "GET", null, (ctx) => ({
      status: 200,
      body: {
        "@odata.context": `${GRAPH}/$metadata#users('${ctx.mailbox.user.id}')/calendar/$entity`,
        id: ctx.mailbox.calendarId,
        name: "Calendar",
        canEdit: true,
        isDefaultCalendar: true,
        owner: { name: ctx.mailbox.user.displayName, address: ctx.mailbox.user.upn },
      },
    }));
  if (ev[0] === "events") {
    const [, id, action, extra] = ev;
    if (id === undefined) return route("listEvents", "calendar", "GET", null, listEvents);
    if (action === undefined) return route("getEvent", "calendar", "GET", id, (ctx) => getEvent(ctx, id));
    if (action === "instances" && extra === undefined)
      return route("listInstances", "calendar", "GET", id, (ctx) => listInstances(ctx, id));
    if (action === "permanentDelete" && extra === undefined)
      return route("permanentDelete", "calendar", "POST", id, (ctx) => purgeEvent(ctx, id));
    return segmentError(action);
  }
  return segmentError(a);
}

export function isRouteError(x: Route | RouteError): x is RouteError {
  return "failure" in x;
}

/**
 * A collection listed under a parent (a folder's messages, a folder's child folders, a contact folder's contacts)
 * is listed like the top-level collection; its @odata.context and nextLink then name the parent, as Graph's do.
 */
function underParent(
  out: Reply,
  ctx: RunContext,
  collection: string,
  rel: string,
  nestedPath: string,
): Reply {
  if (out.status !== 200 || typeof out.body !== "object" || out.body === null) return out;
  const body = out.body as Json;
  body["@odata.context"] = String(body["@odata.context"]).replace(`/${collection}`, `/${rel}`);
  if (typeof body["@odata.nextLink"] === "string") {
    body["@odata.nextLink"] = body["@odata.nextLink"].replace(
      `/${ctx.userSegment}/${collection}?`,
      `/${ctx.userSegment}/${nestedPath}?`,
    );
  }
  return out;
}

/**
 * The item `id` of `kind` in this mailbox, after its parent folder when the path names one (`parent` looks it
 * up): or the reply that says why not (folder or item missing, or the item is another mailbox's).
 */
function findItem<T extends object>(
  ctx: RunContext,
  id: string,
  kind: ItemKind,
  items: ReadonlyMap<string, T>,
  parent?: () => object,
): T | Reply {
  const folder = parent?.();
  if (isReply(folder)) return folder;
  return lookupItem(ctx, id, kind) ?? items.get(id) ?? NOT_FOUND();
}

// ---------------------------------------------------------------- mail

function listMessages(ctx: RunContext, folderRef: string | null): Reply {
  let messages = [...ctx.mailbox.messages.values()];
  let rel = "messages";
  if (folderRef !== null) {
    const folder = requireFolder(ctx, folderRef);
    if (isReply(folder)) return folder;
    messages = messages.filter((m) => m.folderId === folder.id);
    rel = `mailFolders('${folderRef}')/messages`;
  }
  const limit = ctx.messagePageLimit ?? 0;
  if (limit > 0) {
    const top = Number(ctx.query.get("$top") ?? "10");
    const skip = Number(ctx.query.get("$skip") ?? "0");
    if (top <= 1000 && Math.min(top, Math.max(0, messages.length - skip)) > limit) {
      // The gateway gives up on a page that large. The body is the emulator's: Graph's 504 body isn't documented.
      return {
        status: 504,
        error: {
          code: "GatewayTimeout",
          message: "The gateway did not receive a timely response from the service.",
        },
      };
    }
  }
  const out = list(
    messages.map(messageJson),
    ctx,
    "messages",
    "microsoft.graph.message",
    messageSample,
    "receivedDateTime desc",
  );
  return folderRef === null
    ? out
    : underParent(out, ctx, "messages", rel, `mailFolders/${encodeURIComponent(folderRef)}/messages`);
}

function getMessage(ctx: RunContext, id: string, folderRef?: string): Reply {
  const m = findItem(ctx, id, "message", ctx.mailbox.messages, inFolder(ctx, folderRef ?? null));
  if (isReply(m)) return m;
  return selectOne(
    messageJson(m),
    ctx.query,
    messageSample,
    "microsoft.graph.message",
    `${GRAPH}/$metadata#users('${ctx.mailbox.user.id}')/messages`,
  );
}

function purgeMessage(ctx: RunContext, id: string, folderRef: string | null): Reply {
  const m = findItem(ctx, id, "message", ctx.mailbox.messages, inFolder(ctx, folderRef));
  if (isReply(m)) return m;
  if (ctx.onlyOwnBy !== undefined && m.from.address.toLowerCase() !== ctx.onlyOwnBy) {
    return {
      status: 403,
      error: { code: "ErrorAccessDenied", message: "Access is denied. Check credentials and try again." },
    };
  }
  ctx.state.purgeMessage(ctx.mailbox, m, new Date(ctx.now()).toISOString(), ctx.requestId);
  return { status: 204 };
}

/**
 * mailFolder permanentDelete: the folder, its messages and its child folders at every depth leave the mailbox.
 * Graph doesn't put folders in Purges ("Permanently deleted folders are removed from the mailbox"); the emulator
 * still records what went (kind mailFolder, messages with viaFolder) so tests can see it. Well-known folders are
 * refused with Exchange's ErrorDeleteDistinguishedFolder; the 403 status is the emulator's choice (see README).
 */
function purgeFolder(ctx: RunContext, ref: string): Reply {
  const folder = requireFolder(ctx, ref);
  if (isReply(folder)) return folder;
  if (folder.wellKnownName !== null) {
    return fail(403, "ErrorDeleteDistinguishedFolder", "Distinguished folders cannot be deleted.");
  }
  ctx.state.purgeMailFolder(ctx.mailbox, folder, new Date(ctx.now()).toISOString(), ctx.requestId);
  return { status: 204 };
}

function folderSample(): Json {
  return {
    id: "",
    displayName: "",
    parentFolderId: "",
    childFolderCount: 0,
    unreadItemCount: 0,
    totalItemCount: 0,
    sizeInBytes: 0,
    isHidden: false,
  };
}

function listFolders(ctx: RunContext, parentRef: string | null): Reply {
  let parentId = ctx.mailbox.rootFolderId;
  let rel = "mailFolders";
  if (parentRef !== null) {
    const parent = requireFolder(ctx, parentRef);
    if (isReply(parent)) return parent;
    parentId = parent.id;
    rel = `mailFolders('${parentRef}')/childFolders`;
  }
  const folders = [...ctx.mailbox.folders.values()]
    .filter((f) => f.parentFolderId === parentId)
    .map((f) => folderJson(ctx.mailbox, f));
  const out = list(folders, ctx, "mailFolders", "microsoft.graph.mailFolder", folderSample());
  return parentRef === null
    ? out
    : underParent(out, ctx, "mailFolders", rel, `mailFolders/${encodeURIComponent(parentRef)}/childFolders`);
}

function getFolder(ctx: RunContext, ref: string): Reply {
  const folder = requireFolder(ctx, ref);
  if (isReply(folder)) return folder;
  return selectOne(
    folderJson(ctx.mailbox, folder),
    ctx.query,
    folderSample(),
    "microsoft.graph.mailFolder",
    `${GRAPH}/$metadata#users('${ctx.mailbox.user.id}')/mailFolders`,
  );
}

// ---------------------------------------------------------------- contacts

const contactSample = (): Json =>
  contactJson({
    id: "",
    ewsId: "",
    folderId: "",
    givenName: "",
    surname: "",
    displayName: "",
    emailAddresses: [],
    companyName: null,
    jobTitle: null,
    businessPhones: [],
    mobilePhone: null,
    createdDateTime: "",
    lastModifiedDateTime: "",
    changeKey: "",
  });

function requireContactFolder(ctx: RunContext, ref: string): ContactFolderRecord | Reply {
  const f = ctx.mailbox.contactFolders.get(ref);
  if (f) return f;
  if (ref === ctx.mailbox.contactRootId) {
    return { id: ref, ewsId: "", displayName: "Contacts", parentFolderId: "" };
  }
  const owner = ctx.state.mailboxOfId(ref);
  if (owner && owner !== ctx.mailbox) return OTHER_MAILBOX();
  return NOT_FOUND();
}

/** The parent-folder check for findItem, when the path names a contact folder. */
const inContactFolder = (ctx: RunContext, ref: string | null) =>
  ref === null ? undefined : () => requireContactFolder(ctx, ref);

function listContacts(ctx: RunContext, folderRef: string | null): Reply {
  let folderId = ctx.mailbox.contactRootId;
  if (folderRef !== null) {
    const folder = requireContactFolder(ctx, folderRef);
    if (isReply(folder)) return folder;
    folderId = folder.id;
  }
  const contacts = [...ctx.mailbox.contacts.values()].filter((c) => c.folderId === folderId).map(contactJson);
  const rel = folderRef === null ? "contacts" : `contactFolders('${folderRef}')/contacts`;
  // Graph: `any` with `eq` on emailAddresses' address only (not name, no other operator or function).
  const out = list(contacts, ctx, "contacts", "microsoft.graph.contact", contactSample(), undefined, {
    emailAddresses: ["address"],
  });
  return folderRef === null
    ? out
    : underParent(out, ctx, "contacts", rel, `contactFolders/${encodeURIComponent(folderRef)}/contacts`);
}

function getContact(ctx: RunContext, id: string, folderRef?: string): Reply {
  const c = findItem(ctx, id, "contact", ctx.mailbox.contacts, inContactFolder(ctx, folderRef ?? null));
  if (isReply(c)) return c;
  return selectOne(
    contactJson(c),
    ctx.query,
    contactSample(),
    "microsoft.graph.contact",
    `${GRAPH}/$metadata#users('${ctx.mailbox.user.id}')/contacts`,
  );
}

function purgeContact(ctx: RunContext, id: string, folderRef: string | null): Reply {
  const c = findItem(ctx, id, "contact", ctx.mailbox.contacts, inContactFolder(ctx, folderRef));
  if (isReply(c)) return c;
  ctx.state.purgeContact(ctx.mailbox, c, new Date(ctx.now()).toISOString(), ctx.requestId);
  return { status: 204 };
}

function listContactFolders(ctx: RunContext): Reply {
  const folders = [...ctx.mailbox.contactFolders.values()].map(contactFolderJson);
  return list(folders, ctx, "contactFolders", "microsoft.graph.contactFolder", {
    id: "",
    displayName: "",
    parentFolderId: "",
  });
}

function getContactFolder(ctx: RunContext, ref: string): Reply {
  const f = requireContactFolder(ctx, ref);
  if (isReply(f)) return f;
  return selectOne(
    contactFolderJson(f),
    ctx.query,
    { id: "", displayName: "", parentFolderId: "" },
    "microsoft.graph.contactFolder",
    `${GRAPH}/$metadata#users('${ctx.mailbox.user.id}')/contactFolders`,
  );
}

// ---------------------------------------------------------------- calendar

const eventSample = (): Json =>
  eventJson({
    id: "",
    ewsId: "",
    subject: "",
    bodyPreview: "",
    start: "",
    end: "",
    isAllDay: false,
    location: "",
    organizer: { name: "", address: "" },
    attendees: [],
    type: "singleInstance",
    seriesMasterId: null,
    recurrence: null,
    showAs: "busy",
    importance: "normal",
    createdDateTime: "",
    lastModifiedDateTime: "",
    changeKey: "",
  });

/** `/events` lists single instances and series masters, not occurrences (as Graph does). */
function listEvents(ctx: RunContext): Reply {
  const events = [...ctx.mailbox.events.values()]
    .filter((e) => e.type !== "occurrence")
    .map((e) => eventJson(e, mailAddressOf(ctx.mailbox.user)));
  return list(events, ctx, "events", "microsoft.graph.event", eventSample());
}

function listInstances(ctx: RunContext, id: string): Reply {
  const missing = lookupItem(ctx, id, "event");
  if (missing) return missing;
  const master = ctx.mailbox.events.get(id);
  if (!master) return NOT_FOUND();
  const items =
    master.type === "seriesMaster"
      ? [...ctx.mailbox.events.values()].filter((e) => e.seriesMasterId === id)
      : [master];
  const out = list(
    items.map((e) => eventJson(e, mailAddressOf(ctx.mailbox.user))),
    ctx,
    "events",
    "microsoft.graph.event",
    eventSample(),
    "start/dateTime",
  );
  if (out.status === 200 && typeof out.body === "object" && out.body !== null) {
    const body = out.body as Json;
    body["@odata.context"] = String(body["@odata.context"]).replace("/events", `/events('${id}')/instances`);
    if (typeof body["@odata.nextLink"] === "string") {
      body["@odata.nextLink"] = body["@odata.nextLink"].replace(
        `/${ctx.userSegment}/events?`,
        `/${ctx.userSegment}/events/${encodeURIComponent(id)}/instances?`,
      );
    }
  }
  return out;
}

function getEvent(ctx: RunContext, id: string): Reply {
  const e = findItem(ctx, id, "event", ctx.mailbox.events);
  if (isReply(e)) return e;
  return selectOne(
    eventJson(e, mailAddressOf(ctx.mailbox.user)),
    ctx.query,
    eventSample(),
    "microsoft.graph.event",
    `${GRAPH}/$metadata#users('${ctx.mailbox.user.id}')/events`,
  );
}

function purgeEvent(ctx: RunContext, id: string): Reply {
  const e = findItem(ctx, id, "event", ctx.mailbox.events);
  if (isReply(e)) return e;
  ctx.state.purgeEvent(ctx.mailbox, e, new Date(ctx.now()).toISOString(), ctx.requestId);
  return { status: 204 };
}
