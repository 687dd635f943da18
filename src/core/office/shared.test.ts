import { afterEach, describe, expect, it, vi } from "vitest";
import { installOffice, messageRead, sharedPropertiesAsync } from "../../../test/support/officeFake";
import { readCurrentItem } from "./item";
import {
  deleteRefusal,
  forgetMailboxOwnership,
  isOwnItem,
  OWN_MAILBOX,
  DelegatePermission as P,
  readMailboxAccess,
} from "./shared";

afterEach(() => {
  vi.unstubAllGlobals();
  forgetMailboxOwnership();
});

const ITEM = { kind: "message", restId: "AAMkAGI2TG93AAA-bc_de==" } as const;

const EWS_ID = "AAMkAGI2TG93AAA+bc/de==";
const SALES = "sales@contoso.com";

function sharedItem(delegatePermissions: number | undefined, sender = "megan@contoso.com") {
  return messageRead({
    itemId: EWS_ID,
    subject: "Leads for Q3",
    from: { displayName: "Megan Bowen", emailAddress: sender },
    dateTimeCreated: new Date("2026-11-20T09:30:00Z"),
    getSharedPropertiesAsync: sharedPropertiesAsync({
      targetMailbox: SALES,
      owner: SALES,
      targetRestUrl: "https://outlook.office.com/api",
      ...(delegatePermissions === undefined ? {} : { delegatePermissions }),
    }),
  });
}

