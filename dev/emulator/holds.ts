/**
 * Holds: the tests' pause control. A hold catches the Graph requests that match it (the fault plan's matchers) at
 * the point where they would run, and keeps them there until the test releases them. A test waits until n requests
 * are held, acts at that known point (presses Cancel, closes the pane), releases them, and waits until they have been
 * answered, so nothing it started is still running when the next test begins.
 *
 * Where a request is caught: a request or `$batch` member once it has its concurrency slot (and after any latency
 * fault), just before Graph's handler runs, so a held request counts against the mailbox's 4 slots as a slow request
 * at Exchange does; a `$batch` after its token is checked, before any member starts (the batch itself takes no
 * slot). Requests a fault answers, refused tokens and throttled requests are never caught.
 */
import { type FaultMatchInput, matchesRequest, type RequestMatcher, validateMatcher } from "./faults";

/** The fault plan's matchers: `nth` is the first matching request caught, `times` how many are caught. */
export type HoldRule = RequestMatcher & { id?: string };

export interface HoldStatus extends HoldRule {
  id: string;
  /** Requests caught so far: held now, or released since. */
  caught: number;
  /** Caught and not yet released. */
  waiting: number;
  /** Caught, released and answered. */
  answered: number;
  /** Ended: catches nothing more (its requests were released). */
  ended: boolean;
}

/** What the engine gets for a caught request: when it may go on, and how to say it has been answered. */
export interface HoldTicket {
  released: Promise<void>;
  answered(): void;
}

export interface WaitOptions {
  /** Default 10,000. */
  timeoutMs?: number;
}

export interface HoldHandle {
  readonly id: string;
  status(): HoldStatus;
  /** Resolves once `n` requests have been caught in all; rejects after the timeout or when the hold ends short. */
  caught(n: number, options?: WaitOptions): Promise<void>;
  /** Lets the `count` oldest held requests (default: all) go on; returns how many went. Later matches are held. */
  release(count?: number): number;
  /** Resolves once every request caught so far has been released and answered (release them first). */
  answered(options?: WaitOptions): Promise<void>;
  /** Catches nothing more and releases what it holds. */
  end(): void;
}

interface Waiter {
  done: () => boolean;
  /** Why it can no longer be met, if so. */
  hopeless: () => string | undefined;
  resolve: () => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

class Hold implements HoldHandle {
  private seen = 0;
  private caughtCount = 0;
  private answeredCount = 0;
  private ended = false;
  private readonly queue: (() => void)[] = [];
  private waiters: Waiter[] = [];

  constructor(
    readonly id: string,
    private readonly rule: HoldRule,
  ) {}

  status(): HoldStatus {
    return {
      ...this.rule,
      id: this.id,
      caught: this.caughtCount,
      waiting: this.queue.length,
      answered: this.answeredCount,
      ended: this.ended,
    };
  }

  /** Catches the request when it is one this hold names; counts `nth` and `times` over matching requests. */
  tryCatch(input: FaultMatchInput): HoldTicket | undefined {
    if (this.ended || !matchesRequest(this.rule, input)) return undefined;
    this.seen += 1;
    if (this.seen < (this.rule.nth ?? 1)) return undefined;
    if (this.rule.times !== undefined && this.caughtCount >= this.rule.times) return undefined;
    this.caughtCount += 1;
    const released = new Promise<void>((resolve) => this.queue.push(resolve));
    let once = false;
    this.settle();
    return {
      released,
      answered: () => {
        if (once) return;
        once = true;
        this.answeredCount += 1;
        this.settle();
      },
    };
  }

  caught(n: number, options: WaitOptions = {}): Promise<void> {
    return this.wait(
      () => this.caughtCount >= n,
      () => (this.ended ? `the hold ${this.id} ended` : undefined),
      () => `the hold ${this.id} caught ${this.caughtCount} of ${n} requests`,
      options,
    );
  }

  answered(options: WaitOptions = {}): Promise<void> {
    return this.wait(
      () => this.answeredCount >= this.caughtCount,
      () => undefined,
      () =>
        `the hold ${this.id} caught ${this.caughtCount} requests; ${this.answeredCount} answered, ` +
        `${this.queue.length} still held`,
      options,
    );
  }

  release(count = Number.POSITIVE_INFINITY): number {
    const going = this.queue.splice(0, Math.min(count, this.queue.length));
    for (const go of going) go();
    return going.length;
  }

  end(): void {
    this.ended = true;
    this.release();
    this.settle();
  }

  private wait(
    done: () => boolean,
    hopeless: () => string | undefined,
    describe: () => string,
    options: WaitOptions,
  ): Promise<void> {
    if (done()) return Promise.resolve();
    const why = hopeless();
    if (why !== undefined) return Promise.reject(new Error(`${describe()}: ${why}`));
    const timeoutMs = options.timeoutMs ?? 10_000;
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        done,
        hopeless: () => {
          const reason = hopeless();
          return reason === undefined ? undefined : `${describe()}: ${reason}`;
        },
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`${describe()} after ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves the waits that are met and fails those that no longer can be (the hold ended short). */
  private settle(): void {
    const left: Waiter[] = [];
    for (const w of this.waiters) {
      const reason = w.done() ? undefined : w.hopeless();
      if (w.done()) {
        clearTimeout(w.timer);
        w.resolve();
      } else if (reason !== undefined) {
        clearTimeout(w.timer);
        w.reject(new Error(reason));
      } else left.push(w);
    }
    this.waiters = left;
  }
}

export class HoldPlan {
  private holds: Hold[] = [];
  private counter = 0;

  add(input: HoldRule): HoldHandle {
    if (typeof input !== "object" || input === null) throw new Error("a hold must be an object");
    validateMatcher(input);
    this.counter += 1;
    const id = input.id ?? `hold-${this.counter}`;
    if (this.holds.some((h) => h.id === id)) throw new Error(`there is already a hold ${id}`);
    const hold = new Hold(id, { ...input, id });
    this.holds.push(hold);
    return hold;
  }

  get(id: string): HoldHandle | undefined {
    return this.holds.find((h) => h.id === id);
  }

  list(): HoldStatus[] {
    return this.holds.map((h) => h.status());
  }

  /** The first hold (in the order they were added) that catches this request. */
  catch(input: FaultMatchInput): HoldTicket | undefined {
    for (const hold of this.holds) {
      const ticket = hold.tryCatch(input);
      if (ticket) return ticket;
    }
    return undefined;
  }

  /** Ends one hold: it catches nothing more and what it holds goes on (it stays listed, as ended). */
  end(id: string): boolean {
    const hold = this.holds.find((h) => h.id === id);
    hold?.end();
    return hold !== undefined;
  }

  /** Ends every hold and forgets them: what they held goes on and runs to its end. */
  clear(): void {
    for (const hold of this.holds) hold.end();
    this.holds = [];
  }
}
