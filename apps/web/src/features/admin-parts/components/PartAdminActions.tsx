import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconEdit, IconTag } from '@tabler/icons-react';
import { ButtonLink } from '../../../shared/components/links';
import type { Product } from '../api/product';
import { adminPartsTexts as t } from '../texts';
import { ReorderLevelCard } from './ReorderLevelCard';

/**
 * What an admin can do from the part page (its `adminActions` slot, in the page's header):
 * edit the part and its media, print its label, and set its reorder level in place, with the
 * low-stock effect shown before saving.
 */
export function PartAdminActions({ product }: { product: Product }) {
  const [reorderOpen, reorder] = useDisclosure(false);
  return (
    <>
      <ButtonLink
        variant="light"
        leftSection={<IconEdit size={16} />}
        to="/admin/parts/$productId/edit"
        params={{ productId: product.id }}
      >
        {t.editPart}
      </ButtonLink>
      <Button
        variant="light"
        leftSection={<IconAdjustmentsHorizontal size={16} />}
        onClick={reorder.open}
      >
        {t.reorderLevel}
      </Button>
      <ButtonLink
        variant="light"
        leftSection={<IconTag size={16} />}
        to="/admin/labels"
        search={{ ids: product.id }}
      >
        {t.printLabel}
      </ButtonLink>
      <Modal opened={reorderOpen} onClose={reorder.close} title={t.reorderLevel}>
        <ReorderLevelCard product={product} />
      </Modal>
    </>
  );
}
