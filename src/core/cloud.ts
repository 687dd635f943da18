/**
 * Which Microsoft cloud a mailbox lives in, the endpoints that go with it, and which purge operations Graph offers
 * there. Graph's permanentDelete for messages, contacts and mail folders exists only in the global service; for
 * events also in the China cloud operated by 21Vianet (the "national cloud deployments" table of each permanentDelete
 * page; docs/platform-facts.md#clouds). Where an operation is missing, the add-in says so instead of sending a request
 * that can only fail with a 404 or 400.
 *
 * No Office.js here: callers pass what they read (Office.context.mailbox.restUrl, a shared item's
 * targetRestUrl, the configured authority), so this is plain and testable.
 */
import { t } from "./i18n/index.ts";

export type CloudId = "global" | "usgov" | "usgov-dod" | "china";

export interface Cloud {
  id: CloudId;
  /** The name a person knows the cloud by, in the active language. */
  readonly name: string;
  /** Graph origin for this cloud. */
  graphBaseUrl: string;
  /** Entra ID host for this cloud. */
  authorityHost: string;
}

export const CLOUDS: Readonly<Record<CloudId, Cloud>> = {
  global: {
    id: "global",
    get name() {
      return t("cloud.name.global");
    },
    graphBaseUrl: "https://graph.microsoft.com",
    authorityHost: "login.microsoftonline.com",
  },
  usgov: {
    id: "usgov",
    get name() {
      return t("cloud.name.usgov");
    },
    graphBaseUrl: "https://graph.microsoft.us",
    authorityHost: "login.microsoftonline.us",
  },
  "usgov-dod": {
    id: "usgov-dod",
    get name() {
      return t("cloud.name.usgov-dod");
    },
    graphBaseUrl: "https://dod-graph.microsoft.us",
    authorityHost: "login.microsoftonline.us",
  },
  china: {
    id: "china",
    get name() {
      return t("cloud.name.china");
    },
    graphBaseUrl: "https://microsoftgraph.chinacloudapi.cn",
    authorityHost: "login.partner.microsoftonline.cn",
  },
};

// Exchange Online hosts Outlook reports in restUrl / targetRestUrl. GCC (moderate) uses the global hosts and the
// global Graph service, so it reads as global, which is what Graph's availability tables mean by it.
const MAILBOX_HOSTS: ReadonlyArray<[RegExp, CloudId]> = [
  [/^outlook-dod\.office365\.us$/, "usgov-dod"],
  [/^outlook\.office365\.us$/, "usgov"],
  [/^partner\.outlook\.cn$/, "china"],
  [/^(outlook\.office\.com|outlook\.office365\.com|outlook\.live\.com)$/, "global"],
];

const AUTHORITY_HOSTS: ReadonlyArray<[RegExp, CloudId]> = [
  // L4 and L5 share one sign-in host: it says "US Government" but not which of the two.
  [/^login\.microsoftonline\.us$/, "usgov"],
  [/^(login\.partner\.microsoftonline\.cn|login\.chinacloudapi\.cn)$/, "china"],
  [/^(login\.microsoftonline\.com|login\.microsoft\.com|login\.windows\.net)$/, "global"],
];

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function lookup(table: ReadonlyArray<[RegExp, CloudId]>, host: string | undefined): CloudId | undefined {
  if (host === undefined) return undefined;
  return table.find(([pattern]) => pattern.test(host))?.[1];
}

/** The cloud a mailbox REST URL (e.g. https://outlook.office365.us/api) belongs to; undefined for unknown hosts. */
export function cloudFromRestUrl(restUrl: string | undefined): CloudId | undefined {
  return lookup(MAILBOX_HOSTS, hostOf(restUrl));
}

/** The cloud an Entra authority URL belongs to; undefined for unknown hosts (a test emulator, a B2C tenant). */
export function cloudFromAuthority(authority: string | undefined): CloudId | undefined {
  return lookup(AUTHORITY_HOSTS, hostOf(authority));
}

export interface CloudClues {
  /** Office.context.mailbox.restUrl. */
  restUrl?: string | undefined;
  /** A shared item's targetRestUrl: where the owner's mailbox is. */
  targetRestUrl?: string | undefined;
  /** The authority tokens come from (configured, or the signed-in account's), when known. */
  authority?: string | undefined;
}

