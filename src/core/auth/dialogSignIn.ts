/**
 * Fallback sign-in when nested app authentication isn't available: the standard MSAL redirect flow runs in an
 * Office dialog (dialog/signin.html, same origin) and the token comes back through messageParent. NAA never runs
 * inside a dialog (the dialog has no bridge).
 */

import { dialogProblem, openDialog } from "../office/dialog";
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

export async function dialogTokenFlow(origin: string, request: SignInPageRequest): Promise<DialogToken> {
  let session: Awaited<ReturnType<typeof openDialog>>;
  try {
    // Sign-in pages must not run in an iframe: Entra ID refuses to be framed.
    session = await openDialog(signInUrl(origin, request), {
      height: 60,
      width: 30,
    });
  } catch (error) {
    const code = error instanceof OfficeApiError ? error.code : undefined;
    throw new AuthError(code === 12011 ? "popup-blocked" : "failed", dialogProblem(code), {
      ...(code ? { code: String(code) } : {}),
    });
  }
  try {
    for (;;) {
      const event = await session.next();
      if (event.type === "closed") {
        throw new AuthError("cancelled", AUTH_MESSAGES.cancelled, { code: String(event.code) });
      }
      // Only messages from our own origin count; anything else is ignored.
      if (event.origin !== undefined && event.origin !== origin) continue;
      const reply = parseSignInMessage(event.message);
      if (!reply) continue;
      if (reply.type === "token") return { accessToken: reply.accessToken, expiresOn: reply.expiresOn };
      throw fromMsalError({ errorCode: reply.code, correlationId: reply.correlationId });
    }
  } finally {
    session.close();
  }
}
