/**
 * The current item, read fresh on every call (ItemChanged is unreliable in Outlook on the web and the new
 * Outlook, so nothing here caches an item between calls).
 *
 * Requirement sets: Mailbox 1.5 (convertToRestId, used since 1.3), Mailbox 1.8 for getItemIdAsync in compose and
 * getSharedPropertiesAsync in shared folders (see shared.ts).
 * Permission: ReadItem (itemId, subject, from, dateTimeCreated, convertToRestId).
 */
import type { MailboxRef } from "../graph/types";
import { officeCall } from "./async";
import { DraftNotSavedError, NoItemError, UnsupportedItemError } from "./errors";
import { isSupported, REQUIREMENTS, requireSets } from "./requirements";
import {
  deleteRefusal,
  isOwnItem,
  type MailboxAccess,
  type Refusal,
  readMailboxAccess,
  signedInAddress,
} from "./shared";

export interface Person {
  name: string;
  address: string;
}

export interface MailItem {
  kind: "message";
  /** REST (Graph) ID, converted with convertToRestId(v2.0). */
  restId: string;
  /** The EWS ID Outlook gave, kept only to compare items. */
  ewsId: string;
  mode: "read" | "compose";
  subject: string;
  from: Person | undefined;
  /** When the message was received (dateTimeCreated in read mode); undefined for drafts. */
  received: Date | undefined;
  /** Where Graph finds it: /me, or /users/{owner} for a shared or delegated mailbox. */
  mailbox: MailboxRef;
  /** How the mailbox was learned, its address and the delegate bits; absent means the person's own. */
  access?: MailboxAccess | undefined;
  /** Why Delete isn't offered for this item (delegate rights); absent when it may be. */
  refusal?: Refusal | undefined;
}

/** The mailbox, and whether Outlook's delegate bits allow deleting this item there. */
async function accessFor(
  item: object,
  sender: string | undefined,
  mode: "read" | "compose",
): Promise<Pick<MailItem, "mailbox" | "access" | "refusal">> {
  const access = await readMailboxAccess(item);
  if (access.via === "own") return { mailbox: access.mailbox };
  let refusal: Refusal | undefined;
  if (access.via === "shared-folder" && access.permissions !== undefined) {
    // "Own" items: the person's address is the sender (a delegate sending on behalf is the sender, the owner
    // the from). Asked only here, where it matters.
    const person = [Office.context.mailbox?.userProfile?.emailAddress, await signedInAddress()];
    refusal = deleteRefusal(access, isOwnItem(sender, person, mode));
  }
  return { mailbox: access.mailbox, access, ...(refusal ? { refusal } : {}) };
}

/** Converts an EWS ID from Office.js to the REST v2.0 form Graph expects. Never hand-rolled. */
export function toRestId(ewsId: string): string {
  return Office.context.mailbox.convertToRestId(ewsId, Office.MailboxEnums.RestVersion.v2_0);
}

function person(value: Office.EmailAddressDetails | undefined): Person | undefined {
  if (!value) return undefined;
  return { name: value.displayName ?? "", address: value.emailAddress ?? "" };
}

function isComposeItem(item: Office.MessageRead | Office.MessageCompose): item is Office.MessageCompose {
  return typeof (item.subject as unknown) === "object" && item.subject !== null;
}

/**
 * Reads the item Outlook shows now. Throws NoItemError when there is none (nothing or several selected),
 * UnsupportedItemError for non-messages, DraftNotSavedError for an unsaved draft, RequirementError when the
 * host lacks a needed requirement set.
 */
export async function readCurrentItem(): Promise<MailItem> {
  requireSets(REQUIREMENTS.restIds);
  const item = Office.context.mailbox?.item as Office.MessageRead | Office.MessageCompose | null | undefined;
  if (!item) throw new NoItemError();
  if (item.itemType !== Office.MailboxEnums.ItemType.Message)
    throw new UnsupportedItemError(String(item.itemType));

  if (isComposeItem(item)) {
    requireSets(REQUIREMENTS.composeItemId);
    let ewsId: string;
    try {
      ewsId = await officeCall<string>("getItemIdAsync", (cb) => item.getItemIdAsync(cb));
    } catch (cause) {
      throw Object.assign(new DraftNotSavedError(), { cause });
    }
    if (!ewsId) throw new DraftNotSavedError();
    const subject = await officeCall<string>("subject.getAsync", (cb) => item.subject.getAsync(cb));
    return {
      kind: "message",
      restId: toRestId(ewsId),
      ewsId,
      mode: "compose",
      subject,
      from: undefined,
      received: undefined,
      ...(await accessFor(item, undefined, "compose")),
    };
  }

  if (!item.itemId) throw new NoItemError();
  const sender = (item.sender ?? item.from)?.emailAddress;
  return {
    kind: "message",
    restId: toRestId(item.itemId),
    ewsId: item.itemId,
    mode: "read",
    subject: item.subject ?? "",
    from: person(item.from) ?? person(item.sender),
    received: item.dateTimeCreated instanceof Date ? item.dateTimeCreated : undefined,
    ...(await accessFor(item, sender, "read")),
  };
}

/** Cheap identity check of the current item, without any conversion: used to void a stale confirmation. */
export function currentItemKey(): string | undefined {
  const item = Office.context.mailbox?.item as Office.MessageRead | null | undefined;
  if (!item) return undefined;
  return typeof item.itemId === "string" && item.itemId !== "" ? item.itemId : undefined;
}

export function canFollowItemChanges(): boolean {
  return isSupported(REQUIREMENTS.restIds);
}
