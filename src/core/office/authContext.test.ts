import { afterEach, describe, expect, it, vi } from "vitest";
import { installOffice } from "../../../test/support/officeFake";
import { canReadAuthContext, readAuthContext } from "./authContext";

afterEach(() => vi.unstubAllGlobals());

describe("readAuthContext", () => {
  it("reads the signed-in account where the host reports NestedAppAuth 1.1 and has the function", async () => {
    const { office } = installOffice();
    expect(canReadAuthContext()).toBe(true);
    expect(await readAuthContext()).toEqual({
      userPrincipalName: "adele@contoso.com",
      userObjectId: "o",
      tenantId: "t",
    });
    expect(office.auth.getAuthContext).toHaveBeenCalledTimes(1);
  });

  it("says nothing, without throwing, where the host reports NestedAppAuth 1.1 but lacks the function", async () => {
    const { office } = installOffice({ authContext: null });
    expect(canReadAuthContext()).toBe(false);
    await expect(readAuthContext()).resolves.toBeUndefined();
    (office as { auth?: unknown }).auth = undefined;
    expect(canReadAuthContext()).toBe(false);
    await expect(readAuthContext()).resolves.toBeUndefined();
  });

  it("doesn't call the function where the requirement set is missing", async () => {
    const { office } = installOffice({ sets: { Mailbox: "1.13" } });
    expect(canReadAuthContext()).toBe(false);
    await expect(readAuthContext()).resolves.toBeUndefined();
    expect(office.auth.getAuthContext).not.toHaveBeenCalled();
  });

  it("says nothing when the host's call fails, or throws before returning a promise", async () => {
    const { office } = installOffice();
    office.auth.getAuthContext.mockRejectedValueOnce(new Error("13000"));
    await expect(readAuthContext()).resolves.toBeUndefined();
    office.auth.getAuthContext.mockImplementationOnce(() => {
      throw new TypeError("not implemented");
    });
    await expect(readAuthContext()).resolves.toBeUndefined();
  });
});
