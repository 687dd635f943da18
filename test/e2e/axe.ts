/** axe-core over the add-in's frames in the simulator shell: serious and critical violations only. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Serious and critical violations inside the add-in's frames (the only iframes in the simulator shell): axe
 * analyses the iframes and what is in them, and a node inside one has a target path longer than one.
 */
export async function addinViolations(page: Page): Promise<string[]> {
  // Guard against analysing nothing: axe must have checked nodes inside the add-in's frames. A frame that has
  // just (re)loaded may not be reachable for axe's injection yet, so it gets a few tries.
  const inFrame = (r: Awaited<ReturnType<AxeBuilder["analyze"]>>) =>
    r.passes.some((rule) => rule.nodes.some((n) => n.target.length > 1));
  let results = await new AxeBuilder({ page }).include("iframe").analyze();
  for (let attempt = 0; attempt < 3 && !inFrame(results); attempt++) {
    await page.waitForTimeout(500);
    results = await new AxeBuilder({ page }).include("iframe").analyze();
  }
  expect(inFrame(results)).toBe(true);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes
        .filter((n) => n.target.length > 1 && !isTabsterFocusGuard(v.id, n.html))
        .map((n) => `${v.id}: ${v.help} (${JSON.stringify(n.target)} ${n.html})`),
    );
}

/**
 * Fluent's focus manager (tabster) puts aria-hidden, focusable `<i data-tabster-dummy>` guards at the edges of
 * focus groups; they hand focus on at once and are never read. Axe's aria-hidden-focus flags them; only those are
 * let through, nothing else of that rule.
 */
function isTabsterFocusGuard(rule: string, html: string): boolean {
  return rule === "aria-hidden-focus" && /^<i\b[^>]*data-tabster-dummy/.test(html);
}
