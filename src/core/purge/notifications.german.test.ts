/**
 * Outlook's notification bar takes at most 150 characters. Every sentence the ribbon command can put there is
 * checked in every language, so a translation that runs long fails here rather than being cut off in Outlook.
 */
import { afterEach, describe, expect, it } from "vitest";
import { AUTH_MESSAGES, AuthError } from "../auth/errors";
import { CLOUDS, type CloudId, OperationUnavailableError, type PurgeOperation } from "../cloud";
import { activateLanguage, type Catalogue, type Language } from "../i18n";
import { de } from "../i18n/de";
import { en } from "../i18n/en";
import { deleteRefusal } from "../office/shared";
import { mailboxNotEnabled, notFound } from "./graphWording";
import { notificationText, SHORT_MESSAGES } from "./report";

const LIMIT = 150;
const LANGUAGES: [Language, Catalogue, string][] = [
  ["en", en, "en-US"],
  ["de", de, "de-DE"],
];

afterEach(() => activateLanguage("en", en));

function notificationSentences(): string[] {
  const cloudShorts = (Object.keys(CLOUDS) as CloudId[]).flatMap((cloud) =>
    (["message", "contact", "event", "mailFolder"] as PurgeOperation[]).map(
      (operation) => new OperationUnavailableError(CLOUDS[cloud], operation).short,
    ),
  );
  const refusals = [4, 0].map(
    (permissions) =>
      deleteRefusal(
        {
          via: "shared-folder",
          mailbox: { kind: "user", id: "x" },
          // The longest address Exchange accepts in practice is far shorter; this is a long, realistic one.
          address: "shared-mailbox-finance@contoso.com",
          targetRestUrl: undefined,
          permissions,
        },
        false,
      )?.short ?? "",
  );
  const notAuth = new AuthError("conditional-access", "x", {
    correlationId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
  });
  return [
    // The fallback sign-in window ended at its deadline (auth/dialogSignIn.ts: 10 minutes).
    AUTH_MESSAGES.timedOut(10),
    SHORT_MESSAGES.notConfigured,
    SHORT_MESSAGES.conditionalAccess(notAuth.details.correlationId),
    SHORT_MESSAGES.dialog(12004) ?? "",
    SHORT_MESSAGES.dialog(12005) ?? "",
    notificationText({
      status: "done",
      results: [
        {
          target: {
            ref: { kind: "message", id: "m", mailbox: { kind: "me" } },
            subject: "s",
            from: undefined,
            received: undefined,
          },
          outcome: { status: "purged" },
        },
      ],
    }),
    ...cloudShorts,
    ...refusals,
    // A 404, in every form the ribbon can show (the longest noun, a long shared address), and a mailbox Graph can't serve.
    ...(["message", "contact", "event"] as const).flatMap((kind) => [
      notFound({ kind, mailbox: { kind: "me" } }, false),
      notFound({ kind, mailbox: { kind: "user", id: "shared-mailbox-finance@contoso.com" } }, false),
      notFound({ kind, mailbox: { kind: "me" } }, true),
      mailboxNotEnabled(kind),
    ]),
  ];
}

describe("notification-bar sentences", () => {
  for (const [language, catalogue, locale] of LANGUAGES) {
    it(`fit in ${LIMIT} characters in ${language}`, () => {
      activateLanguage(language, catalogue, locale);
      const sentences = notificationSentences();
      expect(sentences.every((s) => s.length > 0)).toBe(true);
      const tooLong = sentences.filter((s) => s.length > LIMIT);
      expect(tooLong).toEqual([]);
    });
  }

  it("are really in German when German is active", () => {
    activateLanguage("de", de, "de-DE");
    expect(notificationSentences().every((s) => /gelöscht|löschen/.test(s))).toBe(true);
  });
});
