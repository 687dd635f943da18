/**
 * The two MSAL classes the nested client needs, as one module so the bundler gives them one lazy chunk (two
 * dynamic imports made six chunks of it). Imported only by msal.ts, with import().
 */
export { NestedAppAuthController } from "msal-browser-internal/controllers/NestedAppAuthController";
export { NestedAppOperatingContext } from "msal-browser-internal/operatingcontext/NestedAppOperatingContext";
