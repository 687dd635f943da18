/** Test fixture: an account as MSAL's getAccount returns it (AccountInfo's required fields). */
import type { AccountInfo } from "@azure/msal-browser";

export function msalAccount(username = "adele@contoso.com"): AccountInfo {
  return {
    homeAccountId: `${username}.home`,
    environment: "login.microsoftonline.com",
    tenantId: "contoso",
    username,
    localAccountId: `${username}.local`,
  };
}
