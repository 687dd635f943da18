/**
 * Which items go in which request, per mailbox: the shape that keeps Outlook's 4-at-once limit and sends few
 * requests. Pure bookkeeping (no I/O, no clock of its own), so the rules are tested on their own.
 *
 * Outlook runs at most 4 requests at once per app and mailbox, a `$batch` member counting as one, and Graph runs a
 * `$batch` either fully parallel (every member at once) or fully sequential (one member after another; any other
 * arrangement is refused whole: microsoft-graph-docs#16280). So the items are dealt to up to 4 *lanes*, round
 * robin in input order, and each lane sends its items as fully sequential batches of up to 20, one batch at a time:
 * 4 lanes hold 4 slots, the pattern of Microsoft's throttling guidance. N items take about ceil(N/4) server times
 * and at most ceil(N/20) + 4 requests while no lane is held up (each take from a held-up lane, below, adds one).
 * Within a lane a batch takes an even share of what is ready (25 ready go as 13 then 12, not 20 then 5), so no lane
 * ends on a long tail.
 *
 * A sequential batch stops at a member that fails: the rest answer 424 without running and come back to their
 * lane, oldest first. A lane with nothing ready takes half of the ready items of the busiest lane, so a lane whose
 * items failed fast, or wait on a Retry-After, never idles while another lane has a backlog.
 */

export interface LaneItem {
  /** Input position: older items go first, so items sent back (424) lead the next batch. */
  readonly order: number;
  /** Not before this time (a Retry-After or a backoff). */
  notBefore: number;
  /** An earlier attempt may already have deleted it (it will likely answer 404): sent last in its batch. */
  uncertain: boolean;
}

export class Lanes<T extends LaneItem> {
  private readonly queues: T[][];
  private readonly busy: boolean[];

  constructor(
    readonly count: number,
    /** Members per `$batch` at most (Graph: 20). */
    readonly maxBatch: number,
    /** At most one item that may already be gone per batch (fully sequential batches). */
    readonly oneLikelyFailure = false,
  ) {
    if (!(count >= 1) || !(maxBatch >= 1))
      throw new TypeError("Lanes need a count and a batch size of at least 1.");
    this.queues = Array.from({ length: count }, () => []);
    this.busy = Array.from({ length: count }, () => false);
  }

  /** Deals `items` round robin in their order. */
  deal(items: readonly T[]): void {
    [...items]
      .sort((a, b) => a.order - b.order)
      .forEach((item, i) => {
        this.queues[i % this.count]?.push(item);
      });
  }

  /** Puts an item back in a lane (after a 424 or before a retry). */
  putBack(lane: number, item: T): void {
    this.queueOf(lane).push(item);
  }

  /** Items waiting in every lane. */
  get waiting(): number {
    return this.queues.reduce((n, q) => n + q.length, 0);
  }

  get inFlight(): number {
    return this.busy.filter(Boolean).length;
  }

  /** Earliest `notBefore` of any waiting item; Infinity when none waits. */
  nextReadyAt(): number {
    let at = Number.POSITIVE_INFINITY;
    for (const q of this.queues) for (const item of q) at = Math.min(at, item.notBefore);
    return at;
  }

  /**
   * The next batch for `lane`: its ready items, oldest first, an even share when more than `maxBatch` are ready,
   * at most `room` (the request budget). Takes from the busiest lane when `lane` has nothing ready. An item that may
   * already be gone (it will likely answer 404) goes last, and with `oneLikelyFailure` (sequential batches, where a
   * failed member stops every member after it) at most one such item goes per batch.
   */
  take(lane: number, now: number, room = Number.POSITIVE_INFINITY): T[] {
    if (this.ready(lane, now).length === 0) this.stealFor(lane, now);
    const ready = this.ready(lane, now);
    const limit = Math.min(this.maxBatch, Math.floor(room));
    if (ready.length === 0 || limit < 1) return [];
    const likely = ready.filter((i) => i.uncertain);
    const sure = ready.filter((i) => !i.uncertain);
    let chosen: T[];
    if (this.oneLikelyFailure) {
      const tail = likely.slice(0, 1);
      const batches = Math.max(1, Math.ceil((sure.length + tail.length) / this.maxBatch));
      const size = Math.min(Math.ceil((sure.length + tail.length) / batches), limit);
      const head = sure.slice(0, Math.max(0, size - tail.length));
      chosen = [...head, ...tail.slice(0, size - head.length)];
    } else {
      const batches = Math.ceil(ready.length / this.maxBatch);
      const size = Math.min(Math.ceil(ready.length / batches), limit);
      chosen = [...sure, ...likely].slice(0, size);
    }
    const picked = new Set(chosen);
    this.queues[lane] = this.queueOf(lane).filter((item) => !picked.has(item));
    return chosen;
  }

  /** Marks a lane as sending (true) or done sending (false): only busy lanes are taken from. */
  setBusy(lane: number, busy: boolean): void {
    this.busy[lane] = busy;
  }

  /** Empties every lane, oldest first (the run stopped). */
  drain(): T[] {
    const all = this.queues.flat().sort((a, b) => a.order - b.order);
    for (let i = 0; i < this.count; i += 1) this.queues[i] = [];
    return all;
  }

  private queueOf(lane: number): T[] {
    const queue = this.queues[lane];
    if (queue === undefined) throw new RangeError(`No lane ${lane}.`);
    return queue;
  }

  private ready(lane: number, now: number): T[] {
    return this.queueOf(lane)
      .filter((item) => item.notBefore <= now)
      .sort((a, b) => a.order - b.order);
  }

  private stealFor(lane: number, now: number): void {
    let donor = -1;
    let most = 0;
    for (let i = 0; i < this.count; i += 1) {
      if (i === lane || !this.busy[i]) continue; // an idle lane sends its own items itself
      const n = this.ready(i, now).length;
      if (n > most) {
        most = n;
        donor = i;
      }
    }
    if (donor < 0) return;
    // The newest half: the donor keeps its oldest items, which its next batch sends first.
    const moving = new Set(this.ready(donor, now).slice(Math.floor(most / 2)));
    this.queues[donor] = this.queueOf(donor).filter((item) => !moving.has(item));
    this.queueOf(lane).push(...moving);
  }
}
