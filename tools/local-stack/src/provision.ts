import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { deadLetterQueueName, MAX_RECEIVE_COUNT, QUEUE_NAMES } from '@inventory/contracts';

export interface AwsTarget {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Creates every queue with its dead-letter queue and redrive policy. Idempotent: creating a
 * queue that exists with the same attributes returns it.
 */
export async function createQueues(
  endpoint: string,
  prefix: string,
  aws: AwsTarget,
): Promise<Record<string, string>> {
  const sqs = new SQSClient({ ...aws, endpoint });
  const urls: Record<string, string> = {};
  try {
    for (const queue of QUEUE_NAMES) {
      const dlq = await sqs.send(
        new CreateQueueCommand({
          QueueName: `${prefix}${deadLetterQueueName(queue)}`,
          Attributes: { MessageRetentionPeriod: String(14 * 24 * 3600) },
        }),
      );
      const { Attributes } = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
      );
      const main = await sqs.send(
        new CreateQueueCommand({
          QueueName: `${prefix}${queue}`,
          Attributes: {
            VisibilityTimeout: '30',
            MessageRetentionPeriod: String(4 * 24 * 3600),
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: Attributes?.QueueArn,
              maxReceiveCount: MAX_RECEIVE_COUNT,
            }),
          },
        }),
      );
      urls[queue] = main.QueueUrl!;
      urls[deadLetterQueueName(queue)] = dlq.QueueUrl!;
    }
  } finally {
    sqs.destroy();
  }
  return urls;
}

export async function createBucket(
  endpoint: string,
  bucket: string,
  aws: AwsTarget,
): Promise<void> {
  const s3 = new S3Client({ ...aws, endpoint, forcePathStyle: true });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  } finally {
    s3.destroy();
  }
}
