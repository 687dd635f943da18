/**
 * Plurals: whether a count takes a message's `.one` or `.other` form, by the active locale's plural rules
 * (Intl.PluralRules), not by `count === 1`. A plural message is a pair of keys, `<base>.one` and `<base>.other`,
 * chosen at the call site (`isOne(n) ? t("x.one", …) : t("x.other", …)`) so each key's placeholders stay typed. A
 * language whose rules have more categories (few, many, two, zero) reads `.other` for them; giving it its own forms
 * means keys for those categories in every catalogue and call sites that choose by pluralCategory. Not in
 * index.ts: nothing on the pane's first paint counts anything.
 */
import { currentLocale } from "./index";

let cached: { locale: string; rules: Intl.PluralRules } | undefined;

/** The locale's plural category for `count` ("one", "other", "few", …). */
export function pluralCategory(count: number, locale: string = currentLocale()): Intl.LDMLPluralRule {
  if (cached?.locale !== locale) cached = { locale, rules: new Intl.PluralRules(locale) };
  return cached.rules.select(count);
}

/** Whether `count` takes a message's `.one` form in the active language (1 in English and German, 0 and 1 in French). */
export function isOne(count: number): boolean {
  return pluralCategory(count) === "one";
}
