import { Badge, Group, Text } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { stockStatus, type Schemas } from '@inventory/api-client';

type StockStatus = Schemas['StockStatus'];

const WORDS: Record<StockStatus, string> = { ok: 'In stock', low: 'Low', out: 'Out of stock' };
const COLOURS: Record<StockStatus, string> = { ok: 'green', low: 'orange', out: 'red' };

function StatusWord({ status }: { status: StockStatus }) {
  return (
    <Badge color={COLOURS[status]} variant={status === 'ok' ? 'light' : 'filled'}>
      {WORDS[status]}
    </Badge>
  );
}

/**
 * What a new reorder level does to a part's low-stock status, shown before saving:
 * "In stock → Low" (and that it will be in the next digest), or that nothing changes.
 */
export function ReorderPreview({
  onHand,
  current,
  next,
}: {
  onHand: number;
  current: number;
  next: number | null;
}) {
  const before = stockStatus(onHand, current);
  if (next === null || Number.isNaN(next)) return <StatusWord status={before} />;
  const after = stockStatus(onHand, next);
  if (after === before) {
    return (
      <Group gap={6} wrap="nowrap" data-testid="reorder-preview" data-after={after}>
        <StatusWord status={after} />
        <Text size="xs" c="dimmed">
          no change
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={6} wrap="nowrap" data-testid="reorder-preview" data-after={after}>
      <StatusWord status={before} />
      <IconArrowRight size={14} aria-label="becomes" />
      <StatusWord status={after} />
      {after === 'low' && (
        <Text size="xs" c="dimmed">
          listed as low, in the next digest
        </Text>
      )}
    </Group>
  );
}
