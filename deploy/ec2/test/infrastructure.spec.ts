import { Match } from 'aws-cdk-lib/assertions';
import { deadLetterQueueName, MAX_RECEIVE_COUNT, QUEUE_NAMES } from '@inventory/contracts';
import {
  getAtt,
  logicalIdWhere,
  onlyResource,
  ref,
  resourcesOfType,
  synth,
  type Synthesised,
} from './support/synth';

// `cdk synth` for production as environments.ts describes it (no SSH port), and for staging
// with an admin CIDR for SSH and a key pair given on the command line.
let prod: Synthesised;
let staging: Synthesised;

beforeAll(() => {
  prod = synth();
  staging = synth({ env: 'staging', sshCidr: '203.0.113.7/32', keyPairName: 'ops' });
});

const props = (s: Synthesised, type: string) => onlyResource(s, type)[1].Properties ?? {};

describe('network', () => {
  it('has public subnets for the instance and isolated ones for RDS in two zones, and no NAT', () => {
    const subnets = resourcesOfType(prod, 'AWS::EC2::Subnet').map(([, r]) => r.Properties ?? {});
    const tagged = (type: string) =>
      subnets.filter((s) =>
        (s.Tags as { Key: string; Value: string }[]).some(
          (t) => t.Key === 'aws-cdk:subnet-type' && t.Value === type,
        ),
      );
    expect(tagged('Public')).toHaveLength(2);
    expect(tagged('Isolated')).toHaveLength(2);
    prod.template.resourceCountIs('AWS::EC2::NatGateway', 0);
    prod.template.resourceCountIs('AWS::EC2::InternetGateway', 1);
  });

  it('routes only the public subnets to the internet', () => {
    const routes = resourcesOfType(prod, 'AWS::EC2::Route').map(([, r]) => r.Properties ?? {});
    expect(routes).toHaveLength(2);
    for (const route of routes) {
      expect(route.DestinationCidrBlock).toBe('0.0.0.0/0');
      expect(JSON.stringify(route.RouteTableId)).toMatch(/publicSubnet/);
    }
  });

  it('reaches S3 through a free gateway endpoint and strips the default security group', () => {
    prod.template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
    });
    prod.template.resourceCountIs('Custom::VpcRestrictDefaultSG', 1);
  });
});

describe('media bucket', () => {
  it('blocks public access, is versioned, encrypted and kept when the stack goes', () => {
    prod.template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [
            { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
          ],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      }),
    });
  });

  it('expires old versions and abandoned multipart uploads', () => {
    expect(props(prod, 'AWS::S3::Bucket').LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'expire-old-versions',
          Status: 'Enabled',
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
        },
        { Id: 'remove-expired-delete-markers', Status: 'Enabled', ExpiredObjectDeleteMarker: true },
      ],
    });
  });

  it('lets browsers on the configured origins upload and download with presigned URLs', () => {
    expect(props(prod, 'AWS::S3::Bucket').CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['PUT', 'GET', 'HEAD'],
          AllowedOrigins: ['https://inventory.example.com'],
          AllowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
          ExposedHeaders: ['ETag'],
          MaxAge: 3600,
        },
      ],
    });
    expect(
      (props(staging, 'AWS::S3::Bucket').CorsConfiguration as { CorsRules: object[] }).CorsRules,
    ).toEqual([
      expect.objectContaining({
        AllowedOrigins: ['https://staging.inventory.example.com', 'http://localhost:5173'],
      }),
    ]);
  });

  it('refuses every request not made over TLS 1.2 or later', () => {
    const bucketId = onlyResource(prod, 'AWS::S3::Bucket')[0];
    const statements = (
      props(prod, 'AWS::S3::BucketPolicy').PolicyDocument as { Statement: object[] }
    ).Statement;
    const everything = [
      getAtt(bucketId, 'Arn'),
      { 'Fn::Join': ['', [getAtt(bucketId, 'Arn'), '/*']] },
    ];
    expect(statements).toEqual([
      {
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: everything,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 's3:*',
        Resource: everything,
        Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } },
      },
    ]);
  });
});

