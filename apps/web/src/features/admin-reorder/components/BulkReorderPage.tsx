import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconX } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { stockStatus } from '@inventory/api-client';
import { parseIds, useProductsById } from '../../../shared/api/products-by-id';
import { describe, ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import { ProductPicker } from '../../../shared/components/ProductPicker';
import { ApiProblem, toProblem } from '../../../shared/api/problem';
import { ReorderPreview } from '../../../shared/stock/reorder-preview';
import { useSetReorderLevels } from '../api/set-reorder-levels';
import { adminReorderTexts as t } from '../texts';

interface Stock {
  onHand: number;
  reorderLevel: number;
}

/** /admin/reorder-levels?ids=…: reorder levels for a selection of parts, previewed. */
export function BulkReorderPage({ ids: idsParam }: { ids?: string }) {
  const ids = parseIds(idsParam);
  const navigate = useNavigate();
  const products = useProductsById(ids);
  const [levels, setLevels] = useState<Record<string, number | string>>({});
  const [all, setAll] = useState<number | string>('');
  const [done, setDone] = useState(0);
  const save = useSetReorderLevels();
  const [failures, setFailures] = useState<string[]>([]);

  const setIds = (next: string[]) =>
    navigate({
      to: '/admin/reorder-levels',
      search: { ids: next.join(',') || undefined },
      replace: true,
    });

  const rows = products.flatMap((query) => (query.data ? [query.data] : []));
  const changes = rows.flatMap((product) => {
    const stock = product.stock as Stock | null;
    const value = levels[product.id];
    if (value === undefined || value === '' || typeof value !== 'number') return [];
    if (value === (stock?.reorderLevel ?? 0)) return [];
    return [
      { productId: product.id, sku: product.sku, reorderLevel: value, onHand: stock?.onHand ?? 0 },
    ];
  });
  const becomeLow = changes.filter((c) => {
    const before = rows.find((p) => p.id === c.productId)!.stock as Stock | null;
    return (
      stockStatus(c.onHand, c.reorderLevel) !== 'ok' &&
      stockStatus(c.onHand, before?.reorderLevel ?? 0) === 'ok'
    );
  }).length;

  return (
    <PageShell title={t.title}>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <Paper withBorder p="md" radius="md">
        <ProductPicker
          selected={new Set(ids)}
          onAdd={(added) => void setIds([...ids, ...added.map((p) => p.id)])}
        />
      </Paper>
      {ids.length === 0 ? (
        <Text c="dimmed">{t.nothingSelected}</Text>
      ) : (
        <>
          <Group align="flex-end">
            <NumberInput
              label={t.setAll}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={all}
              onChange={setAll}
              w={220}
            />
            <Button
              variant="light"
              disabled={typeof all !== 'number'}
              onClick={() =>
                setLevels(Object.fromEntries(rows.map((product) => [product.id, all])))
              }
            >
              {t.apply}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing={4} data-testid="reorder-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.sku}</Table.Th>
                  <Table.Th>{t.name}</Table.Th>
                  <Table.Th>{t.onHand}</Table.Th>
                  <Table.Th>{t.current}</Table.Th>
                  <Table.Th>{t.next}</Table.Th>
                  <Table.Th>{t.effect}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {products.map((query, index) => {
                  const product = query.data;
                  if (!product) {
                    return (
                      <Table.Tr key={ids[index]}>
                        <Table.Td colSpan={7}>
                          {query.error ? <ErrorBanner error={query.error} /> : '…'}
                        </Table.Td>
                      </Table.Tr>
                    );
                  }
                  const stock = product.stock as Stock | null;
                  const value = levels[product.id] ?? '';
                  return (
                    <Table.Tr key={product.id} data-testid="reorder-row" data-sku={product.sku}>
                      <Table.Td>{product.sku}</Table.Td>
                      <Table.Td>{product.name}</Table.Td>
                      <Table.Td>{stock?.onHand ?? 0}</Table.Td>
                      <Table.Td>{stock?.reorderLevel ?? 0}</Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={t.newLevelOf(product.sku)}
                          min={0}
                          allowDecimal={false}
                          allowNegative={false}
                          value={value}
                          onChange={(next) => setLevels((all) => ({ ...all, [product.id]: next }))}
                          w={110}
                          size="xs"
                        />
                      </Table.Td>
                      <Table.Td>
                        <ReorderPreview
                          onHand={stock?.onHand ?? 0}
                          current={stock?.reorderLevel ?? 0}
                          next={typeof value === 'number' ? value : null}
                        />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          aria-label={t.remove(product.sku)}
                          onClick={() => void setIds(ids.filter((id) => id !== product.id))}
                        >
                          <IconX size={14} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button
              disabled={changes.length === 0}
              loading={save.isPending}
              onClick={async () => {
                setDone(0);
                setFailures([]);
                const result = await save.mutateAsync({ changes, onProgress: setDone });
                setFailures(
                  result.failures.map((f) => {
                    const problem = f.error instanceof ApiProblem ? f.error : toProblem(f.error);
                    return t.failed(f.sku, describe(problem).message);
                  }),
                );
                if (result.saved > 0) {
                  notifications.show({ color: 'green', message: t.saved(result.saved) });
                  setLevels({});
                }
              }}
            >
              {t.save(changes.length)}
            </Button>
            {becomeLow > 0 && (
              <Text size="sm" c="orange">
                {t.becomeLow(becomeLow)}
              </Text>
            )}
            {save.isPending && <Text size="sm">{t.saving(done, changes.length)}</Text>}
          </Group>
          {failures.length > 0 && (
            <Alert color="red" role="alert">
              {failures.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </Alert>
          )}
        </>
      )}
    </PageShell>
  );
}
