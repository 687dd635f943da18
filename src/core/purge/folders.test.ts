/** Deleting custom mail folders outright, with the real Graph client against the Graph emulator (test-only). */
import { describe, expect, it } from "vitest";
import { ADELE } from "../../../dev/emulator/data";
import { emulatorForThisFile } from "../../../dev/emulator/testkit";
import { AuthError } from "../auth/errors";
import { createGraphClient } from "../graph/client";
import type { MailboxRef } from "../graph/types";
import { createFolderActions, folderOutcomeFor, sameTree, WELL_KNOWN_FOLDER_NAMES } from "./folders";

const ME: MailboxRef = { kind: "me" };
const emu = emulatorForThisFile({ seed: 1 });

function actions() {
  const graph = createGraphClient({
    baseUrl: emu.url,
    tokens: { getToken: async () => emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken },
  });
  return createFolderActions(graph, ME);
}
const adele = () => {
  const mb = emu.state.findMailbox(ADELE.upn);
  if (!mb) throw new Error("no Adele");
  return mb;
};
const folderNamed = (name: string) => {
  const f = [...adele().folders.values()].find((x) => x.displayName === name);
  if (!f) throw new Error(`no ${name}`);
  return f;
};

describe("folder actions against the emulator", () => {
  it("knows every well-known folder the mailbox has, by id", async () => {
    const ids = await actions().wellKnownIds();
    const expected = [...adele().folders.values()].filter((f) => f.wellKnownName !== null);
    expect(new Map([...ids].map(([id, name]) => [id, name]))).toEqual(
      new Map(expected.map((f) => [f.id, f.wellKnownName])),
    );
    const asked = emu.control.requests().filter((r) => r.op === "getMailFolder");
    expect(asked).toHaveLength(WELL_KNOWN_FOLDER_NAMES.length);
  });

  it("fails (offers nothing) when a well-known lookup fails for another reason than 404", async () => {
    emu.control.addFault({ op: "getMailFolder", path: "/inbox$", action: { kind: "error", status: 500 } });
    await expect(actions().wellKnownIds()).rejects.toThrow();
  });

  it("describes a folder with everything below it", async () => {
    const projects = folderNamed("Projects");
    const launch = folderNamed("Contoso Launch");
    const count = (id: string) => [...adele().messages.values()].filter((m) => m.folderId === id).length;
    const tree = await actions().describe(projects.id);
    expect(tree).toEqual({
      id: projects.id,
      displayName: "Projects",
      items: count(projects.id) + count(launch.id),
      subfolders: 1,
    });
    expect(sameTree(tree, { ...tree })).toBe(true);
    expect(sameTree(tree, { ...tree, items: tree.items + 1 })).toBe(false);
  });

  it("deletes a custom folder with its contents: 204 only, and then it is gone", async () => {
    const projects = folderNamed("Projects");
    const a = actions();
    expect(await a.permanentDelete({ id: projects.id, displayName: "Projects" })).toEqual({
      status: "deleted",
    });
    expect(adele().folders.has(projects.id)).toBe(false);
    const again = await a.permanentDelete({ id: projects.id, displayName: "Projects" });
    expect(again.status).toBe("already-gone");
    expect(again.status === "already-gone" && again.message).toContain("Nothing was deleted");
  });

  it("a well-known folder is refused by Exchange and reported as not deleted", async () => {
    const inbox = folderNamed("Inbox");
    const outcome = await actions().permanentDelete({ id: inbox.id, displayName: "Inbox" });
    expect(outcome).toMatchObject({ status: "failed", code: "ErrorDeleteDistinguishedFolder" });
    expect(outcome.status === "failed" && outcome.message).toMatch(
      /Outlook's own folders.*Nothing was deleted/,
    );
    expect(adele().folders.has(inbox.id)).toBe(true);
  });

  it("waits out a member 429 with its Retry-After and then deletes", async () => {
    const receipts = folderNamed("Receipts");
    emu.control.addFault({
      op: "permanentDeleteMailFolder",
      target: "member",
      times: 1,
      action: { kind: "error", status: 429, retryAfter: { seconds: 3 } },
    });
    const waits: number[] = [];
    const outcome = await createFolderActions(
      createGraphClient({
        baseUrl: emu.url,
        tokens: { getToken: async () => emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken },
      }),
      ME,
    ).permanentDelete(receipts, {
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(waits).toEqual([3000]);
    expect(outcome).toEqual({ status: "deleted" });
  });
});

describe("a whole $batch refused with 429: the core's one retry rule", () => {
  const send = (retryAfterSeconds: number, waits: number[]) => {
    emu.control.addFault({
      op: "$batch",
      target: "request",
      action: { kind: "error", status: 429, retryAfter: { seconds: retryAfterSeconds } },
    });
    const graph = createGraphClient({
      baseUrl: emu.url,
      tokens: { getToken: async () => emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken },
      sleep: async () => undefined,
      maxRetries: 0,
    });
    return createFolderActions(graph, ME).permanentDelete(folderNamed("Receipts"), {
      maxRetryDelayMs: 60_000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
  };
  const batches = () => emu.control.requests().filter((r) => r.op === "$batch").length;

  it("asked to wait longer than the longest wait, it gives up at once instead of waiting less and sending again", async () => {
    const waits: number[] = [];
    const outcome = await send(120, waits);
    expect(waits).toEqual([]);
    expect(batches()).toBe(1);
    expect(outcome).toMatchObject({
      status: "failed",
      message: expect.stringContaining("didn't reach Exchange"),
    });
    expect(adele().folders.has(folderNamed("Receipts").id)).toBe(true);
  });

  it("asked to wait within it, it waits exactly that long, up to its four sends", async () => {
    const waits: number[] = [];
    const outcome = await send(5, waits);
    expect(waits).toEqual([5000, 5000, 5000]);
    expect(batches()).toBe(4);
    expect(outcome).toMatchObject({ status: "failed" });
  });
});

describe("folderOutcomeFor", () => {
  it("calls nothing deleted but a 204", () => {
    expect(folderOutcomeFor(204, undefined, "X")).toEqual({ status: "deleted" });
    for (const status of [200, 202, 400, 403, 409, 429, 500, 503]) {
      expect(folderOutcomeFor(status, undefined, "X").status).not.toBe("deleted");
    }
    expect(folderOutcomeFor(500, undefined, "X")).toMatchObject({
      message: expect.stringContaining("may or may not"),
    });
  });
});

describe("a folder delete whose request may have reached Graph keeps that uncertainty", () => {
  const quick = (getToken: () => Promise<string>) =>
    createFolderActions(
      createGraphClient({ baseUrl: emu.url, tokens: { getToken }, sleep: async () => undefined }),
      ME,
    );
  const token = async () => emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;

  it("a 504 that did delete, then a 404 on the retry: 'probably deleted', never 'nothing was deleted'", async () => {
    const folder = folderNamed("Contoso Launch");
    // The first $batch times out at the gateway after Exchange deleted the folder (latency first, then the 504).
    emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1,
      action: { kind: "error", status: 504 },
    });
    adele().folders.delete(folder.id); // what Exchange did behind the 504
    const outcome = await quick(token).permanentDelete({ id: folder.id, displayName: folder.displayName });
    expect(outcome.status).toBe("already-gone");
    const message = "message" in outcome ? outcome.message : "";
    expect(message).toContain("probably deleted");
    expect(message).not.toContain("Nothing was deleted");
  });

  it("a 504, then a 401 whose refresh fails: 'may have been deleted', not 'was not deleted'", async () => {
    const folder = folderNamed("Contoso Launch");
    emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1,
      action: { kind: "error", status: 504 },
    });
    emu.control.addFault({
      op: "$batch",
      target: "request",
      times: 1, // tried once the 504 rule is used up: the second $batch
      action: { kind: "error", status: 401 },
    });
    let calls = 0;
    const outcome = await quick(async () => {
      calls += 1;
      if (calls > 1) throw new AuthError("interaction-required", "Sign in to continue.");
      return token();
    }).permanentDelete({ id: folder.id, displayName: folder.displayName });
    expect(outcome.status).toBe("failed");
    const message = "message" in outcome ? outcome.message : "";
    expect(message).toContain("may or may not have been deleted");
    expect(message).not.toContain("was not deleted");
  });
});
