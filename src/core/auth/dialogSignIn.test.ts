import { afterEach, describe, expect, it, vi } from "vitest";
import type { DialogEvent, DialogSession } from "../office/dialog";
import { dialogTokenFlow, SIGN_IN_TIMEOUT_MS } from "./dialogSignIn";
import { AuthError } from "./errors";

const ORIGIN = "https://localhost:3000";
const REQUEST = { scopes: ["Mail.ReadWrite"] };

/** A sign-in dialog whose page and host do only what the test makes them do. */
function dialog(originReported = true) {
  const queue: DialogEvent[] = [];
  const waiters: ((e: DialogEvent) => void)[] = [];
  const close = vi.fn<() => void>();
  const session = {
    originReported,
    send: vi.fn<(message: string) => void>(),
    next: () => {
      const event = queue.shift();
      return event ? Promise.resolve(event) : new Promise<DialogEvent>((resolve) => waiters.push(resolve));
    },
    close,
  } satisfies DialogSession;
  const push = (event: DialogEvent) => {
    const waiter = waiters.shift();
    if (waiter) waiter(event);
    else queue.push(event);
  };
  const open = vi.fn(async () => session);
  return { session, open, push };
}

/** Settles a promise into a value the test can inspect without awaiting it forever. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("dialogTokenFlow: a sign-in window Outlook never reports closed", () => {
  it("ends at its deadline with a sentence, and closes the window", async () => {
    vi.useFakeTimers();
    const { open, session } = dialog();
    const flow = track(dialogTokenFlow(ORIGIN, REQUEST, { open }));
    await vi.advanceTimersByTimeAsync(SIGN_IN_TIMEOUT_MS - 1);
    expect(flow.settled).toBe(false);
    expect(session.close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(flow.settled).toBe(true);
    expect(flow.error).toBeInstanceOf(AuthError);
    const error = flow.error as AuthError;
    expect(error.kind).toBe("timed-out");
    expect(error.message).toBe(
      "Sign-in didn't finish within 10 minutes, so its window was closed. Nothing was deleted. Choose Sign in to try again.",
    );
    expect(error.canSignIn).toBe(true);
    expect(session.close).toHaveBeenCalledTimes(1);
  });

  it("is ten minutes: long enough for a first sign-in that sets up multi-factor authentication", () => {
    expect(SIGN_IN_TIMEOUT_MS).toBe(10 * 60 * 1000);
  });

  it("ends at once on the run's Cancel (its AbortSignal), closing the window", async () => {
    const { open, session } = dialog();
    const controller = new AbortController();
    const flow = track(dialogTokenFlow(ORIGIN, { ...REQUEST, signal: controller.signal }, { open }));
    await vi.waitFor(() => expect(open).toHaveBeenCalled());
    expect(flow.settled).toBe(false);
    controller.abort();
    await vi.waitFor(() => expect(flow.settled).toBe(true));
    expect((flow.error as AuthError).kind).toBe("cancelled");
    expect(session.close).toHaveBeenCalledTimes(1);
  });

  it("opens nothing when the run was already cancelled", async () => {
    const { open } = dialog();
    const controller = new AbortController();
    controller.abort();
    await expect(
      dialogTokenFlow(ORIGIN, { ...REQUEST, signal: controller.signal }, { open }),
    ).rejects.toMatchObject({ kind: "cancelled" });
    expect(open).not.toHaveBeenCalled();
  });

  it("closes a window that opens only after the cancel (displayDialogAsync answered late)", async () => {
    const { session } = dialog();
    let opened: (s: DialogSession) => void = () => undefined;
    const open = vi.fn(() => new Promise<DialogSession>((resolve) => (opened = resolve)));
    const controller = new AbortController();
    const flow = track(dialogTokenFlow(ORIGIN, { ...REQUEST, signal: controller.signal }, { open }));
    controller.abort();
    await vi.waitFor(() => expect(flow.settled).toBe(true));
    expect((flow.error as AuthError).kind).toBe("cancelled");
    opened(session);
    await vi.waitFor(() => expect(session.close).toHaveBeenCalledTimes(1));
  });

  it("still takes the token when the page answers in time, and stops the deadline", async () => {
    vi.useFakeTimers();
    const { open, push, session } = dialog();
    const flow = dialogTokenFlow(ORIGIN, REQUEST, { open });
    push({
      type: "message",
      origin: ORIGIN,
      message: JSON.stringify({ type: "token", accessToken: "tok", expiresOn: 123 }),
    });
    await expect(flow).resolves.toEqual({ accessToken: "tok", expiresOn: 123 });
    expect(session.close).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("dialogTokenFlow: whose answer counts", () => {
  const token = (origin: string | undefined): DialogEvent => ({
    type: "message",
    origin,
    message: JSON.stringify({ type: "token", accessToken: `from-${origin}`, expiresOn: 1 }),
  });

  it("ignores a token without an origin where the host reports origins (DialogOrigin 1.1), and one from elsewhere", async () => {
    const { open, push } = dialog(true);
    const flow = dialogTokenFlow(ORIGIN, REQUEST, { open });
    push(token(undefined));
    push(token("https://evil.example"));
    push(token(ORIGIN));
    await expect(flow).resolves.toEqual({ accessToken: `from-${ORIGIN}`, expiresOn: 1 });
  });

  it("takes a token without an origin where the host has no DialogOrigin 1.1 (it delivers only our domain's messages)", async () => {
    const { open, push } = dialog(false);
    const flow = dialogTokenFlow(ORIGIN, REQUEST, { open });
    push(token(undefined));
    await expect(flow).resolves.toEqual({ accessToken: "from-undefined", expiresOn: 1 });
  });

  it("still ignores another origin there", async () => {
    const { open, push } = dialog(false);
    const flow = dialogTokenFlow(ORIGIN, REQUEST, { open });
    push(token("https://evil.example"));
    push(token(ORIGIN));
    await expect(flow).resolves.toEqual({ accessToken: `from-${ORIGIN}`, expiresOn: 1 });
  });
});
