import { Badge } from '@mantine/core';
import { sharedTexts as t } from '../texts';

export type StockStatus = 'ok' | 'low' | 'out';

const COLOURS: Record<StockStatus, string> = { ok: 'green', low: 'orange', out: 'red' };

/** ok / low / out, in words and colour (the word carries it; colour only helps). */
export function StockStatusBadge({ status }: { status: StockStatus | null | undefined }) {
  if (!status)
    return (
      <Badge color="gray" variant="light">
        {t.stockUnknown}
      </Badge>
    );
  return (
    // Never cut to "IN S…" in a narrow column: the word is the status.
    <Badge
      color={COLOURS[status]}
      variant={status === 'ok' ? 'light' : 'filled'}
      maw="none"
      style={{ minWidth: 'max-content' }}
    >
      {t.stockStatus[status]}
    </Badge>
  );
}
