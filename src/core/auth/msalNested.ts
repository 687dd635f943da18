/**
 * The two MSAL classes the nested client needs, as one module so the bundler gives them one lazy chunk (a
 * dynamic import of each would split MSAL's shared code into several small chunks). Imported only by msal.ts, with
 * import().
 */
export { NestedAppAuthController } from "msal-browser-internal/controllers/NestedAppAuthController";
export { NestedAppOperatingContext } from "msal-browser-internal/operatingcontext/NestedAppOperatingContext";
