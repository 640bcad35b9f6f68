import { Duration, RemovalPolicy, aws_ec2 as ec2, aws_rds as rds } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface DatabaseProps {
  vpc: ec2.IVpc;
  envName: string;
  /** Instance class without `db.` (`t4g.micro`). */
  instanceType: string;
  allocatedStorageGb: number;
  maxAllocatedStorageGb: number;
  backupRetentionDays: number;
}

/** Database name on the RDS instance; each app keeps its tables in its own schema there. */
export const DATABASE_NAME = 'inventory';
/** Port RDS Postgres listens on. */
export const DATABASE_PORT = 5432;

/**
 * RDS Postgres 16 (the major of the `pg_dump` Ubuntu 24.04 ships, so backups taken on the
 * instance restore cleanly), single-AZ, encrypted, in the isolated subnets, reachable only
 * from security groups that `allowFrom` names. The master credentials are generated into
 * Secrets Manager; nobody types them.
 */
export class Database extends Construct {
  readonly instance: rds.DatabaseInstance;
  readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: DatabaseProps) {
    super(scope, id);
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Electronic Inventory Postgres: reachable from the app server only',
      allowAllOutbound: false,
    });
    const engine = rds.DatabaseInstanceEngine.postgres({
      version: rds.PostgresEngineVersion.VER_16,
    });
    this.instance = new rds.DatabaseInstance(this, 'Postgres', {
      engine,
      instanceType: new ec2.InstanceType(props.instanceType),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [this.securityGroup],
      publiclyAccessible: false,
      multiAz: false,
      port: DATABASE_PORT,
      databaseName: DATABASE_NAME,
      credentials: rds.Credentials.fromGeneratedSecret('inventory', {
        secretName: `inventory/${props.envName}/database`,
      }),
      storageEncrypted: true,
      storageType: rds.StorageType.GP3,
      allocatedStorage: props.allocatedStorageGb,
      maxAllocatedStorage: props.maxAllocatedStorageGb,
      backupRetention: Duration.days(props.backupRetentionDays),
      preferredBackupWindow: '03:00-03:30',
      preferredMaintenanceWindow: 'Sun:04:00-Sun:04:30',
      copyTagsToSnapshot: true,
      autoMinorVersionUpgrade: true,
      deletionProtection: true,
      // Deleting the stack (after turning deletion protection off) leaves a final snapshot.
      removalPolicy: RemovalPolicy.SNAPSHOT,
      parameterGroup: new rds.ParameterGroup(this, 'Parameters', {
        engine,
        description: 'Electronic Inventory: TLS only, slow statements logged',
        parameters: {
          'rds.force_ssl': '1',
          log_min_duration_statement: '1000',
        },
      }),
    });
  }

  /** Lets a security group (the app server's) reach Postgres; nothing else can. */
  allowFrom(client: ec2.IConnectable): void {
    // Adds the client's egress rule and this group's ingress rule, both naming the other group.
    client.connections.allowTo(
      this.securityGroup,
      ec2.Port.tcp(DATABASE_PORT),
      'Postgres from the app server',
    );
  }
}
