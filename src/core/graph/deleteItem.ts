/**
 * POST {item}/permanentDelete: only a 204 is purged (outcome.ts maps every answer). Never throws for HTTP or
 * network outcomes; token errors propagate, except after a send that may have deleted the item.
 */
import { AuthError } from "../auth/errors";
import { type Exchange, exchange, type Transport } from "./exchange";
import { outcomeFromResponse, problemForLost } from "./outcome";
import { itemPath } from "./paths";
import type { DeleteOutcome, ItemRef } from "./types";
import type { GraphUrls } from "./urls";

export interface DeleteCall {
  signal?: AbortSignal | undefined;
  stopRetries?: AbortSignal | undefined;
}

export async function deleteItem(
  item: ItemRef,
  call: DeleteCall,
  client: { transport: Transport; urls: GraphUrls },
): Promise<DeleteOutcome> {
  let path: string;
  try {
    path = itemPath(item);
  } catch {
    return { status: "failed", problem: { kind: "bad-request", cause: "missing-id" } };
  }
  const url = client.urls.checked(`${client.urls.baseUrl}${path}/permanentDelete`);
  let result: Exchange;
  try {
    // Bodies are read only for failures: a 204 has none, and any other 2xx is not trusted anyway.
    const wantBody = (status: number) => status >= 300;
    result = await exchange({ method: "POST", url, wantBody, ...call }, client.transport);
  } catch (error) {
    // The sign-in failed after a send that may have deleted the item (a 504 before the 401): an outcome that
    // says so, not a sign-in error that would read as "nothing was sent".
    if (error instanceof AuthError && error.mayHaveRun) {
      return {
        status: "failed",
        problem: { kind: "unauthorized", cause: "sign-in-after-send", signIn: error },
      };
    }
    throw error;
  }
  if (result.type === "lost") {
    return { status: "failed", problem: problemForLost(result, client.transport.timeoutMs) };
  }
  // The exchange carries what it knows beyond the answer (uncertain, retryAfterExceededMs): the answer's context.
  return outcomeFromResponse(result.status, result.headers, result.body, result);
}
