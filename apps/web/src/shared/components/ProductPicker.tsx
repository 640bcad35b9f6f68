import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../api/api-context';
import { call } from '../api/problem';
import { ErrorBanner } from './ErrorBanner';

export type PickedProduct = Schemas['ProductWithStockDto'];

const texts = {
  search: 'Find parts to add',
  placeholder: 'SKU, name or MPN',
  add: 'Add',
  added: 'Added',
  addAll: (n: number) => `Add all ${n}`,
  none: 'No parts match.',
} as const;

/**
 * Finds parts by search (server-side, a page of 10) and adds them to a selection: pages
 * that act on several parts (bulk reorder levels, labels) use it next to the parts list's
 * own row selection.
 */
export function ProductPicker({
  selected,
  onAdd,
}: {
  selected: ReadonlySet<string>;
  onAdd: (products: PickedProduct[]) => void;
}) {
  const { api } = useApi();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const found = useQuery({
    queryKey: ['products', 'picker', debounced],
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/products', {
          params: { query: { search: debounced, pageSize: 10, active: true } },
        }),
      ),
  });
  const items = debounced ? (found.data?.items ?? []) : [];
  const addable = items.filter((item) => !selected.has(item.id));
  return (
    <Stack gap="xs">
      <TextInput
        label={texts.search}
        placeholder={texts.placeholder}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
      />
      <ErrorBanner error={found.error} />
      {debounced && found.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {texts.none}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap={4} data-testid="picker-results">
          {items.map((item) => (
            <Group key={item.id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm" truncate>
                <b>{item.sku}</b> {item.name}
              </Text>
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} />}
                disabled={selected.has(item.id)}
                onClick={() => onAdd([item])}
                aria-label={`${texts.add} ${item.sku}`}
              >
                {selected.has(item.id) ? texts.added : texts.add}
              </Button>
            </Group>
          ))}
          {addable.length > 1 && (
            <Group>
              <Button size="compact-xs" variant="subtle" onClick={() => onAdd(addable)}>
                {texts.addAll(addable.length)}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
