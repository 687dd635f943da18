import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, ewsToRestId, startEmulator } from "../../../test/emulator/server";
import { createGraphClient } from "../graph/client";
import {
  listFolderMessages,
  listMailFolders,
  mapLimited,
  resolveSelection,
  sharedSelectionReason,
} from "./mailData";

let emulator: Emulator;
let graph: ReturnType<typeof createGraphClient>;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, https: false });
  const token = emulator.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
  graph = createGraphClient({ baseUrl: emulator.url, tokens: { getToken: async () => token } });
});
afterAll(async () => {
  await emulator.close();
});

describe("Graph reads for bulk purges (against the emulator)", () => {
  it("lists folders with Deleted Items and Junk Email first, and counts", async () => {
    const folders = await listMailFolders(graph, { kind: "me" });
    expect(folders.slice(0, 2).map((f) => f.wellKnown)).toEqual(["deleteditems", "junkemail"]);
    const inbox = folders.find((f) => f.wellKnown === "inbox");
    expect(inbox?.totalItemCount).toBe(emulator.control.messages({ folder: "inbox" }).length);
    expect(folders.some((f) => f.displayName === "Contoso Launch")).toBe(true);
  });

  it("enumerates every message of a folder across pages", async () => {
    const folders = await listMailFolders(graph, { kind: "me" });
    const inbox = folders.find((f) => f.wellKnown === "inbox");
    if (!inbox) throw new Error("no inbox");
    const pages: number[] = [];
    const targets = await listFolderMessages(graph, { kind: "me" }, inbox, { onPage: (n) => pages.push(n) });
    expect(targets.map((t) => t.ref.id).sort()).toEqual(
      emulator.control
        .messages({ folder: "inbox" })
        .map((m) => m.id)
        .sort(),
    );
    expect(targets.every((t) => t.folderName === inbox.displayName)).toBe(true);
    expect(pages.at(-1)).toBe(targets.length);
  });

  it("verifies a selection: drafts in compose and missing IDs are left out, with why", async () => {
    const [a, b] = emulator.control.messages({ folder: "inbox" });
    if (!a || !b) throw new Error("no messages");
    const missing = ewsToRestId("AAMkAGI2TG93AAA+bc/de==");
    const resolved = await resolveSelection(
      graph,
      [
        { restId: a.id, ewsId: a.ewsId, subject: a.subject, itemMode: "Read", itemType: "Message" },
        { restId: b.id, ewsId: b.ewsId, subject: b.subject, itemMode: "Compose", itemType: "Message" },
        { restId: missing, ewsId: "x", subject: "Gone", itemMode: "Read", itemType: "Message" },
      ],
      { kind: "me" },
      new Map([[a.folderId, "Inbox"]]),
    );
    expect(resolved.targets.map((t) => [t.ref.id, t.subject, t.folderName])).toEqual([
      [a.id, a.subject, "Inbox"],
    ]);
    expect(resolved.skipped.map((s) => s.subject)).toEqual([b.subject, "Gone"]);
  });

  it("says plainly that a selected message of a shared mailbox can't be verified under /me, and offers nothing", async () => {
    const [own] = emulator.control.messages({ folder: "inbox" });
    const [sales] = emulator.control.messages({ folder: "inbox", mailbox: "sales@contoso.onmicrosoft.com" });
    if (!own || !sales) throw new Error("no messages");
    const resolved = await resolveSelection(
      graph,
      [
        { restId: own.id, ewsId: own.ewsId, subject: own.subject, itemMode: "Read", itemType: "Message" },
        {
          restId: sales.id,
          ewsId: sales.ewsId,
          subject: sales.subject,
          itemMode: "Read",
          itemType: "Message",
        },
      ],
      { kind: "me" },
      new Map(),
    );
    expect(resolved.targets.map((t) => t.ref.id)).toEqual([own.id]);
    expect(resolved.skipped).toEqual([{ subject: sales.subject, reason: sharedSelectionReason() }]);
  });
});

describe("mapLimited", () => {
  it("starts no new work after a failure and rejects only once the work in flight has settled", async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const release = new Map<number, () => void>();
    const run = mapLimited([0, 1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      started.push(n);
      await new Promise<void>((resolve) => release.set(n, resolve));
      settled.push(n);
      if (n === 1) throw new Error("read failed");
      return n;
    });
    let outcome: unknown;
    run.then(
      () => {
        outcome = "resolved";
      },
      (error: unknown) => {
        outcome = error;
      },
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    release.get(1)?.(); // fails
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(started).toEqual([0, 1, 2]); // nothing new after the failure
    expect(outcome).toBeUndefined(); // 0 and 2 are still running
    release.get(0)?.();
    release.get(2)?.();
    await run.catch(() => undefined);
    expect(settled.sort()).toEqual([0, 1, 2]);
    expect(outcome).toEqual(new Error("read failed"));
  });

  it("keeps the order of the results and the concurrency limit", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
