import { Group } from '@mantine/core';
import { IconEdit, IconTag } from '@tabler/icons-react';
import { ButtonLink } from '../../../shared/components/links';
import type { Product } from '../api/product';
import { adminPartsTexts as t } from '../texts';
import { ReorderLevelCard } from './ReorderLevelCard';

/**
 * What an admin can do from the part page (its `adminActions` slot): edit the part and its
 * media, print its label, and set its reorder level right there.
 */
export function PartAdminActions({ product }: { product: Product }) {
  return (
    <>
      <Group gap="xs">
        <ButtonLink
          variant="light"
          leftSection={<IconEdit size={16} />}
          to="/admin/parts/$productId/edit"
          params={{ productId: product.id }}
        >
          {t.editPart}
        </ButtonLink>
        <ButtonLink
          variant="light"
          leftSection={<IconTag size={16} />}
          to="/admin/labels"
          search={{ ids: product.id }}
        >
          {t.printLabel}
        </ButtonLink>
      </Group>
      <ReorderLevelCard product={product} />
    </>
  );
}
