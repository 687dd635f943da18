/**
 * The OData query options Graph's mail, contacts and calendar endpoints accept, as far as the emulator
 * can do them faithfully: `$select`, `$top`, `$skip`, `$count`, `$orderby` and a `$filter` subset
 * (comparisons, `startswith`, allowed `any` lambdas, `and`/`or`, parentheses). Anything else is refused with a 400 the way Graph refuses it, rather
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

/**
 * Lambda filters a collection allows, per collection property: Exchange accepts `any` with `eq` on a few
 * sub-properties only (contacts: `emailAddresses/any(a:a/address eq '…')`, nothing on `name`, no other operator
 * or function), so each list names what it accepts and everything else is refused.
 */
export type LambdaRules = Readonly<Record<string, readonly string[]>>;

type Token =
  | { t: "name"; v: string }
  | { t: "string"; v: string }
  | { t: "punct"; v: "(" | ")" | "," | ":" }
  | { t: "raw"; v: string };

function tokenize(expr: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= expr.length) return undefined;
        if (expr[j] === "'") {
          if (expr[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += expr[j];
        j++;
      }
      out.push({ t: "string", v: value });
      i = j + 1;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === "," || ch === ":") {
      out.push({ t: "punct", v: ch });
      i++;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_/]*/.exec(expr.slice(i));
    if (m) {
      out.push({ t: "name", v: m[0] });
      i += m[0].length;
      continue;
    }
    const raw = /^-?[0-9][0-9A-Za-z:.+-]*/.exec(expr.slice(i));
    if (raw) {
      out.push({ t: "raw", v: raw[0] });
      i += raw[0].length;
      continue;
    }
    return undefined;
  }
  return out;
}

const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);

function comparison(op: string, c: number): boolean {
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
}

/**
 * The `$filter` subset Exchange answers for mail, contacts and events: comparisons (`eq ne gt ge lt le`) on
 * properties, `startswith(property,'text')` on string properties (case-insensitive, prefix of the whole value),
 * `collection/any(x:x/sub eq 'text')` where `lambdas` allows it, joined by `and`/`or` with parentheses. No
 * `contains`, `endswith`, `not` or `all`: Graph's Outlook resources refuse or mishandle them, so the emulator
 * refuses them with the 400 Graph gives for an invalid filter.
 */
export function parseFilter(
  expr: string,
  sample: Json,
  typeName: string,
  lambdas: LambdaRules = {},
): Predicate | Failure {
  const invalid = failure(
    400,
    "ErrorInvalidUrlQueryFilter",
    "The query filter contains one or more invalid nodes.",
  );
  const unknownProperty = (prop: string) =>
    failure(
      400,
      "RequestBroker--ParseUri",
      `Could not find a property named '${prop}' on type '${typeName}'.`,
    );
  const tokens = tokenize(expr);
  if (!tokens || tokens.length === 0) return invalid;
  let pos = 0;
  const peek = () => tokens[pos];
  const isPunct = (v: string) => {
    const t = peek();
    return t?.t === "punct" && t.v === v;
  };
  const isWord = (v: string) => {
    const t = peek();
    return t?.t === "name" && t.v.toLowerCase() === v;
  };
  const literal = (): Literal | undefined => {
    const t = tokens[pos++];
    if (!t) return undefined;
    if (t.t === "string") return t.v;
    if (t.t === "raw") return parseLiteral(t.v);
    if (t.t === "name") return parseLiteral(t.v);
    return undefined;
  };

  // Each parse step returns a predicate or a Failure; the first Failure ends the parse.
  const orExpr = (): Predicate | Failure => {
    const first = andExpr();
    if (isFailure(first)) return first;
    const parts = [first];
    while (isWord("or")) {
      pos++;
      const next = andExpr();
      if (isFailure(next)) return next;
      parts.push(next);
    }
    return parts.length === 1 ? first : (item) => parts.some((p) => p(item));
  };
  const andExpr = (): Predicate | Failure => {
    const first = term();
    if (isFailure(first)) return first;
    const parts = [first];
    while (isWord("and")) {
      pos++;
      const next = term();
      if (isFailure(next)) return next;
      parts.push(next);
    }
    return parts.length === 1 ? first : (item) => parts.every((p) => p(item));
  };
  const term = (): Predicate | Failure => {
    if (isPunct("(")) {
      pos++;
      const inner = orExpr();
      if (isFailure(inner)) return inner;
      if (!isPunct(")")) return invalid;
      pos++;
      return inner;
    }
    const head = tokens[pos++];
    if (head?.t !== "name") return invalid;
    if (head.v.toLowerCase() === "startswith" && isPunct("(")) {
      pos++;
      const prop = tokens[pos++];
      if (prop?.t !== "name" || !isPunct(",")) return invalid;
      pos++;
      const value = literal();
      if (typeof value !== "string" || !isPunct(")")) return invalid;
      pos++;
      if (!hasPath(sample, prop.v)) return unknownProperty(prop.v);
      const kind = getPath(sample, prop.v);
      if (kind !== null && typeof kind !== "string") return invalid; // e.g. a collection such as emailAddresses
      const prefix = value.toLowerCase();
      return (item) => {
        const v = getPath(item, prop.v);
        return typeof v === "string" && v.toLowerCase().startsWith(prefix);
      };
    }
    const lambda = /^(.+)\/any$/i.exec(head.v);
    if (lambda && isPunct("(")) {
      const collection = lambda[1] as string;
      pos++;
      const variable = tokens[pos++];
      if (variable?.t !== "name" || !isPunct(":")) return invalid;
      pos++;
      const path = tokens[pos++];
      const op = tokens[pos++];
      if (path?.t !== "name" || op?.t !== "name" || op.v.toLowerCase() !== "eq") return invalid;
      const value = literal();
      if (value === undefined || !isPunct(")")) return invalid;
      pos++;
      if (!hasPath(sample, collection)) return unknownProperty(collection);
      const prefix = `${variable.v}/`;
      if (!path.v.startsWith(prefix)) return invalid;
      const sub = path.v.slice(prefix.length);
      if (!(lambdas[collection] ?? []).includes(sub)) return invalid;
      return (item) => {
        const list = getPath(item, collection);
        return Array.isArray(list) && list.some((el) => compare(getPath(el as Json, sub), value) === 0);
      };
    }
    const op = tokens[pos++];
    if (op?.t !== "name" || !COMPARISONS.has(op.v.toLowerCase())) return invalid;
    const value = literal();
    if (value === undefined) return invalid;
    if (!hasPath(sample, head.v)) return unknownProperty(head.v);
    const operator = op.v.toLowerCase();
    return (item) => {
      const c = compare(getPath(item, head.v), value);
      if (c === undefined) return operator === "ne";
      return comparison(operator, c);
    };
  };

  const predicate = orExpr();
  if (isFailure(predicate)) return predicate;
  if (pos !== tokens.length) return invalid;
  return predicate;
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
  /** `any` lambdas `$filter` accepts on this collection (none unless listed). */
  lambdas?: LambdaRules;
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
    const pred = parseFilter(filterRaw, opts.sample, opts.typeName, opts.lambdas);
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
