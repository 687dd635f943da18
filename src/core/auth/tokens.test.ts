import { describe, expect, it, vi } from "vitest";
import { msalAccount } from "../../../test/support/msalAccount";
import { AuthError, fromMsalError } from "./errors";
import { createTokenService, type NestableClient, type TokenServiceOptions } from "./tokens";

const SCOPES = ["Mail.ReadWrite"];

const ADELE_ACCOUNT = msalAccount();

function interactionRequired() {
  return Object.assign(new Error("interaction_required"), {
    name: "InteractionRequiredAuthError",
    errorCode: "interaction_required",
  });
}

function fakeClient(overrides: Partial<NestableClient> = {}): NestableClient {
  return {
    getAccount: vi.fn(() => ADELE_ACCOUNT),
    acquireTokenSilent: vi.fn(async () => ({ accessToken: "silent-token" })),
    ssoSilent: vi.fn(async () => ({ accessToken: "sso-token" })),
    acquireTokenPopup: vi.fn(async () => ({ accessToken: "popup-token" })),
    ...overrides,
  };
}

function service(overrides: Partial<TokenServiceOptions> = {}, client = fakeClient()) {
  const createNestableClient = vi.fn(async () => client);
  const signInWithDialog = vi.fn(async () => ({
    accessToken: "dialog-token",
    expiresOn: Date.now() + 3_600_000,
  }));
  const tokens = createTokenService({
    clientId: "11111111-2222-3333-4444-555555555555",
    authority: "https://login.microsoftonline.com/common",
    nestedAppAuthSupported: () => true,
    getAuthContext: async () => ({
      userPrincipalName: "adele@contoso.com",
      userObjectId: "oid",
      tenantId: "tid",
    }),
    createNestableClient,
    signInWithDialog,
    ...overrides,
  });
  return { tokens, client, createNestableClient, signInWithDialog };
}

