import { describe, expect, it } from "vitest";
import { installOffice } from "../../../test/support/officeFake";
import { fromOwnOrigin, openDialog } from "./dialog";

const ORIGIN = "https://addin.contoso.com";

describe("fromOwnOrigin", () => {
  it("where the host reports origins (DialogOrigin 1.1): only the add-in's own origin, never none", () => {
    const session = { originReported: true };
    expect(fromOwnOrigin(session, ORIGIN, ORIGIN)).toBe(true);
    expect(fromOwnOrigin(session, undefined, ORIGIN)).toBe(false);
    expect(fromOwnOrigin(session, "https://evil.example", ORIGIN)).toBe(false);
    expect(fromOwnOrigin(session, "https://addin.contoso.com.evil.example", ORIGIN)).toBe(false);
  });

  it("where it doesn't: none is accepted (the host delivers only its own domain's messages), another origin isn't", () => {
    const session = { originReported: false };
    expect(fromOwnOrigin(session, undefined, ORIGIN)).toBe(true);
    expect(fromOwnOrigin(session, ORIGIN, ORIGIN)).toBe(true);
    expect(fromOwnOrigin(session, "https://evil.example", ORIGIN)).toBe(false);
  });
});

describe("openDialog: originReported follows the DialogOrigin 1.1 requirement set", () => {
  async function openWith(sets: Record<string, string>) {
    const fake = installOffice({ sets });
    const session = await openDialog(`${ORIGIN}/dialog/confirm.html`, { height: 40, width: 40 });
    session.close();
    expect(fake.dialogs.map((w) => [w.url, w.closed])).toEqual([[`${ORIGIN}/dialog/confirm.html`, true]]);
    return session.originReported;
  }

  it("is true where the host supports DialogOrigin 1.1", async () => {
    expect(await openWith({ DialogApi: "1.2", DialogOrigin: "1.1" })).toBe(true);
  });

  it("is false where it doesn't", async () => {
    expect(await openWith({ DialogApi: "1.2" })).toBe(false);
  });
});
