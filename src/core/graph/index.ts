export { createGraphClient, type GraphClient, type GraphClientOptions } from "./client";
export { GraphError } from "./errors";
export { itemPath, mailboxPath } from "./paths";
export { parseRetryAfter } from "./retry";
export type * from "./types";