describe("readMailboxAccess", () => {
  it("addresses the owner's mailbox for an item in a shared folder, with its delegate bits", async () => {
    installOffice();
    const access = await readMailboxAccess(sharedItem(P.Read | P.DeleteAll));
    expect(access).toEqual({
      mailbox: { kind: "user", id: SALES },
      via: "shared-folder",
      address: SALES,
      permissions: P.Read | P.DeleteAll,
      targetRestUrl: "https://outlook.office.com/api",
    });
  });

  it("treats a mailbox opened as another mailbox (no shared properties) as /users/{shown address} once Graph says the item isn't under /me", async () => {
    const outlook = installOffice();
    outlook.setUserEmail(SALES); // the signed-in UPN is adele@contoso.com
    const probe = vi.fn(async () => false);
    const access = await readMailboxAccess({}, { item: ITEM, probe });
    expect(access).toMatchObject({ mailbox: { kind: "user", id: SALES }, via: "other-mailbox" });
    expect(access.permissions).toBeUndefined();
    expect(probe).toHaveBeenCalledWith(ITEM);
  });

  it("is the person's own mailbox when their email address isn't their UPN and the item resolves under /me", async () => {
    const outlook = installOffice({
      authContext: { userPrincipalName: "alex.wilber@contoso.onmicrosoft.com" },
      userEmail: "alex.wilber@contoso.com",
    });
    const probe = vi.fn(async () => true);
    expect(await readMailboxAccess({}, { item: ITEM, probe })).toEqual(OWN_MAILBOX);
    // One runtime shows one mailbox: Graph is asked once for this pair of addresses.
    expect(await readMailboxAccess({}, { item: { kind: "event", restId: "other" }, probe })).toEqual(
      OWN_MAILBOX,
    );
    expect(probe).toHaveBeenCalledTimes(1);
    // An alias shown (another pair) is asked about again, and is the person's own too.
    outlook.setUserEmail("alex@contoso.com");
    expect(await readMailboxAccess({}, { item: ITEM, probe })).toEqual(OWN_MAILBOX);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it("leaves the mailbox unresolved (/me for one item, nothing remembered) while Graph can't say", async () => {
    const outlook = installOffice();
    outlook.setUserEmail("adele.vance@contoso.com");
    const probe = vi.fn(async (): Promise<boolean | undefined> => undefined);
    const unresolved = {
      mailbox: { kind: "me" },
      via: "unresolved",
      address: "adele.vance@contoso.com",
      permissions: undefined,
      targetRestUrl: undefined,
    };
    expect(await readMailboxAccess({}, { item: ITEM, probe })).toEqual(unresolved);
    expect(await readMailboxAccess({})).toEqual(unresolved);
    probe.mockResolvedValue(true);
    expect(await readMailboxAccess({}, { item: ITEM, probe })).toEqual(OWN_MAILBOX);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it("asks Graph nothing for a shared folder or where the shown address is the UPN", async () => {
    const outlook = installOffice();
    const probe = vi.fn(async () => false);
    outlook.setUserEmail("adele@contoso.com");
    expect(await readMailboxAccess({}, { item: ITEM, probe })).toEqual(OWN_MAILBOX);
    outlook.setUserEmail("adele.vance@contoso.com");
    expect((await readMailboxAccess(sharedItem(P.DeleteAll), { item: ITEM, probe })).via).toBe(
      "shared-folder",
    );
    expect(probe).not.toHaveBeenCalled();
  });

  it("lets a sign-in problem of an interactive probe through rather than guessing", async () => {
    const outlook = installOffice();
    outlook.setUserEmail(SALES);
    const cancelled = new Error("cancelled");
    await expect(
      readMailboxAccess({}, { item: ITEM, probe: async () => Promise.reject(cancelled) }),
    ).rejects.toBe(cancelled);
  });

  it("is the person's own mailbox when the shown address is theirs, in any case", async () => {
    const outlook = installOffice();
    outlook.setUserEmail("Adele@Contoso.com");
    expect(await readMailboxAccess({})).toEqual(OWN_MAILBOX);
  });

  it("never guesses an owner when it can't tell who is signed in", async () => {
    const outlook = installOffice({ sets: { Mailbox: "1.13" } }); // no NestedAppAuth: no getAuthContext
    outlook.setUserEmail(SALES);
    expect(await readMailboxAccess({})).toEqual(OWN_MAILBOX);
  });
});

describe("deleteRefusal", () => {
  const shared = (permissions: number | undefined) => ({
    mailbox: { kind: "user", id: SALES } as const,
    via: "shared-folder" as const,
    address: SALES,
    permissions,
    targetRestUrl: undefined,
  });

  it("allows DeleteAll, and DeleteOwn for the person's own items only", () => {
    expect(deleteRefusal(shared(P.DeleteAll), false)).toBeUndefined();
    expect(deleteRefusal(shared(P.DeleteOwn), true)).toBeUndefined();
    expect(deleteRefusal(shared(P.DeleteOwn | P.Read), false)?.message).toMatch(
      /let you delete only items you created there/,
    );
  });

  it("refuses without delete bits and says what to do; unknown bits are Exchange's to judge", () => {
    const refusal = deleteRefusal(shared(P.Read | P.Write | P.EditAll), false);
    expect(refusal?.message).toContain(`Your permissions on ${SALES} don't include deleting items`);
    expect(refusal?.message).toContain("ask the mailbox's owner or an administrator");
    expect(refusal?.short.length).toBeLessThanOrEqual(150);
    expect(deleteRefusal(shared(undefined), false)).toBeUndefined();
    expect(deleteRefusal(OWN_MAILBOX, false)).toBeUndefined();
  });

  it("counts drafts being written and mail the person sent as their own", () => {
    expect(isOwnItem(undefined, ["adele@contoso.com"], "compose")).toBe(true);
    expect(isOwnItem("ADELE@contoso.com", ["adele@contoso.com"], "read")).toBe(true);
    expect(isOwnItem("megan@contoso.com", ["adele@contoso.com", undefined], "read")).toBe(false);
  });
});

describe("readCurrentItem in a shared mailbox", () => {
  it("carries the owner's mailbox and no refusal with DeleteAll", async () => {
    installOffice({ item: sharedItem(P.Read | P.DeleteAll) });
    const item = await readCurrentItem();
    expect(item.mailbox).toEqual({ kind: "user", id: SALES });
    expect(item.access?.via).toBe("shared-folder");
    expect(item.refusal).toBeUndefined();
  });

  it("refuses received mail with DeleteOwn, and allows mail the person sent from the mailbox", async () => {
    const outlook = installOffice({ item: sharedItem(P.Read | P.DeleteOwn) });
    outlook.setUserEmail("adele@contoso.com");
    expect((await readCurrentItem()).refusal?.short).toMatch(/only your own items in sales@contoso\.com/);
    installOffice({ item: sharedItem(P.Read | P.DeleteOwn, "adele@contoso.com") });
    expect((await readCurrentItem()).refusal).toBeUndefined();
  });

  it("rejects when Outlook fails to give the shared properties, rather than guessing /me", async () => {
    const item = sharedItem(P.DeleteAll);
    item.getSharedPropertiesAsync = vi.fn((cb: (r: unknown) => void) =>
      queueMicrotask(() => cb({ status: "failed", error: { code: 9017, name: "GenericResponseError" } })),
    );
    installOffice({ item });
    await expect(readCurrentItem()).rejects.toMatchObject({ operation: "getSharedPropertiesAsync" });
  });
});
