import { App } from 'aws-cdk-lib';
import { addInventoryStack, FEATURE_FLAGS } from './inventory-app';

/** `cdk synth|diff|deploy [-c env=staging] [-c <setting>=<value> …]` from deploy/ec2. */
const app = new App({ context: { ...FEATURE_FLAGS } });
addInventoryStack(app);
app.synth();
