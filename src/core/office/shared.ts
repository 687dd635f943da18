/**
 * Whose mailbox the current item is in, and whether the person may delete it there.
 *
 * Requirement sets: Mailbox 1.8 (item.getSharedPropertiesAsync, offered only on items in shared folders or shared
 * mailboxes, with SupportsSharedFolders in the manifest); NestedAppAuth 1.1 (Office.auth.getAuthContext, to learn
 * who is signed in). Permission: ReadItem.
 *
 * Three cases (docs/platform-facts.md#shared-and-delegate-mailboxes):
 * - a shared folder or a shared mailbox added to the folder pane: getSharedPropertiesAsync names the owner
 *   (targetMailbox) and the person's delegate permission bits; Graph must address /users/{owner}/...;
 * - a mailbox opened with "Open another mailbox" (Outlook on the web) or added as a full account: Outlook treats it
 *   as a primary mailbox and offers no shared properties, but userProfile.emailAddress is the other mailbox's
 *   address, not the signed-in person's; the add-in then addresses /users/{that address}/... (office-js#1295 and
 *   #5682; a wrong guess ends in Graph's ErrorInvalidMailboxItemId, never in a wrong delete);
 * - otherwise the person's own mailbox, /me.
 *
 * userProfile.emailAddress differing from the sign-in name (getAuthContext's UPN) does not make a mailbox another
 * one: in many tenants a person's UPN (at onmicrosoft.com, an alternate login ID) is not their primary SMTP address
 * or is one of their aliases (docs/platform-facts.md#identity-upn-and-mail-address). Then the add-in asks Graph
 * whether the item resolves under /me (OwnMailboxProbe: a GET with the scope the delete needs anyway, no extra
 * permission such as User.Read for /me's proxyAddresses), and remembers the answer for that pair of addresses.
 * Until Graph has said (no token without asking yet), the mailbox is "unresolved": a single delete addresses /me,
 * which for another mailbox's item ends in ErrorInvalidMailboxItemId, and views of the whole mailbox (folders,
 * selections) aren't offered.
 */
import type { MailboxRef } from "../graph/types";
import { t } from "../i18n";
import { officeCall } from "./async";
import { readAuthContext } from "./authContext";
import { isSupported, REQUIREMENTS } from "./requirements";

/** Office.MailboxEnums.DelegatePermissions. */
export const DelegatePermission = {
  Read: 1,
  Write: 2,
  DeleteOwn: 4,
  DeleteAll: 8,
  EditOwn: 16,
  EditAll: 32,
} as const;

export interface MailboxAccess {
  /** Where Graph finds the item. */
  mailbox: MailboxRef;
  /** How that was learned ("unresolved": the person's own or another one opened as primary, Graph hasn't said). */
  via: "own" | "shared-folder" | "other-mailbox" | "unresolved";
  /** The mailbox's address, when it isn't the person's own. */
  address: string | undefined;
  /** Delegate permission bits Outlook reported (shared folders and shared mailboxes only). */
  permissions: number | undefined;
  /** The owner's mailbox REST URL, which says which cloud it is in. */
  targetRestUrl: string | undefined;
}

export const OWN_MAILBOX: MailboxAccess = {
  mailbox: { kind: "me" },
  via: "own",
  address: undefined,
  permissions: undefined,
  targetRestUrl: undefined,
};

interface SharedProperties {
  targetMailbox?: string;
  targetRestUrl?: string;
  owner?: string;
  delegatePermissions?: number;
}

/**
 * Does this item's ID belong to the signed-in person's own mailbox? Asked of Graph: GET /me/{messages|events}/{id}.
 * true: it does (found under /me); false: Graph says it belongs to another mailbox (ErrorInvalidMailboxItemId);
 * undefined: Graph couldn't say (no token without asking, a network failure, anything else). May reject with an
 * AuthError when it was allowed to ask the person to sign in and that failed.
 */
export type OwnMailboxProbe = (item: {
  kind: "message" | "event";
  restId: string;
}) => Promise<boolean | undefined>;

export interface AccessOptions {
  /** The item as Graph knows it, for the probe. */
  item?: { kind: "message" | "event"; restId: string };
  probe?: OwnMailboxProbe | undefined;
}

/** Answers Graph gave, per "UPN|shown address": one runtime shows one mailbox, so one answer holds for all items. */
const ownership = new Map<string, boolean>();

