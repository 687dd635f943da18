/**
 * Contacts view reads and purges with the real Graph client against the Graph emulator (test-only import):
 * the search forms Graph accepts, both permanentDelete paths through the scheduler's $batch, and the scope.
 */
import { describe, expect, it } from "vitest";
import { ADELE } from "../../../dev/emulator/data";
import { emulatorForThisFile } from "../../../dev/emulator/testkit";
import { createGraphClient } from "../graph/client";
import type { MailboxRef } from "../graph/types";
import {
  CONTACT_LIST_LIMIT,
  contactSearchFilter,
  createContactActions,
  DEFAULT_CONTACT_FOLDER,
  listContacts,
  odataString,
} from "./contacts";
import { summarizeFailure } from "./failures";
import { createRequestLedger } from "./scheduler";

const ME: MailboxRef = { kind: "me" };

describe("contactSearchFilter", () => {
  it("matches names by prefix on displayName, givenName and surname", () => {
    expect(contactSearchFilter("  ana ")).toBe(
      "startswith(displayName,'ana') or startswith(givenName,'ana') or startswith(surname,'ana')",
    );
  });
  it("matches an address exactly (the only emailAddresses filter Graph accepts)", () => {
    expect(contactSearchFilter("Ana@Example.com")).toBe(
      "emailAddresses/any(a:a/address eq 'Ana@Example.com')",
    );
  });
  it("doubles quotes so a name can't end the literal, and lists everything for an empty term", () => {
    expect(odataString("O'Neill')")).toBe("'O''Neill'')'");
    expect(contactSearchFilter("O'Ne")).toContain("startswith(surname,'O''Ne')");
    expect(contactSearchFilter("   ")).toBeUndefined();
  });
});

const emu = emulatorForThisFile({ seed: 1 });

function client(scopes = ["Contacts.ReadWrite"]) {
  const asked: string[][] = [];
  const graph = createGraphClient({
    baseUrl: emu.url,
    tokens: {
      getToken: async () => {
        asked.push(scopes);
        return emu.control.mintToken({ scopes }).accessToken;
      },
    },
  });
  return { graph, asked };
}

const adele = () => {
  const mb = emu.state.findMailbox(ADELE.upn);
  if (!mb) throw new Error("no Adele");
  return mb;
};

