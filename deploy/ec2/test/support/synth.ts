import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addInventoryStack, FEATURE_FLAGS } from '../../src/inventory-app';
import type { InventoryStack } from '../../src/inventory.stack';

export interface Synthesised {
  stack: InventoryStack;
  template: Template;
  /** The template as CloudFormation JSON. */
  json: { Resources: Record<string, CfnResource>; Outputs?: Record<string, unknown> };
}

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

/** Synthesises the app as `cdk synth -c key=value …` would, with the app's feature flags. */
export function synth(context: Record<string, string> = {}): Synthesised {
  const app = new App({ context: { ...FEATURE_FLAGS, ...context } });
  const stack = addInventoryStack(app);
  const template = Template.fromStack(stack);
  return { stack, template, json: template.toJSON() as Synthesised['json'] };
}

/** Resources of one type as [logicalId, resource] pairs. */
export function resourcesOfType(s: Synthesised, type: string): [string, CfnResource][] {
  return Object.entries(s.json.Resources).filter(([, resource]) => resource.Type === type);
}

/** The one resource of a type (fails when there is not exactly one). */
export function onlyResource(s: Synthesised, type: string): [string, CfnResource] {
  const found = resourcesOfType(s, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}

/** Logical id of a resource whose properties contain `match` (e.g. a queue by name). */
export function logicalIdWhere(
  s: Synthesised,
  type: string,
  match: (properties: Record<string, unknown>) => boolean,
): string {
  const found = resourcesOfType(s, type).filter(([, r]) => match(r.Properties ?? {}));
  if (found.length !== 1) throw new Error(`expected one matching ${type}, found ${found.length}`);
  return found[0][0];
}

export const getAtt = (logicalId: string, attribute: string) => ({
  'Fn::GetAtt': [logicalId, attribute],
});
export const ref = (logicalId: string) => ({ Ref: logicalId });
