/** GET a path or a same-origin nextLink and parse its JSON. Every failure throws GraphError. */
import { GraphError, readErrorDetails, withDetails } from "./errors";
import { exchange, type Transport } from "./exchange";
import { problemForLost, problemForStatus } from "./outcome";
import type { GraphUrls } from "./urls";
import * as say from "./wording";

export async function readJson<T>(
  path: string,
  call: { signal?: AbortSignal | undefined },
  client: { transport: Transport; urls: GraphUrls },
): Promise<T> {
  const subject = { op: "read" } as const;
  const url = client.urls.forRead(path);
  const wantBody = (status: number) => status !== 204;
  const result = await exchange({ method: "GET", url, wantBody, signal: call.signal }, client.transport);
  if (result.type === "lost")
    throw new GraphError(problemForLost(subject, result, client.transport.timeoutMs));
  const { status } = result;
  if (status === 204) return undefined as T;
  if (status >= 200 && status < 300) {
    try {
      return JSON.parse(result.body ?? "") as T;
    } catch {
      throw new GraphError(
        withDetails(
          { kind: "unexpected", message: say.unexpectedSuccess(subject, status), status },
          readErrorDetails(undefined, result.headers),
        ),
      );
    }
  }
  const details = readErrorDetails(result.body, result.headers);
  if (status === 404) {
    throw new GraphError(
      withDetails({ kind: "bad-request", message: say.notFoundRead(details.code), status }, details),
    );
  }
  throw new GraphError(problemForStatus(subject, status, details, result));
}
