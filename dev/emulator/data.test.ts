import { describe, expect, it } from "vitest";
import { ADELE, SALES, seedMailboxes } from "./data";
import { ewsToRestId, isWellFormedRestId, restToEwsId } from "./ids";

describe("REST ids", () => {
  // office.js's convertToRestId (npm @microsoft/office-js 1.1.110, dist/outlook-web-16.01.debug.js): "/" -> "-",
  // "+" -> "_"; the emulator's ids are what Outlook hands the add-in, so they must convert the same way.
  it("map '/' to '-' and '+' to '_' as office.js does, and back", () => {
    expect(ewsToRestId("AA/b+c/d+==")).toBe("AA-b_c-d_==");
    expect(restToEwsId("AA-b_c-d_==")).toBe("AA/b+c/d+==");
  });
});

describe("seeded mailboxes", () => {
  const boxes = seedMailboxes(1);
  const adele = boxes.get(ADELE.upn);
  if (!adele) throw new Error("no Adele mailbox");

  it("is deterministic per seed and differs between seeds", () => {
    const again = seedMailboxes(1).get(ADELE.upn);
    const other = seedMailboxes(2).get(ADELE.upn);
    expect([...(again?.messages.keys() ?? [])]).toEqual([...adele.messages.keys()]);
    expect([...(other?.messages.keys() ?? [])][0]).not.toBe([...adele.messages.keys()][0]);
  });

  it("holds a few hundred messages across the well-known and custom folders", () => {
    expect(adele.messages.size).toBeGreaterThan(300);
    const names = [...adele.folders.values()].map((f) => f.wellKnownName);
    for (const wk of ["inbox", "drafts", "sentitems", "deleteditems", "junkemail", "archive"]) {
      expect(names).toContain(wk);
    }
    const projects = [...adele.folders.values()].find((f) => f.displayName === "Projects");
    const launch = [...adele.folders.values()].find((f) => f.displayName === "Contoso Launch");
    expect(launch?.parentFolderId).toBe(projects?.id);
    const drafts = [...adele.folders.values()].find((f) => f.wellKnownName === "drafts");
    const inDrafts = [...adele.messages.values()].filter((m) => m.folderId === drafts?.id);
    expect(inDrafts.length).toBeGreaterThan(0);
    expect(inDrafts.every((m) => m.isDraft)).toBe(true);
  });

  it("includes hostile and empty subjects and names", () => {
    const subjects = [...adele.messages.values()].map((m) => m.subject);
    expect(subjects).toContain("");
    expect(subjects.some((s) => s.includes("<script>"))).toBe(true);
    expect(subjects.some((s) => s.includes("\u202E"))).toBe(true);
    expect(Math.max(...subjects.map((s) => s.length))).toBeGreaterThan(255);
    const senders = [...adele.messages.values()].map((m) => m.from.name);
    expect(senders.some((s) => s.includes("<img"))).toBe(true);
  });

  it("mints Exchange-shaped IDs whose EWS and REST forms map one to one", () => {
    for (const m of adele.messages.values()) {
      expect(m.id.startsWith("AAMkA")).toBe(true);
      expect(m.id.length).toBeGreaterThan(140);
      expect(m.id).toMatch(/-/);
      expect(m.id).toMatch(/_/);
      expect(m.ewsId).toMatch(/[+/]/);
      expect(ewsToRestId(m.ewsId)).toBe(m.id);
      expect(restToEwsId(m.id)).toBe(m.ewsId);
      expect(isWellFormedRestId(m.id)).toBe(true);
      expect(isWellFormedRestId(m.ewsId)).toBe(false);
    }
  });

  it("has contacts, events with a recurring series, and a shared mailbox Adele may use", () => {
    expect(adele.contacts.size).toBeGreaterThan(20);
    expect(adele.contactFolders.size).toBeGreaterThanOrEqual(2);
    const master = [...adele.events.values()].find((e) => e.type === "seriesMaster");
    const occurrences = [...adele.events.values()].filter((e) => e.seriesMasterId === master?.id);
    expect(occurrences.length).toBeGreaterThan(2);
    const sales = boxes.get(SALES.upn);
    expect(sales?.delegates).toContain(ADELE.upn);
    expect(sales?.guid).not.toBe(adele.guid);
  });
});