/** Forgets what Graph said about whose mailbox is shown (tests). */
export function forgetMailboxOwnership(): void {
  ownership.clear();
}

/** Who is signed in (UPN), when the host can say; undefined when it can't. */
export async function signedInAddress(): Promise<string | undefined> {
  return (await readAuthContext())?.userPrincipalName?.trim() || undefined;
}

function same(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Reads whose mailbox `item` is in. Never guesses an owner: an owner comes from Outlook's shared properties or
 * from the mailbox address Outlook shows; when neither says anything, it is the person's own mailbox.
 */
export async function readMailboxAccess(item: object, options: AccessOptions = {}): Promise<MailboxAccess> {
  const withShared = item as {
    getSharedPropertiesAsync?: (cb: (r: Office.AsyncResult<unknown>) => void) => void;
  };
  if (
    isSupported(REQUIREMENTS.sharedProperties) &&
    typeof withShared.getSharedPropertiesAsync === "function"
  ) {
    const getShared = withShared.getSharedPropertiesAsync.bind(item);
    const props = await officeCall<SharedProperties>("getSharedPropertiesAsync", (cb) =>
      getShared(cb as (r: Office.AsyncResult<unknown>) => void),
    );
    // targetMailbox is what Microsoft's samples put in /users/{...}; owner is the same mailbox's SMTP address.
    const owner = props?.targetMailbox?.trim() || props?.owner?.trim();
    if (owner) {
      return {
        mailbox: { kind: "user", id: owner },
        via: "shared-folder",
        address: props?.owner?.trim() || owner,
        permissions: typeof props?.delegatePermissions === "number" ? props.delegatePermissions : undefined,
        targetRestUrl: props?.targetRestUrl || undefined,
      };
    }
  }
  const shown = Office.context.mailbox?.userProfile?.emailAddress?.trim();
  const signedIn = await signedInAddress();
  if (!shown || !signedIn || same(shown, signedIn)) return OWN_MAILBOX;
  // The shown address isn't the sign-in name: another mailbox, or the person's own under another address.
  const key = `${signedIn.toLowerCase()}|${shown.toLowerCase()}`;
  let own = ownership.get(key);
  if (own === undefined && options.probe && options.item) {
    own = await options.probe(options.item);
    if (own !== undefined) ownership.set(key, own);
  }
  if (own) return OWN_MAILBOX;
  return {
    mailbox: own === false ? { kind: "user", id: shown } : { kind: "me" },
    via: own === false ? "other-mailbox" : "unresolved",
    address: shown,
    permissions: undefined,
    targetRestUrl: undefined,
  };
}

/** Is this item one the person created (a draft they write, or mail they sent from the shared mailbox)? */
export function isOwnItem(
  sender: string | undefined,
  person: readonly (string | undefined)[],
  mode: "read" | "compose",
): boolean {
  if (mode === "compose") return true;
  return person.some((address) => same(sender, address));
}

/** Delete was refused before anything was sent: Outlook's delegate bits say the person may not delete this item. */
export class DeleteNotAllowedError extends Error {
  override readonly name = "DeleteNotAllowedError";
  constructor(
    message: string,
    /** The same for Outlook's notification bar (at most 150 characters). */
    readonly short: string,
  ) {
    super(message);
  }
}

export interface Refusal {
  message: string;
  short: string;
}

/**
 * Why Delete is not offered for this item; undefined when it may be offered. Only Outlook's bits are checked
 * here: Exchange has the last word, and a 403 from Graph is explained separately. Unknown bits (Outlook gave
 * none, or "Open another mailbox") are no reason to refuse: Graph will refuse what Exchange doesn't allow.
 */
export function deleteRefusal(access: MailboxAccess, ownItem: boolean): Refusal | undefined {
  const bits = access.permissions;
  if (access.via !== "shared-folder" || bits === undefined) return undefined;
  if (bits & DelegatePermission.DeleteAll) return undefined;
  if (bits & DelegatePermission.DeleteOwn && ownItem) return undefined;
  const where = access.address ?? t("shared.thisMailbox");
  if (bits & DelegatePermission.DeleteOwn) {
    return {
      message: t("shared.deleteOwnOnly", { where }),
      short: t("shared.deleteOwnOnlyShort", { where }),
    };
  }
  return {
    message: t("shared.noDelete", { where }),
    short: t("shared.noDeleteShort", { where }),
  };
}
