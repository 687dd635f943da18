import { describe, expect, it, vi } from "vitest";
import type { DialogEvent, DialogSession } from "../office/dialog";
import { ConfirmationRejected, confirmInDialog } from "./dialogConfirm";
import type { PurgeTarget } from "./types";

const ORIGIN = "https://localhost:3000";
const target: PurgeTarget = {
  ref: { kind: "message", id: "AAMk-_x=", mailbox: { kind: "me" } },
  subject: "Payroll",
  from: { name: "Megan", address: "megan@contoso.com" },
  received: new Date("2026-11-01T10:00:00Z"),
};

/**
 * A scripted dialog: `page` answers each message the command sends. `originReported`: the host supports
 * DialogOrigin 1.1 (Outlook on the web does), so messages carry their origin.
 */
function scripted(page: (sent: string[]) => DialogEvent[], originReported = true) {
  const sent: string[] = [];
  const queue: DialogEvent[] = [
    { type: "message", message: JSON.stringify({ type: "ready" }), origin: ORIGIN },
  ];
  let waiter: ((e: DialogEvent) => void) | undefined;
  const session: DialogSession = {
    originReported,
    send(message) {
      sent.push(message);
      for (const e of page(sent)) {
        if (waiter) {
          const w = waiter;
          waiter = undefined;
          w(e);
        } else queue.push(e);
      }
    },
    next() {
      const e = queue.shift();
      if (e) return Promise.resolve(e);
      return new Promise((resolve) => (waiter = resolve));
    },
    close: vi.fn(),
  };
  const open = vi.fn(async () => session);
  return { open, session, sent };
}

function answerWith(
  build: (show: { nonce: string; items: { id: string }[] }) => unknown,
  /** null: the message carries no origin. */
  origin: string | null = ORIGIN,
) {
  return (sent: string[]): DialogEvent[] => {
    const show = JSON.parse(sent[0] ?? "{}");
    return [{ type: "message", message: JSON.stringify(build(show)), origin: origin ?? undefined }];
  };
}

describe("confirmInDialog", () => {
  it("shows the items with a nonce and accepts the matching yes", async () => {
    const { open, sent, session } = scripted(
      answerWith((s) => ({ type: "answer", nonce: s.nonce, confirmed: true, ids: s.items.map((i) => i.id) })),
    );
    const answer = await confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 60_000, open });
    expect(answer).toEqual({ confirmed: true, ids: ["AAMk-_x="] });
    expect(open).toHaveBeenCalledWith(
      `${ORIGIN}/dialog/confirm.html`,
      expect.objectContaining({ displayInIframe: true }),
    );
    const show = JSON.parse(sent[0] ?? "");
    expect(show.items).toEqual([
      {
        id: "AAMk-_x=",
        subject: "Payroll",
        fromName: "Megan",
        fromAddress: "megan@contoso.com",
        received: "2026-11-01T10:00:00.000Z",
      },
    ]);
    expect(show.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(session.close).toHaveBeenCalled();
  });

  it("passes a no through as cancelled", async () => {
    const { open } = scripted(answerWith((s) => ({ type: "answer", nonce: s.nonce, confirmed: false })));
    expect(await confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 60_000, open })).toEqual(
      {
        confirmed: false,
        reason: "cancelled",
      },
    );
  });

  it.each([
    [
      "a wrong nonce",
      answerWith(() => ({ type: "answer", nonce: "forged", confirmed: true, ids: ["AAMk-_x="] })),
    ],
    ["invalid JSON", () => [{ type: "message", message: "{not json", origin: ORIGIN } as DialogEvent]],
    ["the wrong shape", answerWith((s) => ({ type: "answer", nonce: s.nonce, confirmed: "yes" }))],
    [
      "another origin",
      answerWith(
        (s) => ({ type: "answer", nonce: s.nonce, confirmed: true, ids: ["AAMk-_x="] }),
        "https://evil.example",
      ),
    ],
  ])("rejects an answer with %s", async (_name, page) => {
    const { open, session } = scripted(page as (sent: string[]) => DialogEvent[]);
    await expect(
      confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 60_000, open }),
    ).rejects.toBeInstanceOf(ConfirmationRejected);
    expect(session.close).toHaveBeenCalled();
  });

  it("refuses a yes without an origin where the host reports origins (DialogOrigin 1.1)", async () => {
    const { open, session } = scripted(
      answerWith(
        (s) => ({ type: "answer", nonce: s.nonce, confirmed: true, ids: s.items.map((i) => i.id) }),
        null,
      ),
    );
    await expect(
      confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 60_000, open }),
    ).rejects.toBeInstanceOf(ConfirmationRejected);
    expect(session.close).toHaveBeenCalled();
  });

  it("refuses a 'ready' without an origin there too, before showing anything", async () => {
    const { open, sent } = scripted(() => []);
    const ready: DialogEvent = {
      type: "message",
      message: JSON.stringify({ type: "ready" }),
      origin: undefined,
    };
    const session = await open();
    // Replace the page's first message with one that has no origin.
    const next = session.next;
    let first = true;
    session.next = () => {
      if (!first) return next();
      first = false;
      void next();
      return Promise.resolve(ready);
    };
    await expect(
      confirmInDialog(
        { targets: [target] },
        { origin: ORIGIN, timeoutMs: 60_000, open: async () => session },
      ),
    ).rejects.toBeInstanceOf(ConfirmationRejected);
    expect(sent).toEqual([]);
  });

  it("accepts a yes without an origin where the host has no DialogOrigin 1.1 (it only delivers our own domain's messages)", async () => {
    const { open } = scripted(
      answerWith(
        (s) => ({ type: "answer", nonce: s.nonce, confirmed: true, ids: s.items.map((i) => i.id) }),
        null,
      ),
      false,
    );
    expect(await confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 60_000, open })).toEqual(
      {
        confirmed: true,
        ids: ["AAMk-_x="],
      },
    );
  });

  it("returns the IDs the page named, so the workflow can refuse ones it didn't show", async () => {
    const { open } = scripted(
      answerWith((s) => ({ type: "answer", nonce: s.nonce, confirmed: true, ids: ["OTHER"] })),
    );
    expect(await confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 60_000, open })).toEqual(
      {
        confirmed: true,
        ids: ["OTHER"],
      },
    );
  });

  it("treats the dialog closed (12006) as a no", async () => {
    const { open } = scripted(() => [{ type: "closed", code: 12006 }]);
    expect(await confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 60_000, open })).toEqual(
      {
        confirmed: false,
        reason: "closed",
      },
    );
  });

  it("gives up after its own deadline when Outlook raises no event", async () => {
    vi.useFakeTimers();
    try {
      const { open, session } = scripted(() => []);
      const pending = confirmInDialog({ targets: [target] }, { origin: ORIGIN, timeoutMs: 1000, open });
      await vi.advanceTimersByTimeAsync(1001);
      expect(await pending).toEqual({ confirmed: false, reason: "timed-out" });
      expect(session.close).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
