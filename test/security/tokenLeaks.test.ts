/**
 * SECURITY.md, "Token leakage through URLs, storage, logs": no access token reaches a log, a URL, a request body,
 * or anything the person sees or downloads (result bar, report rows, CSV, notifications, error sentences and
 * details). A whole fallback sign-in run: the real Office dialog wrapper and dialogTokenFlow over a stand-in
 * Outlook whose sign-in page answers with emulator-minted tokens, the real token service, Graph client,
 * workflow and scheduler against the emulator; a delete that works, a bulk run with a failing member, a token
 * Graph refuses (401) whose fresh sign-in fails, and one Graph forbids (403). Every console method is watched
 * throughout, and every request the add-in sends.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { dialogTokenFlow } from "../../src/core/auth/dialogSignIn";
import { AuthError } from "../../src/core/auth/errors";
import { createTokenService } from "../../src/core/auth/tokens";
import { reportCsv } from "../../src/core/purge/csv";
import { reportDelete } from "../../src/core/purge/graphReports";
import {
  notificationForError,
  notificationText,
  summarize,
  summarizeError,
  summarizeItem,
} from "../../src/core/purge/report";
import { purgeItems } from "../../src/core/purge/scheduler";
import type { ItemResult, PurgeResult } from "../../src/core/purge/types";
import { createPurger } from "../../src/core/purge/workflow";
import { emulatorForThisFile, graphClient, inbox, targetOf } from "../faults/kit";
import { installOffice } from "../support/officeFake";

const env = emulatorForThisFile();
const ORIGIN = "https://localhost:3000";
const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug", "trace", "dir", "table"] as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Outlook with a sign-in page that answers each window with the next scripted message. */
function outlookWithSignInPage(answers: object[]) {
  let answered = 0;
  const { dialogs } = installOffice({
    sets: { DialogApi: "1.2", DialogOrigin: "1.1" },
    dialog: {
      loaded(window) {
        const answer = answers[answered] ?? { type: "error", code: "no_more_answers" };
        answered += 1;
        setTimeout(() => window.send(answer, ORIGIN));
      },
    },
  });
  return { windows: () => dialogs.length };
}

/** Everything a token must never reach, gathered as text. */
function watch() {
  const written: string[] = [];
  for (const method of CONSOLE_METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(
        `console.${method} ${args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(" ")}`,
      );
      for (const a of args) {
        try {
          written.push(JSON.stringify(a));
        } catch {
          // not serialisable: its String() is above
        }
      }
    });
  }
  const sent: string[] = [];
  const authorization: string[] = [];
  const realFetch = globalThis.fetch;
  vi.stubGlobal("fetch", async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    authorization.push(headers.get("authorization") ?? "");
    headers.delete("authorization");
    sent.push(`${init?.method ?? "GET"} ${url} ${JSON.stringify([...headers])} ${String(init?.body ?? "")}`);
    return realFetch(input, init);
  });
  return { written, sent, authorization };
}

function shown(result: PurgeResult): string[] {
  const out = [
    JSON.stringify(result),
    summarize(result).message,
    summarize(result).title,
    notificationText(result),
  ];
  if (result.status === "done") {
    for (const r of result.results) {
      const s = summarizeItem(r);
      out.push(s.title, s.message);
    }
    out.push(reportCsv(result.results));
  }
  return out;
}

function shownError(error: unknown): string[] {
  const s = summarizeError(error);
  return [
    s.title,
    s.message,
    s.short ?? "",
    notificationForError(error),
    error instanceof Error ? `${error.name} ${error.message} ${error.stack}` : String(error),
    error instanceof AuthError ? JSON.stringify(error.details) : "",
  ];
}

/** The token itself, and each of its JWT parts long enough to identify it (payload, signature). */
function secretsOf(token: string): string[] {
  return [
    token,
    ...token
      .split(".")
      .filter((part) => part.length >= 16)
      .slice(1),
  ];
}

function leaks(texts: readonly string[], secrets: readonly string[]): string[] {
  return texts.filter((text) => secrets.some((secret) => text.includes(secret)));
}