describe('event queues', () => {
  it('creates every queue of libs/contracts with its prefix, DLQ and redrive policy', () => {
    const queues = resourcesOfType(prod, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(QUEUE_NAMES.length * 2);
    for (const name of QUEUE_NAMES) {
      const dlqId = logicalIdWhere(
        prod,
        'AWS::SQS::Queue',
        (p) => p.QueueName === `prod-${deadLetterQueueName(name)}`,
      );
      prod.template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `prod-${name}`,
        RedrivePolicy: {
          deadLetterTargetArn: getAtt(dlqId, 'Arn'),
          maxReceiveCount: MAX_RECEIVE_COUNT,
        },
        VisibilityTimeout: 30,
        ReceiveMessageWaitTimeSeconds: 20,
        MessageRetentionPeriod: 4 * 24 * 3600,
        SqsManagedSseEnabled: true,
      });
      prod.template.hasResourceProperties('AWS::SQS::Queue', {
        QueueName: `prod-${deadLetterQueueName(name)}`,
        MessageRetentionPeriod: 14 * 24 * 3600,
        SqsManagedSseEnabled: true,
      });
    }
    expect(MAX_RECEIVE_COUNT).toBe(5);
  });

  it('refuses requests without TLS on every queue', () => {
    const policies = resourcesOfType(prod, 'AWS::SQS::QueuePolicy');
    expect(policies).toHaveLength(QUEUE_NAMES.length * 2);
    for (const [, policy] of policies) {
      expect(policy.Properties?.PolicyDocument).toEqual({
        Version: '2012-10-17',
        Statement: [
          expect.objectContaining({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ],
      });
    }
  });
});

describe('SES', () => {
  it('verifies the sender domain in production and publishes its DKIM records', () => {
    expect(props(prod, 'AWS::SES::EmailIdentity').EmailIdentity).toBe('inventory.example.com');
    expect(Object.keys(prod.json.Outputs ?? {})).toEqual(
      expect.arrayContaining(['DkimRecord1', 'DkimRecord2', 'DkimRecord3']),
    );
  });

  it('verifies the single sender address in staging', () => {
    expect(props(staging, 'AWS::SES::EmailIdentity').EmailIdentity).toBe(
      'alerts@inventory.example.com',
    );
    expect(Object.keys(staging.json.Outputs ?? {})).not.toContain('DkimRecord1');
  });
});

describe('CloudWatch', () => {
  it('has the one log group with retention, kept when the stack goes', () => {
    prod.template.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ LogGroupName: '/aws/inventory-app', RetentionInDays: 30 }),
    });
    staging.template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/inventory-app-staging',
      RetentionInDays: 7,
    });
  });

  it('counts error and fatal log lines with a metric filter', () => {
    const logGroupId = onlyResource(prod, 'AWS::Logs::LogGroup')[0];
    expect(props(prod, 'AWS::Logs::MetricFilter')).toEqual({
      LogGroupName: ref(logGroupId),
      FilterPattern: '{ ($.level = "error") || ($.level = "fatal") }',
      MetricTransformations: [
        {
          MetricNamespace: 'ElectronicInventory',
          MetricName: 'LogErrors',
          MetricValue: '1',
          Unit: 'Count',
        },
      ],
    });
  });

  it('emails the alarm topic when more than 10 errors are logged in 5 minutes', () => {
    const topicId = onlyResource(prod, 'AWS::SNS::Topic')[0];
    prod.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: 'inventory-prod-errors',
      Namespace: 'ElectronicInventory',
      MetricName: 'LogErrors',
      Statistic: 'Sum',
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 10,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [ref(topicId)],
    });
    prod.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.com',
      TopicArn: ref(topicId),
    });
  });

  it('alarms on any message in a dead-letter queue', () => {
    const topicId = onlyResource(prod, 'AWS::SNS::Topic')[0];
    for (const name of QUEUE_NAMES) {
      const dlqId = logicalIdWhere(
        prod,
        'AWS::SQS::Queue',
        (p) => p.QueueName === `prod-${deadLetterQueueName(name)}`,
      );
      prod.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(dlqId, 'QueueName') }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [ref(topicId)],
      });
    }
  });
});

