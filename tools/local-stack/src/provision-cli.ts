import 'reflect-metadata';
import { createBucket, createQueues } from './provision';
import { MEDIA_BUCKET } from './stack';

/**
 * Creates the bucket and the queues (with dead-letter queues and redrive policies) at the
 * endpoints in AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL_SQS, e.g. LocalStack under
 * docker-compose. Real AWS is provisioned by deploy/ec2 instead.
 */
async function main(): Promise<void> {
  const s3 = process.env.AWS_ENDPOINT_URL_S3;
  const sqs = process.env.AWS_ENDPOINT_URL_SQS;
  if (!s3 || !sqs) {
    process.stderr.write('provision: AWS_ENDPOINT_URL_S3 and AWS_ENDPOINT_URL_SQS must be set\n');
    process.exit(1);
  }
  const aws = {
    region: process.env.AWS_REGION ?? 'us-east-1',
    credentials: {
      accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'test',
      secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    },
  };
  const bucket = process.env.S3_BUCKET ?? MEDIA_BUCKET;
  const queues = await createQueues(sqs, process.env.QUEUE_PREFIX ?? '', aws);
  await createBucket(s3, bucket, aws);
  process.stdout.write(`provision: bucket ${bucket}; queues ${Object.keys(queues).join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`provision: ${(error as Error).message}\n`);
  process.exit(1);
});
