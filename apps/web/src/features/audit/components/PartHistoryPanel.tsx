import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import type { Product } from '../../../shared/slots/part-page-slots';
import { useAuditTrail } from '../api/list-audit';
import { auditTexts as t } from '../texts';
import { AuditTable } from './AuditTable';
import { Pager } from './Pager';

const PAGE_SIZE = 20;

/** The part page's History tab: catalog changes, reorder levels and movements, by time. */
export function PartHistoryPanel({ product }: { product: Product }) {
  const [page, setPage] = useState(1);
  const trail = useAuditTrail({ entityType: 'product', entityId: product.id }, page, PAGE_SIZE);
  return (
    <Stack gap="xs" data-testid="part-history">
      <ErrorBanner error={trail.error} onRetry={() => trail.refetch()} />
      {trail.data?.items.length === 0 && <Text c="dimmed">{t.none}</Text>}
      {trail.data && trail.data.items.length > 0 && (
        <>
          <AuditTable entries={trail.data.items} />
          <Pager page={page} hasMore={trail.data.hasMore} onPage={setPage} />
        </>
      )}
    </Stack>
  );
}