describe('RDS Postgres', () => {
  it('is encrypted, private, backed up, protected from deletion and single-AZ', () => {
    prod.template.hasResource('AWS::RDS::DBInstance', {
      DeletionPolicy: 'Snapshot',
      Properties: Match.objectLike({
        Engine: 'postgres',
        EngineVersion: '16',
        DBInstanceClass: 'db.t4g.micro',
        DBName: 'inventory',
        StorageEncrypted: true,
        StorageType: 'gp3',
        AllocatedStorage: '20',
        MaxAllocatedStorage: 50,
        PubliclyAccessible: false,
        MultiAZ: false,
        BackupRetentionPeriod: 7,
        DeletionProtection: true,
        CopyTagsToSnapshot: true,
      }),
    });
  });

  it('lives in the isolated subnets', () => {
    const subnetIds = props(prod, 'AWS::RDS::DBSubnetGroup').SubnetIds as { Ref: string }[];
    expect(subnetIds).toHaveLength(2);
    for (const subnet of subnetIds) expect(subnet.Ref).toMatch(/^NetworkVpcdatabaseSubnet/);
  });

  it('keeps its credentials in Secrets Manager and only accepts TLS connections', () => {
    const [secretId, secret] = resourcesOfType(prod, 'AWS::SecretsManager::Secret').find(
      ([, r]) => r.Properties?.Name === 'inventory/prod/database',
    )!;
    expect(secret.Properties?.GenerateSecretString).toEqual(
      expect.objectContaining({ GenerateStringKey: 'password', PasswordLength: 30 }),
    );
    expect(props(prod, 'AWS::RDS::DBInstance').MasterUserPassword).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', ref(secretId), ':SecretString:password::}}']],
    });
    expect(props(prod, 'AWS::RDS::DBParameterGroup').Parameters).toEqual({
      'rds.force_ssl': '1',
      log_min_duration_statement: '1000',
    });
  });
});

describe('security groups', () => {
  const appSg = (s: Synthesised) =>
    logicalIdWhere(s, 'AWS::EC2::SecurityGroup', (p) =>
      String(p.GroupDescription).startsWith('Electronic Inventory app server'),
    );
  const dbSg = (s: Synthesised) =>
    logicalIdWhere(s, 'AWS::EC2::SecurityGroup', (p) =>
      String(p.GroupDescription).startsWith('Electronic Inventory Postgres'),
    );

  it('lets only the app server reach Postgres', () => {
    const db = prod.json.Resources[dbSg(prod)].Properties!;
    expect(db.SecurityGroupIngress).toBeUndefined();
    const ingress = resourcesOfType(prod, 'AWS::EC2::SecurityGroupIngress').map(
      ([, r]) => r.Properties,
    );
    expect(ingress).toEqual([
      {
        GroupId: getAtt(dbSg(prod), 'GroupId'),
        SourceSecurityGroupId: getAtt(appSg(prod), 'GroupId'),
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        Description: 'Postgres from the app server',
      },
    ]);
  });

  it('opens 80 and 443 to the world and no SSH port when no admin CIDR is configured', () => {
    const app = prod.json.Resources[appSg(prod)].Properties!;
    expect(app.SecurityGroupIngress).toEqual([
      expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 443, ToPort: 443 }),
      expect.objectContaining({ CidrIp: '0.0.0.0/0', FromPort: 80, ToPort: 80 }),
    ]);
    expect(JSON.stringify(prod.json)).not.toMatch(/"FromPort":22\b/);
  });

  it('opens SSH only to the configured CIDR', () => {
    const app = staging.json.Resources[appSg(staging)].Properties!;
    const ssh = (app.SecurityGroupIngress as { FromPort: number; CidrIp: string }[]).filter(
      (rule) => rule.FromPort === 22,
    );
    expect(ssh).toEqual([expect.objectContaining({ CidrIp: '203.0.113.7/32', ToPort: 22 })]);
  });

  it('lets the app server out only to HTTPS, HTTP and the database', () => {
    const app = prod.json.Resources[appSg(prod)].Properties!;
    expect(app.SecurityGroupEgress).toEqual([
      expect.objectContaining({
        CidrIp: '0.0.0.0/0',
        IpProtocol: 'tcp',
        FromPort: 443,
        ToPort: 443,
      }),
      expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 80, ToPort: 80 }),
    ]);
    expect(
      resourcesOfType(prod, 'AWS::EC2::SecurityGroupEgress').map(([, r]) => r.Properties),
    ).toEqual([
      expect.objectContaining({
        GroupId: getAtt(appSg(prod), 'GroupId'),
        DestinationSecurityGroupId: getAtt(dbSg(prod), 'GroupId'),
        FromPort: 5432,
        ToPort: 5432,
      }),
    ]);
  });
});

