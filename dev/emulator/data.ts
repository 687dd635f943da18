/**
 * The seeded mailboxes: Adele Vance's own mailbox and the shared mailbox `sales@` she has full access
 * to. Everything is derived from the seed, so two emulators with the same seed hold the same items
 * with the same IDs. Dates are fixed (not "now") for the same reason.
 */

import { MailboxEnums } from "../simulator/common/officeEnums";
import { type IdPair, mintId, restToEwsId } from "./ids";
import { Rng } from "./prng";

export const TENANT_ID = "4f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
export const TENANT_DOMAIN = "contoso.onmicrosoft.com";

export interface Person {
  name: string;
  address: string;
}

export interface UserRecord {
  id: string;
  upn: string;
  /**
   * Primary SMTP address (Graph `mail`), when it isn't the UPN: in many tenants the sign-in name is at
   * `*.onmicrosoft.com` or follows another pattern than the mail address. Absent: the same as the UPN.
   */
  mail?: string;
  /** Every address of the mailbox, as Graph's `proxyAddresses` spells them: `SMTP:` primary, `smtp:` aliases. */
  proxyAddresses?: string[];
  displayName: string;
  givenName: string;
  surname: string;
  jobTitle: string | null;
  officeLocation: string | null;
}

export const ADELE: UserRecord = {
  id: "6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817",
  upn: `adele.vance@${TENANT_DOMAIN}`,
  displayName: "Adele Vance",
  givenName: "Adele",
  surname: "Vance",
  jobTitle: "Retail Manager",
  officeLocation: "18/2111",
};

export const SALES: UserRecord = {
  id: "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  upn: `sales@${TENANT_DOMAIN}`,
  displayName: "Contoso Sales",
  givenName: "",
  surname: "",
  jobTitle: null,
  officeLocation: null,
};

/**
 * A person whose sign-in name (UPN, at the tenant's onmicrosoft.com domain) is not their email address (the
 * company domain), with an alias: Outlook's userProfile.emailAddress is the primary SMTP address, getAuthContext's
 * userPrincipalName the UPN (docs/platform-facts.md#identity-upn-and-mail-address). Full access to sales@, like Adele.
 */
export const ALEX: UserRecord = {
  id: "a1e2c3d4-5b6a-4798-8a9b-0c1d2e3f4a5b",
  upn: `alex.wilber@${TENANT_DOMAIN}`,
  mail: "alex.wilber@contoso.com",
  proxyAddresses: [
    "SMTP:alex.wilber@contoso.com",
    "smtp:alex@contoso.com",
    `smtp:alex.wilber@${TENANT_DOMAIN}`,
  ],
  displayName: "Alex Wilber",
  givenName: "Alex",
  surname: "Wilber",
  jobTitle: "Marketing Assistant",
  officeLocation: "131/1104",
};

/** The address mail from this person carries: the primary SMTP address. */
export function mailAddressOf(user: UserRecord): string {
  return user.mail ?? user.upn;
}

/** A shared mailbox Adele may read but not delete in, except what she wrote herself there (DeleteOwn). */
export const RECEPTION: UserRecord = {
  id: "7d8e9fa0-1b2c-4d3e-8f4a-5b6c7d8e9fa0",
  upn: `reception@${TENANT_DOMAIN}`,
  displayName: "Front Desk",
  givenName: "",
  surname: "",
  jobTitle: null,
  officeLocation: null,
};

/**
 * A shared mailbox still hosted on an on-premises Exchange server (a hybrid tenant): Graph can't serve it and
 * answers every request 404 MailboxNotEnabledForRESTAPI. Adele has no rights recorded on it, so the simulator doesn't
 * list it; tests address it directly.
 */
export const ONPREM: UserRecord = {
  id: "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
  upn: `legal-archive@${TENANT_DOMAIN}`,
  displayName: "Legal Archive (on-premises)",
  givenName: "",
  surname: "",
  jobTitle: null,
  officeLocation: null,
};

/**
 * Outlook's delegate permission bits, as the emulator enforces them: Office.MailboxEnums.DelegatePermissions, the
 * one copy the simulator also uses (dev/simulator/common's test checks it against office.js's script).
 */
export const DELEGATE_BITS = MailboxEnums.DelegatePermissions;
export const FULL_ACCESS_BITS = 63;

export interface MailFolderRecord {
  id: string;
  ewsId: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName: string | null;
}

export type Importance = "low" | "normal" | "high";

