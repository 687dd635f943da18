/**
 * msal-browser 5's redirect bridge: Entra ID returns here (the registered SPA redirect URI), and MSAL hands the
 * response back to the page that started sign-in (dialog/signin.html). Must be served without
 * Cross-Origin-Opener-Policy. No Office.js: this page only relays MSAL's response.
 */
import "./confirm.css";
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";

broadcastResponseToMainFrame().catch(() => {
  const status = document.querySelector("[role=status]");
  if (status) status.textContent = "Sign-in couldn't finish. Close this window and try again.";
});
