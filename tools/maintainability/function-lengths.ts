/**
 * How long the functions in src/ are (the project's rule: no function longer than about 80 lines, except React
 * components that are mostly markup). Parsed with Vite's public parseAst (rolldown's oxc parser), so the count is of
 * real function nodes, not of text between braces.
 *
 * A function's length is the number of source lines from its first to its last character. For a React component
 * (a capitalised function in a .tsx file) the markup is set aside: `logicLines` counts the lines not covered by an
 * outermost JSX element or fragment, which is what a reader has to follow as code.
 */
import { readFileSync } from "node:fs";
import { parseAst } from "vite";

export interface FunctionLength {
  file: string;
  name: string;
  /** 1-based line of the function's start. */
  line: number;
  lines: number;
  /** Lines outside JSX (equal to `lines` for a function without JSX). */
  logicLines: number;
  component: boolean;
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).type === "string";
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "type") continue;
    if (Array.isArray(value)) out.push(...value.filter(isNode));
    else if (isNode(value)) out.push(value);
  }
  return out;
}

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);
const JSX_TYPES = new Set(["JSXElement", "JSXFragment"]);

/** Every function in one source text, with its length and the lines its outermost JSX covers. */
export function functionLengths(file: string, source: string): FunctionLength[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lang = file.endsWith(".tsx") ? "tsx" : "ts";
  const program = parseAst(source, { lang }) as unknown as Node;
  const found: FunctionLength[] = [];

  /** Lines covered by outermost JSX inside `node` (not descending into nested functions' own counts twice). */
  const jsxLines = (node: Node, lines: Set<number>): void => {
    if (JSX_TYPES.has(node.type)) {
      for (let l = lineOf(node.start); l <= lineOf(node.end - 1); l++) lines.add(l);
      return;
    }
    for (const child of children(node)) jsxLines(child, lines);
  };

  const visit = (node: Node, name: string): void => {
    let here = name;
    if (node.type === "VariableDeclarator" && isNode(node.id) && typeof node.id.name === "string")
      here = node.id.name;
    if ((node.type === "Property" || node.type === "MethodDefinition") && isNode(node.key)) {
      here = typeof node.key.name === "string" ? node.key.name : here;
    }
    if (FUNCTION_TYPES.has(node.type)) {
      const id = isNode(node.id) && typeof node.id.name === "string" ? node.id.name : here;
      const first = lineOf(node.start);
      const last = lineOf(node.end - 1);
      const markup = new Set<number>();
      jsxLines(node, markup);
      const lines = last - first + 1;
      found.push({
        file,
        name: id || "(anonymous)",
        line: first,
        lines,
        logicLines: lines - markup.size,
        component: lang === "tsx" && /^[A-Z]/.test(id),
      });
      here = id;
    }
    for (const child of children(node)) visit(child, here);
  };
  visit(program, "");
  return found;
}

export function functionLengthsOfFile(file: string): FunctionLength[] {
  return functionLengths(file, readFileSync(file, "utf8"));
}

/** The rule: a function is at most 80 lines; a React component may be longer if at most 40 of its lines are logic. */
export const MAX_FUNCTION_LINES = 80;
export const MAX_COMPONENT_LOGIC_LINES = 40;

export function breaksTheRule(f: FunctionLength): boolean {
  if (f.component) return f.lines > MAX_FUNCTION_LINES && f.logicLines > MAX_COMPONENT_LOGIC_LINES;
  return f.lines > MAX_FUNCTION_LINES;
}
