import { type EmfDocument, MetricNames, MetricsService } from './metrics.service';

function service() {
  const written: EmfDocument[] = [];
  const metrics = new MetricsService({
    namespace: 'Test',
    service: 'stock',
    write: (document) => void written.push(document),
  });
  return { metrics, written };
}

describe('MetricsService (Embedded Metric Format)', () => {
  it('sums counters and writes one document per set of dimension values', () => {
    const { metrics, written } = service();
    metrics.count(MetricNames.StockMovements);
    metrics.count(MetricNames.StockMovements, 2);
    metrics.count(MetricNames.HttpRequests, 1, { Route: 'GET /a' });
    metrics.count(MetricNames.HttpRequests, 1, { Route: 'GET /a' });
    metrics.count(MetricNames.HttpRequests, 1, { Route: 'POST /b' });
    metrics.flush(1_795_000_000_000);
    expect(written).toHaveLength(3);
    expect(written[0]).toEqual({
      _aws: {
        Timestamp: 1_795_000_000_000,
        CloudWatchMetrics: [
          {
            Namespace: 'Test',
            Dimensions: [['Service']],
            Metrics: [{ Name: 'StockMovements', Unit: 'Count' }],
          },
        ],
      },
      Service: 'stock',
      StockMovements: 3,
    });
    expect(written.slice(1).map((d) => [d.Route, d.HttpRequests])).toEqual([
      ['GET /a', 2],
      ['POST /b', 1],
    ]);
    expect(written[1]._aws.CloudWatchMetrics[0].Dimensions).toEqual([
      ['Service'],
      ['Service', 'Route'],
    ]);
  });

  it('keeps timings and gauges as values, at most 100 per document', () => {
    const { metrics, written } = service();
    for (let i = 0; i < 230; i++) metrics.observe(MetricNames.OutboxPublishLatencyMs, i);
    metrics.gauge(MetricNames.OutboxPending, 7);
    metrics.flush();
    expect(written.map((d) => (d.OutboxPublishLatencyMs as number[]).length)).toEqual([
      100, 100, 30,
    ]);
    expect(written[0].OutboxPending).toEqual([7]);
    expect(written[1].OutboxPending).toBeUndefined();
    expect(written[0]._aws.CloudWatchMetrics[0].Metrics).toEqual([
      { Name: 'OutboxPublishLatencyMs', Unit: 'Milliseconds' },
      { Name: 'OutboxPending', Unit: 'Count' },
    ]);
  });

  it('keeps a uniform sample of 1,000 timings in a busy interval', () => {
    const { metrics, written } = service();
    for (let i = 0; i < 50_000; i++) metrics.observe(MetricNames.OutboxPublishLatencyMs, i);
    metrics.flush();
    const values = written.flatMap((d) => d.OutboxPublishLatencyMs as number[]);
    expect(values).toHaveLength(1000);
    // Drawn from the whole interval, not only its first 1,000 values.
    expect(values.filter((v) => v >= 25_000).length).toBeGreaterThan(300);
  });

  it('writes nothing when nothing happened, and starts afresh after each flush', () => {
    const { metrics, written } = service();
    expect(metrics.flush()).toEqual([]);
    metrics.count(MetricNames.EmailsSent);
    metrics.flush();
    metrics.flush();
    expect(written).toHaveLength(1);
  });

  it('names dimensions in PascalCase and never lets one overwrite Service', () => {
    const { metrics, written } = service();
    metrics.count(MetricNames.MessagesDeadLettered, 1, {
      queue: 'stock-events',
      Service: 'evil',
      empty: ' ',
    });
    metrics.flush();
    expect(written[0]).toMatchObject({ Service: 'stock', Queue: 'stock-events', Empty: '(none)' });
    expect(written[0]._aws.CloudWatchMetrics[0].Dimensions).toEqual([
      ['Service'],
      ['Service', 'Empty', 'Queue'],
    ]);
  });
});
