import { describe, expect, it } from "vitest";
import {
  CLOUDS,
  cloudFromAuthority,
  cloudFromRestUrl,
  detectCloud,
  endpointsFor,
  OperationUnavailableError,
  operationAvailable,
  requireAvailableFor,
  unavailableMessage,
  unavailableShort,
} from "./cloud";

describe("cloud detection", () => {
  it.each([
    ["https://outlook.office.com/api", "global"],
    ["https://outlook.office365.com/api", "global"],
    ["https://outlook.office365.us/api", "usgov"],
    ["https://outlook-dod.office365.us/api", "usgov-dod"],
    ["https://partner.outlook.cn/api", "china"],
    ["https://localhost:3001/api", undefined],
    ["not a url", undefined],
  ])("reads %s as %s", (restUrl, cloud) => {
    expect(cloudFromRestUrl(restUrl)).toBe(cloud);
  });

  it.each([
    ["https://login.microsoftonline.com/common", "global"],
    ["https://login.microsoftonline.us/contoso.onmicrosoft.us", "usgov"],
    ["https://login.partner.microsoftonline.cn/common", "china"],
    ["https://localhost:3001/common", undefined],
  ])("reads the authority %s as %s", (authority, cloud) => {
    expect(cloudFromAuthority(authority)).toBe(cloud);
  });

  it("lets a shared item's owner mailbox win, then the host mailbox, then the authority", () => {
    expect(
      detectCloud({
        targetRestUrl: "https://outlook-dod.office365.us/api",
        restUrl: "https://outlook.office365.us/api",
        authority: "https://login.microsoftonline.com/common",
      }),
    ).toEqual({ cloud: CLOUDS["usgov-dod"], source: "targetRestUrl" });
    expect(
      detectCloud({
        restUrl: "https://outlook.office365.us/api",
        authority: "https://login.microsoftonline.com/common",
      }),
    ).toEqual({ cloud: CLOUDS.usgov, source: "restUrl" });
    expect(
      detectCloud({
        restUrl: "https://localhost/api",
        authority: "https://login.partner.microsoftonline.cn/x",
      }),
    ).toEqual({ cloud: CLOUDS.china, source: "authority" });
    expect(detectCloud({})).toEqual({ cloud: CLOUDS.global, source: "default" });
  });
});

describe("availability", () => {
  it("offers message, contact and folder purges only in the global cloud; events also in China", () => {
    for (const op of ["message", "contact", "mailFolder"] as const) {
      expect(operationAvailable("global", op)).toBe(true);
      expect(operationAvailable("usgov", op)).toBe(false);
      expect(operationAvailable("usgov-dod", op)).toBe(false);
      expect(operationAvailable("china", op)).toBe(false);
    }
    expect(operationAvailable("china", "event")).toBe(true);
    expect(operationAvailable("usgov", "event")).toBe(false);
  });

  it("explains in a sentence that says what happened and what to do; the short form fits a notification", () => {
    const long = unavailableMessage(CLOUDS.usgov, "message");
    expect(long).toContain("US Government cloud (GCC High)");
    expect(long).toContain("exists only in Microsoft's global cloud");
    expect(long).toContain("Nothing was deleted");
    expect(long).toContain("Use Outlook's own Delete");
    expect(unavailableMessage(CLOUDS.usgov, "event")).toContain("global cloud and the China cloud");
    for (const cloud of Object.values(CLOUDS)) {
      for (const op of ["message", "contact", "event", "mailFolder"] as const) {
        expect(unavailableShort(cloud, op).length).toBeLessThanOrEqual(150);
      }
    }
  });

  it("refuses a shared item whose owner mailbox is in a cloud without the operation", () => {
    expect(() => requireAvailableFor("https://outlook.office.com/api", "message")).not.toThrow();
    expect(() => requireAvailableFor(undefined, "message")).not.toThrow();
    expect(() => requireAvailableFor("https://outlook.office365.us/api", "message")).toThrow(
      OperationUnavailableError,
    );
  });
});

describe("endpoints", () => {
  const defaults = {
    graphBaseUrl: "https://graph.microsoft.com",
    authority: "https://login.microsoftonline.com/common",
    graphExplicit: false,
    authorityExplicit: false,
  };

  it.each([
    ["global", "https://graph.microsoft.com", "https://login.microsoftonline.com/common"],
    ["usgov", "https://graph.microsoft.us", "https://login.microsoftonline.us/common"],
    ["usgov-dod", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us/common"],
    ["china", "https://microsoftgraph.chinacloudapi.cn", "https://login.partner.microsoftonline.cn/common"],
  ] as const)("points %s at its own Graph and sign-in hosts by default", (id, graph, authority) => {
    expect(endpointsFor(CLOUDS[id], defaults)).toEqual({ graphBaseUrl: graph, authority });
  });

  it("keeps what the deployment configured, and a tenant path when only the host follows the cloud", () => {
    expect(
      endpointsFor(CLOUDS.usgov, {
        ...defaults,
        graphBaseUrl: "https://localhost:3001",
        graphExplicit: true,
        authority: "https://login.microsoftonline.com/4f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
      }),
    ).toEqual({
      graphBaseUrl: "https://localhost:3001",
      authority: "https://login.microsoftonline.us/4f0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d",
    });
  });
});
