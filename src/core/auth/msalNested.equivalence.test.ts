// @vitest-environment jsdom
/**
 * The hand-built nested client (msal.ts: NestedAppOperatingContext + NestedAppAuthController from files
 * msal-browser's exports map doesn't publish) against the public createNestablePublicClientApplication: both run
 * the same sessions against the same scripted host bridge (window.nestedAppAuthBridge, the wire format of
 * msal-browser's src/naa/BridgeProxy.ts, as its own test/naa/MockBridge.ts answers it), and must send the same
 * bridge requests and give the same results. An msal-browser upgrade that changes what the public factory builds,
 * or how, fails here.
 *
 * Both clients are seen through nestableClientOver (the token service's view) and through the controller itself,
 * so a difference in the raw AuthenticationResult or error shows too.
 */
import {
  type AuthenticationResult,
  createNestablePublicClientApplication,
  PublicClientApplication,
} from "@azure/msal-browser";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AuthError } from "./errors";
import {
  createNestedController,
  type NestedController,
  nestableClientOver,
  nestedConfiguration,
} from "./msal";
import type { NestableClient } from "./tokens";

const CLIENT_ID = "7c6f7c3e-3a0e-4b52-9c1a-2f8b7c1d0e11";
const AUTHORITY = "https://login.microsoftonline.com/common";
const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OID = "00000000-0000-0000-66f3-3332eca7ea81";
const UPN = "adele@contoso.example";
const ENV = "login.microsoftonline.com";
const NOW = Date.UTC(2026, 11, 7, 3, 0, 0);

// ---------------------------------------------------------------------------------------------------------------
// The host's side of the bridge

interface Request {
  messageType: string;
  method: "GetInitContext" | "GetToken" | "GetTokenPopup";
  requestId: string;
  sendTime?: number;
  clientLibrary?: string;
  clientLibraryVersion?: string;
  tokenParams?: Record<string, unknown>;
}

type Answer = Record<string, unknown> | "silence";
/** One answer per request, in order; a request with no answer left fails the test. */
type Script = Partial<Record<Request["method"], Answer[]>>;

function b64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
function idToken(): string {
  const now = Math.floor(NOW / 1000);
  const claims = {
    aud: CLIENT_ID,
    iss: `https://${ENV}/${TENANT}/v2.0`,
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: "Adele Vance",
    oid: OID,
    preferred_username: UPN,
    sub: OID,
    tid: TENANT,
    ver: "2.0",
  };
  return `${b64url(JSON.stringify({ alg: "none", typ: "JWT" }))}.${b64url(JSON.stringify(claims))}.`;
}
const ACCOUNT = {
  homeAccountId: `${OID}.${TENANT}`,
  environment: ENV,
  tenantId: TENANT,
  username: UPN,
  localAccountId: OID,
  name: "Adele Vance",
};
const initContext = (withAccount: boolean): Answer => ({
  initContext: {
    sdkName: "test host",
    sdkVersion: "1.0.0",
    capabilities: { queryAccount: false },
    ...(withAccount
      ? { accountContext: { homeAccountId: ACCOUNT.homeAccountId, environment: ENV, tenantId: TENANT } }
      : {}),
  },
});
const token = (accessToken: string, scope: string, expiresIn = 3600): Answer => ({
  token: { access_token: accessToken, expires_in: expiresIn, id_token: idToken(), properties: null, scope },
  account: ACCOUNT,
});
const failure = (status: string, code = "", description = ""): Answer => ({
  error: { status, code, subError: "", description, properties: {} },
});

/** window.nestedAppAuthBridge, answering from `script`; records every request. */
function installBridge(script: Script) {
  const requests: Request[] = [];
  const unexpected: string[] = [];
  const listeners = new Set<(message: string) => void>();
  const left: Script = structuredClone(script);
  const bridge = {
    addEventListener: (event: string, listener: (message: string) => void) => {
      if (event === "message") listeners.add(listener);
    },
    removeEventListener: (_event: string, listener: (message: string) => void) => listeners.delete(listener),
    postMessage: (message: string) => {
      const request = JSON.parse(message) as Request;
      requests.push(request);
      const answer = left[request.method]?.shift();
      if (answer === undefined) {
        unexpected.push(request.method);
        return;
      }
      if (answer === "silence") return;
      const envelope = {
        messageType: "NestedAppAuthResponse",
        requestId: request.requestId,
        success: !("error" in answer),
        ...answer,
      };
      // A host answers later, never within postMessage.
      setTimeout(() => {
        for (const listener of listeners) listener(JSON.stringify(envelope));
      }, 0);
    },
  };
  Object.assign(window, { nestedAppAuthBridge: bridge });
  return { requests, unexpected, left };
}

