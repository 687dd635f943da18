/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped (hyphens kept), spaces become hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

/**
 * The section anchors a text points to in docs/platform-facts.md: the file's name with a section anchor anywhere,
 * and, inside the document itself, its own links to its sections.
 */
export function pointersIn(text: string, isTheDocument: boolean): string[] {
  const found = [...text.matchAll(/platform-facts\.md#([a-z0-9-]+)/g)].map((match) => match[1] ?? "");
  if (isTheDocument) found.push(...[...text.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((match) => match[1] ?? ""));
  return found;
}
