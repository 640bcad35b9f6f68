import type { InventorySettings } from './settings';

/**
 * The deployments of Electronic Inventory. Replace the example.com values with your own
 * before the first `cdk deploy` (deploy/ec2/README.md, "First deployment"). Both can live in
 * one AWS account: names that must be unique per account differ by prefix.
 */
export const ENVIRONMENTS: Record<string, InventorySettings> = {
  prod: {
    envName: 'prod',
    domainName: 'inventory.example.com',
    extraUploadOrigins: [],
    sesFrom: 'alerts@inventory.example.com',
    sesIdentity: 'inventory.example.com',
    sesSandboxRecipients: [],
    emailDriver: 'ses',
    alertRecipients: ['stores@example.com'],
    alarmEmail: 'ops@example.com',
    instanceType: 't3.micro',
    instanceVolumeGb: 20,
    dbInstanceType: 't4g.micro',
    dbAllocatedStorageGb: 20,
    dbMaxAllocatedStorageGb: 50,
    dbBackupRetentionDays: 7,
    queuePrefix: 'prod-',
    logGroupName: '/aws/inventory-app',
    logRetentionDays: 30,
    metricsNamespace: 'ElectronicInventory',
    errorAlarmThreshold: 10,
    errorAlarmPeriodMinutes: 5,
    noncurrentVersionDays: 30,
  },
  staging: {
    envName: 'staging',
    domainName: 'staging.inventory.example.com',
    extraUploadOrigins: ['http://localhost:5173'],
    sesFrom: 'alerts@inventory.example.com',
    sesIdentity: 'alerts@inventory.example.com',
    sesSandboxRecipients: ['ops@example.com'],
    emailDriver: 'ses',
    alertRecipients: ['ops@example.com'],
    alarmEmail: 'ops@example.com',
    instanceType: 't3.micro',
    instanceVolumeGb: 20,
    dbInstanceType: 't4g.micro',
    dbAllocatedStorageGb: 20,
    dbMaxAllocatedStorageGb: 30,
    dbBackupRetentionDays: 1,
    queuePrefix: 'staging-',
    logGroupName: '/aws/inventory-app-staging',
    logRetentionDays: 7,
    metricsNamespace: 'ElectronicInventoryStaging',
    errorAlarmThreshold: 10,
    errorAlarmPeriodMinutes: 5,
    noncurrentVersionDays: 7,
  },
};
