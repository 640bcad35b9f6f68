import {
  closeSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * What the SQS stand-in's queues hold, written down so that it survives the death of the
 * process that hosts the stand-in (Ctrl-C, a crash, `kill -9`, a reboot). See ADR 0014.
 *
 * The journal is a file of JSON lines, each one change: a queue created (with the attributes
 * it needs to be created again) or dropped, a message put into a queue (sent, or moved to a
 * dead-letter queue: a put of an id held by another queue takes it from there), received
 * (its receive count), deleted, or a queue purged. Replaying it from the top gives the queues
 * and every message not yet deleted, with its receive count. Compaction rewrites it as the
 * shortest journal that replays to the same state (a `queue` line per queue, a `put` line
 * per message) and swaps it in with a rename.
 */
export type JournalEntry =
  | { op: 'queue'; name: string; attributes: Record<string, string> }
  | { op: 'drop'; name: string }
  | {
      op: 'put';
      name: string;
      id: string;
      body: string;
      /** The message's MessageAttributes, as sent. */
      messageAttributes?: unknown;
      /** The stand-in's system attributes (SentTimestamp, ApproximateReceiveCount, …). */
      attributes: Record<string, string>;
      /** When the message's DelaySeconds end (ms since the epoch). */
      visibleFrom: number;
    }
  | { op: 'recv'; name: string; counts: [id: string, receiveCount: number][] }
  | { op: 'del'; name: string; id: string }
  | { op: 'purge'; name: string };

export type StoredMessage = Omit<Extract<JournalEntry, { op: 'put' }>, 'op' | 'name'>;

export interface QueuesState {
  /** Queue name → CreateQueue attributes, in creation order (a dead-letter queue first). */
  queues: Map<string, Record<string, string>>;
  /** Queue name → message id → message, in sending order. */
  messages: Map<string, Map<string, StoredMessage>>;
}

export function emptyState(): QueuesState {
  return { queues: new Map(), messages: new Map() };
}

/** Applies one journal line to the state. */
export function apply(state: QueuesState, entry: JournalEntry): void {
  const messagesOf = (name: string) => {
    let messages = state.messages.get(name);
    if (!messages) state.messages.set(name, (messages = new Map()));
    return messages;
  };
  switch (entry.op) {
    case 'queue':
      state.queues.set(entry.name, entry.attributes);
      messagesOf(entry.name);
      break;
    case 'drop':
      state.queues.delete(entry.name);
      state.messages.delete(entry.name);
      break;
    case 'put': {
      // Message ids are unique across queues: a put of a known id is a move (to a DLQ).
      for (const [name, messages] of state.messages) {
        if (name !== entry.name) messages.delete(entry.id);
      }
      const { op: _op, name, ...message } = entry;
      messagesOf(name).set(entry.id, message);
      break;
    }
    case 'recv':
      for (const [id, count] of entry.counts) {
        const message = state.messages.get(entry.name)?.get(id);
        if (message) {
          message.attributes = { ...message.attributes, ApproximateReceiveCount: String(count) };
        }
      }
      break;
    case 'del':
      state.messages.get(entry.name)?.delete(entry.id);
      break;
    case 'purge':
      state.messages.get(entry.name)?.clear();
      break;
  }
}

/** The state's journal in its shortest form: what compaction writes. */
export function* compacted(state: QueuesState): Generator<JournalEntry> {
  for (const [name, attributes] of state.queues) yield { op: 'queue', name, attributes };
  for (const [name, messages] of state.messages) {
    if (!state.queues.has(name)) continue;
    for (const message of messages.values()) yield { op: 'put', name, ...message };
  }
}

/**
 * Reads a journal. A last line cut short (the process died while writing it, before the
 * request it records was answered) is left out; a broken line anywhere else is an error.
 */
export function readJournal(file: string): QueuesState {
  const state = emptyState();
  if (!existsSync(file)) return state;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (!line) return;
    try {
      apply(state, JSON.parse(line) as JournalEntry);
    } catch (error) {
      const last = lines.slice(index + 1).every((rest) => rest === '');
      if (!last) throw new Error(`${file}, line ${index + 1}: ${(error as Error).message}`);
    }
  });
  return state;
}