/** What a bridge request says, without what differs on every run (IDs and times). */
function shape(request: Request) {
  const { requestId, sendTime, tokenParams, ...rest } = request;
  expect(typeof requestId).toBe("string");
  if (tokenParams === undefined) return rest;
  const { correlationId, ...params } = tokenParams;
  expect(
    typeof correlationId === "string" && correlationId !== "",
    "a correlation ID on every token request",
  ).toBe(true);
  return { ...rest, tokenParams: params };
}

// ---------------------------------------------------------------------------------------------------------------
// The two clients

type Built =
  | { kind: "nested"; client: NestableClient; controller: NestedController }
  | { kind: "unavailable"; why: unknown };

/** msal.ts's way (createNestableClient is nestableClientOver(createNestedController(...))). */
async function handBuilt(): Promise<Built> {
  try {
    const controller = await createNestedController(CLIENT_ID, AUTHORITY);
    return { kind: "nested", client: nestableClientOver(controller), controller };
  } catch (why) {
    return { kind: "unavailable", why };
  }
}

/** msal-browser's public way. */
async function publicFactory(): Promise<Built> {
  let nested = false;
  const pca = await createNestablePublicClientApplication(
    nestedConfiguration(CLIENT_ID, AUTHORITY),
    undefined,
    // Called only when the host offers nested auth (PublicClientApplication.ts): tells the two outcomes apart.
    (configuration, controller) => {
      nested = true;
      return new PublicClientApplication(configuration, controller);
    },
  );
  if (!nested) return { kind: "unavailable", why: pca };
  return { kind: "nested", client: nestableClientOver(pca), controller: pca };
}

// ---------------------------------------------------------------------------------------------------------------
// Sessions: what the token service does (tokens.ts), step by step

type Step =
  | { call: "ssoSilent"; scopes: string[] }
  | { call: "acquireTokenSilent"; scopes: string[]; forceRefresh?: boolean }
  | { call: "acquireTokenPopup"; scopes: string[] }
  | { call: "raw.acquireTokenSilent"; scopes: string[] };

function outcomeOf(value: unknown): unknown {
  if (value instanceof Error) {
    const e = value as Error & Record<string, unknown>;
    return {
      error: e.constructor.name,
      name: e.name,
      message: e.message,
      errorCode: e.errorCode,
      subError: e.subError,
      kind: value instanceof AuthError ? value.kind : undefined,
      code: value instanceof AuthError ? value.details.code : undefined,
    };
  }
  const { correlationId, ...result } = value as AuthenticationResult;
  expect(typeof correlationId).toBe("string");
  return { result };
}

async function run(build: () => Promise<Built>, script: Script, steps: Step[]) {
  sessionStorage.clear();
  localStorage.clear();
  const bridge = installBridge(script);
  const built = await build();
  // Creation's own requests.
  const creation = bridge.requests.splice(0).map(shape);
  const outcomes: unknown[] = [];
  const perStep: unknown[][] = [];
  if (built.kind === "nested") {
    const { client, controller } = built;
    for (const step of steps) {
      const before = bridge.requests.length;
      let result: unknown;
      try {
        const account = client.getAccount({ username: UPN, localAccountId: OID, tenantId: TENANT });
        switch (step.call) {
          case "ssoSilent":
            result = await client.ssoSilent({ scopes: step.scopes, loginHint: UPN });
            break;
          case "acquireTokenSilent":
            if (account === null) throw new Error("no account in the cache");
            result = await client.acquireTokenSilent({
              scopes: step.scopes,
              account,
              ...(step.forceRefresh ? { forceRefresh: true } : {}),
            });
            break;
          case "acquireTokenPopup":
            result = await client.acquireTokenPopup({ scopes: step.scopes, loginHint: UPN });
            break;
          case "raw.acquireTokenSilent": {
            const raw = controller.getAccount({ username: UPN });
            if (raw === null) throw new Error("no account in the cache");
            result = await controller.acquireTokenSilent({ scopes: step.scopes, account: raw });
            break;
          }
        }
      } catch (error) {
        result = error;
      }
      outcomes.push(outcomeOf(result));
      perStep.push(bridge.requests.slice(before).map(shape));
    }
  }
  return {
    kind: built.kind,
    why: built.kind === "unavailable" && built.why instanceof Error ? outcomeOf(built.why) : undefined,
    creation,
    outcomes,
    perStep,
    unexpected: bridge.unexpected,
    left: bridge.left,
  };
}

