/**
 * The OData query options Graph's mail, contacts and calendar endpoints accept, as far as the emulator
 * can do them faithfully: `$select`, `$top`, `$skip`, `$count`, `$orderby` and a `$filter` subset
 * (comparisons joined by `and`). Anything else is refused with a 400 the way Graph refuses it, rather
 * than silently ignored.
 */

export interface Failure {
  status: number;
  code: string;
  message: string;
}

export type Json = Record<string, unknown>;

const failure = (status: number, code: string, message: string): Failure => ({ status, code, message });

export function isFailure(x: unknown): x is Failure {
  return typeof x === "object" && x !== null && "code" in x && "status" in x && "message" in x;
}

/** Reads a property path such as `from/emailAddress/address`. */
function getPath(obj: Json, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split("/")) {
    if (typeof cur !== "object" || cur === null || !(part in cur)) return undefined;
    cur = (cur as Json)[part];
  }
  return cur;
}

function hasPath(obj: Json, path: string): boolean {
  let cur: unknown = obj;
  for (const part of path.split("/")) {
    if (typeof cur !== "object" || cur === null || !(part in cur)) return false;
    cur = (cur as Json)[part];
  }
  return true;
}

type Literal = string | number | boolean | null;

function parseLiteral(raw: string): Literal | undefined {
  if (raw === "true") return true;
  if (raw === "false") return false;
  if (raw === "null") return null;
  if (/^'(?:[^']|'')*'$/.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(raw)) return raw;
  return undefined;
}

