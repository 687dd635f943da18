/**
 * Fallback sign-in when nested app authentication isn't available: the standard MSAL redirect flow runs in an
 * Office dialog (dialog/signin.html, same origin) and the token comes back through messageParent. NAA never runs
 * inside a dialog (the dialog has no bridge).
 */

import { type DialogSession, dialogProblem, fromOwnOrigin, openDialog } from "../office/dialog";
import { OfficeApiError } from "../office/errors";
import { AUTH_MESSAGES, AuthError, fromMsalError } from "./errors";
import { type SignInPageRequest, signInUrl } from "./signInRequest";
import type { DialogToken } from "./tokens";

export { signInUrl };

export interface SignInReply {
  type: "token";
  accessToken: string;
  expiresOn: number;
}

export interface SignInFailure {
  type: "error";
  code: string;
  correlationId?: string;
}

export function parseSignInMessage(raw: string): SignInReply | SignInFailure | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (
    v.type === "token" &&
    typeof v.accessToken === "string" &&
    v.accessToken !== "" &&
    typeof v.expiresOn === "number"
  ) {
    return { type: "token", accessToken: v.accessToken, expiresOn: v.expiresOn };
  }
  if (v.type === "error" && typeof v.code === "string") {
    return {
      type: "error",
      code: v.code,
      ...(typeof v.correlationId === "string" ? { correlationId: v.correlationId } : {}),
    };
  }
  return undefined;
}

/**
 * How long the sign-in window may stay open. Outlook doesn't always report a dialog closed (a window lost behind
 * others, a page that never loads, a host that drops DialogEventReceived), and without an end the pane would stay
 * on "Deleting…" and Outlook would refuse every later dialog of the page (12007). Ten minutes, because a first
 * sign-in can include setting up multi-factor authentication (installing an authenticator app, waiting for a
 * call or a text) and the person must not lose that; a stuck window then still ends on its own, and the run's
 * Cancel ends it at once.
 */
export const SIGN_IN_TIMEOUT_MS = 10 * 60 * 1000;

export interface DialogSignInRequest extends SignInPageRequest {
  /** The run's cancel: aborting closes the sign-in window and rejects with a "cancelled" AuthError. */
  signal?: AbortSignal | undefined;
}

export interface DialogSignInOptions {
  /** @default SIGN_IN_TIMEOUT_MS */
  timeoutMs?: number;
  open?: typeof openDialog;
}

type Stop = "timeout" | "aborted";

function stopped(why: Stop, timeoutMs: number): AuthError {
  return why === "timeout"
    ? new AuthError("timed-out", AUTH_MESSAGES.timedOut(Math.round(timeoutMs / 60_000)))
    : new AuthError("cancelled", AUTH_MESSAGES.cancelled);
}

export async function dialogTokenFlow(
  origin: string,
  request: DialogSignInRequest,
  options: DialogSignInOptions = {},
): Promise<DialogToken> {
  const open = options.open ?? openDialog;
  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
  const { signal } = request;
  if (signal?.aborted) throw stopped("aborted", timeoutMs);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  // Settles at the deadline or the cancel, whichever comes first; every wait below races it.
  const stop = new Promise<Stop>((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
    onAbort = () => resolve("aborted");
    signal?.addEventListener("abort", onAbort, { once: true });
  });
  try {
    // Sign-in pages must not run in an iframe: Entra ID refuses to be framed.
    const opening = open(signInUrl(origin, request), { height: 60, width: 30 });
    let session: DialogSession;
    try {
      const first = await Promise.race([opening, stop]);
      if (typeof first === "string") {
        // Outlook may still open it: close it as soon as it does, so it doesn't block the next dialog.
        opening.then(
          (late) => late.close(),
          () => undefined,
        );
        throw stopped(first, timeoutMs);
      }
      session = first;
    } catch (error) {
      if (error instanceof AuthError) throw error;
      const code = error instanceof OfficeApiError ? error.code : undefined;
      throw new AuthError(code === 12011 ? "popup-blocked" : "failed", dialogProblem(code), {
        ...(code ? { code: String(code) } : {}),
      });
    }
    try {
      for (;;) {
        const event = await Promise.race([session.next(), stop]);
        if (typeof event === "string") throw stopped(event, timeoutMs);
        if (event.type === "closed") {
          throw new AuthError("cancelled", AUTH_MESSAGES.cancelled, { code: String(event.code) });
        }
        // Only messages from our own origin count (none at all where the host reports origins: fromOwnOrigin);
        // anything else is ignored.
        if (!fromOwnOrigin(session, event.origin, origin)) continue;
        const reply = parseSignInMessage(event.message);
        if (!reply) continue;
        if (reply.type === "token") return { accessToken: reply.accessToken, expiresOn: reply.expiresOn };
        throw fromMsalError({ errorCode: reply.code, correlationId: reply.correlationId });
      }
    } finally {
      session.close();
    }
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
  }
}
