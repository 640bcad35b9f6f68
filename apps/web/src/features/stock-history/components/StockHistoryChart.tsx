import { memo } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { StockHistory } from '../api/get-stock-history';
import { stockHistoryTexts as t } from '../texts';

interface Props {
  history: StockHistory;
  height: number;
}

// Made once: the axis formats every day's label several times while it measures its ticks,
// and toLocaleDateString would make a new formatter each time.
const shortDay = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const longDay = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayDate = (day: string) => new Date(`${day}T00:00:00Z`);
const dayLabel = (day: string) => shortDay.format(dayDate(day));
const longDayLabel = (day: unknown) => longDay.format(dayDate(String(day)));

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`: an axis top with round ticks. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

/**
 * On hand per day as a step area, the reorder level as a dashed line (lazy-loaded: recharts).
 * Rendered again only for a new history: the part page renders its panel for every change of
 * the part's stock, and drawing the chart is the dearest part of that page.
 */
export default memo(function StockHistoryChart({ history, height }: Props) {
  const top = Math.max(history.reorderLevel, ...history.points.map((p) => p.onHand), 1);
  return (
    <div role="img" aria-label={t.chartLabel(history.days)} data-testid="stock-history-chart">
      <ResponsiveContainer width="100%" height={height}>
        <AreaChart data={history.points} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-default-border)" />
          <XAxis
            dataKey="day"
            tickFormatter={dayLabel}
            minTickGap={24}
            tick={{ fill: 'var(--mantine-color-dimmed)', fontSize: 12 }}
            stroke="var(--mantine-color-default-border)"
          />
          <YAxis
            allowDecimals={false}
            domain={[0, niceCeiling(top * 1.1)]}
            width={48}
            tick={{ fill: 'var(--mantine-color-dimmed)', fontSize: 12 }}
            stroke="var(--mantine-color-default-border)"
          />
          <Tooltip
            labelFormatter={longDayLabel}
            formatter={(value, name) => [value, name]}
            contentStyle={{
              background: 'var(--mantine-color-body)',
              border: '1px solid var(--mantine-color-default-border)',
              color: 'var(--mantine-color-text)',
            }}
          />
          <Area
            type="stepAfter"
            dataKey="onHand"
            name={t.onHand}
            stroke="var(--mantine-color-blue-6)"
            fill="var(--mantine-color-blue-light)"
            strokeWidth={2}
            isAnimationActive={false}
          />
          {/* A level of 0 would lie on the axis: the summary below the chart says it. The
              label sits above the line, clear of the axis's dates. */}
          {history.reorderLevel > 0 && (
            <ReferenceLine
              y={history.reorderLevel}
              stroke="var(--mantine-color-orange-6)"
              strokeDasharray="6 4"
              strokeWidth={2}
              label={{
                value: t.reorderLevel(history.reorderLevel),
                position: 'insideBottomRight',
                fill: 'var(--mantine-color-orange-7)',
                fontSize: 12,
              }}
            />
          )}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
});
