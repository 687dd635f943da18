/** Placeholder replaced below. */
import type { EmulatorState } from "./state";
import type { TokenService } from "./tokens";

export interface IdentityAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class Identity {
  constructor(
    readonly state: EmulatorState,
    readonly tokens: TokenService,
    readonly now: () => number,
    readonly baseUrl: () => string,
  ) {}

  handle(
    _method: string,
    _path: string,
    _query: URLSearchParams,
    _headers: Record<string, string | undefined>,
    _body: string,
  ): IdentityAnswer | undefined {
    return undefined;
  }
}
