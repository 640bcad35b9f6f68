import { QUEUE_NAMES } from '@inventory/contracts';
import {
  getAtt,
  logicalIdWhere,
  onlyResource,
  ref,
  resourcesOfType,
  synth,
  type CfnResource,
  type Synthesised,
} from './support/synth';

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: unknown;
}

let prod: Synthesised;
let staging: Synthesised;
let statements: Statement[];

beforeAll(() => {
  prod = synth();
  staging = synth({ env: 'staging' });
  statements = instanceStatements(prod);
});

function instanceStatements(s: Synthesised): Statement[] {
  const [, policy] = onlyResource(s, 'AWS::IAM::Policy');
  expect(policy.Properties?.Roles).toEqual([ref(appRoleId(s))]);
  return (policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement;
}

const appRoleId = (s: Synthesised) =>
  logicalIdWhere(s, 'AWS::IAM::Role', (p) => p.Description === 'Electronic Inventory app server');

const statement = (sid: string) => {
  const found = statements.filter((s) => s.Sid === sid);
  expect(found).toHaveLength(1);
  return found[0];
};

const arnJoin = (...parts: unknown[]) => ({ 'Fn::Join': ['', parts] });
const regionalArn = (service: string, rest: unknown[]) =>
  arnJoin(
    'arn:',
    { Ref: 'AWS::Partition' },
    `:${service}:`,
    { Ref: 'AWS::Region' },
    ':',
    { Ref: 'AWS::AccountId' },
    ...rest,
  );

describe('the instance role', () => {
  it('can be assumed by EC2 only', () => {
    const role = prod.json.Resources[appRoleId(prod)].Properties!;
    expect(role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
        },
      ],
    });
  });

  it('has one managed policy: Session Manager core, which AWS grants on "*"', () => {
    // The exception to "no * resource": ssm:UpdateInstanceInformation, ssmmessages:* and
    // ec2messages:* support no resource-level permissions, so AWS's policy must use "*".
    const role = prod.json.Resources[appRoleId(prod)].Properties!;
    expect(role.ManagedPolicyArns).toEqual([
      arnJoin('arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonSSMManagedInstanceCore'),
    ]);
    expect(role.Policies).toBeUndefined();
  });

  it('has exactly these eight statements, all Allow', () => {
    expect(statements.map((s) => s.Sid)).toEqual([
      'MediaObjects',
      'MediaListing',
      'EventQueues',
      'SendEmailAsSender',
      'ShipLogs',
      'ReadOwnSecrets',
      'ReadStackSettings',
      'ReadInstanceFiles',
    ]);
    for (const s of statements) expect(s.Effect).toBe('Allow');
  });
});

