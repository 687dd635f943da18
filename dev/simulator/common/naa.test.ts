import { describe, expect, it } from "vitest";
import {
  BridgeStatusValues,
  consentRequiredResponse,
  errorResponse,
  expiresInSeconds,
  type IssuedToken,
  initContextResponse,
  parseBridgeRequest,
  requestedPermissions,
  tokenResponse,
} from "./naa";

const issued: IssuedToken = {
  accessToken: "at-123",
  expiresOn: "2030-01-01T01:00:00.000Z",
  account: {
    username: "adele@contoso.example",
    name: "Adele Vance",
    homeAccountId: "oid-1.tid-1",
    localAccountId: "oid-1",
    tenantId: "tid-1",
  },
  scopes: ["Mail.ReadWrite"],
};
const now = Date.parse("2030-01-01T00:00:00.000Z");

function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
}

describe("NAA bridge messages", () => {
  it("parses MSAL's request envelope and ignores anything else", () => {
    const request = parseBridgeRequest(
      JSON.stringify({
        messageType: "NestedAppAuthRequest",
        method: "GetToken",
        requestId: "r1",
        sendTime: 1,
        tokenParams: {
          clientId: "c",
          scope: "Mail.ReadWrite openid",
          correlationId: "x",
          extraParameters: {},
        },
      }),
    );
    expect(request).toEqual({
      messageType: "NestedAppAuthRequest",
      method: "GetToken",
      requestId: "r1",
      tokenParams: { clientId: "c", scope: "Mail.ReadWrite openid", correlationId: "x" },
    });
    expect(parseBridgeRequest("{")).toBeNull();
    expect(
      parseBridgeRequest(JSON.stringify({ messageType: "NestedAppAuthRequest", method: "Logout" })),
    ).toBeNull();
  });

  it("answers GetToken with what NestedAppAuthAdapter needs: id_token claims, access_token, environment", () => {
    const response = tokenResponse(
      "r1",
      { clientId: "client-1", scope: "Mail.ReadWrite", correlationId: "c" },
      issued,
      "login.microsoftonline.com",
      now,
    );
    expect(response).toMatchObject({
      messageType: "NestedAppAuthResponse",
      requestId: "r1",
      success: true,
      token: { access_token: "at-123", expires_in: 3600, properties: null, scope: "Mail.ReadWrite" },
      account: {
        environment: "login.microsoftonline.com",
        username: "adele@contoso.example",
        localAccountId: "oid-1",
        tenantId: "tid-1",
        homeAccountId: "oid-1.tid-1",
      },
    });
    const claims = claimsOf(response.token?.id_token ?? "");
    expect(claims).toMatchObject({
      aud: "client-1",
      oid: "oid-1",
      tid: "tid-1",
      preferred_username: issued.account.username,
    });
  });

  it("keeps the emulator's id token when it is a JWT", () => {
    const idToken = "a.b.c";
    const response = tokenResponse(
      "r",
      { clientId: "c", scope: "s", correlationId: "" },
      { ...issued, idToken },
      "e",
      now,
    );
    expect(response.token?.id_token).toBe(idToken);
  });

  it("reads expiry as ISO, epoch seconds or epoch milliseconds", () => {
    expect(expiresInSeconds(now / 1000 + 60, now)).toBe(60);
    expect(expiresInSeconds(now + 120_000, now)).toBe(120);
    expect(expiresInSeconds(String(now / 1000 + 30), now)).toBe(30);
    expect(expiresInSeconds("2029-01-01T00:00:00Z", now)).toBe(0);
  });

  it("builds an error for every MSAL bridge status", () => {
    for (const status of BridgeStatusValues) {
      const response = errorResponse("r9", status);
      expect(response).toMatchObject({ requestId: "r9", success: false, error: { status } });
      expect(response.token).toBeUndefined();
    }
    expect(errorResponse("r", "USER_INTERACTION_REQUIRED").error?.code).toBe("interaction_required");
  });

  it("answers GetInitContext with an sdk name and the account context", () => {
    const response = initContextResponse("r0", { homeAccountId: "h", environment: "e", tenantId: "t" });
    expect(response.initContext).toMatchObject({
      sdkName: expect.any(String),
      accountContext: { tenantId: "t" },
    });
  });
});

describe("consent per permission", () => {
  it("reads the Graph permissions a request asks for, resource prefix and OpenID scopes aside", () => {
    expect(
      requestedPermissions(
        "https://microsoftgraph.chinacloudapi.cn/Calendars.ReadWrite Mail.ReadWrite.Shared openid profile offline_access",
      ),
    ).toEqual(["calendars.readwrite", "mail.readwrite.shared"]);
    expect(requestedPermissions("https://graph.microsoft.com/.default openid")).toEqual([]);
  });

  it("refuses a silent request as Entra ID refuses one without consent: interaction required, consent_required", () => {
    const response = consentRequiredResponse("r1", ["calendars.readwrite"]);
    expect(response).toMatchObject({
      requestId: "r1",
      success: false,
      error: { status: "USER_INTERACTION_REQUIRED", code: "invalid_grant", subError: "consent_required" },
    });
    expect(response.error?.description).toMatch(/^AADSTS65001: .*calendars\.readwrite/);
  });
});
