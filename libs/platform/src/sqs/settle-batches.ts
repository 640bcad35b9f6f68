/** SQS takes at most 10 entries per batch request. */
export const MAX_BATCH_ENTRIES = 10;

/** One message's part in a batch request; `done` resolves once its request has answered. */
export interface BatchEntry<T> {
  readonly item: T;
  readonly done: Promise<void>;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  done: Promise<void>;
}

/**
 * Collects entries for one kind of batch request (DeleteMessageBatch,
 * ChangeMessageVisibilityBatch) and sends them as one request when 10 are waiting, or
 * `lingerMs` after the first of them arrived, whichever comes first: each message is settled
 * as it finishes, yet at 200 messages/s that costs one request per 10 of them, not one each.
 *
 * `send` must not throw (it reports its own failures); entries are resolved when it returns.
 */
export class SettleBatches<T> {
  private waiting: Pending<T>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly send: (items: T[]) => Promise<void>,
    private readonly lingerMs = 5,
  ) {}

  add(item: T): BatchEntry<T> {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const pending = { item, resolve, done };
    this.waiting.push(pending);
    if (this.waiting.length >= MAX_BATCH_ENTRIES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
    return pending;
  }

  /** Takes an entry back if its request has not gone out yet; true when it had not. */
  withdraw(entry: BatchEntry<T>): boolean {
    const index = this.waiting.indexOf(entry as Pending<T>);
    if (index < 0) return false;
    this.waiting.splice(index, 1);
    (entry as Pending<T>).resolve();
    if (this.waiting.length === 0) this.clearTimer();
    return true;
  }

  /** Sends everything waiting now, in requests of at most 10. */
  flush(): void {
    this.clearTimer();
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH_ENTRIES);
      const request = this.send(batch.map((p) => p.item))
        .catch(() => undefined)
        .finally(() => {
          this.sending.delete(request);
          for (const p of batch) p.resolve();
        });
      this.sending.add(request);
    }
  }

  /** Sends what is waiting and resolves when every request sent so far has answered. */
  async drain(): Promise<void> {
    this.flush();
    while (this.sending.size > 0) await Promise.all([...this.sending]);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