describe('statement by statement', () => {
  it('MediaObjects: get, put, delete only under products/ and datasheets/ of the bucket', () => {
    const bucket = onlyResource(prod, 'AWS::S3::Bucket')[0];
    expect(statement('MediaObjects')).toEqual({
      Sid: 'MediaObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      Resource: [
        arnJoin(getAtt(bucket, 'Arn'), '/products/*'),
        arnJoin(getAtt(bucket, 'Arn'), '/datasheets/*'),
      ],
    });
  });

  it('MediaListing: list the bucket only under products/ and datasheets/ (a missing upload is a 404)', () => {
    const bucket = onlyResource(prod, 'AWS::S3::Bucket')[0];
    expect(statement('MediaListing')).toEqual({
      Sid: 'MediaListing',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: getAtt(bucket, 'Arn'),
      Condition: { StringLike: { 's3:prefix': ['products/*', 'datasheets/*'] } },
    });
  });

  it('EventQueues: send, receive, delete, change visibility, URL and attributes on our three queues', () => {
    const queueArns = QUEUE_NAMES.map((name) =>
      getAtt(
        logicalIdWhere(prod, 'AWS::SQS::Queue', (p) => p.QueueName === `prod-${name}`),
        'Arn',
      ),
    );
    expect(statement('EventQueues')).toEqual({
      Sid: 'EventQueues',
      Effect: 'Allow',
      Action: [
        'sqs:SendMessage',
        'sqs:ReceiveMessage',
        'sqs:DeleteMessage',
        'sqs:ChangeMessageVisibility',
        'sqs:GetQueueUrl',
        'sqs:GetQueueAttributes',
      ],
      Resource: queueArns,
    });
  });

  it('EventQueues: nothing on the dead-letter queues (operators redrive them)', () => {
    const dlqIds = resourcesOfType(prod, 'AWS::SQS::Queue')
      .filter(([, r]) => String(r.Properties?.QueueName).endsWith('-dlq'))
      .map(([id]) => id);
    expect(dlqIds).toHaveLength(QUEUE_NAMES.length);
    const policy = JSON.stringify(statements);
    for (const id of dlqIds) expect(policy).not.toContain(id);
  });

  it('SendEmailAsSender: SendEmail on the sender identity, only with the configured From', () => {
    expect(statement('SendEmailAsSender')).toEqual({
      Sid: 'SendEmailAsSender',
      Effect: 'Allow',
      Action: 'ses:SendEmail',
      Resource: regionalArn('ses', [':identity/inventory.example.com']),
      Condition: { StringEquals: { 'ses:FromAddress': 'alerts@inventory.example.com' } },
    });
  });

  it('SendEmailAsSender: in the SES sandbox, also the verified recipient identities', () => {
    const sandbox = instanceStatements(staging).find((s) => s.Sid === 'SendEmailAsSender');
    expect(sandbox?.Resource).toEqual([
      regionalArn('ses', [':identity/alerts@inventory.example.com']),
      regionalArn('ses', [':identity/ops@example.com']),
    ]);
    expect(sandbox?.Condition).toEqual({
      StringEquals: { 'ses:FromAddress': 'alerts@inventory.example.com' },
    });
  });

  it('ShipLogs: create streams and put events in the one log group, not create groups', () => {
    const logGroup = onlyResource(prod, 'AWS::Logs::LogGroup')[0];
    expect(statement('ShipLogs')).toEqual({
      Sid: 'ShipLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
      // The LogGroup's Arn attribute is `arn:…:log-group:/aws/inventory-app:*`: its streams.
      Resource: getAtt(logGroup, 'Arn'),
    });
  });

  it('ReadOwnSecrets: GetSecretValue on the database and JWT secrets only', () => {
    const attachment = onlyResource(prod, 'AWS::SecretsManager::SecretTargetAttachment')[0];
    const jwt = logicalIdWhere(
      prod,
      'AWS::SecretsManager::Secret',
      (p) => p.Name === 'inventory/prod/jwt',
    );
    expect(statement('ReadOwnSecrets')).toEqual({
      Sid: 'ReadOwnSecrets',
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      // A SecretTargetAttachment's Ref is the ARN of the (RDS-attached) database secret.
      Resource: [ref(attachment), ref(jwt)],
    });
  });

  it('ReadStackSettings: GetParameter on the stack-env parameter only', () => {
    const parameter = onlyResource(prod, 'AWS::SSM::Parameter')[0];
    expect(statement('ReadStackSettings')).toEqual({
      Sid: 'ReadStackSettings',
      Effect: 'Allow',
      Action: 'ssm:GetParameter',
      Resource: regionalArn('ssm', [':parameter', ref(parameter)]),
    });
  });

  it('ReadInstanceFiles: GetObject on the one uploaded zip of deploy/ec2/instance', () => {
    const s = statement('ReadInstanceFiles');
    expect(s.Action).toBe('s3:GetObject');
    expect(s.Resource).toEqual(
      arnJoin(
        'arn:',
        { Ref: 'AWS::Partition' },
        ':s3:::',
        { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' },
        expect.stringMatching(/^\/[0-9a-f]{64}\.zip$/),
      ),
    );
  });
});

describe('no wildcard where a narrower grant exists', () => {
  /** Every policy statement in the template: IAM policies, roles' inline ones, resource policies. */
  function everyStatement(s: Synthesised): { owner: string; statement: Statement }[] {
    const found: { owner: string; statement: Statement }[] = [];
    const collect = (owner: string, document: unknown) => {
      for (const statement of (document as { Statement?: Statement[] })?.Statement ?? []) {
        found.push({ owner, statement });
      }
    };
    for (const [id, resource] of Object.entries(s.json.Resources) as [string, CfnResource][]) {
      const p = resource.Properties ?? {};
      collect(id, p.PolicyDocument);
      for (const inline of (p.Policies as { PolicyDocument: unknown }[] | undefined) ?? []) {
        collect(id, inline.PolicyDocument);
      }
    }
    return found;
  }

  const asList = (value: unknown) => (Array.isArray(value) ? value : [value]);

  it('no Allow statement has Action "*" or a whole service ("sqs:*")', () => {
    const allows = everyStatement(prod).filter(({ statement }) => statement.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(7);
    for (const { owner, statement } of allows) {
      for (const action of asList(statement.Action)) {
        expect({ owner, action }).toEqual({ owner, action: expect.not.stringMatching(/(^|:)\*$/) });
      }
    }
  });

  it('no Allow statement has Resource "*" (the only "*" is inside AWS managed policies)', () => {
    for (const { owner, statement } of everyStatement(prod)) {
      if (statement.Effect !== 'Allow' || statement.Principal) continue;
      for (const resource of asList(statement.Resource)) {
        expect({ owner, resource }).not.toEqual({ owner, resource: '*' });
      }
    }
  });

  it('statements on "*" principals or "service:*" actions are TLS-only denials', () => {
    // The bucket, queue and topic policies deny every request without TLS: a broad Deny is
    // the point of them, and it grants nothing.
    const broad = everyStatement(prod).filter(
      ({ statement }) =>
        JSON.stringify(statement.Principal ?? '').includes('*') ||
        asList(statement.Action).some((action) => String(action).endsWith('*')),
    );
    // Bucket: no TLS, TLS below 1.2; each queue and DLQ: no TLS; the alarm topic: no TLS.
    expect(broad.length).toBe(2 + 2 * QUEUE_NAMES.length + 1);
    for (const { statement } of broad) {
      expect(statement.Effect).toBe('Deny');
      expect(JSON.stringify(statement.Condition)).toMatch(/aws:SecureTransport|s3:TlsVersion/);
    }
  });
});
