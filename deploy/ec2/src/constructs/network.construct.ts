import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Two availability zones, each with a public subnet (the app server, reachable through an
 * internet gateway) and an isolated subnet (RDS, no route to or from the internet). No NAT
 * gateway: at about $33 a month before traffic it would cost more than everything else here,
 * and nothing needs it: the one instance sits in a public subnet behind its security group,
 * and the database never calls out. S3 traffic from the instance stays inside AWS through a
 * gateway endpoint, which is free.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'database', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
      // The VPC's default security group is used by nothing; strip its rules (CIS EC2.2).
      restrictDefaultSecurityGroup: true,
    });
  }
}
