import { Button, Group, Text } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFileExport, IconTag, IconX } from '@tabler/icons-react';
import { ButtonLink } from '../../../shared/components/links';
import type { ListedProduct, PartsListFilters } from '../../../shared/slots/parts-list-slots';
import { adminPartsTexts as t } from '../texts';

interface Props {
  selected: ListedProduct[];
  filters: PartsListFilters;
  onClear: () => void;
}

/**
 * What an admin does with the parts list (its `selectionActions` slot): set the reorder
 * levels of the selected rows or print their labels in one go, and export the list as it is
 * filtered.
 */
export function PartsListAdminActions({ selected, filters, onClear }: Props) {
  const ids = selected.map((product) => product.id).join(',');
  return (
    <Group gap="xs" wrap="wrap" data-testid="parts-selection-actions">
      {selected.length > 0 ? (
        <>
          <Text size="sm" fw={500} data-testid="parts-selected-count">
            {t.selectedCount(selected.length)}
          </Text>
          <ButtonLink
            size="xs"
            variant="light"
            leftSection={<IconAdjustmentsHorizontal size={14} />}
            to="/admin/reorder-levels"
            search={{ ids }}
          >
            {t.bulkReorderLevels}
          </ButtonLink>
          <ButtonLink
            size="xs"
            variant="light"
            leftSection={<IconTag size={14} />}
            to="/admin/labels"
            search={{ ids }}
          >
            {t.bulkLabels}
          </ButtonLink>
          <Button size="xs" variant="subtle" leftSection={<IconX size={14} />} onClick={onClear}>
            {t.clearSelection}
          </Button>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t.selectHint}
        </Text>
      )}
      <ButtonLink
        size="xs"
        variant="default"
        leftSection={<IconFileExport size={14} />}
        to="/admin/import"
        search={{
          search: filters.search,
          categoryId: filters.categoryId,
          status: filters.status,
        }}
      >
        {t.exportList}
      </ButtonLink>
    </Group>
  );
}
