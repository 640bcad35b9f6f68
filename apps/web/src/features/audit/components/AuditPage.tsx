import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import { type AuditFilter, useAuditTrail } from '../api/list-audit';
import { auditTexts as t } from '../texts';
import { AuditTable } from './AuditTable';
import { Pager } from './Pager';
import { PersonFilter } from './PersonFilter';

export type AuditSearch = AuditFilter & { page?: number };

const PAGE_SIZE = 50;

/** ISO time → the value of a `datetime-local` input, in the browser's time zone. */
const localInput = (iso?: string) => {
  if (!iso) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : undefined);

/**
 * /admin/audit: the whole trail, filtered; every filter and the page live in the URL. On a
 * phone the filters take the full width and the entries are stacked cards.
 */
export function AuditPage({
  search,
  onSearchChange,
}: {
  search: AuditSearch;
  onSearchChange: (change: Partial<AuditSearch>) => void;
}) {
  const { page = 1, ...filter } = search;
  const trail = useAuditTrail(filter, page, PAGE_SIZE);
  const set = (change: Partial<AuditFilter>) => onSearchChange({ ...change, page: undefined });
  const typed = useDebouncedCallback(set, 300);
  const empty = (value: string) => (value.trim() === '' ? undefined : value.trim());

  return (
    <PageShell title={t.title}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t.entityType}
          placeholder={t.anyKind}
          clearable
          w={{ base: '100%', xs: 190 }}
          data={Object.entries(t.kinds).map(([value, label]) => ({ value, label }))}
          value={filter.entityType ?? null}
          onChange={(value) => set({ entityType: value ?? undefined })}
        />
        <TextInput
          label={t.entityId}
          w={{ base: '100%', sm: 300 }}
          defaultValue={filter.entityId ?? ''}
          key={`entity-${filter.entityId ?? ''}`}
          onChange={(event) => typed({ entityId: empty(event.currentTarget.value) })}
        />
        <PersonFilter value={filter.actorId} onChange={(actorId) => set({ actorId })} />
        <TextInput
          label={t.actionFilter}
          w={{ base: '100%', sm: 230 }}
          defaultValue={filter.action ?? ''}
          key={`action-${filter.action ?? ''}`}
          onChange={(event) => typed({ action: empty(event.currentTarget.value) })}
        />
        <TextInput
          label={t.from}
          type="datetime-local"
          w={{ base: '100%', xs: 210 }}
          value={localInput(filter.from)}
          onChange={(event) => set({ from: fromLocalInput(event.currentTarget.value) })}
        />
        <TextInput
          label={t.to}
          type="datetime-local"
          w={{ base: '100%', xs: 210 }}
          value={localInput(filter.to)}
          onChange={(event) => set({ to: fromLocalInput(event.currentTarget.value) })}
        />
        <Button
          variant="subtle"
          onClick={() =>
            onSearchChange({
              entityType: undefined,
              entityId: undefined,
              actorId: undefined,
              action: undefined,
              from: undefined,
              to: undefined,
              page: undefined,
            })
          }
        >
          {t.clear}
        </Button>
      </Group>
      <ErrorBanner error={trail.error} onRetry={() => trail.refetch()} />
      <Stack gap="xs">
        {trail.data?.items.length === 0 && <Text c="dimmed">{t.noneMatching}</Text>}
        {trail.data && trail.data.items.length > 0 && (
          <>
            <AuditTable entries={trail.data.items} showEntity />
            <Pager
              page={page}
              hasMore={trail.data.hasMore}
              onPage={(next) => onSearchChange({ page: next === 1 ? undefined : next })}
            />
          </>
        )}
      </Stack>
    </PageShell>
  );
}
