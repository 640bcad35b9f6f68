import { STATUS_CODES } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import {
  ApiExtension,
  ApiResponse,
  ApiSecurity,
  DECORATORS,
  DocumentBuilder,
  type OpenAPIObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { productVersion } from '@inventory/platform';
import { PRODUCT_CSV_SCHEMAS } from '../catalog/product-csv.schemas';
import { ErrorResponseDto } from './error-response.dto';
import { routeHandlers, type RouteHandler } from './route-policy';

export const BEARER_SCHEME = 'bearer';
export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

/**
 * The OpenAPI document, generated from the code. Routes only declare their own schemas and
 * business errors (`ApiErrors(404, 409)`); what follows from the route policy (the bearer
 * scheme, 401 and 403 answers, `x-access`) is added here for every route, so it cannot be
 * forgotten on a route added later.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  for (const route of routeHandlers(app)) documentPolicy(route);
  const config = new DocumentBuilder()
    .setTitle('Electronic Inventory API')
    .setDescription(
      'Catalog, stock ledger and low-stock alerts for electronic components.\n\n' +
        'Sign in with `POST /api/v1/auth/login`, then send the access token as ' +
        '`Authorization: Bearer <token>`. Every error answers with the same JSON shape ' +
        '(`statusCode`, `error`, `message`, `details`, `correlationId`); the correlationId is ' +
        'also the `X-Request-Id` response header.',
    )
    .setVersion(productVersion())
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token' },
      BEARER_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...PRODUCT_CSV_SCHEMAS },
  };
  completeResponses(document);
  return document;
}

const ERROR_SCHEMA = { $ref: '#/components/schemas/ErrorResponseDto' };

/**
 * Every route that takes a body, a path parameter or a query documents the 400 validation
 * answer; every answer has a description.
 */
function completeResponses(document: OpenAPIObject): void {
  for (const operations of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = operations[method];
      if (!operation) continue;
      if ((operation.requestBody || operation.parameters?.length) && !operation.responses['400']) {
        operation.responses['400'] = {
          description: 'Invalid request: `details` names each offending field',
          content: { 'application/json': { schema: ERROR_SCHEMA } },
        };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response && 'description' in response && !response.description) {
          response.description = STATUS_CODES[Number(status)] ?? status;
        }
      }
    }
  }
}

/** Swagger UI at /api/docs and the JSON document at /api/docs-json, both public. */
export function serveOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup(DOCS_PATH, app, document, {
    jsonDocumentUrl: DOCS_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'Electronic Inventory API',
    swaggerOptions: { persistAuthorization: true },
  });
}

function documentPolicy({ controller, handler, policy }: RouteHandler): void {
  const target = handler as object;
  const apply = (decorator: MethodDecorator) =>
    decorator(target, 'handler', { value: handler } as PropertyDescriptor);
  apply(
    ApiExtension('x-access', policy.access === 'roles' ? policy.roles.join(', ') : policy.access),
  );
  if (policy.access === 'public') return;
  const security: Record<string, unknown>[] = [
    ...(Reflect.getMetadata(DECORATORS.API_SECURITY, controller) ?? []),
    ...(Reflect.getMetadata(DECORATORS.API_SECURITY, handler) ?? []),
  ];
  if (!security.some((requirement) => BEARER_SCHEME in requirement)) {
    apply(ApiSecurity(BEARER_SCHEME));
  }
  apply(
    ApiResponse({
      status: 401,
      description: 'Not signed in, or the token is invalid, expired or of an ended session',
      type: ErrorResponseDto,
    }),
  );
  if (policy.access === 'roles') {
    apply(
      ApiResponse({
        status: 403,
        description: `Only for: ${policy.roles.join(', ')}`,
        type: ErrorResponseDto,
      }),
    );
  }
}
