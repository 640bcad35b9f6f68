import {
  CfnOutput,
  SecretValue,
  Stack,
  Tags,
  aws_secretsmanager as secretsmanager,
  aws_ses as ses,
  type StackProps,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AppServer } from './constructs/app-server.construct';
import { Database, DATABASE_NAME, DATABASE_PORT } from './constructs/database.construct';
import { EventQueues } from './constructs/event-queues.construct';
import { MEDIA_PREFIXES, MediaBucket } from './constructs/media-bucket.construct';
import { Monitoring } from './constructs/monitoring.construct';
import { Network } from './constructs/network.construct';
import { publicUrl, settingsProblems, smtpPort, type InventorySettings } from './settings';

/**
 * What the SMTP password's secret holds until an operator puts the provider's password into
 * it: inventory-env refuses to render an environment from it (never a wrong password sent).
 */
export const SMTP_PASSWORD_PLACEHOLDER =
  'REPLACE-ME: aws secretsmanager put-secret-value --secret-id <this secret> --secret-string <the SMTP password>';

export interface InventoryStackProps extends StackProps {
  settings: InventorySettings;
}

/**
 * Everything one deployment of Electronic Inventory runs on. Environment-agnostic (no account
 * or region lookups at synth time): `cdk deploy` targets the account and region of the
 * caller's credentials.
 */
export class InventoryStack extends Stack {
  readonly network: Network;
  readonly media: MediaBucket;
  readonly queues: EventQueues;
  readonly database: Database;
  readonly monitoring: Monitoring;
  readonly appServer: AppServer;
  readonly jwtSecret: secretsmanager.Secret;
  /** The SMTP password (SMTP_PASSWORD), when the SMTP driver signs in as `smtpUser`. */
  readonly smtpPasswordSecret?: secretsmanager.Secret;
  readonly emailIdentity: ses.EmailIdentity;

