import { describe, expect, it } from "vitest";
import { ADELE, SALES } from "./data";
import { restToEwsId } from "./ids";
import { inboxIds, kitForThisFile } from "./testkit";

interface GraphError {
  error: { code: string; message: string; innerError: Record<string, string> };
}
interface Collection {
  "@odata.context": string;
  "@odata.count"?: number;
  "@odata.nextLink"?: string;
  value: Record<string, unknown>[];
}

const kit = kitForThisFile({ seed: 7 });

describe("tokens", () => {
  it("refuses a request without a token with Graph's 401", async () => {
    const res = await kit.graph("/me/messages", { token: null });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer /);
    const body = (await res.json()) as GraphError;
    expect(body.error.code).toBe("InvalidAuthenticationToken");
    expect(body.error.innerError["request-id"]).toBe(res.headers.get("request-id"));
  });

  it("refuses a tampered token", async () => {
    const t = kit.token();
    const [h, p, s] = t.split(".");
    const claims = JSON.parse(Buffer.from(p ?? "", "base64url").toString());
    claims.upn = SALES.upn;
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
    const res = await kit.graph("/me/messages", { token: forged });
    expect(res.status).toBe(401);
  });

  it("refuses an expired token once the clock passes its exp", async () => {
    const t = kit.emu.control.mintToken({ scopes: ["Mail.ReadWrite"], expiresInSeconds: 60 }).accessToken;
    expect((await kit.graph("/me/messages?$top=1", { token: t })).status).toBe(200);
    kit.emu.control.advanceClock(61_000);
    const res = await kit.graph("/me/messages?$top=1", { token: t });
    expect(res.status).toBe(401);
    expect(((await res.json()) as GraphError).error.message).toMatch(/expired/);
  });

  it("issues tokens with the claims Graph reads", () => {
    const issued = kit.emu.control.mintToken({
      scopes: ["https://graph.microsoft.com/Mail.ReadWrite", "openid"],
    });
    const claims = JSON.parse(Buffer.from(issued.accessToken.split(".")[1] ?? "", "base64url").toString());
    expect(claims.aud).toBe("https://graph.microsoft.com");
    expect(claims.scp.split(" ")).toEqual(expect.arrayContaining(["Mail.ReadWrite", "User.Read"]));
    expect(claims.scp).not.toMatch(/openid/);
    expect(claims.upn).toBe(ADELE.upn);
    expect(issued.account.username).toBe(ADELE.upn);
    expect(issued.account.homeAccountId).toBe(`${claims.oid}.${claims.tid}`);
  });

  it("checks scopes: reads accept .Read, deletes need ReadWrite", async () => {
    const [id = ""] = inboxIds(kit.emu, 1);
    const contactsOnly = kit.token(["Contacts.ReadWrite"]);
    const denied = await kit.graph("/me/messages", { token: contactsOnly });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as GraphError).error).toMatchObject({
      code: "ErrorAccessDenied",
      message: "Access is denied. Check credentials and try again.",
    });
    const readOnly = kit.token(["Mail.Read"]);
    expect((await kit.graph(`/me/messages/${encodeURIComponent(id)}`, { token: readOnly })).status).toBe(200);
    expect((await kit.purge(id, readOnly)).status).toBe(403);
    expect(kit.emu.control.purges()).toHaveLength(0);
    expect((await kit.purge(id)).status).toBe(204);
  });
});

describe("profile and folders", () => {
  it("answers GET /me", async () => {
    const me = (await (await kit.graph("/me")).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      displayName: "Adele Vance",
      userPrincipalName: ADELE.upn,
      mail: ADELE.upn,
      id: ADELE.id,
    });
  });

  it("lists top-level folders with counts and resolves well-known names", async () => {
    const list = (await (await kit.graph("/me/mailFolders?$top=50")).json()) as Collection;
    const names = list.value.map((f) => f.displayName);
    expect(names).toEqual(
      expect.arrayContaining(["Inbox", "Drafts", "Sent Items", "Deleted Items", "Junk Email", "Archive"]),
    );
    expect(names).not.toContain("Contoso Launch");
    const inbox = (await (await kit.graph("/me/mailFolders/inbox")).json()) as Record<
      string,
      number | string
    >;
    expect(inbox.displayName).toBe("Inbox");
    expect(inbox.childFolderCount).toBe(1);
    expect(inbox.totalItemCount).toBe(kit.emu.control.messages({ folder: "inbox" }).length);
    const children = (await (await kit.graph("/me/mailFolders/inbox/childFolders")).json()) as Collection;
    expect(children.value.map((f) => f.displayName)).toEqual(["Projects"]);
    const deleted = (await (await kit.graph("/me/mailFolders/DeletedItems")).json()) as Record<
      string,
      unknown
    >;
    expect(deleted.displayName).toBe("Deleted Items");
  });
});

