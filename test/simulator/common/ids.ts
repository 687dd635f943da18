/**
 * EWS <-> REST item id conversion as Outlook performs it: REST ids are the URL-safe base64 form of the EWS id.
 * v1.0 and v2.0 REST ids have the same shape here.
 */

export type RestVersionValue = "v1.0" | "v2.0" | "beta";

export function convertToRestId(ewsId: string, restVersion: RestVersionValue | string): string {
  if (restVersion !== "v1.0" && restVersion !== "v2.0" && restVersion !== "beta") {
    throw new Error(`Sys.ArgumentException: restVersion must be v1.0, v2.0 or beta, got ${restVersion}`);
  }
  return ewsId.replace(/\+/g, "-").replace(/\//g, "_");
}

export function convertToEwsId(restId: string, restVersion: RestVersionValue | string): string {
  if (restVersion !== "v1.0" && restVersion !== "v2.0" && restVersion !== "beta") {
    throw new Error(`Sys.ArgumentException: restVersion must be v1.0, v2.0 or beta, got ${restVersion}`);
  }
  return restId.replace(/-/g, "+").replace(/_/g, "/");
}
