/**
 * The shell's own mailbox reads against the Graph emulator: they run as Outlook's app, not the add-in's, so they
 * never take one of the add-in's 4 concurrent slots (Outlook's limit counts per app and mailbox:
 * learn.microsoft.com/graph/throttling-limits, "Outlook service limits").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Kit, startKit } from "../../emulator/testkit";
import { DEFAULT_CLIENT_ID } from "../../emulator/tokens";
import { emulatorSource, SHELL_CLIENT_ID } from "./mailbox";

let kit: Kit;
beforeAll(async () => {
  kit = await startKit();
});
afterAll(async () => {
  await kit.emu.close();
});

describe("the shell's mailbox reads", () => {
  it("run under the shell's own app id and succeed while the add-in holds all 4 of its slots", async () => {
    const source = emulatorSource(kit.emu.url, null);
    const folders = await source.folders();
    const inbox = folders.find((f) => f.wellKnownName === "inbox");
    if (!inbox) throw new Error("no inbox");
    kit.emu.control.clearRequests();

    // The add-in (its own token, the default client id) keeps 4 requests in flight for 400 ms.
    kit.emu.control.configure({ requestTimeMs: 400 });
    const addinToken = kit.emu.control.mintToken({ scopes: ["Mail.ReadWrite"] }).accessToken;
    const held = Array.from({ length: 4 }, () => kit.graph("/me/mailFolders/inbox", { token: addinToken }));
    await new Promise((r) => setTimeout(r, 100));
    // A fifth request of the add-in now gets Outlook's 429: its 4 slots are taken.
    const fifth = await kit.graph("/me/mailFolders/inbox", { token: addinToken });
    expect(fifth.status).toBe(429);

    // Meanwhile Outlook lists the folder: not throttled by the add-in's slots.
    const messages = await source.messages(inbox.id);
    expect(messages.length).toBeGreaterThan(0);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    kit.emu.control.configure({ requestTimeMs: 0 });

    const shellReads = kit.emu.control.requests().filter((r) => r.op === "listMessages");
    expect(shellReads.length).toBeGreaterThan(0);
    for (const r of shellReads) {
      expect(r.status).toBe(200);
      expect(r.appId).toBe(SHELL_CLIENT_ID);
    }
    expect(SHELL_CLIENT_ID).not.toBe(DEFAULT_CLIENT_ID);
  });
});