  constructor(scope: Construct, id: string, props: InventoryStackProps) {
    super(scope, id, {
      description: `Electronic Inventory (${props.settings.envName}): EC2 app server, RDS Postgres, S3, SQS, SES, CloudWatch`,
      ...props,
    });
    const s = props.settings;
    const problems = settingsProblems(s);
    if (problems.length > 0) {
      throw new Error(`Settings of "${s.envName}" are not valid:\n  ${problems.join('\n  ')}`);
    }
    Tags.of(this).add('Project', 'electronic-inventory');
    Tags.of(this).add('Environment', s.envName);

    this.network = new Network(this, 'Network');
    const vpc = this.network.vpc;

    this.media = new MediaBucket(this, 'Media', {
      uploadOrigins: [publicUrl(s), ...s.extraUploadOrigins],
      noncurrentVersionDays: s.noncurrentVersionDays,
    });
    this.queues = new EventQueues(this, 'Queues', { prefix: s.queuePrefix });

    this.emailIdentity = new ses.EmailIdentity(this, 'EmailIdentity', {
      identity:
        s.sesIdentity === s.sesFrom
          ? ses.Identity.email(s.sesIdentity)
          : ses.Identity.domain(s.sesIdentity),
    });

    this.database = new Database(this, 'Database', {
      vpc,
      envName: s.envName,
      instanceType: s.dbInstanceType,
      allocatedStorageGb: s.dbAllocatedStorageGb,
      maxAllocatedStorageGb: s.dbMaxAllocatedStorageGb,
      backupRetentionDays: s.dbBackupRetentionDays,
    });
    const databaseSecret = this.database.instance.secret!;

    this.jwtSecret = new secretsmanager.Secret(this, 'JwtSecret', {
      secretName: `inventory/${s.envName}/jwt`,
      description: 'Electronic Inventory: signs access tokens (JWT_SECRET)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    const smtp = s.emailDriver === 'smtp';
    if (smtp && s.smtpUser !== undefined) {
      // Created holding a placeholder: the provider issues the password, an operator puts
      // it (deploy/ec2/README.md, "Email through SMTP"); a later deploy never overwrites it.
      this.smtpPasswordSecret = new secretsmanager.Secret(this, 'SmtpPassword', {
        secretName: `inventory/${s.envName}/smtp`,
        description: `Electronic Inventory: password of SMTP user ${s.smtpUser} (SMTP_PASSWORD)`,
        secretStringValue: SecretValue.unsafePlainText(SMTP_PASSWORD_PLACEHOLDER),
      });
    }
    const smtpSettings: Record<string, string> = smtp
      ? {
          SMTP_URL: s.smtpUrl!,
          ...(s.smtpUser !== undefined ? { SMTP_USER: s.smtpUser } : {}),
          ...(s.smtpCaFile !== undefined ? { SMTP_CA_FILE: s.smtpCaFile } : {}),
          ...(this.smtpPasswordSecret
            ? { SMTP_PASSWORD_SECRET_ARN: this.smtpPasswordSecret.secretArn }
            : {}),
        }
      : {};

    this.monitoring = new Monitoring(this, 'Monitoring', {
      envName: s.envName,
      logGroupName: s.logGroupName,
      logRetentionDays: s.logRetentionDays,
      metricsNamespace: s.metricsNamespace,
      alarmEmail: s.alarmEmail,
      errorAlarmThreshold: s.errorAlarmThreshold,
      errorAlarmPeriodMinutes: s.errorAlarmPeriodMinutes,
      queues: this.queues.queues,
    });

    const sesIdentityArn = (identity: string) =>
      this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });

    this.appServer = new AppServer(this, 'AppServer', {
      vpc,
      envName: s.envName,
      instanceType: s.instanceType,
      volumeGb: s.instanceVolumeGb,
      sshCidr: s.sshCidr,
      keyPairName: s.keyPairName,
      smtpPort: smtp ? smtpPort(s.smtpUrl!) : undefined,
      settings: {
        ENV_NAME: s.envName,
        AWS_REGION: this.region,
        SERVER_NAME: s.domainName,
        PUBLIC_URL: publicUrl(s),
        CORS_ORIGINS: s.extraUploadOrigins.join(','),
        S3_BUCKET: this.media.bucket.bucketName,
        SES_FROM: s.sesFrom,
        EMAIL_DRIVER: s.emailDriver,
        ...smtpSettings,
        ALERT_RECIPIENTS: s.alertRecipients.join(','),
        QUEUE_PREFIX: s.queuePrefix,
        CLOUDWATCH_LOG_GROUP: s.logGroupName,
        METRICS_NAMESPACE: s.metricsNamespace,
        DB_HOST: this.database.instance.dbInstanceEndpointAddress,
        DB_PORT: String(DATABASE_PORT),
        DB_NAME: DATABASE_NAME,
        DB_SECRET_ARN: databaseSecret.secretArn,
        JWT_SECRET_ARN: this.jwtSecret.secretArn,
      },
      policy: {
        mediaObjectArns: this.media.objectArns(),
        mediaBucketArn: this.media.bucket.bucketArn,
        mediaPrefixes: MEDIA_PREFIXES,
        queueArns: this.queues.queues.map(({ queue }) => queue.queueArn),
        sesIdentityArns: [s.sesIdentity, ...s.sesSandboxRecipients].map(sesIdentityArn),
        sesFrom: s.sesFrom,
        logGroupArn: this.monitoring.logGroup.logGroupArn,
        secretArns: [
          databaseSecret.secretArn,
          this.jwtSecret.secretArn,
          ...(this.smtpPasswordSecret ? [this.smtpPasswordSecret.secretArn] : []),
        ],
      },
    });
    this.database.allowFrom(this.appServer.securityGroup);

    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output('PublicIp', this.appServer.address.attrPublicIp, `DNS A record for ${s.domainName}`);
    output('InstanceId', this.appServer.instance.instanceId, 'aws ssm start-session --target <id>');
    output('BucketName', this.media.bucket.bucketName, 'S3_BUCKET');
    output('DatabaseEndpoint', this.database.instance.dbInstanceEndpointAddress, 'RDS endpoint');
    output('DatabaseInstanceId', this.database.instance.instanceIdentifier, 'RDS instance id');
    output('DatabaseSecretArn', databaseSecret.secretArn, 'RDS master credentials');
    output('JwtSecretArn', this.jwtSecret.secretArn, 'JWT_SECRET');
    if (this.smtpPasswordSecret) {
      output('SmtpPasswordSecretArn', this.smtpPasswordSecret.secretArn, 'SMTP_PASSWORD');
    }
    output('AlarmTopicArn', this.monitoring.alarmTopic.topicArn, 'Alarm emails');
    output('SettingsParameter', this.appServer.settingsParameter.parameterName, 'inventory-env');
    if (s.sesIdentity !== s.sesFrom) {
      this.emailIdentity.dkimRecords.forEach((record, index) =>
        output(
          `DkimRecord${index + 1}`,
          `${record.name} CNAME ${record.value}`,
          'Add to DNS to verify the SES domain identity',
        ),
      );
    }
  }
}
