/**
 * Fallback sign-in, used only where the host has no nested app authentication. Runs MSAL's standard client in
 * this Office dialog with the redirect flow (msal-browser 5 returns through dialog/redirect.html, its redirect
 * bridge page), then hands the access token to the pane with messageParent: the dialog and the pane don't share
 * storage. The token is never written to the URL or a log. It signs in where the mailbox lives: the opener names
 * the mailbox's cloud, and scopes and authority follow it (src/core/auth/signInRequest.ts).
 */
import "./confirm.css";
import { readSignInRequest } from "../core/auth/signInRequest";
import { readConfig } from "../core/config";
import { currentLanguage, loadLanguage, NO_CATALOGUE, t } from "../core/i18n";
import { messageOwnParent } from "../core/office/dialogPage";
import { applyOfficeScheme } from "./theme";

function send(message: object): void {
  // To the add-in's own origin only, where the host lets the page say so (DialogOrigin 1.1): it carries a token.
  messageOwnParent(JSON.stringify(message), window.location.origin);
}

function say(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

async function run(): Promise<void> {
  const config = readConfig(import.meta.env);
  if (!config.clientId) {
    send({ type: "error", code: "not_configured" });
    return;
  }
  // The mailbox's cloud decides where to sign in and for which Graph (signInRequest.ts).
  const plan = readSignInRequest(window.location.search, config);
  const msal = await import("@azure/msal-browser");
  const pca = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: plan.authority,
      // Trust the authority's host as is: no instance-discovery call to a second host.
      knownAuthorities: [new URL(plan.authority).host],
      redirectUri: new URL("/dialog/redirect.html", window.location.origin).href,
    },
    cache: { cacheLocation: msal.BrowserCacheLocation.SessionStorage },
  });
  const result = await pca.handleRedirectPromise();
  if (result?.accessToken) {
    send({
      type: "token",
      accessToken: result.accessToken,
      expiresOn: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
    });
    say(t("signin.signedIn"));
    return;
  }
  await pca.acquireTokenRedirect({
    scopes: plan.scopes,
    ...(plan.loginHint ? { loginHint: plan.loginHint } : {}),
    redirectStartPage: window.location.href,
  });
}

Office.onReady(async () => {
  applyOfficeScheme();
  try {
    await loadLanguage(Office.context.displayLanguage);
  } catch {
    // Not even English could be loaded: say so here, and tell the pane, which then explains in its own words.
    say(NO_CATALOGUE);
    send({ type: "error", code: "catalogue_unavailable" });
    return;
  }
  document.documentElement.lang = currentLanguage();
  document.title = t("signin.pageTitle");
  say(t("signin.signingIn"));
  run().catch((error: unknown) => {
    const e = (error ?? {}) as { errorCode?: unknown; correlationId?: unknown };
    say(t("signin.failed"));
    send({
      type: "error",
      code: typeof e.errorCode === "string" ? e.errorCode : "unknown_error",
      ...(typeof e.correlationId === "string" ? { correlationId: e.correlationId } : {}),
    });
  });
});