describe("token service", () => {
  it("is 'not configured' without a client ID, before touching MSAL", async () => {
    const { tokens, createNestableClient } = service({ clientId: undefined });
    const error = await tokens.getToken({ scopes: SCOPES }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ kind: "not-configured" });
    expect((error as Error).message).toContain("VITE_AAD_CLIENT_ID");
    expect(createNestableClient).not.toHaveBeenCalled();
  });

  it("keeps a brokered token in memory until shortly before it expires", async () => {
    let now = Date.parse("2026-11-23T10:00:00Z");
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => ({
        accessToken: `t${now}`,
        expiresOn: new Date(now + 60 * 60_000),
      })),
    });
    const { tokens } = service({ now: () => now }, client);
    const first = await tokens.getToken({ scopes: SCOPES });
    now += 30 * 60_000;
    expect(await tokens.getToken({ scopes: SCOPES })).toBe(first);
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(1);
    // A 401 asks again, and so does a token within five minutes of expiry.
    expect(await tokens.getToken({ scopes: SCOPES, forceRefresh: true })).not.toBe(first);
    now += 58 * 60_000;
    await tokens.getToken({ scopes: SCOPES });
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(3);
    // Another scope set is another token.
    await tokens.getToken({ scopes: ["Contacts.ReadWrite"] });
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(4);
  });

  it("shares one acquisition between requests for the same token at the same time (a bulk run's lanes)", async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => {
        throw interactionRequired();
      }),
    });
    const { tokens } = service({}, client);
    const request = { scopes: SCOPES, interactive: true };
    const tokensGot = await Promise.all([1, 2, 3, 4].map(() => tokens.getToken(request)));
    expect(tokensGot).toEqual(Array(4).fill("popup-token"));
    expect(client.acquireTokenPopup).toHaveBeenCalledTimes(1); // one sign-in window, not four
    // Four lanes meeting a 401 together refresh once.
    await Promise.all([1, 2, 3, 4].map(() => tokens.getToken({ ...request, forceRefresh: true })));
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(2);
    // Once settled, the next request asks again.
    await tokens.getToken({ ...request, forceRefresh: true });
    expect(client.acquireTokenSilent).toHaveBeenCalledTimes(3);
  });

  it("creates and initialises one MSAL client, and passes the host's account", async () => {
    const { tokens, client, createNestableClient } = service();
    expect(await tokens.getToken({ scopes: SCOPES })).toBe("silent-token");
    expect(await tokens.getToken({ scopes: SCOPES })).toBe("silent-token");
    expect(createNestableClient).toHaveBeenCalledTimes(1);
    expect(client.getAccount).toHaveBeenCalledWith({
      username: "adele@contoso.com",
      localAccountId: "oid",
      tenantId: "tid",
    });
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({
      scopes: SCOPES,
      account: ADELE_ACCOUNT,
    });
    expect(tokens.mode).toBe("nested");
  });

  it("passes forceRefresh after a 401", async () => {
    const { tokens, client } = service();
    await tokens.getToken({ scopes: SCOPES, forceRefresh: true });
    expect(client.acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ forceRefresh: true }));
  });

  it("uses ssoSilent with a login hint when MSAL has no account yet", async () => {
    const client = fakeClient({ getAccount: vi.fn(() => null) });
    const { tokens } = service({}, client);
    expect(await tokens.getToken({ scopes: SCOPES })).toBe("sso-token");
    expect(client.ssoSilent).toHaveBeenCalledWith({ scopes: SCOPES, loginHint: "adele@contoso.com" });
  });

  it("does not open a popup unless the caller handles a click", async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => Promise.reject(interactionRequired())),
    });
    const { tokens } = service({}, client);
    await expect(tokens.getToken({ scopes: SCOPES })).rejects.toMatchObject({ kind: "interaction-required" });
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
    expect(await tokens.getToken({ scopes: SCOPES, interactive: true })).toBe("popup-token");
    expect(client.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it("reports a cancelled popup as cancelled", async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => Promise.reject(interactionRequired())),
      acquireTokenPopup: vi.fn(async () => Promise.reject({ errorCode: "user_canceled" })),
    });
    const { tokens } = service({}, client);
    await expect(tokens.getToken({ scopes: SCOPES, interactive: true })).rejects.toMatchObject({
      kind: "cancelled",
    });
  });

  it("falls back to the dialog when the host has no nested app auth, and only from a click", async () => {
    const { tokens, createNestableClient, signInWithDialog } = service({
      nestedAppAuthSupported: () => false,
    });
    await expect(tokens.getToken({ scopes: SCOPES })).rejects.toMatchObject({ kind: "interaction-required" });
    expect(signInWithDialog).not.toHaveBeenCalled();
    expect(await tokens.getToken({ scopes: SCOPES, interactive: true })).toBe("dialog-token");
    expect(signInWithDialog).toHaveBeenCalledWith({
      scopes: SCOPES,
      loginHint: "adele@contoso.com",
      signal: expect.any(AbortSignal),
    });
    // The token is kept in memory: no second dialog.
    expect(await tokens.getToken({ scopes: SCOPES })).toBe("dialog-token");
    expect(signInWithDialog).toHaveBeenCalledTimes(1);
    expect(createNestableClient).not.toHaveBeenCalled();
    expect(tokens.mode).toBe("dialog");
  });

  it("drops the dialog token on forceRefresh", async () => {
    const { tokens, signInWithDialog } = service({ nestedAppAuthSupported: () => false });
    await tokens.getToken({ scopes: SCOPES, interactive: true });
    await expect(tokens.getToken({ scopes: SCOPES, forceRefresh: true })).rejects.toMatchObject({
      kind: "interaction-required",
    });
    await tokens.getToken({ scopes: SCOPES, forceRefresh: true, interactive: true });
    expect(signInWithDialog).toHaveBeenCalledTimes(2);
  });

  it("switches to the dialog when the bridge says nested auth is unavailable", async () => {
    const client = fakeClient({
      acquireTokenSilent: vi.fn(async () => Promise.reject({ errorCode: "nested_app_auth_bridge_disabled" })),
    });
    const { tokens, signInWithDialog } = service({}, client);
    expect(await tokens.getToken({ scopes: SCOPES, interactive: true })).toBe("dialog-token");
    expect(signInWithDialog).toHaveBeenCalledTimes(1);
  });

  it("retries MSAL creation after a failure instead of keeping a broken client", async () => {
    const createNestableClient = vi
      .fn<TokenServiceOptions["createNestableClient"]>()
      .mockRejectedValueOnce({ errorCode: "no_network_connectivity" })
      .mockResolvedValue(fakeClient());
    const { tokens } = service({ createNestableClient });
    await expect(tokens.getToken({ scopes: SCOPES })).rejects.toMatchObject({ kind: "network" });
    expect(await tokens.getToken({ scopes: SCOPES })).toBe("silent-token");
  });
});

