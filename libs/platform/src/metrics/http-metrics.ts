import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricNames, MetricsService } from './metrics.service';

/**
 * Counts every HTTP answer as `HttpRequests`, and those with a 5xx status also as
 * `HttpErrors5xx`, by `Route`: the method and the route pattern (`GET /api/v1/products/:id`),
 * never the raw URL, so ids and query strings do not multiply the metrics. A Fastify
 * `onResponse` hook, so answers from guards, validation, unknown routes (`(unmatched)`) and
 * error filters count too. Call once, before `listen`.
 */
export function recordHttpMetrics(app: NestFastifyApplication): void {
  const metrics = app.get(MetricsService, { strict: false });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      const route = `${request.method} ${request.routeOptions?.url ?? '(unmatched)'}`;
      metrics.count(MetricNames.HttpRequests, 1, { Route: route });
      if (reply.statusCode >= 500) metrics.count(MetricNames.HttpErrors5xx, 1, { Route: route });
      done();
    });
}
