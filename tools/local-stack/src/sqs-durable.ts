import { type Answer, exchange, type Handler, readBody } from './http-exchange';
import { Journal, type JournalOptions, type QueuesState, readJournal } from './sqs-journal';

/** The parts of local-aws-sqs's queue objects the journal hooks into (see ADR 0014). */
interface StandInRecord {
  MessageId: string;
  MessageBody: string;
  MessageAttributes?: unknown;
  attributes: Record<string, string>;
}
interface StandInQueue {
  QueueName: string;
  DelaySeconds: number;
  setRecord(input: Record<string, unknown>, messageId?: string): { record: StandInRecord };
  receive(options: Record<string, unknown>): Promise<StandInRecord[]>;
  delete(receiptHandle: string): boolean;
  changeVisibility(receiptHandle: string, visibilityTimeout: string): boolean;
  clearRecords(): void;
  getAttributes(names: string[]): Record<string, string>;
}
export interface StandInService {
  Queues: StandInQueue[];
}

/** Queue attributes CreateQueue takes back; the rest (ARN, counts, timestamps) are derived. */
const CREATE_ATTRIBUTES = [
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ReceiveMessageWaitTimeSeconds',
  'VisibilityTimeout',
  'RedrivePolicy',
  'RedriveAllowPolicy',
  'FifoQueue',
  'ContentBasedDeduplication',
  'DeduplicationScope',
  'FifoThroughputLimit',
];
/** Requests that create, change or remove queues: the journal looks at the queues after them. */
const QUEUE_TARGETS = new Set([
  'AmazonSQS.CreateQueue',
  'AmazonSQS.DeleteQueue',
  'AmazonSQS.SetQueueAttributes',
]);
const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.0' };

