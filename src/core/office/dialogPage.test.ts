import { describe, expect, it } from "vitest";
import { installOffice } from "../../../test/support/officeFake";
import { fromOwnParent, messageOwnParent } from "./dialogPage";

const ORIGIN = "https://addin.contoso.com";

describe("messageOwnParent (the sign-in and confirmation pages' messageParent)", () => {
  it("names the add-in's own origin as the recipient where the host supports DialogOrigin 1.1", () => {
    const { office } = installOffice({ sets: { DialogApi: "1.2", DialogOrigin: "1.1" } });
    messageOwnParent('{"type":"token"}', ORIGIN);
    expect(office.context.ui.messageParent).toHaveBeenCalledWith('{"type":"token"}', {
      targetOrigin: ORIGIN,
    });
  });

  it("passes no options where it doesn't (they need DialogOrigin 1.1)", () => {
    const { office } = installOffice({ sets: { DialogApi: "1.2" } });
    messageOwnParent('{"type":"token"}', ORIGIN);
    expect(office.context.ui.messageParent).toHaveBeenCalledWith('{"type":"token"}');
    expect(office.context.ui.messageParent.mock.calls[0]).toHaveLength(1);
  });
});

describe("fromOwnParent (the confirmation page's check of what the parent sends)", () => {
  it("where the host reports origins (DialogOrigin 1.1): only the add-in's own origin, never none", () => {
    installOffice({ sets: { DialogApi: "1.2", DialogOrigin: "1.1" } });
    expect(fromOwnParent(ORIGIN, ORIGIN)).toBe(true);
    expect(fromOwnParent(undefined, ORIGIN)).toBe(false);
    expect(fromOwnParent("https://evil.example", ORIGIN)).toBe(false);
    expect(fromOwnParent(null, ORIGIN)).toBe(false);
  });

  it("where it doesn't: none is accepted, another origin isn't", () => {
    installOffice({ sets: { DialogApi: "1.2" } });
    expect(fromOwnParent(undefined, ORIGIN)).toBe(true);
    expect(fromOwnParent("https://evil.example", ORIGIN)).toBe(false);
  });
});
