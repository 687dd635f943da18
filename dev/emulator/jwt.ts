/**
 * Compact JWTs signed with HS256 and a per-process secret: enough for the emulator to issue tokens
 * and to tell its own tokens from forged, altered or expired ones.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export type JwtClaims = Record<string, unknown>;

const b64url = (data: string | Buffer): string => Buffer.from(data).toString("base64url");

export class JwtSigner {
  private readonly secret = randomBytes(32);

  sign(claims: JwtClaims, extraHeader: Record<string, string> = {}): string {
    const header = b64url(JSON.stringify({ typ: "JWT", alg: "HS256", ...extraHeader }));
    const payload = b64url(JSON.stringify(claims));
    const sig = createHmac("sha256", this.secret).update(`${header}.${payload}`).digest("base64url");
    return `${header}.${payload}.${sig}`;
  }

  /** The claims when the signature holds, otherwise a reason. Expiry is the caller's business. */
  verify(token: string): { ok: true; claims: JwtClaims } | { ok: false; reason: string } {
    const parts = token.split(".");
    if (parts.length !== 3) return { ok: false, reason: "IDX14100: JWT is not well formed." };
    const [header, payload, sig] = parts as [string, string, string];
    const expected = createHmac("sha256", this.secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(sig, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: "Invalid signature." };
    }
    try {
      const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
        return { ok: false, reason: "IDX14100: JWT is not well formed." };
      }
      return { ok: true, claims: claims as JwtClaims };
    } catch {
      return { ok: false, reason: "IDX14100: JWT is not well formed." };
    }
  }
}

/** Reads a JWT's payload without checking anything (for id tokens and logs). */
export function decodeJwtPayload(token: string): JwtClaims | undefined {
  const payload = token.split(".")[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof claims === "object" && claims !== null ? (claims as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}
