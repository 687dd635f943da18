/**
 * The person's language: which catalogue is active, `t()` to read it, and numbers and dates in their locale.
 *
 * One module-level setting per page, on purpose. Every page (task pane, command page, confirmation page, sign-in
 * page) calls `loadLanguage(Office.context.displayLanguage)` once at startup, before it renders or says anything;
 * the core's wording functions then read the active catalogue through `t()`. Threading a catalogue parameter
 * through every error constructor and outcome builder (the Graph client, the scheduler, the workflow) would touch
 * every signature for a value that never changes while a page lives. The core stays pure in the sense that
 * matters: no Office, no DOM; the only state is this one setting, set once by the entry point (and by tests,
 * which reset it with `activateLanguage("en", en)`).
 *
 * Every language, English included, is its own chunk loaded with a dynamic import before the page's first render
 * (the import starts as soon as Office says which language to use): a person's page fetches exactly one
 * catalogue, so German costs an English page nothing and English costs a German page nothing (the size budgets in
 * test/budgets count the one catalogue each language needs). If German can't be loaded the page falls back to
 * English; `t()` before any catalogue is active is a programming error and throws. Tests activate English in
 * test/setup.ts. Adding a language: see ./README.md.
 */
import type { en } from "./en.ts";

export type English = typeof en;
export type MessageKey = keyof English;
/** A translation: exactly the English keys (the placeholders are compared by catalogue.test.ts). */
export type Catalogue = { readonly [K in MessageKey]: string };

export type Language = "en" | "de";

/** "{a} and {b}" → "a" | "b". */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

export type Params<K extends MessageKey> = [Placeholders<English[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<English[K]>, string | number>];

interface Active {
  language: Language;
  /** BCP 47 tag for Intl: the display language as Office gives it, so dates follow the person's region. */
  locale: string;
  messages: Catalogue;
}

let active: Active | undefined;

function current(): Active {
  if (active === undefined) throw new Error("No language loaded yet: call loadLanguage() before t().");
  return active;
}

/** Office's display language → a catalogue we have. German for de, de-DE, de-AT, de-CH, …; English otherwise. */
export function languageFor(tag: string | undefined): Language {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "de" ? "de" : "en";
}

function validLocale(tag: string | undefined, fallback: string): string {
  if (!tag) return fallback;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, "-"))[0] ?? fallback;
  } catch {
    return fallback;
  }
}

const loaders: Record<Language, () => Promise<Catalogue>> = {
  en: () => import("./en.ts").then((m) => m.en),
  de: () => import("./de.ts").then((m) => m.de),
};

/** Makes a catalogue active (sync): for tests, and for loadLanguage once the catalogue is here. */
export function activateLanguage(language: Language, messages: Catalogue, locale?: string): void {
  active = {
    language,
    messages,
    locale: validLocale(locale, language === "de" ? "de-DE" : "en-US"),
  };
  numbers = undefined;
  dates = undefined;
}

/**
 * Chooses and loads the catalogue for Office's display language; resolves when `t()` speaks it. If a translation
 * can't be loaded (a network failure for its chunk), the page falls back to English; if English can't be loaded
 * either, this rejects and the page says so in the only words it has (see taskpane/main.tsx).
 */
export async function loadLanguage(displayLanguage: string | undefined): Promise<Language> {
  const language = languageFor(displayLanguage);
  if (language !== "en") {
    try {
      activateLanguage(language, await loaders[language](), displayLanguage);
      return language;
    } catch (error) {
      console.warn("Translation not loaded; falling back to English.", error);
    }
  }
  activateLanguage("en", await loaders.en(), displayLanguage);
  return "en";
}

/**
 * The one sentence that can't come from a catalogue: what a page says when not even English could be loaded
 * (its chunk failed to download). Said in English because there is nothing else.
 */
export const NO_CATALOGUE =
  "Permanent Delete couldn't load its text. Check your connection, then close this and try again. Nothing was deleted.";

export function currentLanguage(): Language {
  return current().language;
}

/** The BCP 47 tag dates and numbers are formatted with. */
export function currentLocale(): string {
  return current().locale;
}

/** Fills {placeholders}; numbers are formatted for the locale (1,000 / 1.000). Pass codes as strings. */
export function format(
  template: string,
  params: Readonly<Record<string, string | number>> | undefined,
): string {
  if (!params) return template;
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value) : value;
  });
}

/** The active language's text for `key`, with its placeholders filled. */
export function t<K extends MessageKey>(key: K, ...params: Params<K>): string {
  return format(current().messages[key], params[0]);
}

/** The active language's raw text for `key`, placeholders unfilled (for sentences with React parts). */
export function template(key: MessageKey): string {
  return current().messages[key];
}

/** The same from a given catalogue (tests, and comparisons across languages). */
export function tIn(messages: Catalogue, key: MessageKey, params?: Record<string, string | number>): string {
  return format(messages[key], params);
}

// Formatters are made once per language switch: constructing an Intl formatter costs far more than formatting
// with one, and the selection list and the bulk report format a date per row.
let numbers: Intl.NumberFormat | undefined;
let dates: Intl.DateTimeFormat | undefined;

export function formatNumber(value: number): string {
  numbers ??= new Intl.NumberFormat(current().locale);
  return numbers.format(value);
}

/** Medium date, short time: "23 Nov 2026, 17:56" / "23.11.2026, 17:56". */
export function formatDateTime(date: Date): string {
  dates ??= new Intl.DateTimeFormat(current().locale, { dateStyle: "medium", timeStyle: "short" });
  return dates.format(date);
}