export interface MessageRecord {
  id: string;
  ewsId: string;
  folderId: string;
  subject: string;
  from: Person;
  toRecipients: Person[];
  ccRecipients: Person[];
  receivedDateTime: string;
  sentDateTime: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  bodyPreview: string;
  bodyHtml: string;
  isRead: boolean;
  isDraft: boolean;
  hasAttachments: boolean;
  conversationId: string;
  importance: Importance;
  internetMessageId: string;
  changeKey: string;
  categories: string[];
  flagged: boolean;
  focused: boolean;
}

export interface ContactFolderRecord {
  id: string;
  ewsId: string;
  displayName: string;
  parentFolderId: string;
}

export interface ContactRecord {
  id: string;
  ewsId: string;
  folderId: string;
  givenName: string;
  surname: string;
  displayName: string;
  emailAddresses: Person[];
  companyName: string | null;
  jobTitle: string | null;
  businessPhones: string[];
  mobilePhone: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
}

export type EventType = "singleInstance" | "seriesMaster" | "occurrence";

export interface EventRecord {
  id: string;
  ewsId: string;
  subject: string;
  bodyPreview: string;
  start: string;
  end: string;
  isAllDay: boolean;
  location: string;
  organizer: Person;
  attendees: Person[];
  type: EventType;
  seriesMasterId: string | null;
  /** Weekly recurrence of the series master (Graph's patternedRecurrence shape). */
  recurrence: unknown;
  showAs: "busy" | "free" | "tentative";
  importance: Importance;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
}

export interface MailboxRecord {
  user: UserRecord;
  guid: string;
  kind: "user" | "shared";
  /** UPNs (lower case) with full access to this mailbox besides its owner. */
  delegates: string[];
  /**
   * UPNs (lower case) with partial rights, as Outlook's delegate bits: reads need Read, permanentDelete needs
   * DeleteAll, or DeleteOwn for messages the delegate sent (from = the delegate). Absent: nobody.
   */
  delegatePermissions?: Record<string, number>;
  /**
   * False for a mailbox Graph can't serve (on-premises, inactive, soft-deleted, or without an Exchange Online
   * license): every request answers 404 MailboxNotEnabledForRESTAPI.
   */
  restEnabled?: boolean;
  rootFolderId: string;
  folders: Map<string, MailFolderRecord>;
  messages: Map<string, MessageRecord>;
  contactRootId: string;
  contactFolders: Map<string, ContactFolderRecord>;
  contacts: Map<string, ContactRecord>;
  calendarId: string;
  events: Map<string, EventRecord>;
}

