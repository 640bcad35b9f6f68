import type { App } from 'aws-cdk-lib';
import { ENVIRONMENTS } from './environments';
import { InventoryStack } from './inventory.stack';
import { applyOverrides, OPTIONAL_SETTINGS } from './settings';

/**
 * Feature flags this app relies on; cdk.json-independent so tests synthesise the same thing.
 * - unique launch template names: `requireImdsv2` otherwise names every instance's launch
 *   template "InstanceLaunchTemplate", and staging and prod in one account would collide;
 * - template validation findings fail the synth instead of scrolling by as warnings.
 */
export const FEATURE_FLAGS = {
  '@aws-cdk/aws-ec2:uniqueImdsv2TemplateName': true,
  '@aws-cdk/core:validateAgainstDefaultRules': true,
} as const;

/**
 * Adds the stack of the environment named by the `env` context value (default `prod`), with
 * any setting overridden by a context value of the same name (`-c sshCidr=203.0.113.7/32`;
 * lists comma-separated).
 */
export function addInventoryStack(app: App): InventoryStack {
  const envName = String(app.node.tryGetContext('env') ?? 'prod');
  const base = ENVIRONMENTS[envName];
  if (!base) {
    throw new Error(`unknown env "${envName}": one of ${Object.keys(ENVIRONMENTS).join(', ')}`);
  }
  const overrides: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...OPTIONAL_SETTINGS])) {
    const value = app.node.tryGetContext(key);
    if (value !== undefined && key !== 'envName') overrides[key] = value;
  }
  return new InventoryStack(app, `Inventory-${envName}`, {
    settings: applyOverrides(base, overrides),
  });
}