/** The message id inside one of the stand-in's receipt handles (base64 of uuid + JSON). */
function messageIdOf(receiptHandle: string): string | undefined {
  try {
    const text = Buffer.from(receiptHandle, 'base64').toString('utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { MessageId?: string }).MessageId;
  } catch {
    return undefined;
  }
}

function createAttributes(queue: StandInQueue): Record<string, string> {
  const all = queue.getAttributes(['All']);
  return Object.fromEntries(
    CREATE_ATTRIBUTES.filter((name) => name in all).map((n) => [n, all[n]]),
  );
}

/**
 * Before replay: what happened next to the state the journal ends in, had the process lived.
 * A message received `maxReceiveCount` times would have gone to its dead-letter queue when
 * its visibility timeout ended (that is when the stand-in moves it): it goes there now rather
 * than back to a consumer. Messages past their queue's retention period are gone.
 */
export function settle(state: QueuesState, now = Date.now()): void {
  for (const [name, attributes] of state.queues) {
    const messages = state.messages.get(name)!;
    const retentionMs = Number(attributes.MessageRetentionPeriod ?? 345_600) * 1000;
    for (const [id, message] of messages) {
      if (Number(message.attributes.SentTimestamp) + retentionMs < now) messages.delete(id);
    }
    if (!attributes.RedrivePolicy) continue;
    const policy = JSON.parse(attributes.RedrivePolicy) as {
      deadLetterTargetArn: string;
      maxReceiveCount: number | string;
    };
    const dlq = state.messages.get(policy.deadLetterTargetArn.split(':').pop()!);
    if (!dlq) continue;
    for (const [id, message] of messages) {
      if (Number(message.attributes.ApproximateReceiveCount) < Number(policy.maxReceiveCount)) {
        continue;
      }
      messages.delete(id);
      dlq.set(id, {
        ...message,
        attributes: {
          SentTimestamp: String(now),
          ApproximateReceiveCount: '0',
          ApproximateFirstReceiveTimestamp: '',
          DeadLetterQueueSourceArn: policy.deadLetterTargetArn.replace(/[^:]+$/, name),
        },
        visibleFrom: now,
      });
    }
  }
}

/**
 * Makes local-aws-sqs's queues durable: replays the journal in `directory` into the stand-in
 * (`load`, once, before it listens), then writes down every change as the stand-in makes it,
 * before the request that made it is answered. Returns the handler to serve requests with.
 */
export function durableQueues(
  service: StandInService,
  inner: Handler,
  directory: string,
  options: JournalOptions = {},
): { handler: Handler; load(): Promise<void>; journal(): Journal | undefined } {
  let journal: Journal | undefined;
  const adopted = new WeakSet<StandInQueue>();
  const write: Journal['append'] = (entry) => journal?.append(entry);

  const adopt = (queue: StandInQueue) => {
    if (adopted.has(queue)) return;
    adopted.add(queue);
    const setRecord = queue.setRecord.bind(queue);
    const receive = queue.receive.bind(queue);
    const remove = queue.delete.bind(queue);
    const changeVisibility = queue.changeVisibility.bind(queue);
    const clearRecords = queue.clearRecords.bind(queue);
    // Sent, or moved here from a queue whose redrive policy names this one.
    queue.setRecord = (input, messageId) => {
      const result = setRecord(input, messageId);
      const { record } = result;
      const delay = Number(input.DelaySeconds);
      write({
        op: 'put',
        name: queue.QueueName,
        id: record.MessageId,
        body: record.MessageBody,
        messageAttributes: record.MessageAttributes,
        attributes: { ...record.attributes },
        visibleFrom: Date.now() + (Number.isNaN(delay) ? queue.DelaySeconds : delay) * 1000,
      });
      return result;
    };
    queue.receive = async (request) => {
      const records = await receive(request);
      if (records.length) {
        write({
          op: 'recv',
          name: queue.QueueName,
          counts: records.map((r) => [r.MessageId, Number(r.attributes.ApproximateReceiveCount)]),
        });
      }
      return records;
    };
    queue.delete = (receiptHandle) => {
      const deleted = remove(receiptHandle);
      const id = messageIdOf(receiptHandle);
      if (deleted && id && journal?.state.messages.get(queue.QueueName)?.has(id)) {
        write({ op: 'del', name: queue.QueueName, id });
      }
      return deleted;
    };
    // The stand-in counts a visibility change as a receive: so does its journal.
    queue.changeVisibility = (receiptHandle, timeout) => {
      const changed = changeVisibility(receiptHandle, timeout);
      const id = messageIdOf(receiptHandle);
      const message = id && journal?.state.messages.get(queue.QueueName)?.get(id);
      if (changed && id && message) {
        const count = Number(message.attributes.ApproximateReceiveCount) + 1;
        write({ op: 'recv', name: queue.QueueName, counts: [[id, count]] });
      }
      return changed;
    };
    queue.clearRecords = () => {
      clearRecords();
      write({ op: 'purge', name: queue.QueueName });
    };
  };

  /** After a request that may have changed the queues: write down what changed. */
  const noteQueues = () => {
    const names = new Set<string>();
    for (const queue of service.Queues) {
      adopt(queue);
      names.add(queue.QueueName);
      const attributes = createAttributes(queue);
      const known = journal?.state.queues.get(queue.QueueName);
      if (JSON.stringify(known) !== JSON.stringify(attributes)) {
        write({ op: 'queue', name: queue.QueueName, attributes });
      }
    }
    for (const name of [...(journal?.state.queues.keys() ?? [])]) {
      if (!names.has(name)) write({ op: 'drop', name });
    }
  };

  const handler: Handler = async (req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '');
    if (!QUEUE_TARGETS.has(target)) return inner(req, res);
    const answer: Answer = await exchange(inner, req.headers, await readBody(req));
    noteQueues();
    if (res.destroyed) return;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  const load = async () => {
    if (journal) return;
    const state = readJournal(`${directory}/journal.jsonl`);
    settle(state);
    const now = Date.now();
    for (const [name, attributes] of state.queues) {
      const answer = await exchange(
        inner,
        { ...JSON_HEADERS, 'x-amz-target': 'AmazonSQS.CreateQueue' },
        JSON.stringify({ QueueName: name, Attributes: attributes }),
      );
      if (answer.status !== 200) {
        throw new Error(
          `SQS stand-in: queue ${name} from ${directory} not restored: ${answer.body}`,
        );
      }
      const queue = service.Queues.find((q) => q.QueueName === name)!;
      // Not adopted yet, so nothing is written while the journal's messages go back in.
      for (const [id, message] of state.messages.get(name) ?? []) {
        const { record } = queue.setRecord(
          {
            MessageBody: message.body,
            MessageAttributes: message.messageAttributes,
            DelaySeconds: Math.max(0, Math.ceil((message.visibleFrom - now) / 1000)),
          },
          id,
        );
        // Back with the receive count it had; one in flight is visible again at once (its
        // consumer died with the stack).
        Object.assign(record.attributes, message.attributes);
      }
    }
    journal = new Journal(directory, state, options);
    noteQueues();
  };

  return { handler, load, journal: () => journal };
}
