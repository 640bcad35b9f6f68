import { aws_iam as iam } from 'aws-cdk-lib';

/** What the app server's role may touch, each given as exact ARNs. */
export interface InstancePolicyTargets {
  /** Objects under the catalog's prefixes: `<bucket>/products/*`, `<bucket>/datasheets/*`. */
  mediaObjectArns: string[];
  /** The media bucket itself, for listing under those prefixes only. */
  mediaBucketArn: string;
  /** The catalog's key prefixes (`products/`, `datasheets/`). */
  mediaPrefixes: readonly string[];
  /** The event queues the apps send to and consume (not their dead-letter queues). */
  queueArns: string[];
  /** SES identities used to send: the sender's, plus verified recipients while in the sandbox. */
  sesIdentityArns: string[];
  /** The only From address the apps may use. */
  sesFrom: string;
  /** The log group's ARN as CloudWatch Logs writes it (`…:log-group:<name>:*`, its streams). */
  logGroupArn: string;
  /**
   * Secrets the instance reads into its environment file (database, JWT signing key, and the
   * SMTP password when email goes through SMTP).
   */
  secretArns: string[];
  /** The SSM parameter holding the stack's non-secret settings for the instance. */
  settingsParameterArn: string;
  /** The uploaded zip of deploy/ec2/instance the instance sets itself up from. */
  instanceFilesObjectArn: string;
}

/**
 * The app server's permissions, one statement per need, nothing with `*` as an action or a
 * resource. Each line says which part of the product needs it.
 */
export function instancePolicyStatements(t: InstancePolicyTargets): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      sid: 'MediaObjects',
      // Catalog: presigned PUT/GET are signed with these credentials, HeadObject (covered by
      // GetObject) checks a finished upload, GetObject reads its first bytes, DeleteObject
      // removes refused or deleted media.
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: t.mediaObjectArns,
    }),
    new iam.PolicyStatement({
      sid: 'MediaListing',
      // Without ListBucket, S3 answers HeadObject on a missing key with 403 instead of 404:
      // the catalog could not tell "not uploaded yet" from a real failure. Listing is
      // allowed under the catalog's prefixes only.
      actions: ['s3:ListBucket'],
      resources: [t.mediaBucketArn],
      conditions: { StringLike: { 's3:prefix': t.mediaPrefixes.map((prefix) => `${prefix}*`) } },
    }),
    new iam.PolicyStatement({
      sid: 'EventQueues',
      // Outbox relays send (SendMessageBatch is authorised as SendMessage); consumers receive,
      // delete after success and extend visibility for slow work; GetQueueUrl resolves names.
      actions: [
        'sqs:SendMessage',
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:GetQueueUrl',
        'sqs:GetQueueAttributes',
      ],
      resources: t.queueArns,
    }),
    new iam.PolicyStatement({
      sid: 'SendEmailAsSender',
      // Notification service: SESv2 SendEmail, only with the configured From address.
      actions: ['ses:SendEmail'],
      resources: t.sesIdentityArns,
      conditions: { StringEquals: { 'ses:FromAddress': t.sesFrom } },
    }),
    new iam.PolicyStatement({
      sid: 'ShipLogs',
      // Every app's CloudWatch transport: a stream per process in the one provisioned group.
      // The group itself is created here, so CreateLogGroup is not granted.
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      resources: [t.logGroupArn],
    }),
    new iam.PolicyStatement({
      sid: 'ReadOwnSecrets',
      // inventory-env writes DATABASE_URL, JWT_SECRET (and SMTP_PASSWORD) into the
      // environment file.
      actions: ['secretsmanager:GetSecretValue'],
      resources: t.secretArns,
    }),
    new iam.PolicyStatement({
      sid: 'ReadStackSettings',
      actions: ['ssm:GetParameter'],
      resources: [t.settingsParameterArn],
    }),
    new iam.PolicyStatement({
      sid: 'ReadInstanceFiles',
      actions: ['s3:GetObject'],
      resources: [t.instanceFilesObjectArn],
    }),
  ];
}