export interface DetectedCloud {
  cloud: Cloud;
  /** Which clue decided it. */
  source: "targetRestUrl" | "restUrl" | "authority" | "default";
}

/**
 * The mailbox decides: the data lives where its REST URL points. A shared item's owner mailbox counts before the
 * person's own, then the host's REST URL, then the authority; with no recognisable clue, the global cloud.
 */
export function detectCloud(clues: CloudClues): DetectedCloud {
  const target = cloudFromRestUrl(clues.targetRestUrl);
  if (target) return { cloud: CLOUDS[target], source: "targetRestUrl" };
  const own = cloudFromRestUrl(clues.restUrl);
  if (own) return { cloud: CLOUDS[own], source: "restUrl" };
  const authority = cloudFromAuthority(clues.authority);
  if (authority) return { cloud: CLOUDS[authority], source: "authority" };
  return { cloud: CLOUDS.global, source: "default" };
}

/** What the add-in may purge through Graph's permanentDelete. */
export type PurgeOperation = "message" | "contact" | "event" | "mailFolder";

const AVAILABLE_IN: Readonly<Record<PurgeOperation, readonly CloudId[]>> = {
  message: ["global"],
  contact: ["global"],
  mailFolder: ["global"],
  event: ["global", "china"],
};

export function operationAvailable(cloud: CloudId, operation: PurgeOperation): boolean {
  return AVAILABLE_IN[operation].includes(cloud);
}

/** Why the add-in offers nothing here: what happened and what to do, for the pane. */
export function unavailableMessage(cloud: Cloud, operation: PurgeOperation): string {
  const where = AVAILABLE_IN[operation].includes("china")
    ? t("cloud.where.globalAndChina")
    : t("cloud.where.global");
  return t("cloud.unavailable", { cloud: cloud.name, what: t(`cloud.plural.${operation}` as const), where });
}

/** The same for Outlook's notification bar (at most 150 characters). */
export function unavailableShort(cloud: Cloud, operation: PurgeOperation): string {
  return t("cloud.unavailableShort", {
    what: t(`cloud.plural.${operation}` as const),
    cloud: t(`cloud.short.${cloud.id}` as const),
  });
}

/** Replaces an authority's host with the cloud's, keeping its tenant path (".../common", ".../{tenant id}"). */
function authorityFor(cloud: Cloud, authority: string): string {
  const url = new URL(authority);
  url.hostname = cloud.authorityHost;
  return url.href.replace(/\/+$/, "");
}

export interface Endpoints {
  graphBaseUrl: string;
  authority: string;
}

/**
 * Graph origin and authority for a cloud. A value the deployment configured explicitly wins (a sovereign tenant's
 * own authority, a proxy, the test emulator); defaults follow the cloud.
 */
export function endpointsFor(
  cloud: Cloud,
  configured: { graphBaseUrl: string; authority: string; graphExplicit: boolean; authorityExplicit: boolean },
): Endpoints {
  return {
    graphBaseUrl: configured.graphExplicit ? configured.graphBaseUrl : cloud.graphBaseUrl,
    authority: configured.authorityExplicit
      ? configured.authority
      : authorityFor(cloud, configured.authority),
  };
}

/** The operation doesn't exist in the mailbox's cloud: nothing was sent. */
export class OperationUnavailableError extends Error {
  override readonly name = "OperationUnavailableError";
  constructor(
    readonly cloud: Cloud,
    readonly operation: PurgeOperation,
  ) {
    super(unavailableMessage(cloud, operation));
  }
  /** For Outlook's notification bar. */
  get short(): string {
    return unavailableShort(this.cloud, this.operation);
  }
}

/**
 * Throws OperationUnavailableError when the item's own mailbox (a shared item's owner, by its REST URL) is in a
 * cloud without the operation. The runtime's cloud is checked once by the caller; this covers an owner elsewhere.
 */
export function requireAvailableFor(targetRestUrl: string | undefined, operation: PurgeOperation): void {
  const id = cloudFromRestUrl(targetRestUrl);
  if (id !== undefined && !operationAvailable(id, operation)) {
    throw new OperationUnavailableError(CLOUDS[id], operation);
  }
}
