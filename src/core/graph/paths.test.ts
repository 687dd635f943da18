import { describe, expect, it } from "vitest";
import { itemPath, mailboxPath } from "./paths";

describe("itemPath", () => {
  it("builds /me/messages with the REST id encoded", () => {
    expect(itemPath({ kind: "message", id: "AAMk-AD_x", mailbox: { kind: "me" } })).toBe(
      "/v1.0/me/messages/AAMk-AD_x",
    );
  });

  it("encodes + / = in ids instead of altering them", () => {
    const id = "AAMkAG+/abc==";
    const path = itemPath({ kind: "message", id, mailbox: { kind: "me" } });
    expect(path).toBe("/v1.0/me/messages/AAMkAG%2B%2Fabc%3D%3D");
    expect(decodeURIComponent(path.split("/").at(-1) ?? "")).toBe(id);
  });

  it("addresses another mailbox and a mail folder, each segment encoded", () => {
    expect(
      itemPath({
        kind: "message",
        id: "id/1",
        mailbox: { kind: "user", id: "shared+box@contoso.com" },
        folderId: "AQMk/f=",
      }),
    ).toBe("/v1.0/users/shared%2Bbox%40contoso.com/mailFolders/AQMk%2Ff%3D/messages/id%2F1");
  });

  it("maps contacts and events to their collections and folders", () => {
    const me = { kind: "me" } as const;
    expect(itemPath({ kind: "contact", id: "c1", mailbox: me })).toBe("/v1.0/me/contacts/c1");
    expect(itemPath({ kind: "contact", id: "c1", mailbox: me, folderId: "f1" })).toBe(
      "/v1.0/me/contactFolders/f1/contacts/c1",
    );
    expect(itemPath({ kind: "event", id: "e+1", mailbox: me })).toBe("/v1.0/me/events/e%2B1");
    expect(itemPath({ kind: "event", id: "e1", mailbox: me, folderId: "cal" })).toBe(
      "/v1.0/me/calendars/cal/events/e1",
    );
  });

  it("refuses empty ids rather than addressing the whole collection", () => {
    expect(() => itemPath({ kind: "message", id: "", mailbox: { kind: "me" } })).toThrow(TypeError);
    expect(() => itemPath({ kind: "message", id: "x", mailbox: { kind: "me" }, folderId: " " })).toThrow(
      TypeError,
    );
    expect(() => mailboxPath({ kind: "user", id: "" })).toThrow(TypeError);
  });
});

describe("dot segments", () => {
  // URL normalisation drops "." and resolves ".." (new URL("https://g/v1.0/me/messages/../permanentDelete")), so
  // such an id would address another resource than the item.
  it.each([".", ".."])("refuses %j as an item id, folder id or mailbox", (id) => {
    expect(() => itemPath({ kind: "message", id, mailbox: { kind: "me" } })).toThrow(TypeError);
    expect(() => itemPath({ kind: "message", id: "AAMk", folderId: id, mailbox: { kind: "me" } })).toThrow(
      TypeError,
    );
    expect(() => mailboxPath({ kind: "user", id })).toThrow(TypeError);
  });

  it("still takes ids that merely contain dots", () => {
    expect(itemPath({ kind: "message", id: "a.b..c", mailbox: { kind: "me" } })).toBe(
      "/v1.0/me/messages/a.b..c",
    );
  });
});
