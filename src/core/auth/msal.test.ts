import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MSAL_BROWSER_DIST } from "../../../tools/msal-internal";
import { AuthError, fromMsalError } from "./errors";
import { createNestableClient, watchBridgeUnavailable } from "./msal";

describe("the nested MSAL client", () => {
  it("finds MSAL's nested classes (code and types) where tools/msal-internal.ts points", async () => {
    // An msal-browser upgrade that moves these files fails here rather than in the build.
    for (const path of [
      "controllers/NestedAppAuthController",
      "operatingcontext/NestedAppOperatingContext",
    ]) {
      expect(existsSync(resolve(MSAL_BROWSER_DIST, `${path}.mjs`)), path).toBe(true);
      expect(existsSync(resolve(MSAL_BROWSER_DIST, "../types", `${path}.d.ts`)), path).toBe(true);
    }
    const nested = await import("./msalNested");
    expect(typeof nested.NestedAppAuthController).toBe("function");
    expect(typeof nested.NestedAppOperatingContext).toBe("function");
    expect(typeof nested.NestedAppAuthController.prototype.acquireTokenSilent).toBe("function");
    expect(typeof nested.NestedAppAuthController.prototype.ssoSilent).toBe("function");
    expect(typeof nested.NestedAppAuthController.prototype.acquireTokenPopup).toBe("function");
    expect(typeof nested.NestedAppAuthController.prototype.getAccount).toBe("function");
  });

  it("says nested auth is unavailable where there is no host bridge, so tokens fall back to the dialog", async () => {
    // No window here, as in a host without the NAA bridge: MSAL's operating context reports itself unavailable.
    const failure = await createNestableClient(
      "00000000-0000-0000-0000-000000000001",
      "https://login.microsoftonline.com/common",
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AuthError);
    expect((failure as AuthError).kind).toBe("nested-auth-unavailable");
  });
});

describe("watchBridgeUnavailable", () => {
  type Callback = (message: { eventType: string; correlationId: string; error: unknown }) => void;
  function fakeController() {
    let callback: Callback | undefined;
    return {
      addEventCallback: (cb: Callback) => {
        callback = cb;
        return "id";
      },
      /** What NestedAppAuthController does on a failed bridge call: the event with the raw error, then the throw. */
      fail(correlationId: string, raw: unknown, thrown: unknown): Promise<never> {
        callback?.({ eventType: "msal:acquireTokenFailure", correlationId, error: raw });
        return Promise.reject(thrown);
      },
    };
  }
  // MSAL's mapping of NESTED_APP_AUTH_UNAVAILABLE: a ClientAuthError whose errorCode is the host's code, if any.
  const msalError = (code: string) =>
    Object.assign(new Error(code), { name: "ClientAuthError", errorCode: code });

  it.each(["", "untrusted_origin", "invalid_grant"])(
    "turns the bridge status NESTED_APP_AUTH_UNAVAILABLE into nested-auth-unavailable whatever the code (%j)",
    async (code) => {
      const controller = fakeController();
      const call = watchBridgeUnavailable(controller as never);
      const error = await call((id) =>
        controller.fail(
          id,
          { status: "NESTED_APP_AUTH_UNAVAILABLE", code },
          msalError(code || "nested_app_auth_bridge_disabled"),
        ),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect(error).toMatchObject({ kind: "nested-auth-unavailable" });
      expect(fromMsalError(error).kind).toBe("nested-auth-unavailable");
    },
  );

  it("leaves every other failure as MSAL threw it, and ties the status to its own call only", async () => {
    const controller = fakeController();
    const call = watchBridgeUnavailable(controller as never);
    const persistent = msalError("untrusted_origin");
    await expect(
      call((id) => controller.fail(id, { status: "PERSISTENT_ERROR", code: "untrusted_origin" }, persistent)),
    ).rejects.toBe(persistent);
    // An unavailable answer to another request (another correlation ID) says nothing about this one.
    const other = msalError("x");
    await expect(
      call(() =>
        controller.fail("someone-else", { status: "NESTED_APP_AUTH_UNAVAILABLE", code: "x" }, other),
      ),
    ).rejects.toBe(other);
    await expect(call(async () => "token")).resolves.toBe("token");
  });
});
