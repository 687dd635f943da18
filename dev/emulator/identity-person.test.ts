/**
 * A person whose sign-in name (UPN) is not their email address, with an alias: Graph's /me says
 * both, the person's own items resolve under /me, and another mailbox's don't.
 */
import { describe, expect, it } from "vitest";
import { ALEX, SALES } from "./data";
import { kitForThisFile } from "./testkit";

const kit = kitForThisFile({}, { reset: false });

const alexToken = (scopes = ["Mail.ReadWrite"]) => kit.token(scopes, ALEX.upn);

describe("a person whose UPN isn't their email address", () => {
  it("signs in as the UPN; /me says the primary SMTP address as mail, and the aliases only on $select", async () => {
    const issued = kit.emu.control.mintToken({ scopes: ["Mail.ReadWrite"], upn: ALEX.upn });
    expect(issued.account.username).toBe("alex.wilber@contoso.onmicrosoft.com");
    const me = (await (await kit.graph("/me", { token: issued.accessToken })).json()) as Record<
      string,
      unknown
    >;
    expect(me).toMatchObject({ userPrincipalName: ALEX.upn, mail: "alex.wilber@contoso.com" });
    expect(me).not.toHaveProperty("proxyAddresses");
    const selected = (await (
      await kit.graph("/me?$select=mail,proxyAddresses", { token: issued.accessToken })
    ).json()) as Record<string, unknown>;
    expect(selected.proxyAddresses).toEqual([
      "SMTP:alex.wilber@contoso.com",
      "smtp:alex@contoso.com",
      "smtp:alex.wilber@contoso.onmicrosoft.com",
    ]);
    expect(selected).not.toHaveProperty("displayName");
  });

  it("sends mail as the primary SMTP address, not as the UPN", () => {
    const box = kit.emu.state.findMailbox(ALEX.upn);
    const sent = [...(box?.folders.values() ?? [])].find((f) => f.wellKnownName === "sentitems");
    const mine = [...(box?.messages.values() ?? [])].filter((m) => m.folderId === sent?.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((m) => m.from.address === "alex.wilber@contoso.com")).toBe(true);
    const organized = [...(box?.events.values() ?? [])].filter((e) => e.organizer.address === ALEX.mail);
    expect(organized.length).toBeGreaterThan(0);
  });

  it("finds the person's own message under /me, and answers another mailbox's ErrorInvalidMailboxItemId", async () => {
    const own = kit.emu.control.messages({ folder: "inbox", mailbox: ALEX.upn })[0]?.id ?? "";
    const res = await kit.graph(`/me/messages/${encodeURIComponent(own)}?$select=id`, { token: alexToken() });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(own);
    const shared = kit.emu.control.messages({ folder: "inbox", mailbox: SALES.upn })[0]?.id ?? "";
    const other = await kit.graph(`/me/messages/${encodeURIComponent(shared)}?$select=id`, {
      token: alexToken(),
    });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe(
      "ErrorInvalidMailboxItemId",
    );
  });

  it("has full access to sales@ (opened as another mailbox or a shared folder), through the .Shared scope", async () => {
    const shared = kit.emu.control.messages({ folder: "inbox", mailbox: SALES.upn })[0]?.id ?? "";
    const path = `/users/${SALES.upn}/messages/${encodeURIComponent(shared)}?$select=id`;
    expect((await kit.graph(path, { token: alexToken() })).status).toBe(403);
    expect((await kit.graph(path, { token: alexToken(["Mail.ReadWrite.Shared"]) })).status).toBe(200);
  });
});
