import { Badge, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiProblem } from '../../../shared/api/problem';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { ButtonLink } from '../../../shared/components/links';
import { PageShell } from '../../../shared/components/PageShell';
import {
  useArchiveProduct,
  useCreateProduct,
  useDeleteProduct,
  useProduct,
  useUpdateProduct,
  type Product,
} from '../api/product';
import { adminPartsTexts as t } from '../texts';
import { MediaManager } from './MediaManager';
import { PartForm } from './PartForm';
import { ReorderLevelCard } from './ReorderLevelCard';

/** /admin/parts/new: a new part; on success its editor opens (media, reorder level). */
export function NewPartPage() {
  const create = useCreateProduct();
  const navigate = useNavigate();
  return (
    <PageShell title={t.newTitle}>
      <PartForm
        submitLabel={t.create}
        pending={create.isPending}
        error={create.error}
        onSubmit={async (input) => {
          const product = await create.mutateAsync(input);
          notifications.show({ color: 'green', message: t.created(product.sku) });
          await navigate({ to: '/admin/parts/$productId/edit', params: { productId: product.id } });
        }}
      />
    </PageShell>
  );
}

/** /admin/parts/$productId/edit: fields, images and datasheets, reorder level, archive, delete. */
export function EditPartPage({ productId }: { productId: string }) {
  const product = useProduct(productId);
  if (product.isPending) return <Loader />;
  if (product.error || !product.data) {
    return <ErrorBanner error={product.error} onRetry={() => product.refetch()} />;
  }
  return <PartEditor key={product.data.id} product={product.data} />;
}

function PartEditor({ product }: { product: Product }) {
  const update = useUpdateProduct(product.id);
  const archive = useArchiveProduct(product.id);
  const remove = useDeleteProduct(product.id);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState<'archive' | 'delete' | null>(null);
  const deleteRefused = remove.error instanceof ApiProblem && remove.error.status === 409;

  return (
    <PageShell
      title={t.editTitle(product.name)}
      actions={
        <>
          {!product.active && <Badge color="gray">{t.archivedBadge}</Badge>}
          <ButtonLink
            variant="default"
            to="/products/$productId"
            params={{ productId: product.id }}
          >
            {t.openPart}
          </ButtonLink>
          <ButtonLink variant="default" to="/admin/labels" search={{ ids: product.id }}>
            {t.printLabel}
          </ButtonLink>
          {product.active && (
            <Button variant="default" onClick={() => setConfirming('archive')}>
              {t.archive}
            </Button>
          )}
          <Button color="red" variant="light" onClick={() => setConfirming('delete')}>
            {t.delete}
          </Button>
        </>
      }
    >
      <Stack gap="lg">
        <PartForm
          product={product}
          submitLabel={t.save}
          pending={update.isPending}
          error={update.error}
          onSubmit={async (input) => {
            await update.mutateAsync(input);
            notifications.show({ color: 'green', message: t.saved });
          }}
        />
        <ReorderLevelCard product={product} />
        <MediaManager productId={product.id} />
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => {
          setConfirming(null);
          remove.reset();
        }}
        title={confirming === 'delete' ? t.delete : t.archive}
      >
        <Stack>
          <Text>{confirming === 'delete' ? t.deleteConfirm : t.archiveConfirm}</Text>
          {deleteRefused ? (
            <Text c="red" role="alert">
              {t.deleteRefused}
            </Text>
          ) : (
            <ErrorBanner error={remove.error ?? archive.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t.cancel}
            </Button>
            {confirming === 'delete' && !deleteRefused ? (
              <Button
                color="red"
                loading={remove.isPending}
                onClick={async () => {
                  await remove.mutateAsync();
                  notifications.show({ message: t.deleted(product.sku) });
                  await navigate({ to: '/' });
                }}
              >
                {t.delete}
              </Button>
            ) : (
              <Button
                loading={archive.isPending}
                onClick={async () => {
                  await archive.mutateAsync();
                  remove.reset();
                  setConfirming(null);
                  notifications.show({ message: t.archived });
                }}
              >
                {deleteRefused ? t.archiveInstead : t.archive}
              </Button>
            )}
          </Group>
        </Stack>
      </Modal>
    </PageShell>
  );
}
