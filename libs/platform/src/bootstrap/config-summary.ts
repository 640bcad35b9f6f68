import { declaredVariables } from '../config/load-config';

const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|CREDENTIAL|_KEY$/i;

/**
 * The configuration as it is safe to log at startup: secrets replaced, passwords taken out
 * of URLs.
 */
export function configSummary(config: object): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const key of declaredVariables(config.constructor as new () => object)) {
    const value = (config as Record<string, unknown>)[key];
    if (value === undefined) continue;
    summary[key] = SECRET_NAME.test(key) ? '[REDACTED]' : withoutUrlPassword(value);
  }
  return summary;
}

function withoutUrlPassword(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    return value;
  }
}
