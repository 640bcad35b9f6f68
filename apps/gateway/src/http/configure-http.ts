import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { correlationMiddleware, createValidationPipe } from '@inventory/platform';
import type { GatewayConfig } from '../gateway.config';
import { HttpErrorFilter } from './http-error.filter';
import { buildOpenApiDocument, serveOpenApi } from './openapi';
import { DEFAULT_CONSOLE_DIR, serveConsole } from './serve-console';

export const API_PREFIX = 'api/v1';

/**
 * The HTTP edge of the gateway, the same in production and in tests: correlation id, security
 * headers, CORS, `/api/v1`, validation, the one error shape, the API docs and the web console.
 */
export async function configureHttp(
  app: NestFastifyApplication,
  config: GatewayConfig,
): Promise<void> {
  app.use(correlationMiddleware);
  // The console PUTs files straight to the bucket and shows images from it (presigned URLs).
  const media = config.mediaOrigins();
  // Security headers on every answer (404s and errors included), from one helmet middleware
  // built here once: @fastify/helmet built a new one from the options for every request.
  const securityHeaders = helmet({
    // Swagger UI loads its scripts from /api/docs itself; it needs inline styles only. The web
    // console needs the same (Mantine injects <style>), images from S3 and scan mode's wasm.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets the console compile its own barcode reader (WebAssembly
        // from /assets) for camera scanning; it allows no JavaScript eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...media],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ...media],
        frameAncestors: ["'none'"],
        // TLS ends at nginx in production; locally the docs are served over plain http.
        upgradeInsecureRequests: null,
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) =>
        error ? done(error as Error) : done(),
      ),
    );
  const origins = config.corsOrigins();
  app.enableCors({
    origin: origins.length > 0 ? origins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Idempotency-Key'],
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'Location'],
    maxAge: 600,
  });
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/live'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(config.BODY_LIMIT_BYTES));
  serveOpenApi(app, buildOpenApiDocument(app));
  await serveConsole(app, config.CONSOLE_DIR || DEFAULT_CONSOLE_DIR);
}
