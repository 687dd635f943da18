/** The emulator's contact search forms (Graph's $filter rules for contacts) and mailFolder permanentDelete. */
import { describe, expect, it } from "vitest";
import { ADELE } from "./data";
import { WELL_KNOWN_MAIL_FOLDERS } from "./graph";
import { kitForThisFile } from "./testkit";

const kit = kitForThisFile({ seed: 1 });

interface Collection {
  value: Record<string, unknown>[];
}

const adele = () => {
  const mb = kit.emu.state.findMailbox(ADELE.upn);
  if (!mb) throw new Error("no Adele");
  return mb;
};
const contactsToken = () => kit.token(["Contacts.ReadWrite"]);
const contacts = (query: string) => kit.graph(`/me/contacts?$top=1000&${query}`, { token: contactsToken() });

describe("contact search", () => {
  it("startswith on displayName, givenName, surname joined by or, case-insensitively", async () => {
    const someone = [...adele().contacts.values()].find(
      (c) => c.folderId === adele().contactRootId && !c.displayName.startsWith("<"),
    );
    if (!someone) throw new Error("no contact in the default folder");
    const prefix = someone.surname.slice(0, 3).toUpperCase();
    const filter = `startswith(displayName,'${prefix}') or startswith(givenName,'${prefix}') or startswith(surname,'${prefix}')`;
    const res = await contacts(`$filter=${encodeURIComponent(filter)}`);
    expect(res.status).toBe(200);
    const names = ((await res.json()) as Collection).value.map((c) => String(c.displayName));
    expect(names).toContain(someone.displayName);
    const expected = [...adele().contacts.values()].filter(
      (c) =>
        c.folderId === adele().contactRootId &&
        [c.displayName, c.givenName, c.surname].some((v) => v.toLowerCase().startsWith(prefix.toLowerCase())),
    );
    expect(names.sort()).toEqual(expected.map((c) => c.displayName).sort());
  });

  it("emailAddresses/any(a:a/address eq '…') finds by exact address", async () => {
    const someone = [...adele().contacts.values()].find((c) => c.folderId === adele().contactRootId);
    const address = someone?.emailAddresses[0]?.address ?? "";
    const res = await contacts(
      `$filter=${encodeURIComponent(`emailAddresses/any(a:a/address eq '${address.toUpperCase()}')`)}`,
    );
    expect(res.status).toBe(200);
    const ids = ((await res.json()) as Collection).value.map((c) => c.id);
    expect(ids).toEqual([someone?.id]);
  });

  it("refuses what Graph refuses: startswith on emailAddresses, any() on name or with another operator, contains, $search", async () => {
    for (const filter of [
      "startswith(emailAddresses,'a')",
      "emailAddresses/any(a:a/name eq 'x')",
      "emailAddresses/any(a:startswith(a/address,'x'))",
      "emailAddresses/any(a:a/address ne 'x')",
      "contains(displayName,'a')",
    ]) {
      const res = await contacts(`$filter=${encodeURIComponent(filter)}`);
      expect(res.status, filter).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        "ErrorInvalidUrlQueryFilter",
      );
    }
    expect((await contacts("$search=%22ada%22")).status).toBe(400);
  });

  it("reads a name with an apostrophe as one literal ('' escapes ')", async () => {
    const res = await contacts(`$filter=${encodeURIComponent("startswith(displayName,'O''Neill')")}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Collection).value).toEqual([]);
  });
});

describe("mailFolder permanentDelete", () => {
  const post = (ref: string) =>
    kit.graph(`/me/mailFolders/${encodeURIComponent(ref)}/permanentDelete`, { method: "POST" });

  it("removes a custom folder with its messages and child folders, and records what went", async () => {
    const mb = adele();
    const projects = [...mb.folders.values()].find((f) => f.displayName === "Projects");
    if (!projects) throw new Error("no Projects folder");
    const subtree = kit.emu.state.folderSubtree(mb, projects.id);
    expect(subtree.size).toBe(2); // Projects and Contoso Launch
    const messages = [...mb.messages.values()].filter((m) => subtree.has(m.folderId)).map((m) => m.id);
    expect(messages.length).toBeGreaterThan(0);

    const res = await post(projects.id);
    expect(res.status).toBe(204);
    for (const id of subtree) expect(mb.folders.has(id)).toBe(false);
    for (const id of messages) expect(mb.messages.has(id)).toBe(false);
    const purges = kit.emu.control.purges();
    expect(new Set(purges.filter((p) => p.kind === "message").map((p) => p.id))).toEqual(new Set(messages));
    expect(new Set(purges.filter((p) => p.kind === "mailFolder").map((p) => p.id))).toEqual(subtree);
    expect(purges.every((p) => p.viaFolder === projects.id)).toBe(true);
    expect((await kit.graph(`/me/mailFolders/${encodeURIComponent(projects.id)}`)).status).toBe(404);
    expect((await post(projects.id)).status).toBe(404);
    const log = kit.emu.control.requests().filter((r) => r.op === "permanentDeleteMailFolder");
    expect(log.map((r) => r.itemId)).toEqual([projects.id, projects.id]);
  });

  it("refuses every well-known folder, by name and by id, and deletes nothing", async () => {
    const mb = adele();
    const before = mb.messages.size;
    for (const f of [...mb.folders.values()].filter((x) => x.wellKnownName !== null)) {
      for (const ref of [f.id, f.wellKnownName ?? ""]) {
        const res = await post(ref);
        expect(res.status, ref).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
          "ErrorDeleteDistinguishedFolder",
        );
      }
    }
    expect(mb.messages.size).toBe(before);
    expect(kit.emu.control.purges()).toEqual([]);
  });

  it("answers every documented well-known name (404 for the ones this mailbox lacks), and works in $batch", async () => {
    for (const name of WELL_KNOWN_MAIL_FOLDERS) {
      const res = await kit.graph(`/me/mailFolders/${name}?$select=id`);
      expect([200, 404], name).toContain(res.status);
    }
    const receipts = [...adele().folders.values()].find((f) => f.displayName === "Receipts");
    const { status, body } = await kit.batch([
      {
        id: "1",
        method: "POST",
        url: `/me/mailFolders/${encodeURIComponent(receipts?.id ?? "")}/permanentDelete`,
        headers: { "Content-Type": "application/json" },
        body: {},
      },
    ]);
    expect(status).toBe(200);
    expect(body.responses[0]?.status).toBe(204);
    expect(adele().folders.has(receipts?.id ?? "")).toBe(false);
  });

  it("needs Mail.ReadWrite", async () => {
    const receipts = [...adele().folders.values()].find((f) => f.displayName === "Receipts");
    const res = await kit.graph(`/me/mailFolders/${encodeURIComponent(receipts?.id ?? "")}/permanentDelete`, {
      method: "POST",
      token: kit.token(["Mail.Read"]),
    });
    expect(res.status).toBe(403);
  });
});
