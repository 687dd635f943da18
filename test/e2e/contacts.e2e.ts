/**
 * The Contacts view: Contacts.ReadWrite is asked for only once the view is opened; contacts found by search
 * (default folder, by name) and listed in another folder are purged through the bulk flow, on both Graph paths.
 */
import type { Frame, Request } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADELE } from "../../dev/emulator/data";
import { resetStack, type Stack, screenshot, startStack, taskpaneFrame } from "./harness";

let stack: Stack;
/** Scopes of every token the simulator's NAA bridge asked the emulator for, in order. */
const tokenScopes: string[][] = [];
const onRequest = (request: Request) => {
  if (request.method() !== "POST" || !request.url().endsWith("/_emulator/token")) return;
  try {
    const body = JSON.parse(request.postData() ?? "{}") as { scopes?: string[] };
    tokenScopes.push(body.scopes ?? []);
  } catch {
    tokenScopes.push([]);
  }
};

beforeAll(async () => {
  stack = await startStack();
  stack.page.on("request", onRequest);
});
afterAll(async () => {
  await stack?.close();
});
beforeEach(async () => {
  await resetStack(stack);
  tokenScopes.length = 0;
});

const adele = () => {
  const mb = stack.emulator.state.findMailbox(ADELE.upn);
  if (!mb) throw new Error("no Adele");
  return mb;
};
const asksForContacts = () => tokenScopes.some((s) => s.some((x) => /Contacts\./i.test(x)));

async function openContacts(): Promise<Frame> {
  const { page } = stack;
  await page.evaluate(() => window.simulator?.openTaskpane());
  const pane = await taskpaneFrame(page);
  const open = pane.getByRole("button", { name: "Delete contacts…" });
  await open.waitFor();
  // The pane is up (and may have asked for Mail.ReadWrite), but nothing has asked for contacts yet.
  expect(asksForContacts()).toBe(false);
  expect(stack.emulator.control.requests().filter((r) => /contact/i.test(r.op ?? ""))).toEqual([]);
  await open.click();
  await pane.getByLabel("Contact folder", { exact: true }).waitFor();
  return pane;
}

describe("Contacts view", () => {
  it("asks for Contacts.ReadWrite only after the view opens, then purges a contact found by name", async () => {
    const { emulator, page } = stack;
    const pane = await openContacts();
    await expect.poll(asksForContacts).toBe(true);
    const contactGraph = emulator.control.requests().filter((r) => r.op === "listContactFolders");
    expect(contactGraph.length).toBeGreaterThan(0);
    expect(contactGraph.every((r) => r.scopes?.includes("Contacts.ReadWrite"))).toBe(true);

    // Someone in the default Contacts folder, found by the start of their surname.
    const all = [...adele().contacts.values()];
    // A plain name that no other contact shares, so the checkbox names exactly one contact.
    const target = all.find(
      (c) =>
        c.folderId === adele().contactRootId &&
        /^[A-Za-z]+$/.test(c.surname) &&
        all.filter((o) => o.displayName === c.displayName).length === 1,
    );
    if (!target) throw new Error("no plain contact in the default folder");
    const sameSurname = [...adele().contacts.values()].filter(
      (c) => c.folderId === adele().contactRootId && c.surname === target.surname,
    );
    const term = target.surname.slice(0, 4).toLowerCase();
    await pane.getByLabel("Name or email address").fill(term);
    await pane.getByRole("button", { name: "Search" }).click();
    const found = pane.getByText(
      new RegExp(`^(1 contact in “Contacts” matches|\\d+ contacts in “Contacts” match) “${term}”\\.$`),
    );
    await found.waitFor();
    const matches = Number(/^(\d+) /.exec((await found.textContent()) ?? "")?.[1]);
    expect(matches).toBeGreaterThanOrEqual(sameSurname.length);
    const results = pane.getByRole("list", { name: "Contacts found" });
    await results.waitFor();
    await expect.poll(() => results.getByRole("checkbox").count()).toBeGreaterThanOrEqual(sameSurname.length);
    const searched = emulator.control
      .requests()
      .filter((r) => r.op === "listContacts" && r.query.includes("filter"));
    expect(decodeURIComponent(searched.at(-1)?.query ?? "")).toContain("startswith(surname,");

    const box = results.getByRole("checkbox", { name: new RegExp(`^${target.displayName}`) }).first();
    await box.check();
    await pane.getByRole("button", { name: "Delete 1 contact permanently…" }).click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.getByRole("heading").textContent()).toBe("Delete 1 contact permanently?");
    expect(await dialog.textContent()).toContain(target.displayName);
    await screenshot(page, "contacts-confirm");
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).first().waitFor();

    const purges = emulator.control.purges();
    expect(purges.map((p) => [p.id, p.kind])).toEqual([[target.id, "contact"]]);
    const deletes = emulator.control.requests().filter((r) => r.op === "permanentDelete");
    expect(deletes.map((r) => r.path)).toEqual([`/v1.0/me/contacts/${target.id}/permanentDelete`]);
    expect(deletes[0]?.scopes).toContain("Contacts.ReadWrite");
    // It leaves the list, which keeps the search; nothing else was touched.
    const left = matches - 1;
    await pane
      .getByText(
        left === 0
          ? `No contacts in “Contacts” match “${term}”.`
          : `${left} ${left === 1 ? "contact in “Contacts” matches" : "contacts in “Contacts” match"} “${term}”.`,
        { exact: true },
      )
      .waitFor();
    expect(await results.getByRole("checkbox", { name: new RegExp(`^${target.displayName}`) }).count()).toBe(
      0,
    );
    expect(adele().contacts.has(target.id)).toBe(false);
    await screenshot(page, "contacts-done");
  });

  it("purges several contacts in another folder through contactFolders/{id}/contacts/{id}, and Cancel sends nothing", async () => {
    const { emulator } = stack;
    const pane = await openContacts();
    const family = [...adele().contactFolders.values()].find((f) => f.displayName === "Family");
    if (!family) throw new Error("no Family folder");
    const inFamily = [...adele().contacts.values()].filter((c) => c.folderId === family.id).map((c) => c.id);
    expect(inFamily.length).toBeGreaterThan(1);

    await pane.getByLabel("Contact folder", { exact: true }).selectOption({ label: "Family" });
    await pane.getByText(`${inFamily.length} contacts in “Family”.`).waitFor();
    await pane.getByRole("checkbox", { name: `Select all ${inFamily.length} listed` }).check();
    const remove = pane.getByRole("button", { name: `Delete ${inFamily.length} contacts permanently…` });

    await remove.click();
    const dialog = pane.getByRole("alertdialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(emulator.control.requests().filter((r) => r.op === "permanentDelete")).toEqual([]);

    await remove.click();
    await dialog.waitFor();
    const typed = dialog.getByLabel(`Type ${inFamily.length} to confirm`);
    if (inFamily.length >= 10) await typed.fill(String(inFamily.length));
    await dialog.getByRole("button", { name: "Delete permanently" }).click();
    await pane.getByText("Deleted permanently", { exact: true }).first().waitFor();

    expect(new Set(emulator.control.purges().map((p) => p.id))).toEqual(new Set(inFamily));
    const deletes = emulator.control.requests().filter((r) => r.op === "permanentDelete");
    expect(deletes.every((r) => r.path.startsWith(`/v1.0/me/contactFolders/${family.id}/contacts/`))).toBe(
      true,
    );
    await pane.getByText("“Family” has no contacts.").waitFor();
    // Mail was never touched.
    expect(emulator.control.purges().every((p) => p.kind === "contact")).toBe(true);
  });
});
