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
import { usePartCount } from '../api/part-count';
import { useRecentMovements } from '../api/recent-movements';
import { dashboardTexts as t } from '../texts';

type Level = Schemas['StockLevelDto'];

/** What needs attention first (out, then low), then what just happened. */
export function DashboardPage() {
  const low = useLowStock();
  const recent = useRecentMovements();
  const count = usePartCount();
  const openMovement = useMovementLauncher();
  const levels = low.data ?? [];
  const outCount = levels.filter((level) => level.status === 'out').length;
  const lowCount = levels.length - outCount;

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
        <Count label={t.parts} value={count.data} to="/products" testId="count-parts" />
        <Count
          label={t.out}
          value={low.data ? outCount : undefined}
          color="red"
          testId="count-out"
        />
        <Count
          label={t.low}
          value={low.data ? lowCount : undefined}
          color="orange"
          testId="count-low"
        />
      </SimpleGrid>
      <ErrorBanner
        error={low.error ?? recent.error ?? count.error}
        onRetry={() => {
          void low.refetch();
          void recent.refetch();
          void count.refetch();
        }}
      />
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t.attention}
        </Title>
        <DataTable<Level>
          withTableBorder
          borderRadius="sm"
          striped
          minHeight={levels.length === 0 ? 100 : undefined}
          fetching={low.isPending}
          records={levels}
          idAccessor="productId"
          noRecordsText={low.isPending ? '' : t.attentionNone}
          data-testid="attention"
          columns={[
            {
              accessor: 'name',
              title: t.part,
              render: (level) => (
                <TextLink
                  to="/products/$productId"
                  params={{ productId: level.productId }}
                  fw={500}
                >
                  {level.name ?? level.sku ?? level.productId}
                </TextLink>
              ),
            },
            { accessor: 'sku', title: t.sku, visibleMediaQuery: '(min-width: 48em)' },
            {
              accessor: 'onHand',
              title: t.onHandOfReorder,
              textAlign: 'right',
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
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t.recent}
        </Title>
        <MovementTable records={recent.data?.items ?? []} fetching={recent.isPending} withPart />
      </Stack>
    </PageShell>
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