describe("cancelling a wait for the dialog sign-in", () => {
  /** A sign-in window that stays open until the test answers it or the token service closes it (its signal). */
  function pendingDialog() {
    const windows: { signal: AbortSignal | undefined; answer: (token: string) => void }[] = [];
    const signInWithDialog = vi.fn(
      (request: { signal?: AbortSignal | undefined }) =>
        new Promise<{ accessToken: string; expiresOn: number }>((resolve, reject) => {
          windows.push({
            signal: request.signal,
            answer: (accessToken) => resolve({ accessToken, expiresOn: Date.now() + 3_600_000 }),
          });
          request.signal?.addEventListener("abort", () => reject(new AuthError("cancelled", "closed")), {
            once: true,
          });
        }),
    );
    return { windows, signInWithDialog };
  }
  const interactive = (signal?: AbortSignal) => ({ scopes: SCOPES, interactive: true, signal });

  it("closes the window when the only caller cancels, and the caller hears 'cancelled' at once", async () => {
    const { windows, signInWithDialog } = pendingDialog();
    const { tokens } = service({ nestedAppAuthSupported: () => false, signInWithDialog });
    const cancel = new AbortController();
    const waiting = tokens.getToken(interactive(cancel.signal));
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    cancel.abort();
    await expect(waiting).rejects.toMatchObject({ kind: "cancelled" });
    expect(windows[0]?.signal?.aborted).toBe(true);
    // The next click opens a new window instead of joining the closed one.
    const again = tokens.getToken(interactive(new AbortController().signal));
    await vi.waitFor(() => expect(windows).toHaveLength(2));
    windows[1]?.answer("fresh");
    expect(await again).toBe("fresh");
  });

  it("keeps the window open while another caller still waits for the same token", async () => {
    const { windows, signInWithDialog } = pendingDialog();
    const { tokens } = service({ nestedAppAuthSupported: () => false, signInWithDialog });
    const a = new AbortController();
    const b = new AbortController();
    const first = tokens.getToken(interactive(a.signal));
    const second = tokens.getToken(interactive(b.signal));
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    a.abort();
    await expect(first).rejects.toMatchObject({ kind: "cancelled" });
    expect(windows[0]?.signal?.aborted).toBe(false);
    windows[0]?.answer("shared");
    expect(await second).toBe("shared");
    expect(signInWithDialog).toHaveBeenCalledTimes(1);
  });

  it("never closes a window a caller without a signal waits for", async () => {
    const { windows, signInWithDialog } = pendingDialog();
    const { tokens } = service({ nestedAppAuthSupported: () => false, signInWithDialog });
    const a = new AbortController();
    const cancellable = tokens.getToken(interactive(a.signal));
    const plain = tokens.getToken(interactive());
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    a.abort();
    await expect(cancellable).rejects.toMatchObject({ kind: "cancelled" });
    expect(windows[0]?.signal?.aborted).toBe(false);
    windows[0]?.answer("kept");
    expect(await plain).toBe("kept");
  });

  it("asks for nothing when the caller has already cancelled", async () => {
    const { signInWithDialog } = pendingDialog();
    const { tokens } = service({ nestedAppAuthSupported: () => false, signInWithDialog });
    const cancel = new AbortController();
    cancel.abort();
    await expect(tokens.getToken(interactive(cancel.signal))).rejects.toMatchObject({ kind: "cancelled" });
    expect(signInWithDialog).not.toHaveBeenCalled();
  });
});

describe("fromMsalError", () => {
  it.each([
    [{ errorCode: "user_cancelled" }, "cancelled"],
    [{ errorCode: "popup_window_error" }, "popup-blocked"],
    [{ errorCode: "no_network_connectivity" }, "network"],
    [{ errorCode: "no_account_found" }, "account-unavailable"],
    [
      {
        errorCode: "invalid_grant",
        errorMessage: "AADSTS53003: Access has been blocked by Conditional Access",
      },
      "conditional-access",
    ],
    [{ errorCode: "server_error" }, "failed"],
  ])("maps %o to %s", (error, kind) => {
    expect(fromMsalError(error).kind).toBe(kind);
  });

  it("keeps the correlation ID apart from the message", () => {
    const error = fromMsalError({
      errorCode: "invalid_grant",
      errorMessage: "AADSTS53003",
      correlationId: "c-1",
    });
    expect(error.details.correlationId).toBe("c-1");
    expect(error.message).not.toContain("c-1");
  });
});
