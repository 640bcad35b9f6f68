import { Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import type { Schemas } from '@inventory/api-client';
import { formatDateTime, formatDelta } from '../format';
import { sharedTexts as t } from '../texts';
import { TextLink } from './links';
import { useStackedLayout } from './use-stacked-layout';

export type Movement = Schemas['MovementWithActorDto'];

interface Props {
  records: Movement[];
  fetching?: boolean;
  /** Show the part column (a list across parts). */
  withPart?: boolean;
  /** Server-side paging, when the list is paged. */
  paging?: {
    page: number;
    pageSize: number;
    total: number;
    onPageChange: (page: number) => void;
  };
}

/**
 * Ledger rows: when, what, how many, on hand after, who and why. On a phone each movement is
 * a stacked row with the change biggest, so no column is cut off.
 */
export function MovementTable(props: Props) {
  const stacked = useStackedLayout();
  return stacked ? <MovementList {...props} /> : <MovementColumns {...props} />;
}

function PartLink({ movement: m }: { movement: Movement }) {
  return (
    <TextLink to="/products/$productId" params={{ productId: m.productId }}>
      {m.productName ?? m.productSku ?? m.productId}
    </TextLink>
  );
}

function Delta({ delta, size = 'sm' }: { delta: number; size?: string }) {
  return (
    <Text
      size={size}
      fw={700}
      c={delta < 0 ? 'red' : delta > 0 ? 'green' : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {formatDelta(delta)}
    </Text>
  );
}

/** Phone width: one stacked row per movement. */
function MovementList({ records, fetching, withPart, paging }: Props) {
  const pages = paging ? Math.max(1, Math.ceil(paging.total / paging.pageSize)) : 1;
  if (records.length === 0) {
    return (
      <Paper withBorder radius="sm" p="md">
        <Text size="sm" c="dimmed" ta="center">
          {fetching ? '…' : t.movementsNone}
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <Stack
        component="ul"
        gap={0}
        m={0}
        p={0}
        style={{ listStyle: 'none', opacity: fetching ? 0.6 : 1 }}
        aria-busy={fetching || undefined}
        data-testid="movement-list"
      >
        {records.map((m) => (
          <Paper
            component="li"
            key={m.id}
            withBorder
            radius={0}
            px="sm"
            py={8}
            style={{ marginTop: -1 }}
            data-testid="movement-row"
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {withPart ? <PartLink movement={m} /> : t.movementType[m.type]}
                </Text>
                <Text size="xs" c="dimmed">
                  {[
                    withPart ? t.movementType[m.type] : null,
                    formatDateTime(m.createdAt),
                    m.actorName ?? t.systemActor,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {(m.reason || m.reference) && (
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {[m.reason, m.reference].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Stack>
              <Stack gap={0} align="flex-end">
                <Delta delta={m.delta} size="lg" />
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t.movementsOnHandAfter(m.quantityAfter)}
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
      {paging && pages > 1 && (
        <Pagination
          size="sm"
          total={pages}
          value={paging.page}
          onChange={paging.onPageChange}
          withEdges={false}
        />
      )}
    </Stack>
  );
}

/** Wider screens: a table. */
function MovementColumns({ records, fetching, withPart, paging }: Props) {
  const columns: DataTableColumn<Movement>[] = [
    {
      accessor: 'createdAt',
      title: t.movementsWhen,
      noWrap: true,
      render: (m) => formatDateTime(m.createdAt),
    },
    ...(withPart
      ? [
          {
            accessor: 'productName',
            title: t.movementsPart,
            render: (m: Movement) => <PartLink movement={m} />,
          },
        ]
      : []),
    { accessor: 'type', title: t.movementsType, render: (m) => t.movementType[m.type] },
    {
      accessor: 'delta',
      title: t.movementsChange,
      textAlign: 'right',
      render: (m) => <Delta delta={m.delta} />,
    },
    {
      accessor: 'quantityAfter',
      title: t.movementsAfter,
      textAlign: 'right',
      visibleMediaQuery: '(min-width: 36em)',
    },
    { accessor: 'actorName', title: t.movementsWho, render: (m) => m.actorName ?? t.systemActor },
    {
      accessor: 'reason',
      title: t.movementsWhy,
      visibleMediaQuery: '(min-width: 48em)',
      render: (m) => [m.reason, m.reference].filter(Boolean).join(' · ') || '–',
    },
  ];
  const common = {
    withTableBorder: true,
    borderRadius: 'sm',
    striped: true,
    minHeight: records.length === 0 ? 120 : undefined,
    noRecordsText: t.movementsNone,
    fetching,
    records,
    idAccessor: 'id',
    columns,
  } as const;
  if (!paging) return <DataTable {...common} />;
  return (
    <DataTable
      {...common}
      page={paging.page}
      recordsPerPage={paging.pageSize}
      totalRecords={paging.total}
      onPageChange={paging.onPageChange}
    />
  );
}
