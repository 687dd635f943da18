/**
 * A small, strict, namespace-aware XML reader for the add-in manifest.
 *
 * Pure string parsing, no DOM and no Node APIs, so the same code runs in the tests, in tools and in the
 * simulator shell's browser page. It reads what manifests contain (declaration, comments, CDATA,
 * elements, attributes, the five predefined entities and character references) and refuses DTDs and
 * anything malformed with an error that names the line.
 */

export interface XmlAttr {
  /** Qualified name as written, e.g. `xsi:type`. */
  name: string;
  localName: string;
  /** Namespace URI; attributes without a prefix have none. */
  namespaceUri: string | null;
  value: string;
}

export interface XmlNode {
  name: string;
  localName: string;
  namespaceUri: string | null;
  attributes: XmlAttr[];
  children: XmlNode[];
  /** Text directly inside this element (not its descendants), entities decoded, not trimmed. */
  text: string;
  line: number;
  /** In-scope prefix -> namespace URI (the empty prefix is the default namespace). */
  namespaces: ReadonlyMap<string, string>;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`XML syntax error on line ${line}: ${message}`);
    this.name = "XmlSyntaxError";
  }
}

export const XML_NS = "http://www.w3.org/XML/1998/namespace";
export const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function parseXml(source: string): XmlNode {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let pos = 0;
  const newlines: number[] = [];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) newlines.push(i);
  const lineAt = (at: number): number => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newlines[mid] ?? Number.POSITIVE_INFINITY) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  const fail = (message: string, at: number = pos): never => {
    throw new XmlSyntaxError(message, lineAt(at));
  };
  const decode = (raw: string, at: number): string =>
    raw.replace(/&([^;&\s]*);?/g, (match, ref: string) => {
      if (!match.endsWith(";")) fail(`unterminated entity reference "${match}"`, at);
      if (ref.startsWith("#x")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref.startsWith("#")) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
      const value = PREDEFINED[ref];
      if (value === undefined) fail(`unknown entity "&${ref};"`, at);
      return value ?? "";
    });
  const skipUntil = (terminator: string, what: string): void => {
    const end = text.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    pos = end + terminator.length;
  };
  const skipComment = (): void => {
    const end = text.indexOf("-->", pos);
    if (end < 0) fail("unterminated comment");
    if (text.slice(pos + 4, end).includes("--")) fail('"--" inside a comment');
    pos = end + 3;
  };
  const skipMisc = (): void => {
    for (;;) {
      while (pos < text.length && /\s/.test(text.charAt(pos))) pos += 1;
      if (text.startsWith("<?", pos)) skipUntil("?>", "processing instruction");
      else if (text.startsWith("<!--", pos)) skipComment();
      else if (text.startsWith("<!DOCTYPE", pos)) fail("DTDs are not accepted in a manifest");
      else return;
    }
  };

  const resolve = (qname: string, scope: ReadonlyMap<string, string>, isAttr: boolean, at: number) => {
    const colon = qname.indexOf(":");
    const prefix = colon < 0 ? "" : qname.slice(0, colon);
    const localName = colon < 0 ? qname : qname.slice(colon + 1);
    if (prefix === "xml") return { localName, namespaceUri: XML_NS };
    if (prefix === "" && isAttr) return { localName, namespaceUri: null };
    const uri = scope.get(prefix);
    if (uri === undefined) {
      if (prefix !== "") fail(`undeclared namespace prefix "${prefix}"`, at);
      return { localName, namespaceUri: null };
    }
    return { localName, namespaceUri: uri === "" ? null : uri };
  };

  const readElement = (parentScope: ReadonlyMap<string, string>): XmlNode => {
    const start = pos;
    pos += 1; // "<"
    const nameMatch = NAME.exec(text.slice(pos, pos + 200));
    if (!nameMatch) return fail("expected an element name");
    const name = nameMatch[0];
    pos += name.length;
    const rawAttrs: { name: string; value: string; at: number }[] = [];
    let selfClosing = false;
    for (;;) {
      const before = pos;
      while (pos < text.length && /\s/.test(text.charAt(pos))) pos += 1;
      if (text.startsWith("/>", pos)) {
        pos += 2;
        selfClosing = true;
        break;
      }
      if (text.charAt(pos) === ">") {
        pos += 1;
        break;
      }
      if (pos === before) fail(`expected whitespace, ">" or "/>" in <${name}>`);
      const attrMatch = NAME.exec(text.slice(pos, pos + 200));
      if (!attrMatch) fail(`bad attribute in <${name}>`);
      const attrName = attrMatch?.[0] ?? "";
      const at = pos;
      pos += attrName.length;
      while (/\s/.test(text.charAt(pos))) pos += 1;
      if (text.charAt(pos) !== "=") fail(`attribute ${attrName} has no value`);
      pos += 1;
      while (/\s/.test(text.charAt(pos))) pos += 1;
      const quote = text.charAt(pos);
      if (quote !== '"' && quote !== "'") fail(`attribute ${attrName} value must be quoted`);
      const end = text.indexOf(quote, pos + 1);
      if (end < 0) fail(`unterminated value of attribute ${attrName}`);
      const raw = text.slice(pos + 1, end);
      if (raw.includes("<")) fail(`"<" in the value of attribute ${attrName}`, at);
      if (rawAttrs.some((a) => a.name === attrName)) fail(`duplicate attribute ${attrName}`, at);
      rawAttrs.push({ name: attrName, value: decode(raw, at), at });
      pos = end + 1;
    }

    const scope = new Map(parentScope);
    for (const a of rawAttrs) {
      if (a.name === "xmlns") scope.set("", a.value);
      else if (a.name.startsWith("xmlns:")) scope.set(a.name.slice(6), a.value);
    }
    const attributes: XmlAttr[] = rawAttrs.map((a) => {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) {
        return {
          name: a.name,
          localName: a.name === "xmlns" ? "xmlns" : a.name.slice(6),
          namespaceUri: XMLNS_NS,
          value: a.value,
        };
      }
      return { name: a.name, ...resolve(a.name, scope, true, a.at), value: a.value };
    });
    const node: XmlNode = {
      name,
      ...resolve(name, scope, false, start),
      attributes,
      children: [],
      text: "",
      line: lineAt(start),
      namespaces: scope,
    };
    if (selfClosing) return node;

    for (;;) {
      const lt = text.indexOf("<", pos);
      if (lt < 0) fail(`<${name}> (line ${node.line}) is never closed`);
      if (lt > pos) {
        const raw = text.slice(pos, lt);
        if (raw.includes("]]>")) fail('"]]>" in text');
        node.text += decode(raw, pos);
        pos = lt;
      }
      if (text.startsWith("</", pos)) {
        const close = /^<\/([^\s>]+)\s*>/.exec(text.slice(pos, pos + 220));
        if (!close || close[1] !== name)
          fail(`expected </${name}> to close the element from line ${node.line}`);
        pos += close?.[0].length ?? 0;
        return node;
      }
      if (text.startsWith("<!--", pos)) skipComment();
      else if (text.startsWith("<![CDATA[", pos)) {
        const end = text.indexOf("]]>", pos);
        if (end < 0) fail("unterminated CDATA section");
        node.text += text.slice(pos + 9, end);
        pos = end + 3;
      } else if (text.startsWith("<?", pos)) skipUntil("?>", "processing instruction");
      else if (text.startsWith("<!", pos)) fail("unexpected markup declaration");
      else node.children.push(readElement(scope));
    }
  };

  skipMisc();
  if (text.charAt(pos) !== "<") fail("expected the root element");
  const root = readElement(new Map([["xml", XML_NS]]));
  skipMisc();
  if (pos < text.length) fail("content after the root element");
  return root;
}

/** The value of an attribute by namespace URI (null for unprefixed) and local name. */
export function attr(
  node: XmlNode,
  localName: string,
  namespaceUri: string | null = null,
): string | undefined {
  return node.attributes.find((a) => a.localName === localName && a.namespaceUri === namespaceUri)?.value;
}

/** Child elements with the given local name, in the given namespace (or any namespace when omitted). */
export function childrenNamed(node: XmlNode, localName: string, namespaceUri?: string | null): XmlNode[] {
  return node.children.filter(
    (c) => c.localName === localName && (namespaceUri === undefined || c.namespaceUri === namespaceUri),
  );
}

export function firstChild(
  node: XmlNode,
  localName: string,
  namespaceUri?: string | null,
): XmlNode | undefined {
  return childrenNamed(node, localName, namespaceUri)[0];
}

/** Every element of the tree, depth first, the root included. */
export function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** The local part of a QName value such as `xsi:type="bt:Foo"` (its prefix is not needed by the manifest). */
export function localPart(qname: string | undefined): string | undefined {
  if (qname === undefined) return undefined;
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}
