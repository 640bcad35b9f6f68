import { Duration, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { deadLetterQueueName, MAX_RECEIVE_COUNT, QUEUE_NAMES } from '@inventory/contracts';

export interface EventQueuesProps {
  /** Prepended to every queue name (the apps' QUEUE_PREFIX). */
  prefix: string;
}

export interface EventQueue {
  /** Logical name the apps use (`stock-events`). */
  name: string;
  queue: sqs.Queue;
  deadLetterQueue: sqs.Queue;
}

/**
 * One SQS queue per event stream named in libs/contracts, each with its dead-letter queue and
 * the redrive policy the apps are written for (the same attributes the local stack creates).
 */
export class EventQueues extends Construct {
  readonly queues: EventQueue[];

  constructor(scope: Construct, id: string, props: EventQueuesProps) {
    super(scope, id);
    this.queues = QUEUE_NAMES.map((name) => {
      const deadLetterQueue = new sqs.Queue(this, `${name}-dlq`, {
        queueName: `${props.prefix}${deadLetterQueueName(name)}`,
        retentionPeriod: Duration.days(14),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      const queue = new sqs.Queue(this, name, {
        queueName: `${props.prefix}${name}`,
        visibilityTimeout: Duration.seconds(30),
        retentionPeriod: Duration.days(4),
        receiveMessageWaitTime: Duration.seconds(20),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
      });
      return { name, queue, deadLetterQueue };
    });
  }
}
