import { Button, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { ReorderPreview } from '../../../shared/stock/reorder-preview';
import type { Product } from '../api/product';
import { useSetReorderLevel } from '../api/reorder-level';
import { adminPartsTexts as t } from '../texts';

/** The part's reorder level, with what the new value does to its low-stock status. */
export function ReorderLevelCard({ product }: { product: Product }) {
  const stock = product.stock as { onHand: number; reorderLevel: number } | null;
  const onHand = stock?.onHand ?? 0;
  const current = stock?.reorderLevel ?? 0;
  const [value, setValue] = useState<number | string>(current);
  const save = useSetReorderLevel(product.id);
  const next = typeof value === 'number' ? value : value === '' ? null : Number(value);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NumberInput
            label={t.reorderLevel}
            description={t.reorderHint}
            min={0}
            max={1_000_000}
            allowDecimal={false}
            allowNegative={false}
            value={value}
            onChange={setValue}
            w={220}
          />
          <Button
            loading={save.isPending}
            disabled={next === null || next === current}
            onClick={async () => {
              if (next === null) return;
              await save.mutateAsync(next);
              notifications.show({ color: 'green', message: t.reorderSaved(next) });
            }}
          >
            {t.saveReorder}
          </Button>
        </Group>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            {t.onHand(onHand)}
          </Text>
          <ReorderPreview onHand={onHand} current={current} next={next} />
        </Group>
        <ErrorBanner error={save.error} />
      </Stack>
    </Paper>
  );
}
