/**
 * Where a client may send its token: baseUrl's origin only. Relative paths go under baseUrl; absolute URLs
 * (`@odata.nextLink`) are followed only on that origin.
 */
import { GraphError } from "./errors";

export interface GraphUrls {
  readonly baseUrl: string;
  /** A URL built from baseUrl, checked to still be on its origin (defence in depth). Throws GraphError. */
  checked(url: string): string;
  /** A path ("/v1.0/...") under baseUrl, or an absolute URL on its origin. Throws GraphError for any other. */
  forRead(path: string): string;
}

export function graphUrls(base: string): GraphUrls {
  const baseUrl = normaliseBaseUrl(base);
  const baseOrigin = new URL(baseUrl).origin;
  const foreign = () => new GraphError({ kind: "unexpected", cause: "foreign-link" });
  const onOrigin = (url: string): URL => {
    let parsed: URL;
    try {
      parsed = new URL(url, baseUrl);
    } catch {
      throw foreign();
    }
    if (parsed.origin !== baseOrigin) throw foreign();
    return parsed;
  };
  const checked = (url: string) => {
    onOrigin(url);
    return url;
  };
  return {
    baseUrl,
    checked,
    forRead(path) {
      if (/^[a-z][a-z\d+.-]*:/i.test(path) || path.startsWith("//")) return onOrigin(path).href;
      return checked(`${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`);
    },
  };
}

function normaliseBaseUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, "");
  const url = new URL(trimmed); // throws on nonsense: a configuration error, found at start-up
  if (url.search !== "" || url.hash !== "")
    throw new TypeError("Graph baseUrl must not have a query or fragment.");
  return trimmed;
}
