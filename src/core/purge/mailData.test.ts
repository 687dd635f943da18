import { beforeAll, describe, expect, it } from "vitest";
import { ewsToRestId } from "../../../dev/emulator/server";
import { emulatorForThisFile } from "../../../dev/emulator/testkit";
import { createGraphClient } from "../graph/client";
import {
  listFolderMessages,
  listMailFolders,
  mapLimited,
  resolveSelection,
  sharedSelectionReason,
} from "./mailData";

// Each test leaves the mailbox as it found it (reads, and page limits it sets back), so there is no reset.
const emulator = emulatorForThisFile({}, { reset: false });
let graph: ReturnType<typeof createGraphClient>;

beforeAll(async () => {
  const token = emulator.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
  graph = createGraphClient({ baseUrl: emulator.url, tokens: { getToken: async () => token } });
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

  it("lists a large folder in pages Graph serves: 250 at a time, oldest first, newest first in the result", async () => {
    emulator.control.addMessages({ folder: "archive", count: 600, subjectPrefix: "[big] " });
    const folders = await listMailFolders(graph, { kind: "me" });
    const archive = folders.find((f) => f.wellKnown === "archive");
    if (!archive) throw new Error("no archive");
    const before = emulator.control.requests().length;
    const targets = await listFolderMessages(graph, { kind: "me" }, archive);
    const lists = emulator.control
      .requests()
      .slice(before)
      .filter((r) => r.op === "listMessages");
    expect(lists.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(lists.every((r) => new URLSearchParams(r.query).get("$top") === "250")).toBe(true);
    expect(new URLSearchParams(lists[0]?.query).get("$orderby")).toBe("receivedDateTime asc");
    expect(targets).toHaveLength(emulator.control.messages({ folder: "archive" }).length);
    const times = targets.map((t) => t.received?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((x, y) => y - x));
  });

  it("asks again at half the page size when a page times out (504), and keeps the smaller size", async () => {
    emulator.control.configure({ messagePageLimit: 100 });
    try {
      const folders = await listMailFolders(graph, { kind: "me" });
      const archive = folders.find((f) => f.wellKnown === "archive");
      if (!archive) throw new Error("no archive");
      const quick = createGraphClient({
        baseUrl: emulator.url,
        tokens: {
          getToken: async () => emulator.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken,
        },
        sleep: async () => undefined,
      });
      const before = emulator.control.requests().length;
      const targets = await listFolderMessages(quick, { kind: "me" }, archive);
      const lists = emulator.control
        .requests()
        .slice(before)
        .filter((r) => r.op === "listMessages");
      const tops = lists.map((r) => `${new URLSearchParams(r.query).get("$top")}:${r.status}`);
      // 250 times out (the client retries it, then the listing halves), 125 too, 62 fits and stays.
      expect(tops.filter((x) => x.endsWith(":504")).map((x) => x.split(":")[0])).toEqual([
        ...Array(4).fill("250"),
        ...Array(4).fill("125"),
      ]);
      expect(new Set(tops.filter((x) => x.endsWith(":200")))).toEqual(new Set(["62:200"]));
      expect(new Set(targets.map((t) => t.ref.id)).size).toBe(targets.length);
      expect(targets).toHaveLength(archive.totalItemCount);
    } finally {
      emulator.control.configure({ messagePageLimit: 250 });
    }
  });

  it("lists each message once when Graph's $skip pages shift under it and repeat one", async () => {
    // Mail moved in while the folder is listed pushes a message from page 1 onto page 2 as well.
    const message = (id: string) => ({
      id,
      subject: id,
      from: { emailAddress: { name: "x", address: "x@contoso.com" } },
      receivedDateTime: "2026-11-01T10:00:00Z",
      parentFolderId: "f",
      isDraft: false,
    });
    const pages = new Map<string, unknown>([
      ["first", { value: [message("a"), message("b"), message("c")], "@odata.nextLink": "https://g/next" }],
      ["https://g/next", { value: [message("c"), message("d")] }],
    ]);
    const reader = {
      getJson: async <T>(url: string): Promise<T> => pages.get(url.startsWith("/") ? "first" : url) as T,
    };
    const targets = await listFolderMessages(reader, { kind: "me" }, { id: "f", displayName: "Archive" });
    expect(targets.map((t) => t.ref.id).sort()).toEqual(["a", "b", "c", "d"]);
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