export interface JournalOptions {
  /**
   * Rewrite the journal once it has this many lines more than the state needs (and at least
   * twice as many): the default keeps a busy stack's journal at a few MB.
   */
  compactAfter?: number;
  /** How often written lines are flushed to the disk with fdatasync (power loss), in ms. */
  syncEveryMs?: number;
}

/**
 * An open journal: `append` writes a line with a synchronous write, so a line is in the
 * operating system's hands before the request it records is answered (a `kill -9` of the
 * process cannot lose it); a timer flushes it to the disk every `syncEveryMs` (a power
 * loss loses at most that much). That flush runs on libuv's thread pool: a synchronous
 * fdatasync held every request of the stand-ins' process for as long as the disk took
 * (tens of milliseconds while Postgres flushes too), once a second.
 */
export class Journal {
  readonly file: string;
  private fd: number;
  private lines = 0;
  private dirty = false;
  private readonly timer: NodeJS.Timeout;
  private readonly compactAfter: number;
  /** A background flush is running (on `fd` as it was when it started). */
  private flushing = false;
  /** Descriptors replaced by compaction while a background flush ran on them: closed after it. */
  private retired: number[] = [];

  constructor(
    directory: string,
    readonly state: QueuesState,
    options: JournalOptions = {},
  ) {
    mkdirSync(directory, { recursive: true });
    this.file = join(directory, 'journal.jsonl');
    this.compactAfter = options.compactAfter ?? 20_000;
    this.fd = this.rewrite();
    this.timer = setInterval(() => this.flushInBackground(), options.syncEveryMs ?? 1000);
    this.timer.unref();
  }

  append(entry: JournalEntry): void {
    apply(this.state, entry);
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
    this.dirty = true;
    this.lines++;
    const needed = this.size();
    if (this.lines > needed + this.compactAfter && this.lines > 2 * needed) {
      try {
        this.compact();
      } catch (error) {
        // The journal as it is stays correct, only longer: try again after as many lines.
        this.lines = needed;
        process.stderr.write(`SQS stand-in: compacting ${this.file} failed: ${String(error)}\n`);
      }
    }
  }

  /** Rewrites the journal as the current state: a new file, flushed, renamed over the old. */
  compact(): void {
    const old = this.fd;
    this.fd = this.rewrite();
    if (this.flushing) this.retired.push(old);
    else closeSync(old);
  }

  /** Flushes what was written to the disk now, waiting for it (stopping, closing). */
  sync(): void {
    if (!this.dirty) return;
    this.dirty = false;
    fdatasyncSync(this.fd);
  }

  /** The timer's flush: the same fdatasync, without holding the event loop while it runs. */
  private flushInBackground(): void {
    if (!this.dirty || this.flushing) return;
    this.dirty = false;
    this.flushing = true;
    fdatasync(this.fd, (error) => {
      this.flushing = false;
      for (const fd of this.retired.splice(0)) closeSync(fd);
      if (error) {
        this.dirty = true; // tried again at the next tick
        process.stderr.write(`SQS stand-in: flushing ${this.file} failed: ${String(error)}\n`);
      }
    });
  }

  close(): void {
    clearInterval(this.timer);
    this.sync();
    // A background flush still running has the descriptor: it closes it when done.
    if (this.flushing) this.retired.push(this.fd);
    else closeSync(this.fd);
  }

  private size(): number {
    let size = this.state.queues.size;
    for (const messages of this.state.messages.values()) size += messages.size;
    return size;
  }

  private rewrite(): number {
    const next = `${this.file}.next`;
    const fd = openSync(next, 'w');
    let text = '';
    this.lines = 0;
    for (const entry of compacted(this.state)) {
      text += `${JSON.stringify(entry)}\n`;
      this.lines++;
      if (text.length > 1 << 20) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
    fsyncSync(fd);
    renameSync(next, this.file);
    const dir = openSync(join(this.file, '..'), 'r');
    fsyncSync(dir);
    closeSync(dir);
    // Keep appending to the file just renamed into place.
    closeSync(fd);
    return openSync(this.file, 'a');
  }
}
