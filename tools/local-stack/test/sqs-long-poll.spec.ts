import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { freePort } from '../src';
import { sqsStandIn, type StandIn } from '../src/stand-ins';

const LOCAL = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

describe('SQS stand-in long polls, as SQS answers them', () => {
  let directory: string;
  let standIn: StandIn;
  let sqs: SQSClient;
  let queueUrl: string;

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'sqs-long-poll-'));
    standIn = sqsStandIn(await freePort(), { directory });
    await standIn.start();
    sqs = new SQSClient({ ...LOCAL, endpoint: standIn.endpoint });
    ({ QueueUrl: queueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'polled' })));
  });
  afterEach(async () => {
    sqs.destroy();
    await standIn.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  const poll = () =>
    sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 5,
      }),
    );
  const send = (body: string) =>
    sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));

  it('answers a waiting poll with the one message sent, without waiting for a full batch', async () => {
    const waiting = poll();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const sentAt = Date.now();
    await send('one');
    const { Messages = [] } = await waiting;
    expect(Messages.map((m) => m.Body)).toEqual(['one']);
    expect(Date.now() - sentAt).toBeLessThan(1000);
  });

  it('with several polls waiting, hands each message to one poll and leaves the others waiting', async () => {
    const answered: string[][] = [];
    const polls = [poll(), poll(), poll()].map((p) =>
      p.then(({ Messages = [] }) => answered.push(Messages.map((m) => m.Body!))),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    await send('first');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await send('second');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Two polls have answered, one message each; the third is still waiting.
    expect(answered.flat().sort()).toEqual(['first', 'second']);
    expect(answered.filter((bodies) => bodies.length > 0)).toHaveLength(2);
    await send('third');
    await Promise.all(polls);
    expect(answered.flat().sort()).toEqual(['first', 'second', 'third']);
  });
});
