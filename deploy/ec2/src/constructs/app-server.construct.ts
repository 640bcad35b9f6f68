import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Stack,
  Validations,
  aws_ec2 as ec2,
  aws_iam as iam,
  aws_s3_assets as assets,
  aws_ssm as ssm,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { instancePolicyStatements, type InstancePolicyTargets } from './instance.policy';

/** deploy/ec2/instance: the setup script, units, nginx site and helpers the instance installs. */
export const INSTANCE_FILES_DIR = join(__dirname, '..', '..', 'instance');

/** Where user data leaves the two facts the instance needs to find everything else. */
export const STACK_CONF_PATH = '/etc/inventory/stack.conf';

export interface AppServerProps {
  vpc: ec2.IVpc;
  envName: string;
  instanceType: string;
  volumeGb: number;
  sshCidr?: string;
  keyPairName?: string;
  /** The SMTP server's port, when the notification service sends through SMTP. */
  smtpPort?: number;
  /** Non-secret settings for the apps and nginx, written to an SSM parameter. */
  settings: Record<string, string>;
  /** ARNs the instance role is limited to (the instance files are added here). */
  policy: Omit<InstancePolicyTargets, 'settingsParameterArn' | 'instanceFilesObjectArn'>;
}

/**
 * Canonical's public SSM parameter for the current Ubuntu 24.04 LTS image. EC2 resolves it
 * when the instance is launched: the template holds the parameter name, not an AMI id, so a
 * newer Ubuntu image never replaces the running instance (unattended-upgrades patches it).
 */
export function ubuntuNobleParameter(architecture: ec2.InstanceArchitecture): string {
  const arch = architecture === ec2.InstanceArchitecture.ARM_64 ? 'arm64' : 'amd64';
  return `/aws/service/canonical/ubuntu/server/24.04/stable/current/${arch}/hvm/ebs-gp3/ami-id`;
}

/**
 * The one EC2 instance: the four apps under systemd behind nginx. Reachable on 80/443 from
 * anywhere, on 22 only from `sshCidr` when given (otherwise through SSM Session Manager), and
 * allowed out only to what it calls: HTTPS (AWS APIs, packages), HTTP (Ubuntu mirrors), the
 * SMTP server's port when email goes through SMTP, and the database's security group (added
 * by `Database.allowFrom`).
 */
export class AppServer extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly role: iam.Role;
  readonly policy: iam.Policy;
  readonly instance: ec2.Instance;
  readonly address: ec2.CfnEIP;
  readonly settingsParameter: ssm.StringParameter;

  constructor(scope: Construct, id: string, props: AppServerProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Electronic Inventory app server: HTTP(S) in, AWS APIs and Postgres out',
      allowAllOutbound: false,
    });
    const sg = this.securityGroup;
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS (nginx)');
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP: redirect and ACME challenge');
    if (props.sshCidr) {
      sg.addIngressRule(ec2.Peer.ipv4(props.sshCidr), ec2.Port.tcp(22), 'SSH from the admin CIDR');
    }
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'AWS APIs, Node and npm packages');
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'Ubuntu package mirrors');
    if (props.smtpPort !== undefined && props.smtpPort !== 443 && props.smtpPort !== 80) {
      sg.addEgressRule(
        ec2.Peer.anyIpv4(),
        ec2.Port.tcp(props.smtpPort),
        'SMTP: the notification service sends email',
      );
    }

    const instanceFiles = new assets.Asset(this, 'InstanceFiles', { path: INSTANCE_FILES_DIR });

    this.settingsParameter = new ssm.StringParameter(this, 'Settings', {
      parameterName: `/inventory/${props.envName}/stack-env`,
      description: 'Electronic Inventory: non-secret settings of the app server (inventory-env)',
      stringValue: Object.entries({
        ...props.settings,
        INSTANCE_FILES: instanceFiles.s3ObjectUrl,
      })
        .map(([key, value]) => `${key}=${value}`)
        .join('\n'),
      tier: ssm.ParameterTier.STANDARD,
    });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: 'Electronic Inventory app server',
      // Session Manager (shell without an open SSH port). Its actions do not support
      // resource-level permissions, so AWS's managed policy grants them on "*".
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
    });
    this.policy = new iam.Policy(this, 'Policy', {
      statements: instancePolicyStatements({
        ...props.policy,
        settingsParameterArn: this.settingsParameter.parameterArn,
        instanceFilesObjectArn: stack.formatArn({
          service: 's3',
          region: '',
          account: '',
          resource: instanceFiles.s3BucketName,
          resourceName: instanceFiles.s3ObjectKey,
        }),
      }),
    });
    this.policy.attachToRole(this.role);

    const userData = ec2.UserData.forLinux({ shebang: '#!/bin/bash' });
    userData.addCommands(
      'set -euo pipefail',
      'install -d -m 0750 /etc/inventory',
      `cat > ${STACK_CONF_PATH} <<'STACK_CONF'`,
      `AWS_REGION=${stack.region}`,
      `STACK_PARAMETER=${this.settingsParameter.parameterName}`,
      'STACK_CONF',
      "cat > /usr/local/sbin/inventory-setup <<'INVENTORY_SETUP'",
      readFileSync(join(INSTANCE_FILES_DIR, 'fetch-setup.sh'), 'utf8').trimEnd(),
      'INVENTORY_SETUP',
      'chmod 0755 /usr/local/sbin/inventory-setup',
      '/usr/local/sbin/inventory-setup',
    );

    const instanceType = new ec2.InstanceType(props.instanceType);
    this.instance = new ec2.Instance(this, 'Instance', {
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      instanceType,
      machineImage: ec2.MachineImage.resolveSsmParameterAtLaunch(
        ubuntuNobleParameter(instanceType.architecture),
        { os: ec2.OperatingSystemType.LINUX, userData },
      ),
      userData,
      securityGroup: sg,
      role: this.role,
      requireImdsv2: true,
      keyPair: props.keyPairName
        ? ec2.KeyPair.fromKeyPairName(this, 'KeyPair', props.keyPairName)
        : undefined,
      blockDevices: [
        {
          deviceName: '/dev/sda1',
          volume: ec2.BlockDeviceVolume.ebs(props.volumeGb, {
            volumeType: ec2.EbsDeviceVolumeType.GP3,
            encrypted: true,
            deleteOnTermination: true,
          }),
        },
      ],
    });
    Validations.of(this.instance).acknowledge({
      id: 'CloudFormation-Validate::E1152',
      reason:
        'ImageId "resolve:ssm:<parameter>" is resolved by EC2 at launch (documented for RunInstances)',
    });
    // Settings must exist before the instance's first boot reads them.
    this.instance.node.addDependency(this.settingsParameter, this.policy);

    // A fixed address for the DNS record; it survives stop/start.
    this.address = new ec2.CfnEIP(this, 'Address', {
      domain: 'vpc',
      instanceId: this.instance.instanceId,
    });
  }
}