describe('the EC2 instance', () => {
  it('runs Ubuntu 24.04 in a public subnet with the instance profile and a fixed address', () => {
    const [instanceId, instance] = onlyResource(prod, 'AWS::EC2::Instance');
    const p = instance.Properties!;
    expect(p.ImageId).toBe(
      'resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id',
    );
    expect(p.InstanceType).toBe('t3.micro');
    expect((p.SubnetId as { Ref: string }).Ref).toMatch(/^NetworkVpcpublicSubnet1/);
    const [profileId, profile] = onlyResource(prod, 'AWS::IAM::InstanceProfile');
    expect(p.IamInstanceProfile).toEqual(ref(profileId));
    const roleId = logicalIdWhere(
      prod,
      'AWS::IAM::Role',
      (r) => r.Description === 'Electronic Inventory app server',
    );
    expect(profile.Properties?.Roles).toEqual([ref(roleId)]);
    expect(props(prod, 'AWS::EC2::EIP')).toEqual(
      expect.objectContaining({ Domain: 'vpc', InstanceId: ref(instanceId) }),
    );
    expect(p.KeyName).toBeUndefined();
    expect(
      staging.json.Resources[onlyResource(staging, 'AWS::EC2::Instance')[0]].Properties?.KeyName,
    ).toBe('ops');
  });

  it('requires IMDSv2 and encrypts its gp3 root volume', () => {
    const p = props(prod, 'AWS::EC2::Instance');
    expect(p.BlockDeviceMappings).toEqual([
      {
        DeviceName: '/dev/sda1',
        Ebs: { DeleteOnTermination: true, Encrypted: true, VolumeSize: 20, VolumeType: 'gp3' },
      },
    ]);
    const template = props(prod, 'AWS::EC2::LaunchTemplate');
    expect(template.LaunchTemplateData).toEqual({ MetadataOptions: { HttpTokens: 'required' } });
    expect(String(template.LaunchTemplateName)).toContain('Inventoryprod');
  });

  it('gets the arm64 image on a Graviton instance type', () => {
    const graviton = synth({ instanceType: 't4g.small' });
    expect(props(graviton, 'AWS::EC2::Instance').ImageId).toContain('/arm64/hvm/');
  });

  it('sets itself up at first boot from user data: stack.conf, then inventory-setup', () => {
    const [parameterId] = onlyResource(prod, 'AWS::SSM::Parameter');
    const userData = JSON.stringify(props(prod, 'AWS::EC2::Instance').UserData);
    expect(userData).toContain('cat > /etc/inventory/stack.conf');
    expect(userData).toContain('"\\nSTACK_PARAMETER=",{"Ref":"' + parameterId + '"}');
    expect(userData).toContain('aws ssm get-parameter --name');
    expect(userData).toContain('bash \\"$work/files/setup.sh\\"');
    expect(userData).toMatch(/\/usr\/local\/sbin\/inventory-setup"?\]/);
  });

  it('hands the instance its settings in an SSM parameter, secrets only by ARN', () => {
    const [, parameter] = onlyResource(prod, 'AWS::SSM::Parameter');
    expect(parameter.Properties?.Name).toBe('/inventory/prod/stack-env');
    const value = JSON.stringify(parameter.Properties?.Value);
    for (const line of [
      'SERVER_NAME=inventory.example.com',
      'PUBLIC_URL=https://inventory.example.com',
      'SES_FROM=alerts@inventory.example.com',
      'ALERT_RECIPIENTS=stores@example.com',
      'QUEUE_PREFIX=prod-',
      'CLOUDWATCH_LOG_GROUP=/aws/inventory-app',
      'METRICS_NAMESPACE=ElectronicInventory',
      'DB_PORT=5432',
      'DB_NAME=inventory',
    ]) {
      expect(value).toContain(line);
    }
    for (const key of [
      'S3_BUCKET',
      'DB_HOST',
      'DB_SECRET_ARN',
      'JWT_SECRET_ARN',
      'INSTANCE_FILES',
    ]) {
      expect(value).toContain(`${key}=`);
    }
    expect(value).not.toMatch(/PASSWORD|JWT_SECRET=[^"]/);
  });
});

describe('email through SMTP', () => {
  const smtpContext = {
    emailDriver: 'smtp',
    smtpUrl: 'smtp://email-smtp.eu-central-1.amazonaws.com:587',
    smtpUser: 'AKIAEXAMPLE',
    smtpCaFile: '/etc/inventory/smtp-ca.pem',
  };
  let smtp: Synthesised;
  beforeAll(() => {
    smtp = synth(smtpContext);
  });
  const parameterValue = (s: Synthesised) =>
    JSON.stringify(onlyResource(s, 'AWS::SSM::Parameter')[1].Properties?.Value);
  const smtpSecretId = (s: Synthesised) =>
    logicalIdWhere(s, 'AWS::SecretsManager::Secret', (p) => p.Name === 'inventory/prod/smtp');

  it('sends through SES by default, with no SMTP setting, secret or port', () => {
    const value = parameterValue(prod);
    expect(value).toContain('EMAIL_DRIVER=ses');
    expect(value).not.toContain('SMTP_');
    expect(JSON.stringify(prod.json)).not.toContain('inventory/prod/smtp');
    expect(JSON.stringify(prod.json)).not.toMatch(/"FromPort":(587|465)\b/);
  });

  it('hands the instance the SMTP server, user and CA file, and the password only by ARN', () => {
    const value = parameterValue(smtp);
    for (const line of [
      'EMAIL_DRIVER=smtp',
      'SMTP_URL=smtp://email-smtp.eu-central-1.amazonaws.com:587',
      'SMTP_USER=AKIAEXAMPLE',
      'SMTP_CA_FILE=/etc/inventory/smtp-ca.pem',
    ]) {
      expect(value).toContain(line);
    }
    expect(value).toContain('SMTP_PASSWORD_SECRET_ARN=');
    expect(value).toContain(JSON.stringify(ref(smtpSecretId(smtp))));
    expect(value).not.toMatch(/SMTP_PASSWORD=/);
  });

  it('keeps the password in its own secret, which only the instance role may read', () => {
    const id = smtpSecretId(smtp);
    const secret = smtp.json.Resources[id].Properties!;
    expect(secret.SecretString).toMatch(/^REPLACE-ME: aws secretsmanager put-secret-value/);
    expect(secret.GenerateSecretString).toBeUndefined();
    const policy = JSON.stringify(props(smtp, 'AWS::IAM::Policy'));
    expect(policy).toContain(JSON.stringify(ref(id)));
    expect(smtp.json.Outputs).toHaveProperty('SmtpPasswordSecretArn');
  });

  it('lets the app server out to the SMTP port, 465 for smtps:// without a port', () => {
    const egress = (s: Synthesised) =>
      (
        s.json.Resources[
          logicalIdWhere(s, 'AWS::EC2::SecurityGroup', (p) =>
            String(p.GroupDescription).startsWith('Electronic Inventory app server'),
          )
        ].Properties!.SecurityGroupEgress as { FromPort: number }[]
      ).map((rule) => rule.FromPort);
    expect(egress(smtp)).toEqual([443, 80, 587]);
    const tls = synth({ ...smtpContext, smtpUrl: 'smtps://smtp.example.com' });
    expect(egress(tls)).toEqual([443, 80, 465]);
  });

  it('needs no secret for a relay that takes mail without signing in', () => {
    const relay = synth({ emailDriver: 'smtp', smtpUrl: 'smtp://relay.example.com:25' });
    expect(parameterValue(relay)).not.toContain('SMTP_PASSWORD_SECRET_ARN');
    expect(JSON.stringify(relay.json)).not.toContain('inventory/prod/smtp');
  });

  it('refuses an SMTP setup that could not send, or would put a password into the settings', () => {
    expect(() => synth({ emailDriver: 'smtp' })).toThrow(
      /smtpUrl must be an smtp:\/\/ \(STARTTLS, port 587\) or smtps:\/\/ .* got ""/,
    );
    expect(() => synth({ emailDriver: 'smtp', smtpUrl: 'http://mail.example.com' })).toThrow(
      /smtpUrl must be an smtp:\/\//,
    );
    expect(() =>
      synth({ emailDriver: 'smtp', smtpUrl: 'smtp://me:secret@mail.example.com' }),
    ).toThrow(/smtpUrl must not hold credentials[\s\S]*inventory\/prod\/smtp/);
    expect(() => synth({ ...smtpContext, smtpCaFile: 'smtp-ca.pem' })).toThrow(
      /smtpCaFile must be an absolute path/,
    );
    expect(() => synth({ emailDriver: 'post' })).toThrow(/emailDriver must be ses or smtp/);
    expect(() => synth({ smtpUrl: 'smtp://mail.example.com' })).toThrow(
      /smtpUrl is only used with emailDriver smtp/,
    );
  });
});

describe('settings', () => {
  it('refuses an SSH CIDR wider than /16', () => {
    expect(() => synth({ sshCidr: '0.0.0.0/0' })).toThrow(/sshCidr must be \/16 or narrower/);
  });

  it('names every invalid setting at once', () => {
    expect(() =>
      synth({ alarmEmail: 'nobody', logRetentionDays: '45', dbBackupRetentionDays: '0' }),
    ).toThrow(
      /alarmEmail must be an email address[\s\S]*dbBackupRetentionDays must be 1–35[\s\S]*logRetentionDays must be one of/,
    );
  });

  it('refuses a sender identity that is not the sender or its domain', () => {
    expect(() => synth({ sesIdentity: 'other.example.org' })).toThrow(/sesIdentity must be/);
  });

  it('refuses an unknown environment', () => {
    expect(() => synth({ env: 'qa' })).toThrow(/unknown env "qa": one of prod, staging/);
  });
});
