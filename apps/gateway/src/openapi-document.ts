import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '@inventory/platform';
import { configOptions } from './config-options';
import { createGatewayApp } from './gateway-app';
import { GatewayConfig } from './gateway.config';
import { buildOpenApiDocument } from './http/openapi';

/**
 * `node dist/openapi-document.js <file>`: writes the gateway's OpenAPI document (what
 * `/api/docs-json` serves) without listening on a port, for the generated API client of the
 * console (libs/api-client). The app is created but never started: it needs a reachable
 * `DATABASE_URL` (no schema), and sends nothing anywhere.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node dist/openapi-document.js <output.json>');
  const config = loadConfig(
    GatewayConfig,
    { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
    configOptions,
  );
  const app = await createGatewayApp(config, undefined, { processLifecycle: false });
  try {
    const document = buildOpenApiDocument(app);
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`openapi-document: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
