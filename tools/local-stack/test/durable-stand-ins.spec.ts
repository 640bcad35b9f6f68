import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { eventually, freePort } from '../src';
import { emptyState, Journal, readJournal } from '../src/sqs-journal';

const LOCAL = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

/** A process of its own hosting one stand-in on `directory`, as the local stack's process does. */
async function host(
  kind: 'sqs' | 'ses',
  directory: string,
): Promise<{ child: ChildProcess; endpoint: string; kill(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const { sqsStandIn, sesStandIn } = require(${JSON.stringify(require.resolve('../dist/stand-ins.js'))});
       const standIn = (${kind === 'sqs' ? 'sqsStandIn' : 'sesStandIn'})(${port}, { directory: ${JSON.stringify(directory)} });
       standIn.start().then(() => console.log('up'), (error) => { console.error(error); process.exit(1); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', () => resolve());
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    endpoint: `http://127.0.0.1:${port}`,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe('stand-ins that outlive a kill -9 of their process', () => {
  let directory: string;
  const children: ChildProcess[] = [];

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'durable-stand-in-'));
  });
  afterEach(() => {
    children.forEach((child) => child.kill('SIGKILL'));
    rmSync(directory, { recursive: true, force: true });
  });

  it('SQS: unconsumed and in-flight messages come back with their receive counts; dead letters stay dead', async () => {
    const first = await host('sqs', directory);
    children.push(first.child);
    let sqs = new SQSClient({ ...LOCAL, endpoint: first.endpoint });
    const dlqUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'events-dlq' }))).QueueUrl!;
    const mainUrl = (
      await sqs.send(
        new CreateQueueCommand({
          QueueName: 'events',
          Attributes: {
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:events-dlq',
              maxReceiveCount: 2,
            }),
          },
        }),
      )
    ).QueueUrl!;
    const receive = async (url: string, visibilityTimeout: number, max = 10) =>
      (
        await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            MaxNumberOfMessages: max,
            VisibilityTimeout: visibilityTimeout,
            WaitTimeSeconds: 0,
            AttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
        )
      ).Messages ?? [];
    const count = async (url: string) =>
      Number(
        (
          await sqs.send(
            new GetQueueAttributesCommand({
              QueueUrl: url,
              AttributeNames: ['ApproximateNumberOfMessages'],
            }),
          )
        ).Attributes?.ApproximateNumberOfMessages,
      );

    // Two poison messages: one dead-lettered before the kill, one received its last time
    // just before it (still in flight when the process dies).
    await sqs.send(new SendMessageCommand({ QueueUrl: mainUrl, MessageBody: 'poison-moved' }));
    expect(await receive(mainUrl, 1)).toHaveLength(1);
    await eventually(
      'the poison received again',
      async () => (await receive(mainUrl, 1)).length === 1,
      5_000,
    );
    await eventually('the poison in the DLQ', async () => (await count(dlqUrl)) === 1, 10_000);
    await sqs.send(new SendMessageCommand({ QueueUrl: mainUrl, MessageBody: 'poison-in-flight' }));
    expect((await receive(mainUrl, 0))[0].Body).toBe('poison-in-flight');
    let lastTry: Message[] = [];
    await eventually(
      'the poison received again',
      async () => (lastTry = await receive(mainUrl, 60)).length === 1,
      5_000,
    );
    expect(lastTry[0].Attributes?.ApproximateReceiveCount).toBe('2');

    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: mainUrl,
        Entries: ['a', 'b', 'c', 'd'].map((body) => ({
          Id: body,
          MessageBody: body,
          MessageAttributes: { kind: { DataType: 'String', StringValue: `kind-${body}` } },
        })),
      }),
    );
    const [deleted] = await receive(mainUrl, 60, 1);
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: mainUrl, ReceiptHandle: deleted.ReceiptHandle }),
    );
    const [inFlight] = await receive(mainUrl, 60, 1);

    await first.kill();
    sqs.destroy();
    const second = await host('sqs', directory);
    children.push(second.child);
    sqs = new SQSClient({ ...LOCAL, endpoint: second.endpoint });
    const urlOn = (url: string) => url.replace(/^http:\/\/[^/]+/, second.endpoint);

    const back = await receive(urlOn(mainUrl), 60);
    const byBody = (messages: Message[]) =>
      Object.fromEntries(
        messages.map((m) => [
          m.Body,
          {
            id: m.MessageId,
            receives: m.Attributes?.ApproximateReceiveCount,
            kind: m.MessageAttributes?.kind?.StringValue,
          },
        ]),
      );
    const left = ['a', 'b', 'c', 'd'].filter((body) => body !== deleted.Body);
    expect(Object.keys(byBody(back)).sort()).toEqual(left);
    // The one in flight at the kill was received once before, and is again now.
    expect(byBody(back)[inFlight.Body!]).toEqual({
      id: inFlight.MessageId,
      receives: '2',
      kind: `kind-${inFlight.Body}`,
    });
    for (const body of left.filter((b) => b !== inFlight.Body)) {
      expect(byBody(back)[body].receives).toBe('1');
    }
    // Both poison messages are in the dead-letter queue, neither went back to a consumer.
    const dead = await receive(urlOn(dlqUrl), 60);
    expect(dead.map((m) => m.Body).sort()).toEqual(['poison-in-flight', 'poison-moved']);
    // And a receipt handle from before the kill still deletes its message.
    await sqs.send(
      new DeleteMessageCommand({
        QueueUrl: urlOn(mainUrl),
        ReceiptHandle: inFlight.ReceiptHandle,
      }),
    );
    await second.kill();
    sqs.destroy();
    const messages = readJournal(join(directory, 'journal.jsonl')).messages.get('events')!;
    expect([...messages.values()].map((m) => m.body).sort()).toEqual(
      left.filter((b) => b !== inFlight.Body),
    );
  }, 60_000);

  it('SQS: a journal line cut short by the kill is left out, the rest is read', () => {
    const file = join(directory, 'journal.jsonl');
    appendFileSync(
      file,
      `${JSON.stringify({ op: 'queue', name: 'q', attributes: {} })}\n` +
        `${JSON.stringify({ op: 'put', name: 'q', id: '1', body: 'x', attributes: {}, visibleFrom: 0 })}\n` +
        '{"op":"del","na',
    );
    expect([...readJournal(file).messages.get('q')!.keys()]).toEqual(['1']);
    appendFileSync(file, '\n{"op":"purge","name":"q"}\n');
    expect(() => readJournal(file)).toThrow(/line 3/);
  });

  it('SQS: the journal is compacted to one line per queue and message, and replays the same', () => {
    const journal = new Journal(directory, emptyState(), { compactAfter: 50 });
    journal.append({ op: 'queue', name: 'q', attributes: { VisibilityTimeout: '30' } });
    for (let i = 0; i < 500; i++) {
      journal.append({
        op: 'put',
        name: 'q',
        id: String(i),
        body: `m${i}`,
        attributes: { ApproximateReceiveCount: '0' },
        visibleFrom: 0,
      });
      journal.append({ op: 'recv', name: 'q', counts: [[String(i), 1]] });
      if (i % 10 !== 0) journal.append({ op: 'del', name: 'q', id: String(i) });
    }
    journal.close();
    const lines = readFileSync(join(directory, 'journal.jsonl'), 'utf8').trim().split('\n');
    // 1,500 changes; 51 lines are the state (a queue, 50 messages): far fewer than written.
    expect(lines.length).toBeLessThan(300);
    const state = readJournal(join(directory, 'journal.jsonl'));
    const messages = [...state.messages.get('q')!.values()];
    expect(messages.map((m) => m.body)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i * 10}`));
    expect(messages.every((m) => m.attributes.ApproximateReceiveCount === '1')).toBe(true);
  });

  it('SES: mail sent before a kill -9 is listed again after the restart', async () => {
    const first = await host('ses', directory);
    children.push(first.child);
    const send = async (endpoint: string, subject: string) => {
      const ses = new SESv2Client({ ...LOCAL, endpoint });
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'alerts@inventory.local',
          Destination: { ToAddresses: ['admin@inventory.local'] },
          Content: {
            Simple: { Subject: { Data: subject }, Body: { Text: { Data: `${subject} body` } } },
          },
        }),
      );
      ses.destroy();
    };
    const subjects = async (endpoint: string) =>
      (
        (await (await fetch(`${endpoint}/store`)).json()) as { emails: { subject: string }[] }
      ).emails
        .map((e) => e.subject)
        .sort();
    await send(first.endpoint, 'Low Stock Alert - one');
    await send(first.endpoint, 'Low Stock Alert - two');
    await first.kill();

    const second = await host('ses', directory);
    children.push(second.child);
    expect(await subjects(second.endpoint)).toEqual([
      'Low Stock Alert - one',
      'Low Stock Alert - two',
    ]);
    await send(second.endpoint, 'Low Stock Alert - three');
    // The mail page itself, not only the JSON.
    const page = await (await fetch(`${second.endpoint}/`)).text();
    expect(page.length).toBeGreaterThan(0);
    await second.kill();
    expect(readFileSync(join(directory, 'mail.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);
  }, 60_000);
});
