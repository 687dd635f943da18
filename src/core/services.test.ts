import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { msalAccount } from "../../test/support/msalAccount";
import { installOffice } from "../../test/support/officeFake";
import type { NestableClient } from "./auth/tokens";

const auth = vi.hoisted(() => ({
  createNestableClient: vi.fn(),
  dialogTokenFlow: vi.fn(),
}));
vi.mock("./auth/msal", () => ({ createNestableClient: auth.createNestableClient }));
vi.mock("./auth/dialogSignIn", () => ({ dialogTokenFlow: auth.dialogTokenFlow }));

const { AuthError } = await import("./auth/errors");
const { createServices } = await import("./services");

const CONFIG = {
  clientId: "11111111-2222-3333-4444-555555555555",
  authority: "https://login.microsoftonline.com/common",
  graphBaseUrl: "https://graph.microsoft.com",
};

const ADELE_ACCOUNT = msalAccount();

function client(overrides: Partial<NestableClient> = {}): NestableClient {
  return {
    getAccount: vi.fn(() => ADELE_ACCOUNT),
    acquireTokenSilent: vi.fn(async () => ({ accessToken: "silent" })),
    ssoSilent: vi.fn(async () => ({ accessToken: "sso" })),
    acquireTokenPopup: vi.fn(async () => ({ accessToken: "popup" })),
    ...overrides,
  };
}

/** A host that reports NestedAppAuth 1.1 but has no Office.auth.getAuthContext. */
function withoutAuthContext() {
  return installOffice({ authContext: null });
}

beforeEach(() => {
  auth.createNestableClient.mockReset();
  auth.dialogTokenFlow.mockReset();
});
afterEach(() => vi.unstubAllGlobals());

describe("createServices and Office.auth.getAuthContext", () => {
  it("signs in silently for the account the host names, with it as the hint", async () => {
    installOffice();
    const pca = client();
    auth.createNestableClient.mockResolvedValue(pca);
    const services = createServices(CONFIG, "https://addin.example");
    expect(await services.tokens.getToken({ scopes: ["Mail.ReadWrite"] })).toBe("silent");
    expect(pca.getAccount).toHaveBeenCalledWith({
      username: "adele@contoso.com",
      localAccountId: "o",
      tenantId: "t",
    });
  });

  it("signs in without a login hint (nested app auth) where the host lacks getAuthContext", async () => {
    withoutAuthContext();
    const pca = client({ ssoSilent: vi.fn(async () => Promise.reject(interaction())) });
    auth.createNestableClient.mockResolvedValue(pca);
    const services = createServices(CONFIG, "https://addin.example");
    expect(await services.tokens.getToken({ scopes: ["Mail.ReadWrite"], interactive: true })).toBe("popup");
    expect(pca.getAccount).not.toHaveBeenCalled();
    expect(pca.ssoSilent).toHaveBeenCalledWith({ scopes: ["Mail.ReadWrite"] });
    expect(pca.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ["Mail.ReadWrite"] });
  });

  it("signs in without a login hint (dialog fallback) where the host lacks getAuthContext", async () => {
    withoutAuthContext();
    auth.createNestableClient.mockRejectedValue(
      new AuthError("nested-auth-unavailable", "unavailable", { code: "nested_app_auth_unavailable" }),
    );
    auth.dialogTokenFlow.mockResolvedValue({ accessToken: "dialog", expiresOn: Date.now() + 3_600_000 });
    const services = createServices(CONFIG, "https://addin.example");
    expect(await services.tokens.getToken({ scopes: ["Mail.ReadWrite"], interactive: true })).toBe("dialog");
    expect(auth.dialogTokenFlow).toHaveBeenCalledWith(
      "https://addin.example",
      expect.objectContaining({ scopes: ["Mail.ReadWrite"], loginHint: undefined }),
    );
  });

  it("hands the dialog the host's account as the hint where the function exists", async () => {
    installOffice();
    auth.createNestableClient.mockRejectedValue(
      new AuthError("nested-auth-unavailable", "unavailable", { code: "nested_app_auth_unavailable" }),
    );
    auth.dialogTokenFlow.mockResolvedValue({ accessToken: "dialog", expiresOn: Date.now() + 3_600_000 });
    const services = createServices(CONFIG, "https://addin.example");
    await services.tokens.getToken({ scopes: ["Mail.ReadWrite"], interactive: true });
    expect(auth.dialogTokenFlow).toHaveBeenCalledWith(
      "https://addin.example",
      expect.objectContaining({ scopes: ["Mail.ReadWrite"], loginHint: "adele@contoso.com" }),
    );
  });
});

function interaction() {
  return Object.assign(new Error("interaction_required"), {
    name: "InteractionRequiredAuthError",
    errorCode: "interaction_required",
  });
}

describe("ownsItem: does the item resolve under /me?", () => {
  function answer(status: number, code?: string) {
    const fetch = vi.fn(async (_url: string | URL | Request) =>
      status === 200
        ? new Response(JSON.stringify({ id: "x" }), {
            status,
            headers: { "Content-Type": "application/json" },
          })
        : new Response(JSON.stringify({ error: { code, message: code } }), {
            status,
            headers: { "Content-Type": "application/json" },
          }),
    );
    vi.stubGlobal("fetch", fetch);
    return fetch;
  }

  it("asks GET /me/messages/{id}?$select=id with the mail scope: found is true", async () => {
    installOffice();
    const pca = client();
    auth.createNestableClient.mockResolvedValue(pca);
    const fetch = answer(200);
    const services = createServices(CONFIG, "https://addin.example");
    expect(await services.ownsItem({ kind: "message", restId: "AAMk-a_b=" }, false)).toBe(true);
    expect(String(fetch.mock.calls[0]?.[0])).toBe(
      "https://graph.microsoft.com/v1.0/me/messages/AAMk-a_b%3D?$select=id",
    );
    expect(pca.acquireTokenSilent).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: ["Mail.ReadWrite"] }),
    );
  });

  it("asks about an event with the calendar scope; ErrorInvalidMailboxItemId is false, other answers undefined", async () => {
    installOffice();
    const pca = client();
    auth.createNestableClient.mockResolvedValue(pca);
    answer(404, "ErrorInvalidMailboxItemId");
    const services = createServices(CONFIG, "https://addin.example");
    expect(await services.ownsItem({ kind: "event", restId: "AAMk" }, false)).toBe(false);
    expect(pca.acquireTokenSilent).toHaveBeenCalledWith(
      expect.objectContaining({ scopes: ["Calendars.ReadWrite"] }),
    );
    answer(404, "ErrorItemNotFound");
    expect(await services.ownsItem({ kind: "message", restId: "AAMk" }, false)).toBeUndefined();
    answer(403, "ErrorAccessDenied");
    expect(await services.ownsItem({ kind: "message", restId: "AAMk" }, true)).toBeUndefined();
  });

  it("can't tell without a token when nobody clicked; from a click, a sign-in problem goes through", async () => {
    installOffice();
    auth.createNestableClient.mockResolvedValue(
      client({
        acquireTokenSilent: vi.fn(async () => Promise.reject(interaction())),
        acquireTokenPopup: vi.fn(async () => Promise.reject({ errorCode: "user_cancelled" })),
      }),
    );
    const fetch = answer(200);
    const services = createServices(CONFIG, "https://addin.example");
    expect(await services.ownsItem({ kind: "message", restId: "AAMk" }, false)).toBeUndefined();
    await expect(services.ownsItem({ kind: "message", restId: "AAMk" }, true)).rejects.toMatchObject({
      kind: "cancelled",
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
