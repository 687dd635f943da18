/**
 * Which answer Outlook on the web gives to displayDialogAsync (Office Common API error codes; dialog best practices):
 * 12005 for an http URL, 12004 for a URL whose origin is neither the caller's nor listed in <AppDomains>, 12007 while
 * a dialog of this add-in is open, then the browser/person outcome: 12009 when the person chooses Ignore at the
 * "allow this add-in to open a window" prompt, 12011 when the browser blocks the window.
 */
import { OfficeErrors } from "./errors";
import type { OfficeErrorShape } from "./protocol";

/**
 * normal: opens at once. prompt: the shell shows Outlook's Allow/Ignore prompt and the person decides.
 * ignore: as if the person chose Ignore. blocked: as if the browser blocked the window.
 * untrusted: every dialog gets 12004, as Outlook on the web and the new Outlook answer an add-in on localhost whose
 * manifest lists no AppDomain for it (docs/platform-facts.md#dialogs).
 */
export type DialogBehavior = "normal" | "prompt" | "ignore" | "blocked" | "untrusted";

export interface DialogRequest {
  url: string;
  /** Origin of the page that called displayDialogAsync (the add-in's own domain). */
  callerOrigin: string;
  /** <AppDomains> from the manifest. */
  appDomains: readonly string[];
  dialogOpen: boolean;
  behavior: DialogBehavior;
  promptBeforeOpen?: boolean | undefined;
}

export type DialogDecision =
  | { kind: "open"; url: URL }
  | { kind: "prompt"; url: URL }
  | { kind: "error"; error: OfficeErrorShape };

export function normaliseAppDomain(entry: string): string | null {
  const trimmed = entry.trim();
  if (trimmed === "") return null;
  try {
    return new URL(trimmed.includes("://") ? trimmed : `https://${trimmed}`).origin;
  } catch {
    return null;
  }
}

export function decideDialog(request: DialogRequest): DialogDecision {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { kind: "error", error: OfficeErrors.dialogUntrustedDomain };
  }
  if (url.protocol === "http:") return { kind: "error", error: OfficeErrors.dialogHttp };
  if (url.protocol !== "https:") return { kind: "error", error: OfficeErrors.dialogUntrustedDomain };
  const trusted = new Set<string>([request.callerOrigin]);
  for (const domain of request.appDomains) {
    const origin = normaliseAppDomain(domain);
    if (origin !== null) trusted.add(origin);
  }
  if (!trusted.has(url.origin) || request.behavior === "untrusted") {
    return { kind: "error", error: OfficeErrors.dialogUntrustedDomain };
  }
  if (request.dialogOpen) return { kind: "error", error: OfficeErrors.dialogAlreadyOpen };
  switch (request.behavior) {
    case "normal":
      return { kind: "open", url };
    case "blocked":
      return { kind: "error", error: OfficeErrors.dialogBlocked };
    case "ignore":
    case "prompt":
      // With promptBeforeOpen: false there is no prompt to ignore: the window opens straight away, or the browser
      // blocks it when the call did not follow a click.
      if (request.promptBeforeOpen === false) {
        return request.behavior === "ignore"
          ? { kind: "error", error: OfficeErrors.dialogBlocked }
          : { kind: "open", url };
      }
      return request.behavior === "ignore"
        ? { kind: "error", error: OfficeErrors.dialogIgnored }
        : { kind: "prompt", url };
  }
}
