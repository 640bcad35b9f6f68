import {
  ActionIcon,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiProblem } from '../../../shared/api/problem';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import {
  useCategories,
  useCreateCategory,
  useDeleteCategory,
  useUpdateCategory,
  type Category,
} from '../api/categories';
import { adminCategoriesTexts as t } from '../texts';

/** The parent choice that means: no parent. */
const TOP_LEVEL = 'top-level';

type Editing = { mode: 'create' } | { mode: 'edit'; category: Category } | null;

/** /admin/categories: the tree with create, rename, move and delete. */
export function CategoriesAdminPage() {
  const categories = useCategories();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Category | null>(null);
  const remove = useDeleteCategory();

  return (
    <PageShell
      title={t.title}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ mode: 'create' })}>
          {t.newCategory}
        </Button>
      }
    >
      <ErrorBanner error={categories.error} onRetry={() => categories.refetch()} />
      {categories.isPending && <Loader />}
      {categories.data?.length === 0 && <Text c="dimmed">{t.empty}</Text>}
      {categories.data && categories.data.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table highlightOnHover verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.columnName}</Table.Th>
                <Table.Th>{t.columnParts}</Table.Th>
                <Table.Th>{t.columnActions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {categories.data.map((category) => (
                <Table.Tr key={category.id} data-testid="category-row">
                  <Table.Td style={{ paddingLeft: `calc(${category.depth} * 1.25rem + 0.5rem)` }}>
                    <Text fw={category.depth === 0 ? 600 : 400}>{category.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t.parts(category.productCount)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t.edit(category.name)}
                        onClick={() => setEditing({ mode: 'edit', category })}
                      >
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t.remove(category.name)}
                        onClick={() => {
                          remove.reset();
                          setDeleting(category);
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <CategoryDialog
          editing={editing}
          categories={categories.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t.deleteTitle}>
        {deleting && (
          <Stack>
            <Text>{t.deleteConfirm(deleting.name)}</Text>
            {(deleting.childCount > 0 || deleting.productCount > 0) && (
              <Text c="orange" size="sm">
                {t.notEmpty(deleting.childCount, deleting.productCount)}
              </Text>
            )}
            <ErrorBanner error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t.cancel}
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={async () => {
                  await remove.mutateAsync(deleting.id);
                  notifications.show({ message: t.deleted(deleting.name) });
                  setDeleting(null);
                }}
              >
                {t.deleteTitle}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </PageShell>
  );
}

function CategoryDialog({
  editing,
  categories,
  onClose,
}: {
  editing: NonNullable<Editing>;
  categories: Category[];
  onClose: () => void;
}) {
  const existing = editing.mode === 'edit' ? editing.category : null;
  const [name, setName] = useState(existing?.name ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [parentId, setParentId] = useState<string>(existing?.parentId ?? TOP_LEVEL);
  const [nameError, setNameError] = useState<string | null>(null);
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const mutation = existing ? update : create;
  const problem = mutation.error instanceof ApiProblem ? mutation.error : null;
  // Every category may be a parent; the API refuses a move under itself or its subtree.
  const parents = [
    { value: TOP_LEVEL, label: t.topLevel },
    ...categories
      .filter((category) => category.id !== existing?.id)
      .map((category) => ({ value: category.id, label: category.path.join(' › ') })),
  ];

  const save = async () => {
    if (!name.trim()) {
      setNameError(t.nameRequired);
      return;
    }
    const body = {
      name: name.trim(),
      description: description.trim() || null,
      parentId: parentId === TOP_LEVEL ? null : parentId,
    };
    try {
      if (existing) {
        await update.mutateAsync({ id: existing.id, ...body });
        notifications.show({ color: 'green', message: t.saved(body.name) });
      } else {
        await create.mutateAsync(body as never);
        notifications.show({ color: 'green', message: t.created(body.name) });
      }
      onClose();
    } catch {
      // shown below
    }
  };

  return (
    <Modal opened onClose={onClose} title={existing ? t.edit(existing.name) : t.newCategory}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack>
          <TextInput
            label={t.name}
            required
            data-autofocus
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              setNameError(null);
            }}
            error={nameError ?? problem?.fieldError('name')}
          />
          <Select
            label={t.parent}
            data={parents}
            value={parentId}
            onChange={(value) => setParentId(value ?? TOP_LEVEL)}
            allowDeselect={false}
            searchable
            error={problem?.fieldError('parentId')}
          />
          <Textarea
            label={t.description}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          {!problem?.fieldError('name') && !problem?.fieldError('parentId') && (
            <ErrorBanner error={mutation.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {existing ? t.save : t.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