function compare(a: unknown, b: Literal): number | undefined {
  if (typeof a === "string" && typeof b === "string") {
    const da = Date.parse(a);
    const db = Date.parse(b);
    if (
      /^\d{4}-\d{2}-\d{2}/.test(a) &&
      /^\d{4}-\d{2}-\d{2}/.test(b) &&
      !Number.isNaN(da) &&
      !Number.isNaN(db)
    ) {
      return da - db;
    }
    return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (a === null || b === null) return a === b ? 0 : undefined;
  return undefined;
}

type Predicate = (item: Json) => boolean;

export function parseFilter(expr: string, sample: Json, typeName: string): Predicate | Failure {
  const invalid = failure(
    400,
    "ErrorInvalidUrlQueryFilter",
    "The query filter contains one or more invalid nodes.",
  );
  const clauses = expr.split(/\s+and\s+/i);
  const preds: Predicate[] = [];
  for (const clause of clauses) {
    const m = /^\s*([A-Za-z][A-Za-z/]*)\s+(eq|ne|gt|ge|lt|le)\s+(.+?)\s*$/.exec(clause);
    if (!m) return invalid;
    const [, prop = "", op = "", raw = ""] = m;
    if (!hasPath(sample, prop)) {
      return failure(
        400,
        "RequestBroker--ParseUri",
        `Could not find a property named '${prop}' on type '${typeName}'.`,
      );
    }
    const value = parseLiteral(raw);
    if (value === undefined) return invalid;
    preds.push((item) => {
      const c = compare(getPath(item, prop), value);
      if (c === undefined) return op === "ne";
      switch (op) {
        case "eq":
          return c === 0;
        case "ne":
          return c !== 0;
        case "gt":
          return c > 0;
        case "ge":
          return c >= 0;
        case "lt":
          return c < 0;
        default:
          return c <= 0;
      }
    });
  }
  return (item) => preds.every((p) => p(item));
}

export function parseOrderBy(
  expr: string,
  sample: Json,
  typeName: string,
): ((a: Json, b: Json) => number) | Failure {
  const keys: { prop: string; dir: number }[] = [];
  for (const part of expr.split(",")) {
    const m = /^\s*([A-Za-z][A-Za-z/]*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m) return failure(400, "BadRequest", `Invalid $orderby expression '${expr}'.`);
    const [, prop = "", dir] = m;
    if (!hasPath(sample, prop)) {
      return failure(
        400,
        "RequestBroker--ParseUri",
        `Could not find a property named '${prop}' on type '${typeName}'.`,
      );
    }
    keys.push({ prop, dir: dir?.toLowerCase() === "desc" ? -1 : 1 });
  }
  return (a, b) => {
    for (const { prop, dir } of keys) {
      const va = getPath(a, prop);
      const vb = getPath(b, prop);
      const c = compare(va, (vb ?? null) as Literal) ?? 0;
      if (c !== 0) return c * dir;
    }
    return 0;
  };
}

export interface ListOptions {
  /** e.g. `microsoft.graph.message`, for error messages. */
  typeName: string;
  /** The `@odata.context` without a `$select` suffix. */
  contextUrl: string;
  /** Absolute URL of this collection, for `@odata.nextLink`. */
  selfUrl: string;
  defaultOrderBy?: string;
  defaultTop?: number;
  maxTop?: number;
  /** The full property set of one entity, used to validate `$select`, `$filter`, `$orderby`. */
  sample: Json;
}

const KNOWN_OPTIONS = new Set([
  "$select",
  "$top",
  "$skip",
  "$count",
  "$orderby",
  "$filter",
  "$expand",
  "$search",
]);

export function parseSelect(
  query: URLSearchParams,
  sample: Json,
  typeName: string,
): string[] | undefined | Failure {
  const raw = query.get("$select");
  if (raw === null || raw.trim() === "") return undefined;
  const fields = raw.split(",").map((f) => f.trim());
  for (const f of fields) {
    if (!(f in sample)) {
      return failure(
        400,
        "RequestBroker--ParseUri",
        `Could not find a property named '${f}' on type '${typeName}'.`,
      );
    }
  }
  return fields;
}

export function applySelect(item: Json, fields: string[] | undefined): Json {
  if (!fields) return item;
  const out: Json = {};
  // Graph always returns the etag and the id, selected or not.
  if ("@odata.etag" in item) out["@odata.etag"] = item["@odata.etag"];
  out.id = item.id;
  for (const f of fields) out[f] = item[f];
  return out;
}

/** Builds a Graph collection answer, or the 400 Graph gives for a query it cannot run. */
export function listCollection(all: Json[], query: URLSearchParams, opts: ListOptions): Json | Failure {
  for (const key of query.keys()) {
    if (key.startsWith("$") && !KNOWN_OPTIONS.has(key)) {
      return failure(400, "BadRequest", `Query option '${key}' is not allowed.`);
    }
  }
  if (query.has("$expand") || query.has("$search")) {
    return failure(400, "BadRequest", "The emulator does not support $expand or $search on this collection.");
  }
  const select = parseSelect(query, opts.sample, opts.typeName);
  if (isFailure(select)) return select;

  const topRaw = query.get("$top");
  const skipRaw = query.get("$skip");
  const maxTop = opts.maxTop ?? 1000;
  let top = opts.defaultTop ?? 10;
  if (topRaw !== null) {
    if (!/^\d+$/.test(topRaw))
      return failure(400, "BadRequest", `Invalid value '${topRaw}' for $top query option found.`);
    top = Number(topRaw);
    if (top > maxTop) {
      return failure(400, "ErrorInvalidArgument", `The value of $top must be between 0 and ${maxTop}.`);
    }
  }
  let skip = 0;
  if (skipRaw !== null) {
    if (!/^\d+$/.test(skipRaw))
      return failure(400, "BadRequest", `Invalid value '${skipRaw}' for $skip query option found.`);
    skip = Number(skipRaw);
  }
  const countRaw = query.get("$count");
  if (countRaw !== null && countRaw !== "true" && countRaw !== "false") {
    return failure(400, "BadRequest", `Invalid value '${countRaw}' for $count query option found.`);
  }

  let items = all;
  const filterRaw = query.get("$filter");
  if (filterRaw !== null) {
    const pred = parseFilter(filterRaw, opts.sample, opts.typeName);
    if (isFailure(pred)) return pred;
    items = items.filter(pred);
  }
  const orderRaw = query.get("$orderby") ?? opts.defaultOrderBy;
  if (orderRaw !== undefined) {
    const cmp = parseOrderBy(orderRaw, opts.sample, opts.typeName);
    if (isFailure(cmp)) return cmp;
    items = [...items].sort(cmp);
  }

  const page = items.slice(skip, skip + top).map((i) => applySelect(i, select));
  const out: Json = {
    "@odata.context": select ? `${opts.contextUrl}(${select.join(",")})` : opts.contextUrl,
  };
  if (countRaw === "true") out["@odata.count"] = items.length;
  out.value = page;
  if (skip + top < items.length && top > 0) {
    const next = new URLSearchParams(query);
    next.set("$top", String(top));
    next.set("$skip", String(skip + top));
    out["@odata.nextLink"] = `${opts.selfUrl}?${next.toString().replace(/%24/g, "$").replace(/%2C/g, ",")}`;
  }
  return out;
}
