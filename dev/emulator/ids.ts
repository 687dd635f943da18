/**
 * Exchange item IDs in their two forms.
 *
 * Office.js hands out EWS IDs (standard base64: `+`, `/`, `=`); Graph uses REST IDs. The REST form is what
 * office.js's own `convertToRestId(id, RestVersion.v2_0)` gives: `/` -> `-` and `+` -> `_`, padding kept
 * (office.js's Outlook web script, npm `@microsoft/office-js` 1.1.110, `dist/outlook-web-16.01.debug.js`,
 * module `./src/utils/convertToRestId.ts`). That is NOT RFC 4648 base64url (which pairs `+` with `-`): decode a
 * REST id only after `restToEwsId`. The IDs minted here have Exchange's layout (a header, the mailbox GUID as
 * ASCII, then store and entry keys), so they look and behave like the real ones.
 */
import type { Rng } from "./prng";

export function ewsToRestId(ewsId: string): string {
  return ewsId.replace(/\//g, "-").replace(/\+/g, "_");
}

export function restToEwsId(restId: string): string {
  return restId.replace(/-/g, "/").replace(/_/g, "+");
}

/** Graph refuses anything that is not URL-safe base64 (after one URL decode) as malformed. */
export function isWellFormedRestId(id: string): boolean {
  return id.length >= 16 && /^[A-Za-z0-9_-]+={0,2}$/.test(id);
}

export type IdKind = "item" | "folder" | "conversation";

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/**
 * Mints one ID pair. Item IDs come out about 148 characters long and always contain `-` and `_` in
 * REST form (`+` and `/` in EWS form), so every conversion path is exercised by every test.
 */
export function mintId(rng: Rng, mailboxGuid: string, storeKey: Uint8Array, kind: IdKind): IdPair {
  for (;;) {
    let bytes: number[];
    if (kind === "conversation") {
      bytes = [0x00, 0x04, 0x24, 0x00, ...ascii(mailboxGuid), 0x00, 0x10, 0x00, ...rng.bytes(16)];
    } else if (kind === "folder") {
      bytes = [
        0x00,
        0x03,
        0x24,
        0x00,
        ...ascii(mailboxGuid),
        0x00,
        0x2e,
        0x00,
        0x00,
        0x00,
        0x00,
        ...storeKey,
        0x01,
        0x00,
        ...rng.bytes(22),
        0x00,
        0x00,
      ];
    } else {
      bytes = [
        0x00,
        0x03,
        0x24,
        0x00,
        ...ascii(mailboxGuid),
        0x00,
        0x46,
        0x00,
        0x00,
        0x00,
        0x00,
        ...storeKey,
        0x07,
        0x00,
        ...rng.bytes(22),
        0x00,
        0x00,
        ...rng.bytes(22),
      ];
    }
    const ews = Buffer.from(bytes).toString("base64");
    if (kind !== "item" || (ews.includes("+") && ews.includes("/"))) {
      return { rest: ewsToRestId(ews), ews };
    }
  }
}

export interface IdPair {
  rest: string;
  ews: string;
}
