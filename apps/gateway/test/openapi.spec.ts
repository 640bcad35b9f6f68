import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIObject } from '@nestjs/swagger';
import { startGateway, type TestGateway } from './support';

type Operation = OpenAPIObject['paths'][string]['get'] & Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operations(document: OpenAPIObject): { route: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      route: `${method.toUpperCase()} ${path}`,
      operation: item[method] as Operation,
    })),
  );
}

describe('the OpenAPI document at /api/docs-json', () => {
  let gw: TestGateway;
  let document: OpenAPIObject;
  /** Every route the HTTP server really serves, as Fastify registered it. */
  const served: string[] = [];

  beforeAll(async () => {
    gw = await startGateway({
      beforeListen: (app) =>
        app
          .getHttpAdapter()
          .getInstance()
          .addHook('onRoute', (route) => {
            for (const method of [route.method].flat()) {
              served.push(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
            }
          }),
    });
    document = (await gw.request('GET', '/api/docs-json')).body;
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('is a valid OpenAPI document', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    expect(document.components?.securitySchemes?.bearer).toEqual(
      expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
    );
  });

  it('lists every route the gateway serves, and no other', () => {
    const api = served.filter(
      (route) => !/^(HEAD|OPTIONS) /.test(route) && !/ \/api\/docs/.test(route),
    );
    expect(api.length).toBeGreaterThan(10);
    const documented = operations(document).map((o) => o.route);
    expect([...new Set(api)].sort()).toEqual([...documented].sort());
  });

  it('gives every route a summary, a success answer with its schema, and its auth', () => {
    const problems: string[] = [];
    for (const { route, operation } of operations(document)) {
      const responses = operation.responses as Record<string, { content?: unknown }>;
      const success = Object.keys(responses).filter((status) => /^2/.test(status));
      if (!operation.summary) problems.push(`${route}: no summary (@ApiOperation)`);
      if (success.length === 0) problems.push(`${route}: no 2xx answer documented`);
      for (const status of success) {
        if (status !== '204' && !responses[status].content) {
          problems.push(`${route}: ${status} answer has no schema`);
        }
      }
      const access = operation['x-access'];
      if (access === 'public') {
        if (operation.security) problems.push(`${route}: public but has security`);
      } else {
        if (JSON.stringify(operation.security) !== JSON.stringify([{ bearer: [] }])) {
          problems.push(`${route}: signed-in route without bearer security`);
        }
        if (!responses['401']) problems.push(`${route}: no 401 documented`);
        if (access !== 'signed-in' && !responses['403'])
          problems.push(`${route}: no 403 documented`);
      }
      if ((operation.requestBody || operation.parameters?.length) && !responses['400']) {
        problems.push(`${route}: takes input but documents no 400`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents every error answer with the one error shape', () => {
    const problems: string[] = [];
    for (const { route, operation } of operations(document)) {
      for (const [status, response] of Object.entries(
        operation.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>,
      )) {
        if (Number(status) < 400 || route.startsWith('GET /health')) continue;
        const schema = response.content?.['application/json']?.schema;
        if (
          JSON.stringify(schema) !==
          JSON.stringify({ $ref: '#/components/schemas/ErrorResponseDto' })
        ) {
          problems.push(`${route} ${status}: not the ErrorResponseDto shape`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(document.components?.schemas?.ErrorResponseDto).toEqual(
      expect.objectContaining({
        required: expect.arrayContaining(['statusCode', 'error', 'message', 'correlationId']),
      }),
    );
  });

  it('describes request bodies with their fields', () => {
    const login = document.paths['/api/v1/auth/login'].post!;
    expect(login.requestBody).toEqual(
      expect.objectContaining({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/LoginDto' } } },
      }),
    );
    expect(document.components?.schemas?.CreateUserDto).toEqual(
      expect.objectContaining({
        required: expect.arrayContaining(['email', 'displayName', 'role', 'password']),
      }),
    );
  });
});