describe("contact actions against the emulator", () => {
  it("lists the default folder first, then the others by name", async () => {
    const actions = createContactActions(client().graph, ME, createRequestLedger());
    const folders = await actions.listFolders();
    expect(folders.map((f) => f.displayName)).toEqual(["Contacts", "Family", "Suppliers"]);
    expect(folders[0]?.id).toBeUndefined();
  });

  it("finds contacts by name prefix and by address, sorted by name, with the folder in the path", async () => {
    const actions = createContactActions(client().graph, ME, createRequestLedger());
    const suppliers = (await actions.listFolders()).find((f) => f.displayName === "Suppliers");
    if (!suppliers?.id) throw new Error("no Suppliers folder");
    const inSuppliers = [...adele().contacts.values()].filter((c) => c.folderId === suppliers.id);
    const one = inSuppliers[0];
    if (!one) throw new Error("empty Suppliers");

    const byName = await actions.list(suppliers, one.givenName.toLowerCase());
    expect(byName.targets.map((t) => t.ref.id)).toContain(one.id);
    expect(byName.targets.every((t) => t.ref.folderId === suppliers.id && t.ref.kind === "contact")).toBe(
      true,
    );
    const names = byName.targets.map((t) => t.subject);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    const byAddress = await actions.list(suppliers, one.emailAddresses[0]?.address ?? "");
    expect(byAddress.targets.map((t) => t.ref.id)).toEqual([one.id]);
    expect(byAddress.targets[0]?.from?.address).toBe(one.emailAddresses[0]?.address);

    const everything = await actions.list(DEFAULT_CONTACT_FOLDER, "");
    const inDefault = [...adele().contacts.values()].filter((c) => c.folderId === adele().contactRootId);
    expect(new Set(everything.targets.map((t) => t.ref.id))).toEqual(new Set(inDefault.map((c) => c.id)));
    expect(everything.targets.every((t) => t.ref.folderId === undefined)).toBe(true);
    expect(everything.truncated).toBe(false);
  });

  it("purges through both paths in $batch: /me/contacts/{id} and /me/contactFolders/{fid}/contacts/{id}", async () => {
    const { graph, asked } = client();
    const actions = createContactActions(graph, ME, createRequestLedger());
    const folders = await actions.listFolders();
    const family = folders.find((f) => f.displayName === "Family");
    if (!family) throw new Error("no Family");
    const fromDefault = (await actions.list(DEFAULT_CONTACT_FOLDER, "")).targets.slice(0, 3);
    const fromFamily = (await actions.list(family, "")).targets.slice(0, 2);
    const targets = [...fromDefault, ...fromFamily];
    const results = await actions.purge(targets, {
      signal: new AbortController().signal,
      onProgress: () => {},
    });

    expect(results.map((r) => r.outcome.status)).toEqual(targets.map(() => "purged"));
    expect(new Set(emu.control.purges().map((p) => p.id))).toEqual(new Set(targets.map((t) => t.ref.id)));
    expect(emu.control.purges().every((p) => p.kind === "contact")).toBe(true);
    const members = emu.control.requests().filter((r) => r.batchMember && r.op === "permanentDelete");
    expect(members.filter((m) => m.path.includes("/contactFolders/")).length).toBe(2);
    expect(members.filter((m) => /\/me\/contacts\//.test(m.path)).length).toBe(3);
    expect(asked.every((s) => s.join() === "Contacts.ReadWrite")).toBe(true);
  });

  it("a contact gone meanwhile is 'not found', never purged; refuses message targets", async () => {
    const actions = createContactActions(client().graph, ME, createRequestLedger());
    const [first, second] = (await actions.list(DEFAULT_CONTACT_FOLDER, "")).targets;
    if (!first || !second) throw new Error("not enough contacts");
    adele().contacts.delete(first.ref.id);
    const results = await actions.purge([first, second], {
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(results.map((r) => r.outcome.status)).toEqual(["already-gone", "purged"]);
    await expect(
      actions.purge([{ ...second, ref: { ...second.ref, kind: "message" } }], {
        signal: new AbortController().signal,
        onProgress: () => {},
      }),
    ).rejects.toThrow(TypeError);
  });

  it("a Mail.ReadWrite token can't read contacts: Contacts.ReadWrite is a separate consent", async () => {
    const error = await listContacts(client(["Mail.ReadWrite"]).graph, ME, DEFAULT_CONTACT_FOLDER, "").then(
      () => undefined,
      (e: unknown) => e,
    );
    // What the person reads (the Graph error worded where it is shown).
    expect(summarizeFailure(error).message).toMatch(/refused/);
  });

  it("lists at most CONTACT_LIST_LIMIT and says more matched", async () => {
    const pages = Math.ceil((CONTACT_LIST_LIMIT + 50) / 100);
    let served = 0;
    const fake = {
      async getJson<T>(): Promise<T> {
        served += 1;
        const value = Array.from({ length: 100 }, (_, i) => ({
          id: `c${served}-${i}`,
          displayName: `N ${i}`,
        }));
        return { value, ...(served < pages ? { "@odata.nextLink": `${emu.url}/next` } : {}) } as T;
      },
    };
    const listing = await listContacts(fake, ME, DEFAULT_CONTACT_FOLDER, "");
    expect(listing.targets).toHaveLength(CONTACT_LIST_LIMIT);
    expect(listing.truncated).toBe(true);
    expect(served).toBe(CONTACT_LIST_LIMIT / 100);
  });
});