describe("messages", () => {
  it("pages with absolute nextLinks, newest first, and counts", async () => {
    const seen: string[] = [];
    let next: string | undefined =
      `${kit.emu.url}/v1.0/me/mailFolders/inbox/messages?$top=40&$count=true&$select=receivedDateTime`;
    let count: number | undefined;
    while (next) {
      const res = await fetch(next, { headers: { Authorization: `Bearer ${kit.token()}` } });
      expect(res.status).toBe(200);
      const page = (await res.json()) as Collection;
      count ??= page["@odata.count"];
      for (const m of page.value) seen.push(String(m.receivedDateTime) + String(m.id));
      next = page["@odata.nextLink"];
      if (next) expect(next.startsWith(`${kit.emu.url}/v1.0/me/mailFolders/inbox/messages?`)).toBe(true);
    }
    expect(seen.length).toBe(count);
    expect(new Set(seen).size).toBe(seen.length);
    const dates = seen.map((s) => s.slice(0, 20));
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it("defaults to 10 per page and refuses $top over 1000", async () => {
    const page = (await (await kit.graph("/me/messages")).json()) as Collection;
    expect(page.value).toHaveLength(10);
    expect(page["@odata.nextLink"]).toContain("%24skip=10".replace("%24", "$"));
    expect((await kit.graph("/me/messages?$top=1001")).status).toBe(400);
  });

  it("applies $select (id and etag always) and refuses unknown properties", async () => {
    const page = (await (await kit.graph("/me/messages?$select=subject,from&$top=2")).json()) as Collection;
    expect(page["@odata.context"]).toMatch(/messages\(subject,from\)$/);
    for (const m of page.value)
      expect(Object.keys(m).sort()).toEqual(["@odata.etag", "from", "id", "subject"]);
    const [id = ""] = inboxIds(kit.emu, 1);
    const one = (await (
      await kit.graph(`/me/messages/${encodeURIComponent(id)}?$select=isRead`)
    ).json()) as Record<string, unknown>;
    expect(Object.keys(one).sort()).toEqual(["@odata.context", "@odata.etag", "id", "isRead"]);
    const bad = await kit.graph("/me/messages?$select=nonsense");
    expect(bad.status).toBe(400);
  });

  it("filters on isRead and refuses filters it cannot run", async () => {
    const res = await kit.graph(
      "/me/mailFolders/inbox/messages?$filter=isRead eq false&$top=1000&$count=true",
    );
    const page = (await res.json()) as Collection;
    expect(page.value.length).toBeGreaterThan(0);
    expect(page.value.every((m) => m.isRead === false)).toBe(true);
    expect(page["@odata.count"]).toBe(
      kit.emu.control.messages({ folder: "inbox" }).filter((m) => !m.isRead).length,
    );
    const bad = await kit.graph("/me/messages?$filter=contains(subject,'x')");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as GraphError).error.code).toBe("ErrorInvalidUrlQueryFilter");
  });

  it("echoes client-request-id and sends a request-id", async () => {
    const res = await kit.graph("/me/messages?$top=1", { headers: { "client-request-id": "abc-123" } });
    expect(res.headers.get("client-request-id")).toBe("abc-123");
    expect(res.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("permanentDelete", () => {
  it("answers 204 without a body, then 404; the item leaves every view and lands in Purges", async () => {
    const inbox = kit.emu.control.messages({ folder: "inbox" });
    const target = inbox[0];
    if (!target) throw new Error("empty inbox");
    const before = (await (await kit.graph("/me/mailFolders/inbox")).json()) as { totalItemCount: number };

    const res = await kit.purge(target.id);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");

    const again = await kit.purge(target.id);
    expect(again.status).toBe(404);
    expect(((await again.json()) as GraphError).error).toMatchObject({
      code: "ErrorItemNotFound",
      message: "The specified object was not found in the store.",
    });
    expect((await kit.graph(`/me/messages/${encodeURIComponent(target.id)}`)).status).toBe(404);
    const after = (await (await kit.graph("/me/mailFolders/inbox")).json()) as { totalItemCount: number };
    expect(after.totalItemCount).toBe(before.totalItemCount - 1);
    // Every page (at most 250 each: larger ones time out, messagePageLimit).
    const ids: string[] = [];
    let next: string | undefined = "/me/messages?$top=250&$select=id";
    while (next !== undefined) {
      const page = (await (await kit.graph(next)).json()) as Collection & { "@odata.nextLink"?: string };
      ids.push(...page.value.map((m) => String(m.id)));
      next = page["@odata.nextLink"]?.replace(/^.*\/v1\.0/, "");
    }
    expect(ids.length).toBeGreaterThan(250);
    expect(ids).not.toContain(target.id);

    const purges = kit.emu.control.purges();
    expect(purges).toHaveLength(1);
    expect(purges[0]).toMatchObject({
      id: target.id,
      subject: target.subject,
      mailbox: ADELE.upn,
      kind: "message",
      folder: "Inbox",
    });
    const deletes = kit.emu.control
      .requests()
      .filter((r) => r.op === "permanentDelete" && r.itemId === target.id);
    expect(deletes.map((r) => r.status)).toEqual([204, 404]);
  });

  it("works through the folder path and through /users/{upn} for one's own mailbox", async () => {
    const [a = "", b = ""] = inboxIds(kit.emu, 2);
    const viaFolder = await kit.graph(
      `/me/mailFolders/inbox/messages/${encodeURIComponent(a)}/permanentDelete`,
      {
        method: "POST",
      },
    );
    expect(viaFolder.status).toBe(204);
    const viaUser = await kit.graph(`/users/${ADELE.upn}/messages/${encodeURIComponent(b)}/permanentDelete`, {
      method: "POST",
    });
    expect(viaUser.status).toBe(204);
    expect(kit.emu.control.purges().map((p) => p.id)).toEqual([a, b]);
  });

  it("refuses an EWS-form id as malformed, and an unencoded one too", async () => {
    const [id = ""] = inboxIds(kit.emu, 1);
    const ews = restToEwsId(id);
    const encoded = await kit.graph(`/me/messages/${encodeURIComponent(ews)}/permanentDelete`, {
      method: "POST",
    });
    expect(encoded.status).toBe(400);
    expect(((await encoded.json()) as GraphError).error).toMatchObject({
      code: "ErrorInvalidIdMalformed",
      message: "Id is malformed.",
    });
    const garbage = await kit.graph("/me/messages/not%20an%20id/permanentDelete", { method: "POST" });
    expect(garbage.status).toBe(400);
    expect(kit.emu.control.purges()).toHaveLength(0);
  });

  it("says an item of another mailbox does not belong under /me; the shared path needs .Shared", async () => {
    const [salesId = ""] = kit.emu.control.messages({ mailbox: SALES.upn }).map((m) => m.id);
    const underMe = await kit.purge(salesId);
    expect(underMe.status).toBe(404);
    expect(((await underMe.json()) as GraphError).error).toMatchObject({
      code: "ErrorInvalidMailboxItemId",
      message: "Item Id doesn't belong to the current mailbox.",
    });
    const path = `/users/${encodeURIComponent(SALES.upn)}/messages/${encodeURIComponent(salesId)}/permanentDelete`;
    expect((await kit.graph(path, { method: "POST" })).status).toBe(403);
    const shared = kit.token(["Mail.ReadWrite.Shared"]);
    expect((await kit.graph(path, { method: "POST", token: shared })).status).toBe(204);
    expect(kit.emu.control.purges()[0]).toMatchObject({ id: salesId, mailbox: SALES.upn });
    const unknownUser = await kit.graph(`/users/nobody@contoso.onmicrosoft.com/messages`, { token: shared });
    expect(unknownUser.status).toBe(404);
  });

  it("refuses GET on the action and POST on a collection with 405", async () => {
    const [id = ""] = inboxIds(kit.emu, 1);
    expect((await kit.graph(`/me/messages/${encodeURIComponent(id)}/permanentDelete`)).status).toBe(405);
    expect((await kit.graph("/me/unknownThing")).status).toBe(400);
  });
});

describe("contacts and events", () => {
  it("lists and purges contacts, in the default folder and in a contact folder", async () => {
    const t = kit.token(["Contacts.ReadWrite"]);
    const contacts = (await (await kit.graph("/me/contacts?$top=100", { token: t })).json()) as Collection;
    expect(contacts.value.length).toBeGreaterThan(0);
    const first = String(contacts.value[0]?.id);
    const res = await kit.graph(`/me/contacts/${encodeURIComponent(first)}/permanentDelete`, {
      method: "POST",
      token: t,
    });
    expect(res.status).toBe(204);
    expect((await kit.graph(`/me/contacts/${encodeURIComponent(first)}`, { token: t })).status).toBe(404);

    const folders = (await (await kit.graph("/me/contactFolders", { token: t })).json()) as Collection;
    const folder = folders.value.find((f) => f.displayName === "Suppliers") ?? folders.value[0];
    const fid = encodeURIComponent(String(folder?.id));
    const inFolder = (await (
      await kit.graph(`/me/contactFolders/${fid}/contacts`, { token: t })
    ).json()) as Collection;
    const cid = encodeURIComponent(String(inFolder.value[0]?.id));
    const viaFolder = await kit.graph(`/me/contactFolders/${fid}/contacts/${cid}/permanentDelete`, {
      method: "POST",
      token: t,
    });
    expect(viaFolder.status).toBe(204);
    expect(kit.emu.control.purges().map((p) => p.kind)).toEqual(["contact", "contact"]);
    expect((await kit.graph("/me/contacts", { token: kit.token(["Mail.ReadWrite"]) })).status).toBe(403);
  });

  it("purging a series master takes its occurrences along", async () => {
    const t = kit.token(["Calendars.ReadWrite"]);
    const events = (await (await kit.graph("/me/events?$top=100", { token: t })).json()) as Collection;
    expect(events.value.some((e) => e.type === "occurrence")).toBe(false);
    const master = events.value.find((e) => e.type === "seriesMaster");
    const id = encodeURIComponent(String(master?.id));
    const instances = (await (
      await kit.graph(`/me/events/${id}/instances`, { token: t })
    ).json()) as Collection;
    expect(instances.value.length).toBeGreaterThan(1);
    const occurrence = encodeURIComponent(String(instances.value[0]?.id));
    expect((await kit.graph(`/me/events/${occurrence}`, { token: t })).status).toBe(200);

    expect((await kit.graph(`/me/events/${id}/permanentDelete`, { method: "POST", token: t })).status).toBe(
      204,
    );
    expect((await kit.graph(`/me/events/${occurrence}`, { token: t })).status).toBe(404);
    expect(kit.emu.control.purges()).toHaveLength(1 + instances.value.length);
    const calendarView = (await (
      await kit.graph("/me/calendar/events?$top=100", { token: t })
    ).json()) as Collection;
    expect(calendarView.value.map((e) => e.id)).not.toContain(master?.id);
  });
});

describe("large message pages (the list-messages page: hundreds of messages per page may time out with 504)", () => {
  it("answers a page of more than messagePageLimit (250) messages 504, and serves smaller pages", async () => {
    kit.emu.control.addMessages({ folder: "archive", count: 300 });
    const big = await kit.graph("/me/mailFolders/archive/messages?$top=1000&$select=id");
    expect(big.status).toBe(504);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("GatewayTimeout");
    const fits = await kit.graph("/me/mailFolders/archive/messages?$top=250&$select=id");
    expect(fits.status).toBe(200);
    // The limit counts what the page would carry: a large $top on the last, short page is fine.
    const last = await kit.graph("/me/mailFolders/archive/messages?$top=1000&$skip=250&$select=id");
    expect(last.status).toBe(200);
    kit.emu.control.configure({ messagePageLimit: 0 });
    expect((await kit.graph("/me/mailFolders/archive/messages?$top=1000&$select=id")).status).toBe(200);
    kit.emu.control.configure({ messagePageLimit: 250 });
  });
});
