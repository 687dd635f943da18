/**
 * Delegate rights as Exchange enforces them behind Graph: full access (sales@), and partial rights by Outlook's
 * delegate bits (reception@: Read, Write, DeleteOwn, EditOwn for Adele), so a 403 ErrorAccessDenied on
 * /users/{owner} means "no delete rights", with a token that carries Mail.ReadWrite.Shared.
 */
import { describe, expect, it } from "vitest";
import { ADELE, ONPREM, RECEPTION, SALES } from "./server";
import { kitForThisFile } from "./testkit";

const kit = kitForThisFile();

const purgePath = (upn: string, id: string) =>
  `/users/${encodeURIComponent(upn)}/messages/${encodeURIComponent(id)}/permanentDelete`;

describe("delegate rights", () => {
  it("seeds a front desk mailbox where Adele may read and delete only her own drafts", () => {
    const state = kit.emu.control.summary() as {
      mailboxes: { upn: string; delegates: string[]; delegatePermissions: Record<string, number> }[];
    };
    const reception = state.mailboxes.find((m) => m.upn === RECEPTION.upn);
    expect(reception?.delegates).toEqual([]);
    expect(reception?.delegatePermissions).toEqual({ [ADELE.upn]: 1 | 2 | 4 | 16 });
    const drafts = kit.emu.control.messages({ folder: "drafts", mailbox: RECEPTION.upn });
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((m) => m.from.address === ADELE.upn)).toBe(true);
  });

  it("lets Adele read the front desk mailbox with Mail.Read.Shared", async () => {
    const token = kit.token(["Mail.ReadWrite.Shared"]);
    const res = await kit.graph(`/users/${RECEPTION.upn}/mailFolders/inbox/messages?$top=2`, { token });
    expect(res.status).toBe(200);
  });

  it("refuses to purge received mail there with 403 ErrorAccessDenied, and purges nothing", async () => {
    const [received] = kit.emu.control.messages({ folder: "inbox", mailbox: RECEPTION.upn });
    if (!received) throw new Error("no message");
    const token = kit.token(["Mail.ReadWrite.Shared"]);
    const res = await kit.graph(purgePath(RECEPTION.upn, received.id), { method: "POST", token });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("ErrorAccessDenied");
    expect(kit.emu.control.purges()).toEqual([]);
  });

  it("purges Adele's own draft there (DeleteOwn), also inside a $batch", async () => {
    const [one, two] = kit.emu.control.messages({ folder: "drafts", mailbox: RECEPTION.upn });
    if (!one || !two) throw new Error("no drafts");
    const token = kit.token(["Mail.ReadWrite.Shared"]);
    expect((await kit.graph(purgePath(RECEPTION.upn, one.id), { method: "POST", token })).status).toBe(204);
    const { body } = await kit.batch(
      [
        {
          id: "1",
          method: "POST",
          url: purgePath(RECEPTION.upn, two.id),
          headers: { "Content-Type": "application/json" },
          body: {},
        },
      ],
      token,
    );
    expect(body.responses.map((r) => r.status)).toEqual([204]);
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([one.id, two.id]);
  });

  it("still needs the .Shared scope: Mail.ReadWrite alone is refused on /users, even with full access", async () => {
    const [sales] = kit.emu.control.messages({ folder: "inbox", mailbox: SALES.upn });
    if (!sales) throw new Error("no message");
    const plain = kit.token(["Mail.ReadWrite"]);
    expect((await kit.graph(purgePath(SALES.upn, sales.id), { method: "POST", token: plain })).status).toBe(
      403,
    );
  });
});

describe("not found is not gone: what Exchange answers for what the person can't reach", () => {
  it("answers an item in a mailbox the person has no rights on 404 ErrorItemNotFound, as if it didn't exist", async () => {
    // Take Adele's rights on the front desk mailbox away: she keeps the .Shared scope, Exchange hides the items.
    const reception = kit.emu.state.mailboxes.get(RECEPTION.upn);
    if (reception === undefined) throw new Error("no front desk mailbox");
    reception.delegatePermissions = {};
    const id = kit.emu.control.messages({ folder: "inbox", mailbox: RECEPTION.upn })[0]?.id ?? "";
    const token = kit.token(["Mail.ReadWrite.Shared"]);
    const purge = await kit.graph(purgePath(RECEPTION.upn, id), { method: "POST", token });
    expect(purge.status).toBe(404);
    expect(((await purge.json()) as { error: { code: string } }).error.code).toBe("ErrorItemNotFound");
    const read = await kit.graph(`/users/${RECEPTION.upn}/messages/${encodeURIComponent(id)}`, { token });
    expect(read.status).toBe(404);
    // A listing of the whole mailbox is refused outright.
    const list = await kit.graph(`/users/${RECEPTION.upn}/messages`, { token });
    expect(list.status).toBe(403);
    expect(kit.emu.control.purges()).toHaveLength(0);
    expect(kit.emu.control.messages({ folder: "inbox", mailbox: RECEPTION.upn }).map((m) => m.id)).toContain(
      id,
    );
  });

  it("answers every request for a mailbox Graph can't serve 404 MailboxNotEnabledForRESTAPI", async () => {
    const token = kit.token(["Mail.ReadWrite.Shared"]);
    const id = kit.emu.control.messages({ folder: "inbox", mailbox: ONPREM.upn })[0]?.id ?? "";
    for (const [path, init] of [
      [purgePath(ONPREM.upn, id), { method: "POST" }],
      [`/users/${ONPREM.upn}/mailFolders`, {}],
    ] as const) {
      const res = await kit.graph(path, { ...init, token });
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error).toMatchObject({
        code: "MailboxNotEnabledForRESTAPI",
        message: "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
      });
    }
    expect(kit.emu.control.purges()).toHaveLength(0);
  });
});
