import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MSAL_BROWSER_DIST } from "../../../tools/msal-internal";
import { AuthError } from "./errors";
import { createNestableClient } from "./msal";

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
