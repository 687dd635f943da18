/**
 * The person's language: which catalogue is active, `t()` to read it, and numbers and dates in their locale.
 *
 * One module-level setting per page, on purpose. Every page (task pane, command page, confirmation page, sign-in
 * page) calls `loadLanguage(Office.context.displayLanguage)` once at startup, before it renders or says anything;
 * the core's wording functions then read the active catalogue through `t()`. Threading a catalogue parameter
 * through every error constructor and outcome builder (the Graph client, the scheduler, the workflow) would touch
 * every signature for a value that never changes while a page lives. The core stays pure in the sense that
 * matters: no Office, no DOM; the only state is this one setting, set once by the entry point (and by tests,
 * which reset it with `activateLanguage("en")`).
 *
 * English is bundled (it is the fallback and the reference); other languages load with a dynamic import, so a
 * page in English pays nothing for German and a page in German awaits it before the first render (no English
 * flash). Adding a language: see ./README.md.
 */
import { en } from "./en";

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

let active: Active = { language: "en", locale: "en-US", messages: en };

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

const loaders: Record<Exclude<Language, "en">, () => Promise<Catalogue>> = {
  de: () => import("./de").then((m) => m.de),
};

/** Makes a catalogue active (sync): for pages that already hold it, and for tests. */
export function activateLanguage(language: Language, messages: Catalogue = en, locale?: string): void {
  active = {
    language,
    messages: language === "en" ? en : messages,
    locale: validLocale(locale, language === "de" ? "de-DE" : "en-US"),
  };
}

/**
 * Chooses and loads the catalogue for Office's display language; resolves when `t()` speaks it. If the
 * translation can't be loaded (a network failure for its chunk), the page stays in English rather than failing.
 */
export async function loadLanguage(displayLanguage: string | undefined): Promise<Language> {
  const language = languageFor(displayLanguage);
  if (language === "en") {
    activateLanguage("en", en, displayLanguage);
    return "en";
  }
  try {
    activateLanguage(language, await loaders[language](), displayLanguage);
    return language;
  } catch (error) {
    console.warn("Translation not loaded; staying in English.", error);
    activateLanguage("en", en, displayLanguage);
    return "en";
  }
}

export function currentLanguage(): Language {
  return active.language;
}

/** The BCP 47 tag dates and numbers are formatted with. */
export function currentLocale(): string {
  return active.locale;
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
  return format(active.messages[key], params[0]);
}

/** The active language's raw text for `key`, placeholders unfilled (for sentences with React parts). */
export function template(key: MessageKey): string {
  return active.messages[key];
}

/** The same from a given catalogue (tests, and comparisons across languages). */
export function tIn(messages: Catalogue, key: MessageKey, params?: Record<string, string | number>): string {
  return format(messages[key], params);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(active.locale).format(value);
}

/** Medium date, short time: "23 Nov 2026, 17:56" / "23.11.2026, 17:56". */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(active.locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}
