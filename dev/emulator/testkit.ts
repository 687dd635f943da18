/**
 * Helpers for tests that run against the emulator in-process: its own tests, the core's, the fault table's and the
 * simulator's.
 */
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Emulator, type EmulatorOptions, type Settings, startEmulator } from "./server";

export interface Kit {
  emu: Emulator;
  token(scopes?: string[], upn?: string): string;
  graph(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  purge(id: string, token?: string): Promise<Response>;
  batch(requests: unknown[], token?: string): Promise<{ status: number; body: BatchBody }>;
}

export interface BatchMemberResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { error?: { code: string; message: string } };
}

export interface BatchBody {
  responses: BatchMemberResponse[];
  error?: { code: string; message: string };
}

export async function startKit(options: EmulatorOptions = {}): Promise<Kit> {
  const emu = await startEmulator({ https: false, port: 0, ...options });
  const token = (scopes = ["Mail.ReadWrite"], upn?: string) =>
    emu.control.mintToken({ scopes, ...(upn !== undefined ? { upn } : {}) }).accessToken;
  const graph = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token: t, ...rest } = init;
    const headers = new Headers(rest.headers);
    const bearer = t === undefined ? token() : t;
    if (bearer !== null) headers.set("Authorization", `Bearer ${bearer}`);
    return fetch(`${emu.url}/v1.0${path}`, { ...rest, headers });
  };
  return {
    emu,
    token,
    graph,
    purge: (id, t) =>
      graph(`/me/messages/${encodeURIComponent(id)}/permanentDelete`, {
        method: "POST",
        ...(t ? { token: t } : {}),
      }),
    batch: async (requests, t) => {
      const res = await graph("/$batch", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ requests }),
        ...(t ? { token: t } : {}),
      });
      return { status: res.status, body: (await res.json()) as BatchBody };
    },
  };
}

/** What kitForThisFile and emulatorForThisFile do before each test. */
export interface BeforeEachTest {
  /** Reseed the mailboxes, clear faults, holds and the log (default true). */
  reset?: boolean;
  /** Settings every test starts from (reset keeps settings, so these are set again each time). */
  settings?: Partial<Settings>;
}

/**
 * startKit for this test file: the emulator starts before its first test and closes after its last, and before
 * each test it is reset and given `each.settings`.
 */
export function kitForThisFile(options: EmulatorOptions = {}, each: BeforeEachTest = {}): Kit {
  return forThisFile(
    "kitForThisFile",
    () => startKit(options),
    (kit) => kit.emu,
    each,
  );
}

/** The same for a test that needs only the emulator itself (on http, a free port). */
export function emulatorForThisFile(options: EmulatorOptions = {}, each: BeforeEachTest = {}): Emulator {
  return forThisFile(
    "emulatorForThisFile",
    () => startEmulator({ https: false, port: 0, ...options }),
    (e) => e,
    each,
  );
}

/** Registers the file's hooks and returns a stand-in that forwards to what `start` made once it has run. */
function forThisFile<T extends object>(
  name: string,
  start: () => Promise<T>,
  emulatorOf: (started: T) => Emulator,
  each: BeforeEachTest,
): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    if (started) await emulatorOf(started).close();
  });
  beforeEach(() => {
    if (!started) return;
    const { control } = emulatorOf(started);
    if (each.reset ?? true) control.reset();
    if (each.settings) control.configure(each.settings);
  });
  return new Proxy({} as T, {
    get(_target, key) {
      if (!started) throw new Error(`the emulator isn't running (${name}'s beforeAll failed or hasn't run)`);
      return Reflect.get(started, key);
    },
  });
}

/** A permanentDelete batch member as the add-in sends it. */
export function purgeMember(id: string, messageId: string, dependsOn?: string[]) {
  return {
    id,
    method: "POST",
    url: `/me/messages/${encodeURIComponent(messageId)}/permanentDelete`,
    headers: { "Content-Type": "application/json" },
    body: {},
    ...(dependsOn ? { dependsOn } : {}),
  };
}

export function inboxIds(emu: Emulator, n: number): string[] {
  return emu.control
    .messages({ folder: "inbox" })
    .slice(0, n)
    .map((m) => m.id);
}