async function both(script: Script, steps: Step[]) {
  return { hand: await run(handBuilt, script, steps), pub: await run(publicFactory, script, steps) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(window, "nestedAppAuthBridge");
});

const MAIL = ["https://graph.microsoft.com/Mail.ReadWrite"];
const CAL = ["https://graph.microsoft.com/Calendars.ReadWrite"];

describe("the hand-built nested client and the public factory's", () => {
  it("silent success: one GetToken, then the cache; another scope asks the host again", async () => {
    const script: Script = {
      GetInitContext: [initContext(true)],
      GetToken: [token("at-mail", MAIL.join(" ")), token("at-cal", CAL.join(" "))],
    };
    const steps: Step[] = [
      { call: "ssoSilent", scopes: MAIL },
      { call: "acquireTokenSilent", scopes: MAIL },
      { call: "raw.acquireTokenSilent", scopes: MAIL },
      { call: "acquireTokenSilent", scopes: CAL },
    ];
    const { hand, pub } = await both(script, steps);
    expect(hand.kind).toBe("nested");
    expect(pub).toEqual(hand);
    expect(hand.unexpected).toEqual([]);
    expect(hand.creation.map((r) => r.method)).toEqual(["GetInitContext"]);
    expect(hand.perStep.map((s) => s.length)).toEqual([1, 0, 0, 1]);
    expect(hand.perStep[0]).toEqual([
      expect.objectContaining({
        method: "GetToken",
        tokenParams: expect.objectContaining({ clientId: CLIENT_ID, scope: MAIL.join(" ") }),
      }),
    ]);
    expect(hand.outcomes[0]).toMatchObject({ result: { accessToken: "at-mail", fromCache: false } });
    expect(hand.outcomes[1]).toMatchObject({ result: { accessToken: "at-mail", fromCache: true } });
    expect(hand.outcomes[3]).toMatchObject({ result: { accessToken: "at-cal", fromCache: false } });
  });

  it("consent popup: interaction required on GetToken, then GetTokenPopup, then the cache", async () => {
    const script: Script = {
      GetInitContext: [initContext(false)],
      GetToken: [failure("USER_INTERACTION_REQUIRED", "interaction_required", "consent_required")],
      GetTokenPopup: [token("at-consented", MAIL.join(" "))],
    };
    const steps: Step[] = [
      { call: "ssoSilent", scopes: MAIL },
      { call: "acquireTokenPopup", scopes: MAIL },
      { call: "acquireTokenSilent", scopes: MAIL },
    ];
    const { hand, pub } = await both(script, steps);
    expect(pub).toEqual(hand);
    expect(hand.unexpected).toEqual([]);
    expect(hand.perStep.map((s) => s.map((r) => (r as { method: string }).method))).toEqual([
      ["GetToken"],
      ["GetTokenPopup"],
      [],
    ]);
    expect(hand.outcomes[0]).toMatchObject({
      error: "InteractionRequiredAuthError",
      errorCode: "interaction_required",
    });
    expect(hand.outcomes[1]).toMatchObject({ result: { accessToken: "at-consented" } });
    expect(hand.outcomes[2]).toMatchObject({ result: { accessToken: "at-consented", fromCache: true } });
  });

  it("interaction required and the person cancels: the same errors, nothing cached", async () => {
    const script: Script = {
      GetInitContext: [initContext(false)],
      GetToken: [
        failure("USER_INTERACTION_REQUIRED", "interaction_required"),
        failure("USER_INTERACTION_REQUIRED", "interaction_required"),
      ],
      GetTokenPopup: [failure("USER_CANCEL")],
    };
    const steps: Step[] = [
      { call: "ssoSilent", scopes: MAIL },
      { call: "acquireTokenPopup", scopes: MAIL },
      { call: "ssoSilent", scopes: MAIL },
    ];
    const { hand, pub } = await both(script, steps);
    expect(pub).toEqual(hand);
    expect(hand.unexpected).toEqual([]);
    expect(hand.outcomes[0]).toMatchObject({ error: "InteractionRequiredAuthError" });
    expect(hand.outcomes[1]).toMatchObject({ errorCode: "user_canceled" });
    expect(hand.outcomes[2]).toMatchObject({ error: "InteractionRequiredAuthError" });
    // Without an account in the cache there is nothing for acquireTokenSilent to use.
    expect(hand.perStep.map((s) => s.length)).toEqual([1, 1, 1]);
  });

  it("bridge unavailable for a token: NESTED_APP_AUTH_UNAVAILABLE becomes nested-auth-unavailable on both", async () => {
    const script: Script = {
      GetInitContext: [initContext(false)],
      GetToken: [
        failure("NESTED_APP_AUTH_UNAVAILABLE", "unsupported_host"),
        failure("NESTED_APP_AUTH_UNAVAILABLE"),
      ],
    };
    const steps: Step[] = [
      { call: "ssoSilent", scopes: MAIL },
      { call: "ssoSilent", scopes: MAIL },
    ];
    const { hand, pub } = await both(script, steps);
    expect(pub).toEqual(hand);
    expect(hand.outcomes).toEqual([
      expect.objectContaining({ kind: "nested-auth-unavailable", code: "unsupported_host" }),
      expect.objectContaining({ kind: "nested-auth-unavailable" }),
    ]);
  });

  it("no bridge at all: no request, and both say nested auth is unavailable", async () => {
    sessionStorage.clear();
    const hand = await handBuilt();
    const pub = await publicFactory();
    expect(hand.kind).toBe("unavailable");
    expect(hand.kind === "unavailable" && hand.why).toMatchObject({ kind: "nested-auth-unavailable" });
    // The public factory falls back to its standard browser client, which this add-in doesn't use.
    expect(pub.kind).toBe("unavailable");
  });

  it("a bridge that refuses GetInitContext: the same one request, and both say unavailable", async () => {
    // MSAL logs the refusal to the console (BridgeProxy.initializeNestedAppAuthBridge).
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const script: Script = { GetInitContext: [failure("DISABLED")] };
    const hand = await run(handBuilt, script, []);
    const pub = await run(publicFactory, script, []);
    expect(hand.kind).toBe("unavailable");
    expect(hand.why).toMatchObject({ kind: "nested-auth-unavailable" });
    expect(pub.kind).toBe("unavailable");
    expect(pub.creation).toEqual(hand.creation);
    expect(hand.creation).toEqual([
      expect.objectContaining({ method: "GetInitContext", messageType: "NestedAppAuthRequest" }),
    ]);
  });

  it("token refresh: forceRefresh asks the host with forceRefresh, and a token near expiry isn't served from cache", async () => {
    const script: Script = {
      GetInitContext: [initContext(true)],
      GetToken: [
        token("at-1", MAIL.join(" ")),
        token("at-2", MAIL.join(" "), 200),
        token("at-3", MAIL.join(" ")),
      ],
    };
    const steps: Step[] = [
      { call: "ssoSilent", scopes: MAIL },
      { call: "acquireTokenSilent", scopes: MAIL, forceRefresh: true },
      // at-2 expires within MSAL's renewal offset (300 s): the next silent call goes to the host again.
      { call: "acquireTokenSilent", scopes: MAIL },
      { call: "acquireTokenSilent", scopes: MAIL },
    ];
    const { hand, pub } = await both(script, steps);
    expect(pub).toEqual(hand);
    expect(hand.unexpected).toEqual([]);
    expect(hand.perStep.map((s) => s.length)).toEqual([1, 1, 1, 0]);
    expect(hand.perStep[1]).toEqual([
      expect.objectContaining({
        method: "GetToken",
        tokenParams: expect.objectContaining({ forceRefresh: true }),
      }),
    ]);
    expect(hand.outcomes.map((o) => (o as { result?: { accessToken: string } }).result?.accessToken)).toEqual(
      ["at-1", "at-2", "at-3", "at-3"],
    );
  });
});
