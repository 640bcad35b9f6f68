import helmet from '@fastify/helmet';
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
  await app.register(helmet, {
    // Swagger UI loads its scripts from /api/docs itself; it needs inline styles only. The web
    // console needs the same (Mantine injects <style>), images from S3 and scan mode's wasm.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets the console compile its own barcode reader (WebAssembly
        // from /assets) for camera scanning; it allows no JavaScript eval.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...config.mediaOrigins()],
        mediaSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // TLS ends at nginx in production; locally the docs are served over plain http.
        upgradeInsecureRequests: null,
      },
    },
  });
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
