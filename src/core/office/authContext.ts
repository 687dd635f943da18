/**
 * Who is signed in, as the host says: Office.auth.getAuthContext (NestedAppAuth 1.1). The one place that calls it.
 *
 * Microsoft advises checking an API for undefined as well as its requirement set ("Understanding the Office
 * JavaScript API requirement sets": "the API may not be available... check that the API isn't undefined"): a host
 * may report NestedAppAuth 1.1 and still lack the function (docs/platform-facts.md#nested-app-authentication). Without
 * it the add-in signs in without a login hint and never guesses whose mailbox it is.
 */
import type { AuthContextInfo } from "../auth/tokens";
import { isSupported, REQUIREMENTS } from "./requirements";

/** True when the host both reports NestedAppAuth 1.1 and has Office.auth.getAuthContext. */
export function canReadAuthContext(): boolean {
  if (!isSupported(REQUIREMENTS.nestedAppAuth)) return false;
  try {
    return typeof Office.auth?.getAuthContext === "function";
  } catch {
    return false;
  }
}

/** The signed-in account, or undefined when the host can't say (no API, or it failed). Never throws. */
export async function readAuthContext(): Promise<AuthContextInfo | undefined> {
  if (!canReadAuthContext()) return undefined;
  try {
    return (await Office.auth.getAuthContext()) ?? undefined;
  } catch {
    return undefined;
  }
}
