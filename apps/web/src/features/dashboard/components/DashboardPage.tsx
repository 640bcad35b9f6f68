import { ActionIcon, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPackageImport, IconScan, IconSearch } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import type { Schemas } from '@inventory/api-client';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { ButtonLink, TextLink } from '../../../shared/components/links';
import { MovementTable } from '../../../shared/components/MovementTable';
import { PageShell } from '../../../shared/components/PageShell';
import { StockStatusBadge } from '../../../shared/components/StockStatusBadge';
import { formatCount } from '../../../shared/format';
import { useMovementLauncher } from '../../../shared/movements/movement-launcher';
import { useLowStock } from '../api/low-stock';
import { useStockSummary } from '../api/stock-summary';
import { useRecentMovements } from '../api/recent-movements';
import { dashboardTexts as t } from '../texts';

type Level = Schemas['StockLevelDto'];

/** What needs attention first (out, then low), then what just happened. */
export function DashboardPage() {
  const recent = useRecentMovements();
  const summary = useStockSummary();
  const counts = summary.data;

  return (
    <PageShell
      title={t.title}
      actions={
        <>
          <ButtonLink to="/products" leftSection={<IconSearch size={16} />} variant="default">
            {t.findPart}
          </ButtonLink>
          <ButtonLink to={'/scan' as '/'} leftSection={<IconScan size={16} />} aria-label={t.scan}>
            {t.scan}
          </ButtonLink>
        </>
      }
    >
      <SimpleGrid cols={{ base: 3 }} spacing="sm">
        <Count label={t.parts} value={counts?.active} to="/products" testId="count-parts" />
        <Count label={t.out} value={counts?.out} color="red" testId="count-out" />
        <Count label={t.low} value={counts?.low} color="orange" testId="count-low" />
      </SimpleGrid>
      <ErrorBanner
        error={recent.error ?? summary.error}
        onRetry={() => {
          void recent.refetch();
          void summary.refetch();
        }}
      />
      <Attention status="out" title={t.out} total={counts?.out} />
      <Attention status="low" title={t.low} total={counts?.low} />
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t.recent}
        </Title>
        <MovementTable records={recent.data?.items ?? []} fetching={recent.isPending} withPart />
      </Stack>
    </PageShell>
  );
}

/** The most urgent parts of one status, with their on hand against the reorder level. */
function Attention({
  status,
  title,
  total,
}: {
  status: 'out' | 'low';
  title: string;
  total: number | undefined;
}) {
  const low = useLowStock(status);
  const openMovement = useMovementLauncher();
  const levels = low.data ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h4">
          {title}
        </Title>
        {total !== undefined && total > levels.length && (
          <Text size="sm" c="dimmed">
            {t.mostUrgent(levels.length, formatCount(total))}
          </Text>
        )}
      </Group>
      <ErrorBanner error={low.error} onRetry={() => void low.refetch()} />
      <DataTable<Level>
        withTableBorder
        borderRadius="sm"
        striped
        minHeight={levels.length === 0 ? 130 : undefined}
        fetching={low.isPending}
        records={levels}
        idAccessor="productId"
        noRecordsText={low.isPending ? '' : t.none[status]}
        data-testid={`attention-${status}`}
        columns={[
          {
            accessor: 'name',
            title: t.part,
            render: (level) => (
              <TextLink to="/products/$productId" params={{ productId: level.productId }} fw={500}>
                {level.name ?? level.sku ?? level.productId}
              </TextLink>
            ),
          },
          { accessor: 'sku', title: t.sku, visibleMediaQuery: '(min-width: 48em)' },
          {
            accessor: 'onHand',
            title: t.onHandOfReorder,
            textAlign: 'right',
            noWrap: true,
            render: (level) => (
              <Text size="sm">
                <Text span fw={700}>
                  {formatCount(level.onHand)}
                </Text>{' '}
                / {formatCount(level.reorderLevel)}
              </Text>
            ),
          },
          {
            accessor: 'status',
            title: t.status,
            visibleMediaQuery: '(min-width: 36em)',
            render: (level) => <StockStatusBadge status={level.status} />,
          },
          {
            accessor: 'actions',
            title: <span className="visually-hidden">{t.record}</span>,
            textAlign: 'right',
            render: (level) => (
              <Tooltip label={t.receiveFor(level.name ?? level.sku ?? '')}>
                <ActionIcon
                  variant="subtle"
                  color="green"
                  aria-label={t.receiveFor(level.name ?? level.sku ?? '')}
                  onClick={() =>
                    openMovement(
                      {
                        id: level.productId,
                        sku: level.sku ?? '',
                        name: level.name ?? level.sku ?? '',
                        onHand: level.onHand,
                        reorderLevel: level.reorderLevel,
                      },
                      'receive',
                    )
                  }
                >
                  <IconPackageImport size={18} />
                </ActionIcon>
              </Tooltip>
            ),
          },
        ]}
      />
    </Stack>
  );
}

function Count({
  label,
  value,
  color,
  to,
  testId,
}: {
  label: string;
  value: number | undefined;
  color?: string;
  to?: '/products';
  testId: string;
}) {
  const figure = (
    <Text fz={28} fw={700} c={value ? color : undefined} data-testid={testId}>
      {value === undefined ? '–' : formatCount(value)}
    </Text>
  );
  return (
    <Paper withBorder p="sm" radius="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={0}>
          {figure}
          <Text size="sm" c="dimmed">
            {to ? <TextLink to={to}>{label}</TextLink> : label}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
