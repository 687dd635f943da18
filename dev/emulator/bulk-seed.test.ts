/** Bulk seeding: control.addMessages and POST /_emulator/messages, for benchmarks and bulk tests. */
import { describe, expect, it } from "vitest";
import { ADELE, SALES } from "./data";
import { ewsToRestId, isWellFormedRestId, restToEwsId } from "./ids";
import type { MessageListing } from "./server";
import { kitForThisFile } from "./testkit";

const kit = kitForThisFile({ seed: 3 });

async function folderCount(folder: string, token?: string, user = "me"): Promise<number> {
  const res = await kit.graph(`/${user}/mailFolders/${folder}`, token ? { token } : {});
  expect(res.status).toBe(200);
  return ((await res.json()) as { totalItemCount: number }).totalItemCount;
}

describe("control.addMessages", () => {
  it("adds a varied mailing-list backlog that Graph lists, counts and purges like seeded mail", async () => {
    const before = await folderCount("archive");
    const added = kit.emu.control.addMessages({ folder: "archive", count: 300 });
    expect(added).toHaveLength(300);
    expect(await folderCount("archive")).toBe(before + 300);
    expect(kit.emu.control.messages({ folder: "archive" })).toHaveLength(before + 300);

    // Varied like a real backlog: several lists and posters, threads, dates spread newest first.
    expect(new Set(added.map((m) => m.subject)).size).toBeGreaterThan(100);
    expect(new Set(added.map((m) => m.from.address)).size).toBeGreaterThan(10);
    expect(new Set(added.map((m) => m.subject.match(/^\[([a-z-]+)\]/)?.[1])).size).toBeGreaterThanOrEqual(3);
    expect(added.some((m) => /^\[[a-z-]+\] Re: /.test(m.subject))).toBe(true);
    expect(new Set(added.map((m) => m.conversationId)).size).toBeLessThan(300);
    const dates = added.map((m) => m.receivedDateTime);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(new Set(dates).size).toBe(300);
    expect(Date.parse(dates[0] ?? "") - Date.parse(dates[299] ?? "")).toBeGreaterThan(7 * 24 * 3600 * 1000);
    expect(added.every((m) => m.folder === "Archive" && m.mailbox === ADELE.upn)).toBe(true);

    // IDs in Exchange's layout with both conversions, like the seeded ones, and all distinct.
    const seeded = kit.emu.control.messages({ folder: "inbox" })[0];
    for (const m of added) {
      expect(m.id.startsWith("AAMkA")).toBe(true);
      expect(m.id.length).toBe(seeded?.id.length);
      expect(m.id).toMatch(/-/);
      expect(m.id).toMatch(/_/);
      expect(isWellFormedRestId(m.id)).toBe(true);
      expect(restToEwsId(m.id)).toBe(m.ewsId);
      expect(ewsToRestId(m.ewsId)).toBe(m.id);
      expect(kit.emu.state.mailboxOfId(m.id)?.user.upn).toBe(ADELE.upn);
    }
    expect(new Set(added.map((m) => m.id)).size).toBe(300);

    const first = added[0] as MessageListing;
    const got = await kit.graph(`/me/messages/${encodeURIComponent(first.id)}?$select=subject,from`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as { subject: string }).subject).toBe(first.subject);
    expect((await kit.purge(first.id)).status).toBe(204);
    expect(await folderCount("archive")).toBe(before + 299);
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([first.id]);
  });

  it("takes a subject prefix, another mailbox, a folder by id, and is deterministic per seed and call", async () => {
    const sales = kit.emu.control.addMessages({
      folder: "inbox",
      count: 5,
      mailbox: SALES.upn,
      subjectPrefix: "[bench] ",
    });
    expect(sales.every((m) => m.subject.startsWith("[bench] ") && m.mailbox === SALES.upn)).toBe(true);
    const salesToken = kit.token(["Mail.ReadWrite.Shared"]);
    const purge = await kit.graph(
      `/users/${SALES.upn}/messages/${encodeURIComponent(sales[0]?.id ?? "")}/permanentDelete`,
      {
        method: "POST",
        token: salesToken,
      },
    );
    expect(purge.status).toBe(204);
    // Another mailbox's item under /me is refused as Graph does, so the GUID inside the id is the sales one.
    expect((await kit.purge(sales[1]?.id ?? "")).status).toBe(404);

    const receipts = kit.emu.control.messages().find((m) => m.folder === "Receipts");
    const byId = kit.emu.control.addMessages({ folder: receipts?.folderId ?? "", count: 2 });
    expect(byId.every((m) => m.folder === "Receipts")).toBe(true);

    kit.emu.control.reset();
    const again = kit.emu.control.addMessages({
      folder: "inbox",
      count: 5,
      mailbox: SALES.upn,
      subjectPrefix: "[bench] ",
    });
    expect(again.map((m) => m.id)).toEqual(sales.map((m) => m.id));
    const second = kit.emu.control.addMessages({ folder: "inbox", count: 5, mailbox: SALES.upn });
    expect(second.map((m) => m.id)).not.toEqual(sales.map((m) => m.id));
  });

  it("refuses bad requests without adding anything", () => {
    const total = kit.emu.control.messages().length;
    expect(() => kit.emu.control.addMessages({ folder: "inbox", count: 0 })).toThrow(/count/);
    expect(() => kit.emu.control.addMessages({ folder: "inbox", count: 1.5 })).toThrow(/count/);
    expect(() => kit.emu.control.addMessages({ folder: "inbox", count: 1e9 })).toThrow(/count/);
    expect(() => kit.emu.control.addMessages({ folder: "nowhere", count: 1 })).toThrow(/folder/);
    expect(() => kit.emu.control.addMessages({ folder: "inbox", count: 1, mailbox: "x@y" })).toThrow(
      /mailbox/,
    );
    expect(kit.emu.control.messages()).toHaveLength(total);
  });
});

describe("POST /_emulator/messages", () => {
  it("adds messages over HTTP and answers their listings", async () => {
    const res = await fetch(`${kit.emu.url}/_emulator/messages`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ folder: "junkemail", count: 25, subjectPrefix: "[http] " }),
    });
    expect(res.status).toBe(201);
    const { messages } = (await res.json()) as { messages: MessageListing[] };
    expect(messages).toHaveLength(25);
    expect(messages.every((m) => m.subject.startsWith("[http] ") && m.folder === "Junk Email")).toBe(true);
    const listed = await (await fetch(`${kit.emu.url}/_emulator/messages?folder=junkemail`)).json();
    const ids = new Set((listed as { messages: MessageListing[] }).messages.map((m) => m.id));
    expect(messages.every((m) => ids.has(m.id))).toBe(true);
  });

  it("answers 400 and 404 for bad counts and unknown folders", async () => {
    const post = (body: unknown) =>
      fetch(`${kit.emu.url}/_emulator/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await post({ folder: "inbox" })).status).toBe(400);
    expect((await post({ folder: "inbox", count: "10" })).status).toBe(400);
    expect((await post({ folder: "inbox", count: 1, subjectPrefix: 7 })).status).toBe(400);
    expect((await post({ folder: "nowhere", count: 1 })).status).toBe(404);
  });
});
