/**
 * Test helper: Microsoft's own office.js rules, taken from the Outlook web script of the `@microsoft/office-js`
 * package (devDependency, 1.1.110: `dist/outlook-web-16.01.debug.js`) and run in a `node:vm` context, so the
 * simulator's rules can be compared with the real ones call by call. Only the named top-level functions (and
 * the constants they read) are lifted out of the bundle; the few host lookups they make (`getString` for
 * localised texts, the host platform and version for insight messages) are answered as Outlook on the web would.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { runInNewContext } from "node:vm";

export const OFFICE_JS_OUTLOOK_WEB = "@microsoft/office-js/dist/outlook-web-16.01.debug.js";

let source: string | undefined;

export function outlookWebScript(): string {
  if (source === undefined) {
    const path = createRequire(import.meta.url).resolve(OFFICE_JS_OUTLOOK_WEB);
    source = readFileSync(path, "utf8");
  }
  return source;
}

/** The text of `function name(...) {...}` at the start of a line, by brace matching (these have no braces in strings). */
export function functionSource(script: string, name: string): string {
  const start = script.search(new RegExp(`^function ${name}\\(`, "m"));
  if (start === -1) throw new Error(`office.js has no top-level function ${name}`);
  const open = script.indexOf("{", start);
  let depth = 0;
  for (let i = open; i < script.length; i++) {
    const c = script[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) return script.slice(start, i + 1);
    }
  }
  throw new Error(`unbalanced braces in office.js's ${name}`);
}

/** `var Name = value;` at the start of a line. */
export function constantSource(script: string, name: string): string {
  const match = new RegExp(`^var ${name} = [^;]+;`, "m").exec(script);
  if (!match) throw new Error(`office.js has no top-level var ${name}`);
  return match[0];
}

const HELPERS = [
  "createError",
  "createArgumentError",
  "createNullArgumentError",
  "createArgumentOutOfRange",
  "createArgumentTypeError",
  "isNullOrUndefined",
  "validateStringParam",
];

/** office.js's `var MailboxEnums = {};` and each `MailboxEnums.Name = {...};` the script assigns at the top level. */
export function mailboxEnumsSource(script: string): string {
  const members = script.match(/^MailboxEnums\.\w+ = \{[^}]*\};/gm) ?? [];
  if (members.length === 0) throw new Error("office.js assigns no MailboxEnums members");
  return [constantSource(script, "MailboxEnums"), ...members].join("\n");
}

/** office.js's own Office.MailboxEnums values (the Outlook web script's), evaluated from its source. */
export function officeJsMailboxEnums(): Record<string, Record<string, string | number>> {
  return runInNewContext(`${mailboxEnumsSource(outlookWebScript())}\nMailboxEnums;`, {}) as Record<
    string,
    Record<string, string | number>
  >;
}

export interface OfficeJsRules {
  convertToRestId(itemId: unknown, restVersion: unknown): string;
  convertToEwsId(itemId: unknown, restVersion: unknown): string;
  /** office.js's validateKey then validateData, as addAsync and replaceAsync call them before reaching the host. */
  validateNotification(key: unknown, data: unknown): void;
}

let rules: OfficeJsRules | undefined;

/** office.js's own convertToRestId/convertToEwsId and notification validation, run from its source. */
export function officeJsRules(): OfficeJsRules {
  if (rules) return rules;
  const script = outlookWebScript();
  const functions = [
    ...HELPERS,
    "throwOnInvalidRestVersion",
    "convertToRestId",
    "convertToEwsId",
    "validateKey",
    "validateData",
    "validateInsightMessageParameters",
    "validateActionsDefinitionBlob",
    "extractActionsDefinition",
    "validateActionsDefinitionActionsType",
    "validateActionsDefinitionActionsText",
  ].map((name) => functionSource(script, name));
  const constants = [
    "MaximumKeyLength",
    "MaximumIconLength",
    "MaximumMessageLength",
    "MaximumActionTextLength",
    "NotificationsKeyParameterName",
    "NotificationsTypeParameterName",
    "NotificationsIconParameterName",
    "NotificationsMessageParameterName",
    "NotificationsPersistentParameterName",
    "NotificationsActionsDefinitionParameterName",
    "NotificationsActionTypeParameterName",
    "NotificationsActionTextParameterName",
    "NotificationsActionCommandIdParameterName",
    "NotificationsActionShowTaskPaneActionId",
  ].map((name) => constantSource(script, name));
  const code = [
    mailboxEnumsSource(script),
    // The bundle's reverse-mapped enum, checked after validation (addNotificationMessage.ts).
    `var ItemNotificationMessageType = { informationalMessage: 0, progressIndicator: 1, errorMessage: 2, insightMessage: 3,
      0: "informationalMessage", 1: "progressIndicator", 2: "errorMessage", 3: "insightMessage" };`,
    // Outlook on the web: not win32, so insight messages never take persistent; texts are not localised here.
    "function getString(id) { return id; }",
    "function isHostPlatform() { return false; }",
    "function isOfficeVersion_isOfficeVersionOrGreater() { return false; }",
    ...constants,
    ...functions,
    `({
      convertToRestId: convertToRestId,
      convertToEwsId: convertToEwsId,
      validateNotification: function (key, data) {
        validateKey(key);
        validateData(data);
        if (isNullOrUndefined(ItemNotificationMessageType[data.type])) throw createArgumentError("type");
      },
    })`,
  ].join("\n");
  rules = runInNewContext(code, {}, { filename: OFFICE_JS_OUTLOOK_WEB }) as OfficeJsRules;
  return rules;
}