describe("no token in logs, URLs, bodies, results, reports or notifications", () => {
  it("across a fallback sign-in, a delete, a bulk run with a failure, a refused token and a forbidden delete", async () => {
    const { emu } = env;
    const first = emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
    const second = emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
    const far = Date.now() + 3_600_000;
    const outlook = outlookWithSignInPage([
      { type: "token", accessToken: first, expiresOn: far },
      { type: "error", code: "invalid_grant", correlationId: "c0ffee00-0000-4000-8000-000000000001" },
      { type: "token", accessToken: second, expiresOn: far },
    ]);
    const seen = watch();
    const tokens = createTokenService({
      clientId: "11111111-2222-3333-4444-555555555555",
      authority: "https://login.microsoftonline.com/common",
      nestedAppAuthSupported: () => false,
      getAuthContext: async () => ({ userPrincipalName: "adele.vance@contoso.onmicrosoft.com" }),
      createNestableClient: () => Promise.reject(new Error("no nested app auth here")),
      signInWithDialog: (request) => dialogTokenFlow(ORIGIN, request),
    });
    const client = graphClient(emu, {
      getToken: ({ forceRefresh, signal }) =>
        tokens.getToken({ scopes: ["Mail.ReadWrite"], forceRefresh, interactive: true, signal }),
    });
    const targets = inbox(emu, 9).map(targetOf);
    const texts: string[] = [];

    // 1. One delete, signing in through the dialog: 204.
    const single = createPurger({
      resolveTargets: async () => targets.slice(0, 1),
      confirm: async (r) => ({ confirmed: true, ids: r.targets.map((t) => t.ref.id) }),
      stillSelected: async () => true,
      deleteItem: async (ref) => reportDelete(ref, await client.permanentDelete(ref)),
    });
    const one = await single.run();
    expect(one).toMatchObject({ status: "done", results: [{ outcome: { status: "purged" } }] });
    texts.push(...shown(one));

    // 2. A bulk run of five in which one member fails with a server error.
    const bulkTargets = targets.slice(1, 6);
    emu.control.addFault({
      op: "permanentDelete",
      itemId: bulkTargets[2]?.ref.id ?? "",
      action: { kind: "error", status: 500 },
    });
    const bulk = createPurger({
      resolveTargets: async () => bulkTargets,
      confirm: async (r) => ({ confirmed: true, ids: r.targets.map((t) => t.ref.id) }),
      stillSelected: async () => true,
      deleteMany: async (confirmed, signal): Promise<ItemResult[]> => {
        const outcomes = await purgeItems(
          confirmed.map((t) => t.ref),
          { client, signal },
        );
        return confirmed.map((target) => ({
          target,
          outcome: outcomes.get(target.ref.id) ?? { status: "not-attempted", message: "missing" },
        }));
      },
    });
    const many = await bulk.run();
    expect(many.status).toBe("done");
    if (many.status === "done")
      expect(many.results.filter((r) => r.outcome.status === "failed")).toHaveLength(1);
    texts.push(...shown(many));

    // 3. Graph refuses the token (401); the fresh sign-in fails (the page reports invalid_grant).
    emu.control.addFault({ op: "permanentDelete", times: 1, action: { kind: "error", status: 401 } });
    const seventh = targets[6];
    if (!seventh) throw new Error("the seeded Inbox is too small");
    const refused = await client.permanentDelete(seventh.ref).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(AuthError);
    texts.push(...shownError(refused));

    // 4. A new sign-in, then Graph forbids the delete (403).
    emu.control.addFault({ op: "permanentDelete", times: 1, action: { kind: "error", status: 403 } });
    const forbidden = createPurger({
      resolveTargets: async () => targets.slice(7, 8),
      confirm: async (r) => ({ confirmed: true, ids: r.targets.map((t) => t.ref.id) }),
      stillSelected: async () => true,
      deleteItem: async (ref) => reportDelete(ref, await client.permanentDelete(ref)),
    });
    const denied = await forbidden.run();
    expect(denied).toMatchObject({ status: "done", results: [{ outcome: { status: "failed" } }] });
    texts.push(...shown(denied));

    // The run really used both tokens, in the Authorization header only, through three sign-in windows.
    expect(outlook.windows()).toBe(3);
    expect(seen.authorization).toContain(`Bearer ${first}`);
    expect(seen.authorization).toContain(`Bearer ${second}`);

    const secrets = [...secretsOf(first), ...secretsOf(second)];
    expect(leaks([`x${first}x`], secrets)).toHaveLength(1); // the check itself can see a token
    expect(leaks(seen.written, secrets)).toEqual([]);
    expect(leaks(seen.sent, secrets)).toEqual([]);
    expect(leaks(texts, secrets)).toEqual([]);
  });
});
