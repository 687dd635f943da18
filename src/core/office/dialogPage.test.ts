import { describe, expect, it } from "vitest";
import { installOffice } from "../../../test/support/officeStub";
import { messageOwnParent } from "./dialogPage";

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