const BASE_DATE = Date.parse("2026-11-20T16:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

const PEOPLE: Person[] = [
  { name: "Megan Bowen", address: "megan.bowen@contoso.onmicrosoft.com" },
  { name: "Alex Wilber", address: "alex.wilber@contoso.onmicrosoft.com" },
  { name: "Diego Siciliani", address: "diego.siciliani@contoso.onmicrosoft.com" },
  { name: "Grady Archie", address: "grady.archie@contoso.onmicrosoft.com" },
  { name: "Isaiah Langer", address: "isaiah.langer@contoso.onmicrosoft.com" },
  { name: "Johanna Lorenz", address: "johanna.lorenz@contoso.onmicrosoft.com" },
  { name: "Joni Sherman", address: "joni.sherman@contoso.onmicrosoft.com" },
  { name: "Lee Gu", address: "lee.gu@contoso.onmicrosoft.com" },
  { name: "Lidia Holloway", address: "lidia.holloway@contoso.onmicrosoft.com" },
  { name: "Lynne Robbins", address: "lynne.robbins@contoso.onmicrosoft.com" },
  { name: "Miriam Graham", address: "miriam.graham@contoso.onmicrosoft.com" },
  { name: "Nestor Wilke", address: "nestor.wilke@contoso.onmicrosoft.com" },
  { name: "Patti Fernandez", address: "patti.fernandez@contoso.onmicrosoft.com" },
  { name: "Pradeep Gupta", address: "pradeep.gupta@contoso.onmicrosoft.com" },
  { name: "Henrietta Mueller", address: "henrietta.mueller@contoso.onmicrosoft.com" },
  { name: "Björn Åkesson", address: "bjorn.akesson@fabrikam.com" },
  { name: "Sofía Domínguez", address: "sofia.dominguez@adatum.com" },
  { name: "山田 太郎", address: "taro.yamada@tailspintoys.jp" },
  { name: "فاطمة الزهراء", address: "fatima.zahra@wingtiptoys.com" },
  { name: "Fabrikam Billing", address: "billing@fabrikam.com" },
  { name: "Microsoft 365 Message center", address: "o365mc@microsoft.com" },
  { name: "Contoso IT Helpdesk", address: "helpdesk@contoso.onmicrosoft.com" },
  { name: "Northwind Traders", address: "orders@northwindtraders.com" },
  { name: "Woodgrove Bank", address: "alerts@woodgrovebank.com" },
  { name: "LinkedIn", address: "messages-noreply@linkedin.com" },
];

/** Senders whose names a careless UI would render as markup or mirrored text. */
const HOSTILE_PEOPLE: Person[] = [
  { name: "<img src=x onerror=alert(1)>", address: "xss@evil.example" },
  { name: "Invoice\u202Egpj.exe", address: "rlo@evil.example" },
  { name: '"Admin" <admin@contoso.onmicrosoft.com>', address: "spoof@evil.example" },
];

const SUBJECTS = [
  "Q{q} sales review: numbers for the regional stores",
  "Store {n} opening hours over the holidays",
  "Your Fabrikam invoice INV-{n} is ready",
  "Weekly inventory report – week {w}",
  "Lunch on Thursday?",
  "Action required: confirm your shift swap",
  "Updated: Contoso Launch timeline",
  "Minutes from the planning meeting",
  "Customer complaint #{n} – follow up",
  "New planogram for aisle {a}",
  "Training reminder: point-of-sale update",
  "Shipment {n} delayed at the warehouse",
  "Your Woodgrove Bank statement is available",
  "Re: display materials for the window",
  "Budget approval for the spring campaign",
  "Team offsite – please vote on a date",
  "Password expires in 7 days",
  "Message center: upcoming change to Outlook on the web",
  "Price change effective Monday",
  "Can you cover the Saturday morning shift?",
  "Photos from the store refresh",
  "Northwind order {n} confirmation",
  "Visitor badge request for Friday",
  "Feedback on the loyalty programme draft",
  "Fwd: supplier contract renewal",
  "Out of office: back on {d}",
  "Quarterly compliance attestation due",
  "Welcome aboard, {p}!",
  "Returns policy – clarification",
  "Candidate interview schedule",
  "Réunion fournisseurs – compte rendu",
  "Angebot für Ladeneinrichtung",
  "来週の店舗訪問について",
  "تأكيد الطلب رقم {n}",
  "Sale starts tomorrow 🎉",
];

const PREVIEWS = [
  "Hi Adele, attached are the figures we discussed. Let me know if anything looks off before I send them on.",
  "Thanks for the quick turnaround. I have a couple of questions about the second section.",
  "Please review and approve by end of day Friday. The request is linked below.",
  "Quick reminder that the store meeting moved to 10:00. Coffee will be provided.",
  "We have received your payment. This is an automated message, please do not reply.",
  "Following up on our call: the vendor agreed to the revised terms, pending legal review.",
  "Can we sync for 15 minutes tomorrow? I would like to walk through the proposal.",
  "The shipment left the distribution centre this morning and should arrive by Wednesday.",
  "Here is the summary of this week's changes. Nothing requires action from you.",
  "",
];

const CATEGORIES = ["Blue category", "Red category", "Green category", "Yellow category"];

function hostileSubjects(): string[] {
  return [
    "<script>alert('permanent')</script> Invoice overdue",
    "Your order \u202Efdp.exe is ready",
    `Very long subject ${"lorem ipsum dolor sit amet ".repeat(18).trim()}`,
    "",
    "Re: Re: Re: Fwd: RE: AW: re: status?",
    "&lt;b&gt;escaped&lt;/b&gt; &amp; <b>not escaped</b>",
  ];
}

interface FolderSpec {
  name: string;
  wellKnownName: string | null;
  parent: "root" | string;
  count: number;
  kind: "inbox" | "sent" | "drafts" | "deleted" | "junk" | "archive" | "custom";
}

const ADELE_FOLDERS: FolderSpec[] = [
  { name: "Inbox", wellKnownName: "inbox", parent: "root", count: 150, kind: "inbox" },
  { name: "Drafts", wellKnownName: "drafts", parent: "root", count: 8, kind: "drafts" },
  { name: "Sent Items", wellKnownName: "sentitems", parent: "root", count: 55, kind: "sent" },
  { name: "Deleted Items", wellKnownName: "deleteditems", parent: "root", count: 30, kind: "deleted" },
  { name: "Junk Email", wellKnownName: "junkemail", parent: "root", count: 18, kind: "junk" },
  { name: "Archive", wellKnownName: "archive", parent: "root", count: 45, kind: "archive" },
  { name: "Outbox", wellKnownName: "outbox", parent: "root", count: 0, kind: "custom" },
  {
    name: "Conversation History",
    wellKnownName: "conversationhistory",
    parent: "root",
    count: 0,
    kind: "custom",
  },
  { name: "Receipts", wellKnownName: null, parent: "root", count: 22, kind: "custom" },
  { name: "Projects", wellKnownName: null, parent: "Inbox", count: 12, kind: "custom" },
  { name: "Contoso Launch", wellKnownName: null, parent: "Projects", count: 16, kind: "custom" },
];

const SALES_FOLDERS: FolderSpec[] = [
  { name: "Inbox", wellKnownName: "inbox", parent: "root", count: 60, kind: "inbox" },
  { name: "Drafts", wellKnownName: "drafts", parent: "root", count: 2, kind: "drafts" },
  { name: "Sent Items", wellKnownName: "sentitems", parent: "root", count: 20, kind: "sent" },
  { name: "Deleted Items", wellKnownName: "deleteditems", parent: "root", count: 10, kind: "deleted" },
  { name: "Junk Email", wellKnownName: "junkemail", parent: "root", count: 5, kind: "junk" },
  { name: "Archive", wellKnownName: "archive", parent: "root", count: 15, kind: "archive" },
  { name: "Leads", wellKnownName: null, parent: "Inbox", count: 18, kind: "custom" },
];

const RECEPTION_FOLDERS: FolderSpec[] = [
  { name: "Inbox", wellKnownName: "inbox", parent: "root", count: 25, kind: "inbox" },
  { name: "Drafts", wellKnownName: "drafts", parent: "root", count: 3, kind: "drafts" },
  { name: "Sent Items", wellKnownName: "sentitems", parent: "root", count: 5, kind: "sent" },
  { name: "Deleted Items", wellKnownName: "deleteditems", parent: "root", count: 2, kind: "deleted" },
];

function fillSubject(rng: Rng, template: string): string {
  return template
    .replace("{q}", String(rng.int(1, 4)))
    .replace("{n}", String(rng.int(1000, 99999)))
    .replace("{w}", String(rng.int(1, 52)))
    .replace("{a}", String(rng.int(1, 24)))
    .replace("{d}", `${rng.int(1, 28)} December`)
    .replace("{p}", rng.pick(PEOPLE).name.split(" ")[0] ?? "");
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

class MailboxBuilder {
  readonly storeKey: Uint8Array;

  constructor(
    private readonly rng: Rng,
    readonly guid: string,
  ) {
    this.storeKey = rng.bytes(16);
  }

  item(): IdPair {
    return mintId(this.rng, this.guid, this.storeKey, "item");
  }

  folder(): IdPair {
    return mintId(this.rng, this.guid, this.storeKey, "folder");
  }

  conversation(): string {
    return mintId(this.rng, this.guid, this.storeKey, "conversation").rest;
  }

  changeKey(): string {
    return Buffer.from(this.rng.bytes(24)).toString("base64");
  }
}

function buildMessages(
  rng: Rng,
  b: MailboxBuilder,
  owner: UserRecord,
  folders: Map<string, MailFolderRecord>,
  specs: FolderSpec[],
  withHostile: boolean,
): Map<string, MessageRecord> {
  const me: Person = { name: owner.displayName, address: mailAddressOf(owner) };
  const messages = new Map<string, MessageRecord>();
  const byName = new Map([...folders.values()].map((f) => [f.displayName, f]));
  const hostile = withHostile ? hostileSubjects() : [];
  const threads: { subject: string; conversationId: string }[] = [];

  for (const spec of specs) {
    const folder = byName.get(spec.name);
    if (!folder) continue;
    for (let i = 0; i < spec.count; i++) {
      let subject: string;
      let conversationId: string;
      const thread = threads.length > 0 && rng.chance(0.2) ? rng.pick(threads) : undefined;
      if (thread) {
        subject = `${rng.pick(["RE: ", "Re: ", "FW: "])}${thread.subject}`;
        conversationId = thread.conversationId;
      } else {
        subject = fillSubject(rng, rng.pick(SUBJECTS));
        conversationId = b.conversation();
        threads.push({ subject, conversationId });
      }
      const hostileSubject = spec.kind === "inbox" ? hostile.shift() : undefined;
      if (hostileSubject !== undefined) subject = hostileSubject;

      let from = spec.kind === "sent" || spec.kind === "drafts" ? me : rng.pick(PEOPLE);
      if (withHostile && spec.kind === "junk" && i < HOSTILE_PEOPLE.length) {
        from = HOSTILE_PEOPLE[i] ?? from;
      }
      const to =
        spec.kind === "sent" || spec.kind === "drafts"
          ? [rng.pick(PEOPLE), ...(rng.chance(0.3) ? [rng.pick(PEOPLE)] : [])]
          : [me];
      const cc = rng.chance(0.25) ? [rng.pick(PEOPLE)] : [];
      const ageMs = spec.kind === "archive" ? rng.int(60, 400) * DAY : rng.int(0, 120 * DAY);
      const received = BASE_DATE - ageMs - rng.int(0, 3600) * 1000;
      const sent = received - rng.int(2, 90) * 1000;
      const preview = rng.pick(PREVIEWS);
      const ids = b.item();
      const isDraft = spec.kind === "drafts";
      messages.set(ids.rest, {
        id: ids.rest,
        ewsId: ids.ews,
        folderId: folder.id,
        subject,
        from,
        toRecipients: to,
        ccRecipients: cc,
        receivedDateTime: iso(received),
        sentDateTime: iso(sent),
        createdDateTime: iso(received),
        lastModifiedDateTime: iso(received + rng.int(0, 3600) * 1000),
        bodyPreview: preview,
        bodyHtml: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><p>${escapeHtml(preview)}</p></body></html>`,
        isRead: spec.kind === "sent" || isDraft ? true : rng.chance(spec.kind === "inbox" ? 0.7 : 0.9),
        isDraft,
        hasAttachments: rng.chance(0.2),
        conversationId,
        importance: rng.chance(0.08) ? "high" : rng.chance(0.05) ? "low" : "normal",
        internetMessageId: `<${Buffer.from(rng.bytes(12)).toString("hex").toUpperCase()}@${from.address.split("@")[1] ?? "contoso.onmicrosoft.com"}>`,
        changeKey: b.changeKey(),
        categories: rng.chance(0.1) ? [rng.pick(CATEGORIES)] : [],
        flagged: rng.chance(0.06),
        focused: rng.chance(0.8),
      });
    }
  }
  return messages;
}

function buildFolders(
  b: MailboxBuilder,
  specs: FolderSpec[],
): { rootId: string; folders: Map<string, MailFolderRecord> } {
  const root = b.folder();
  const folders = new Map<string, MailFolderRecord>();
  folders.set(root.rest, {
    id: root.rest,
    ewsId: root.ews,
    displayName: "Top of Information Store",
    parentFolderId: "",
    wellKnownName: "msgfolderroot",
  });
  const byName = new Map<string, string>();
  for (const spec of specs) {
    const ids = b.folder();
    const parentId = spec.parent === "root" ? root.rest : byName.get(spec.parent);
    if (parentId === undefined)
      throw new Error(`folder spec ${spec.name}: parent ${spec.parent} comes later`);
    folders.set(ids.rest, {
      id: ids.rest,
      ewsId: ids.ews,
      displayName: spec.name,
      parentFolderId: parentId,
      wellKnownName: spec.wellKnownName,
    });
    byName.set(spec.name, ids.rest);
  }
  return { rootId: root.rest, folders };
}

const GIVEN = [
  "Ava",
  "Noah",
  "Mia",
  "Liam",
  "Zoe",
  "Omar",
  "Priya",
  "Chen",
  "Lucía",
  "Tomás",
  "Ingrid",
  "Kwame",
];
const SURNAMES = ["Nguyen", "Okafor", "Schmidt", "Rossi", "Kowalski", "Haddad", "Tanaka", "Silva", "Larsen"];
const COMPANIES = ["Fabrikam", "Northwind Traders", "Adatum", "Tailspin Toys", "Wingtip Toys", null];

function buildContacts(rng: Rng, b: MailboxBuilder) {
  const root = b.folder();
  const contactFolders = new Map<string, ContactFolderRecord>();
  const defaultFolder = root.rest;
  for (const name of ["Suppliers", "Family"]) {
    const ids = b.folder();
    contactFolders.set(ids.rest, {
      id: ids.rest,
      ewsId: ids.ews,
      displayName: name,
      parentFolderId: root.rest,
    });
  }
  const folderIds = [defaultFolder, defaultFolder, defaultFolder, ...contactFolders.keys()];
  const contacts = new Map<string, ContactRecord>();
  for (let i = 0; i < 40; i++) {
    const givenName = rng.pick(GIVEN);
    const surname = rng.pick(SURNAMES);
    const company = rng.pick(COMPANIES);
    const ids = b.item();
    const created = BASE_DATE - rng.int(30, 900) * DAY;
    const domain = company ? `${company.toLowerCase().replace(/[^a-z]/g, "")}.com` : "outlook.com";
    contacts.set(ids.rest, {
      id: ids.rest,
      ewsId: ids.ews,
      folderId: rng.pick(folderIds),
      givenName,
      surname,
      displayName: `${givenName} ${surname}`,
      emailAddresses: [
        {
          name: `${givenName} ${surname}`,
          address: `${givenName
            .normalize("NFD")
            .replace(/[^A-Za-z]/g, "")
            .toLowerCase()}.${surname.toLowerCase()}@${domain}`,
        },
      ],
      companyName: company,
      jobTitle: company ? rng.pick(["Buyer", "Account Manager", "Logistics Lead", "Owner"]) : null,
      businessPhones: company ? [`+1 425 555 ${String(rng.int(100, 9999)).padStart(4, "0")}`] : [],
      mobilePhone: rng.chance(0.5) ? `+1 206 555 ${String(rng.int(100, 9999)).padStart(4, "0")}` : null,
      createdDateTime: iso(created),
      lastModifiedDateTime: iso(created + rng.int(0, 20) * DAY),
      changeKey: b.changeKey(),
    });
  }
  // A hostile contact, as a careless UI would render it.
  const evil = b.item();
  contacts.set(evil.rest, {
    id: evil.rest,
    ewsId: evil.ews,
    folderId: defaultFolder,
    givenName: "<script>alert(1)</script>",
    surname: "\u202Etxt.exe",
    displayName: "<script>alert(1)</script> \u202Etxt.exe",
    emailAddresses: [{ name: "<b>bold</b>", address: "evil@evil.example" }],
    companyName: null,
    jobTitle: null,
    businessPhones: [],
    mobilePhone: null,
    createdDateTime: iso(BASE_DATE - 10 * DAY),
    lastModifiedDateTime: iso(BASE_DATE - 10 * DAY),
    changeKey: b.changeKey(),
  });
  return { contactRootId: root.rest, contactFolders, contacts };
}

const EVENT_SUBJECTS = [
  "Store managers sync",
  "1:1 with Megan",
  "Vendor visit: Fabrikam",
  "Inventory count",
  "Lunch with Alex",
  "Contoso Launch review",
  "Dentist",
  "Quarterly business review",
];

function buildEvents(
  rng: Rng,
  b: MailboxBuilder,
  owner: UserRecord,
): { calendarId: string; events: Map<string, EventRecord> } {
  const calendar = b.folder();
  const me: Person = { name: owner.displayName, address: mailAddressOf(owner) };
  const events = new Map<string, EventRecord>();
  const mk = (
    fields: Omit<EventRecord, "id" | "ewsId" | "changeKey" | "createdDateTime" | "lastModifiedDateTime">,
  ) => {
    const ids = b.item();
    const created = iso(BASE_DATE - rng.int(10, 60) * DAY);
    const record: EventRecord = {
      ...fields,
      id: ids.rest,
      ewsId: ids.ews,
      changeKey: b.changeKey(),
      createdDateTime: created,
      lastModifiedDateTime: created,
    };
    events.set(ids.rest, record);
    return record;
  };
  for (let i = 0; i < 24; i++) {
    const startMs = BASE_DATE + rng.int(-30, 45) * DAY + rng.int(8, 16) * 3600 * 1000 - 16 * 3600 * 1000;
    const hour = 3600 * 1000;
    const allDay = rng.chance(0.1);
    const start = allDay ? Math.floor(startMs / DAY) * DAY : startMs;
    mk({
      subject: i === 0 ? "<img src=x onerror=alert('event')>" : rng.pick(EVENT_SUBJECTS),
      bodyPreview: rng.pick(PREVIEWS),
      start: new Date(start).toISOString().replace("Z", "0000"),
      end: new Date(start + (allDay ? DAY : hour * rng.int(1, 2))).toISOString().replace("Z", "0000"),
      isAllDay: allDay,
      location: rng.pick(["Conference Room Adams", "Store 12", "Microsoft Teams Meeting", ""]),
      organizer: rng.chance(0.5) ? me : rng.pick(PEOPLE),
      attendees: [rng.pick(PEOPLE), rng.pick(PEOPLE)],
      type: "singleInstance",
      seriesMasterId: null,
      recurrence: null,
      showAs: rng.pick(["busy", "busy", "tentative", "free"] as const),
      importance: "normal",
    });
  }
  // A weekly series with its occurrences: deleting the master takes the occurrences with it.
  const firstStart = Date.parse("2026-11-02T09:00:00Z");
  const master = mk({
    subject: "Weekly store walk-through",
    bodyPreview: "Every Monday before opening.",
    start: new Date(firstStart).toISOString().replace("Z", "0000"),
    end: new Date(firstStart + 1800 * 1000).toISOString().replace("Z", "0000"),
    isAllDay: false,
    location: "Store 12",
    organizer: me,
    attendees: [PEOPLE[0] as Person, PEOPLE[1] as Person],
    type: "seriesMaster",
    seriesMasterId: null,
    recurrence: {
      pattern: {
        type: "weekly",
        interval: 1,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: ["monday"],
        firstDayOfWeek: "sunday",
        index: "first",
      },
      range: {
        type: "numbered",
        startDate: "2026-11-02",
        endDate: "0001-01-01",
        recurrenceTimeZone: "UTC",
        numberOfOccurrences: 8,
      },
    },
    showAs: "busy",
    importance: "normal",
  });
  for (let w = 0; w < 8; w++) {
    const s = firstStart + w * 7 * DAY;
    mk({
      ...master,
      start: new Date(s).toISOString().replace("Z", "0000"),
      end: new Date(s + 1800 * 1000).toISOString().replace("Z", "0000"),
      type: "occurrence",
      seriesMasterId: master.id,
      recurrence: null,
    });
  }
  return { calendarId: calendar.rest, events };
}

function buildMailbox(
  rng: Rng,
  user: UserRecord,
  kind: "user" | "shared",
  specs: FolderSpec[],
  delegates: string[],
): MailboxRecord {
  const guid = rng.guid();
  const b = new MailboxBuilder(rng, guid);
  const { rootId, folders } = buildFolders(b, specs);
  const messages = buildMessages(rng, b, user, folders, specs, kind === "user");
  const { contactRootId, contactFolders, contacts } = buildContacts(rng, b);
  const { calendarId, events } = buildEvents(rng, b, user);
  return {
    user,
    guid,
    kind,
    delegates,
    rootFolderId: rootId,
    folders,
    messages,
    contactRootId,
    contactFolders,
    contacts,
    calendarId,
    events,
  };
}

/** Builds the seeded mailboxes, keyed by lower-case UPN. */
export function seedMailboxes(seed: number): Map<string, MailboxRecord> {
  const rng = new Rng(seed);
  const adele = buildMailbox(rng, ADELE, "user", ADELE_FOLDERS, []);
  const sales = buildMailbox(rng, SALES, "shared", SALES_FOLDERS, [ADELE.upn]);
  // Built last so the first two mailboxes keep their ids for a given seed.
  const reception = buildMailbox(rng, RECEPTION, "shared", RECEPTION_FOLDERS, []);
  const { Read, Write, DeleteOwn, EditOwn } = DELEGATE_BITS;
  reception.delegatePermissions = { [ADELE.upn]: Read | Write | DeleteOwn | EditOwn };
  // Adele's drafts in the front desk mailbox: the items DeleteOwn lets her delete there.
  const adeleAsSender = { name: ADELE.displayName, address: ADELE.upn };
  const drafts = [...reception.folders.values()].find((f) => f.wellKnownName === "drafts");
  for (const m of reception.messages.values()) if (m.folderId === drafts?.id) m.from = adeleAsSender;
  const onPremises = buildMailbox(rng, ONPREM, "shared", SALES_FOLDERS, []);
  onPremises.restEnabled = false;
  // Built after the others so their ids stay as they were for a given seed.
  const alex = buildMailbox(rng, ALEX, "user", ADELE_FOLDERS, []);
  sales.delegates.push(ALEX.upn);
  return new Map([
    [ADELE.upn, adele],
    [SALES.upn, sales],
    [RECEPTION.upn, reception],
    [ONPREM.upn, onPremises],
    [ALEX.upn, alex],
  ]);
}

// ------------------------------------------------------------------ bulk seeding (benchmarks, bulk tests)

/** Mailing lists a backlog comes from: each has a tag, an address and its own posters and topics. */
const LISTS: { tag: string; address: string; topics: string[] }[] = [
  {
    tag: "retail-ops",
    address: "retail-ops@lists.contoso.com",
    topics: [
      "Store {n} till reconciliation off by a few cents",
      "Weekly footfall numbers, week {w}",
      "Holiday staffing plan – draft {q}",
      "Planogram change for aisle {a} goes live Monday",
      "Who has the spare label printer?",
      "Fire drill schedule for the regional stores",
      "Stock count discrepancies in store {n}",
      "Click & collect lockers: firmware update tonight",
    ],
  },
  {
    tag: "it-announce",
    address: "it-announce@lists.contoso.com",
    topics: [
      "Planned maintenance: point-of-sale servers, Saturday 02:00",
      "Phishing warning: fake invoice emails circulating",
      "New Wi-Fi network for store back offices",
      "Outlook add-in rollout, wave {q}",
      "Password policy change takes effect on {d}",
      "Incident {n} resolved: card terminals offline",
    ],
  },
  {
    tag: "supplier-news",
    address: "supplier-news@lists.fabrikam.com",
    topics: [
      "Fabrikam catalogue update {n}",
      "Price list Q{q}: changes to outdoor range",
      "Delivery windows during the holidays",
      "Recall notice: batch {n} of garden hoses",
      "Webinar invitation: merchandising trends",
      "Nuevos productos para la temporada",
      "Neue Lieferbedingungen ab {d}",
    ],
  },
  {
    tag: "social",
    address: "social@lists.contoso.com",
    topics: [
      "Bake sale on Friday 🍰",
      "Five-a-side football: who is in?",
      "Lost and found: blue umbrella",
      "Photos from the summer party",
      "Book club: next pick",
      "来月の社内イベントについて",
    ],
  },
];

const LIST_PREVIEWS = [
  "You are receiving this because you are subscribed to the list. To unsubscribe, visit the list settings page.",
  "Please find the details below. Replies go to the whole list; reply to the sender directly if it is only for them.",
  "Quick update for everyone: nothing changes for you unless your store is named below.",
  "Thanks all for the replies so far. Summarising where we landed so that nobody has to read the whole thread.",
  "Reminder: this list is archived. Do not send customer data or passwords here.",
  "",
];

/** The store key inside a mailbox's IDs: new items minted with it look like the seeded ones. */
function storeKeyOf(mailbox: MailboxRecord): Uint8Array {
  const bytes = Buffer.from(restToEwsId(mailbox.rootFolderId), "base64");
  // Layout from ids.ts: 4-byte header, 36-byte GUID, 00 2e 00 00 00 00, then the 16-byte store key.
  return new Uint8Array(bytes.subarray(46, 62));
}

export interface BacklogRequest {
  count: number;
  /** Replaces the list tag (`[retail-ops] `) in front of every subject. */
  subjectPrefix?: string;
  /** The newest message's receivedDateTime (ms); older ones go back from there. Default: the seed's date. */
  newestMs?: number;
}

/**
 * A mailing-list backlog for one folder: varied lists, posters, topics, reply threads and dates going back
 * from `newestMs` a few minutes to a few hours apart. Newest first. IDs are minted in the mailbox's own
 * layout (its GUID and store key), so they resolve to this mailbox like the seeded ones.
 */
export function buildBacklog(
  rng: Rng,
  mailbox: MailboxRecord,
  folder: MailFolderRecord,
  request: BacklogRequest,
): MessageRecord[] {
  const storeKey = storeKeyOf(mailbox);
  const me: Person = { name: mailbox.user.displayName, address: mailAddressOf(mailbox.user) };
  const threads: { subject: string; conversationId: string; list: (typeof LISTS)[number] }[] = [];
  const out: MessageRecord[] = [];
  let received = request.newestMs ?? BASE_DATE;
  for (let i = 0; i < request.count; i++) {
    received -= rng.int(3, 360) * 60 * 1000 + rng.int(0, 59) * 1000;
    const thread = threads.length > 0 && rng.chance(0.3) ? rng.pick(threads) : undefined;
    const list = thread?.list ?? rng.pick(LISTS);
    let topic: string;
    let conversationId: string;
    if (thread) {
      topic = `${rng.pick(["Re: ", "RE: ", "Re: Re: "])}${thread.subject}`;
      conversationId = thread.conversationId;
    } else {
      topic = fillSubject(rng, rng.pick(list.topics));
      conversationId = mintId(rng, mailbox.guid, storeKey, "conversation").rest;
      threads.push({ subject: topic, conversationId, list });
      if (threads.length > 40) threads.shift();
    }
    const subject = `${request.subjectPrefix ?? `[${list.tag}] `}${topic}`;
    const poster = rng.pick(PEOPLE);
    // Lists rewrite From to "Name via list" on DMARC-protected domains; keep both shapes.
    const from = rng.chance(0.4) ? { name: `${poster.name} via ${list.tag}`, address: list.address } : poster;
    const preview = rng.pick(LIST_PREVIEWS);
    const ids = mintId(rng, mailbox.guid, storeKey, "item");
    out.push({
      id: ids.rest,
      ewsId: ids.ews,
      folderId: folder.id,
      subject,
      from,
      toRecipients: [{ name: list.tag, address: list.address }],
      ccRecipients: rng.chance(0.05) ? [me] : [],
      receivedDateTime: iso(received),
      sentDateTime: iso(received - rng.int(1, 120) * 1000),
      createdDateTime: iso(received),
      lastModifiedDateTime: iso(received),
      bodyPreview: preview,
      bodyHtml: `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><p>${escapeHtml(preview)}</p></body></html>`,
      isRead: rng.chance(0.35),
      isDraft: false,
      hasAttachments: rng.chance(0.08),
      conversationId,
      importance: rng.chance(0.03) ? "low" : "normal",
      internetMessageId: `<${Buffer.from(rng.bytes(12)).toString("hex").toUpperCase()}@${list.address.split("@")[1] ?? "lists.contoso.com"}>`,
      changeKey: Buffer.from(rng.bytes(24)).toString("base64"),
      categories: [],
      flagged: false,
      focused: false,
    });
  }
  return out;
}
