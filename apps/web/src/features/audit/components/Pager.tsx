import { Button, Group, Text } from '@mantine/core';
import { auditTexts as t } from '../texts';

/** Newer / older: the trail has no total (counting a million entries costs more than a page). */
export function Pager({
  page,
  hasMore,
  onPage,
}: {
  page: number;
  hasMore: boolean;
  onPage: (page: number) => void;
}) {
  if (page === 1 && !hasMore) return null;
  return (
    <Group gap="xs">
      <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t.previous}
      </Button>
      <Text size="sm">{t.page(page)}</Text>
      <Button variant="default" size="xs" disabled={!hasMore} onClick={() => onPage(page + 1)}>
        {t.next}
      </Button>
    </Group>
  );
}
