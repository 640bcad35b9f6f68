import { Group, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { Schemas } from '@inventory/api-client';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { SPANS, useStockHistory, type Span } from '../api/get-stock-history';
import { stockHistoryTexts as t } from '../texts';

// The charting library is a chunk of its own, fetched when a part page shows the chart.
const StockHistoryChart = lazy(() => import('./StockHistoryChart'));

const CHART_HEIGHT = 260;

/** The part page's "stock over time": 30 / 90 / 365 days, the reorder level drawn on it. */
export function StockHistoryPanel({ product }: { product: Schemas['ProductWithStockDto'] }) {
  const [days, setDays] = useState<Span>(30);
  const query = useStockHistory(product.id, days);
  const history = query.data;
  const values = history?.points.map((point) => point.onHand) ?? [];
  const moved = history?.points.some((point) => point.received > 0 || point.issued > 0) ?? false;

  return (
    <Paper withBorder p="md" radius="md" data-testid="stock-history">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4">
            {t.title}
          </Title>
          <SegmentedControl
            aria-label={t.spanLabel}
            size="xs"
            value={String(days)}
            onChange={(value) => setDays(Number(value) as Span)}
            data={SPANS.map((span) => ({ value: String(span), label: t.span(span) }))}
          />
        </Group>
        <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
        {history ? (
          <>
            <Suspense fallback={<Skeleton h={CHART_HEIGHT} aria-label={t.loading} />}>
              <StockHistoryChart history={history} height={CHART_HEIGHT} />
            </Suspense>
            <Text size="sm" c="dimmed" data-testid="stock-history-summary">
              {moved
                ? t.summary(history.days, values[0], values.at(-1)!, Math.min(...values))
                : t.noMovements(history.days)}{' '}
              {t.reorderLevel(history.reorderLevel)}.
            </Text>
          </>
        ) : (
          !query.error && <Skeleton h={CHART_HEIGHT} aria-label={t.loading} />
        )}
      </Stack>
    </Paper>
  );
}
