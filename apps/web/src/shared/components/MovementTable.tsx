import { Text } from '@mantine/core';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import type { Schemas } from '@inventory/api-client';
import { formatDateTime, formatDelta } from '../format';
import { sharedTexts as t } from '../texts';
import { TextLink } from './links';

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

/** Ledger rows: when, what, how many, on hand after, who and why. */
export function MovementTable({ records, fetching, withPart, paging }: Props) {
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
            render: (m: Movement) => (
              <TextLink to="/products/$productId" params={{ productId: m.productId }}>
                {m.productName ?? m.productSku ?? m.productId}
              </TextLink>
            ),
          },
        ]
      : []),
    { accessor: 'type', title: t.movementsType, render: (m) => t.movementType[m.type] },
    {
      accessor: 'delta',
      title: t.movementsChange,
      textAlign: 'right',
      render: (m) => (
        <Text size="sm" fw={600} c={m.delta < 0 ? 'red' : m.delta > 0 ? 'green' : undefined}>
          {formatDelta(m.delta)}
        </Text>
      ),
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
