/**
 * Typed authentication errors. Auth has no UI: it says what went wrong and what the person must do, and the
 * pane or the command decides how to show it. Messages never contain a token, and correlation IDs are kept
 * apart so they can be shown for support without being logged.
 */
import { t } from "../i18n";

export type AuthProblemKind =
  | "not-configured" // no client ID in this build
  | "interaction-required" // sign-in or consent needed: ask from a click
  | "cancelled" // the person closed or cancelled sign-in
  | "timed-out" // the sign-in window didn't finish in time and was closed
  | "popup-blocked" // the sign-in window could not open
  | "network" // no connection to the identity service
  | "account-unavailable" // Outlook has no usable account for the add-in
  | "conditional-access" // a tenant policy blocks the add-in: only an administrator can fix it
  | "nested-auth-unavailable" // the host can't broker tokens here: use the fallback
  | "failed"; // anything else

export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    readonly kind: AuthProblemKind,
    message: string,
    readonly details: { code?: string; correlationId?: string } = {},
    /**
     * The Graph request this token was for had already been sent once and may have been carried out (a 504, or a
     * lost answer, before the 401 whose refresh failed): what it carried may have been deleted.
     */
    readonly mayHaveRun = false,
  ) {
    super(message);
  }

  /** True when asking again from a click (the Sign in button) can help. */
  get canSignIn(): boolean {
    return (
      this.kind === "interaction-required" ||
      this.kind === "cancelled" ||
      this.kind === "timed-out" ||
      this.kind === "popup-blocked"
    );
  }
}

/** The sentences, in the active language (getters: read when shown, after the page chose its language). */
export const AUTH_MESSAGES = {
  get notConfigured() {
    return t("auth.notConfigured");
  },
  get interactionRequired() {
    return t("auth.interactionRequired");
  },
  get cancelled() {
    return t("auth.cancelled");
  },
  timedOut(minutes: number) {
    return t("auth.timedOut", { minutes });
  },
  get popupBlocked() {
    return t("auth.popupBlocked");
  },
  get network() {
    return t("auth.network");
  },
  get accountUnavailable() {
    return t("auth.accountUnavailable");
  },
  get conditionalAccess() {
    return t("auth.conditionalAccess");
  },
  get failed() {
    return t("auth.failed");
  },
};

interface MsalLikeError {
  errorCode?: unknown;
  subError?: unknown;
  correlationId?: unknown;
  errorMessage?: unknown;
  name?: unknown;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** Maps an MSAL error (standard or nested) to an AuthError without leaking MSAL types to callers. */
export function fromMsalError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  const e = (error ?? {}) as MsalLikeError;
  const code = str(e.errorCode) ?? "unknown_error";
  const details: { code?: string; correlationId?: string } = { code };
  const correlationId = str(e.correlationId);
  if (correlationId) details.correlationId = correlationId;
  const text = `${code} ${str(e.subError) ?? ""} ${str(e.errorMessage) ?? ""}`;

  // Conditional access: AADSTS53000-53004 and the "approved client app" grant, which NAA doesn't satisfy.
  if (/AADSTS5300[0-4]|AADSTS530\d\d|conditional access/i.test(text)) {
    return new AuthError("conditional-access", AUTH_MESSAGES.conditionalAccess, details);
  }
  if (
    e.name === "InteractionRequiredAuthError" ||
    /interaction_required|consent_required|login_required/.test(code)
  ) {
    return new AuthError("interaction-required", AUTH_MESSAGES.interactionRequired, details);
  }
  switch (code) {
    case "user_canceled":
    case "user_cancelled":
      return new AuthError("cancelled", AUTH_MESSAGES.cancelled, details);
    case "popup_window_error":
    case "empty_window_error":
      return new AuthError("popup-blocked", AUTH_MESSAGES.popupBlocked, details);
    case "no_network_connectivity":
    case "endpoints_resolution_error":
      return new AuthError("network", AUTH_MESSAGES.network, details);
    case "no_account_found":
    case "no_account_error":
      return new AuthError("account-unavailable", AUTH_MESSAGES.accountUnavailable, details);
    case "nested_app_auth_bridge_disabled":
      return new AuthError("nested-auth-unavailable", AUTH_MESSAGES.failed, details);
    default:
      return new AuthError("failed", AUTH_MESSAGES.failed, details);
  }
}
