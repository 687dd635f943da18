/**
 * Tokens kept in this page's memory, per set of scopes, until shortly before they expire. Nothing is written to
 * storage; a kept token ends with the page.
 */

/** A token and when it expires, in epoch milliseconds. */
export interface ExpiringToken {
  accessToken: string;
  expiresOn: number;
}

/** A kept token this close to expiry is not handed out: a request sent with it could meet a 401 on the way. */
export const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/** One key per set of scopes, whatever their order. */
export function scopeKey(scopes: readonly string[]): string {
  return [...scopes].sort().join(" ");
}

export class TokenCache {
  private readonly tokens = new Map<string, ExpiringToken>();

  constructor(private readonly now: () => number) {}

  /**
   * The kept token for `key`, unless the caller asks for a fresh one (the last was refused) or it expires
   * within the margin; a token not handed out is forgotten.
   */
  take(key: string, forceRefresh: boolean | undefined): string | undefined {
    const cached = this.tokens.get(key);
    if (cached && !forceRefresh && cached.expiresOn - this.now() > EXPIRY_MARGIN_MS)
      return cached.accessToken;
    this.tokens.delete(key);
    return undefined;
  }

  keep(key: string, token: ExpiringToken): void {
    this.tokens.set(key, token);
  }
}
