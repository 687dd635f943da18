/** GET a path or a same-origin nextLink and parse its JSON. Every failure throws GraphError. */
import { GraphError, readErrorDetails, withDetails } from "./errors";
import { exchange, type Transport } from "./exchange";
import { problemForLost, problemForStatus } from "./outcome";
import type { GraphUrls } from "./urls";

export async function readJson<T>(
  path: string,
  call: { signal?: AbortSignal | undefined },
  client: { transport: Transport; urls: GraphUrls },
): Promise<T> {
  const url = client.urls.forRead(path);
  const wantBody = (status: number) => status !== 204;
  const result = await exchange({ method: "GET", url, wantBody, signal: call.signal }, client.transport);
  if (result.type === "lost") throw new GraphError(problemForLost(result, client.transport.timeoutMs));
  const { status } = result;
  if (status === 204) return undefined as T;
  if (status >= 200 && status < 300) {
    try {
      return JSON.parse(result.body ?? "") as T;
    } catch {
      const details = readErrorDetails(undefined, result.headers);
      throw new GraphError(withDetails({ kind: "unexpected", cause: "answer", status }, details));
    }
  }
  const details = readErrorDetails(result.body, result.headers);
  if (status === 404) {
    throw new GraphError(withDetails({ kind: "not-found", status }, details));
  }
  throw new GraphError(problemForStatus(status, details, result));
}
