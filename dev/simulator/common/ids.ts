/**
 * EWS <-> REST item id conversion exactly as office.js performs it. Source: `convertToRestId` and `convertToEwsId`
 * in office.js's Outlook web script (npm `@microsoft/office-js` 1.1.110, `dist/outlook-web-16.01.debug.js`,
 * modules `./src/utils/convertToRestId.ts` and `./src/utils/convertToEwsId.ts`):
 *
 *   itemId.replace(new RegExp("[/]", "g"), "-").replace(new RegExp("[+]", "g"), "_")   // to REST
 *   itemId.replace(new RegExp("[-]", "g"), "/").replace(new RegExp("[_]", "g"), "+")   // to EWS
 *
 * So `/` becomes `-` and `+` becomes `_` (not the RFC 4648 base64url pairing), padding kept; v1.0, v2.0 and beta give
 * the same string. A null/undefined id throws ArgumentNullException, an unknown restVersion ArgumentException
 * (`throwOnInvalidRestVersion`).
 */

export type RestVersionValue = "v1.0" | "v2.0" | "beta";

function checkArguments(itemId: unknown, restVersion: unknown): asserts itemId is string {
  if (itemId === null || itemId === undefined) {
    throw new Error("Sys.ArgumentNullException: Value cannot be null.\nParameter name: itemId");
  }
  if (restVersion === null || restVersion === undefined) {
    throw new Error("Sys.ArgumentNullException: Value cannot be null.\nParameter name: restVersion");
  }
  if (restVersion !== "v1.0" && restVersion !== "v2.0" && restVersion !== "beta") {
    throw new Error(
      `Sys.ArgumentException: restVersion must be v1.0, v2.0 or beta, got ${String(restVersion)}`,
    );
  }
}

export function convertToRestId(ewsId: string, restVersion: RestVersionValue | string): string {
  checkArguments(ewsId, restVersion);
  return ewsId.replace(/\//g, "-").replace(/\+/g, "_");
}

export function convertToEwsId(restId: string, restVersion: RestVersionValue | string): string {
  checkArguments(restId, restVersion);
  return restId.replace(/-/g, "/").replace(/_/g, "+");
}
