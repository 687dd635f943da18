/**
 * POST {base}/v1.0/$batch: the call itself (same auth, refresh and top-level retries as the others), and what a
 * failed one means for its members. The members' own answers are read by batch.ts.
 */
import {
  type BatchFailure,
  type BatchRequest,
  type BatchResult,
  parseBatchAnswer,
  serializeBatch,
  validateBatchRequests,
} from "./batch";
import { readErrorDetails } from "./errors";
import { type AnsweredExchange, type Exchange, exchange, type Transport } from "./exchange";
import { batchSlots } from "./gate";
import { problemForLost, problemForStatus } from "./outcome";
import { parseRetryAfter } from "./retry";
import type { GraphUrls } from "./urls";

export async function sendBatch(
  requests: readonly BatchRequest[],
  call: { signal?: AbortSignal | undefined; stopRetries?: AbortSignal | undefined },
  client: { transport: Transport; urls: GraphUrls },
): Promise<BatchResult> {
  validateBatchRequests(requests);
  const url = client.urls.checked(`${client.urls.baseUrl}/v1.0/$batch`);
  const result = await exchange(
    {
      method: "POST",
      url,
      wantBody: () => true,
      payload: serializeBatch(requests),
      slots: batchSlots(requests),
      ...call,
    },
    client.transport,
  );
  if (result.type === "lost")
    return { ok: false, failure: lostBatch(result, client.transport.timeoutMs), sends: result.sends };
  const { status, body, uncertain, sends } = result;
  // The outer 2xx only says the batch was read; each member carries its own status.
  if (status >= 200 && status < 300) {
    return {
      ok: true,
      responses: parseBatchAnswer(
        body,
        requests.map((r) => r.id),
      ),
      uncertain,
      sends,
    };
  }
  return { ok: false, failure: refusedBatch(result, client.transport.now()), sends };
}

/** The batch got no answer: only a connection never made, or a cancel before sending, proves nothing ran. */
function lostBatch(result: Extract<Exchange, { type: "lost" }>, timeoutMs: number): BatchFailure {
  const { cause, uncertain } = result;
  const nothingRan =
    !uncertain &&
    ((cause.type === "network" && cause.beforeSend) || (cause.type === "aborted" && !cause.inFlight));
  const problem = problemForLost(result, timeoutMs);
  return { problem, nothingRan };
}

/** Graph answered the batch as a whole with an error status. */
function refusedBatch(result: AnsweredExchange, nowMs: number): BatchFailure {
  const { status, headers, body, uncertain } = result;
  const details = readErrorDetails(body, headers);
  const retryAfterMs = result.retryAfterExceededMs ?? parseRetryAfter(headers.get("retry-after"), nowMs);
  const problem = problemForStatus(status, details, result);
  const failure: BatchFailure = {
    problem,
    status,
    // A refused batch (4xx, or 503 "try later") ran nothing; after a 5xx gateway or server error, who knows.
    nothingRan: !uncertain && ((status >= 400 && status < 500) || status === 503),
  };
  if (retryAfterMs !== undefined) failure.retryAfterMs = retryAfterMs;
  return failure;
}
