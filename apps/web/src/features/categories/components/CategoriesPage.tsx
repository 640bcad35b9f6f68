import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { TextLink } from '../../../shared/components/links';
import { PageShell } from '../../../shared/components/PageShell';
import { useCategories } from '../api/list-categories';
import { buildTree, filterTree, type CategoryNode } from '../category-tree';
import { categoriesTexts as t } from '../texts';
import classes from './CategoriesPage.module.css';

/** `/categories`: the tree with part counts; a category opens the parts list filtered by it. */
export function CategoriesPage() {
  const query = useCategories();
  const [filter, setFilter] = useState('');
  // Collapsed categories (everything is open at first: a parts room has tens, not thousands).
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const tree = useMemo(() => buildTree(query.data ?? []), [query.data]);
  const shown = useMemo(() => filterTree(tree, filter), [tree, filter]);
  const filtering = filter.trim() !== '';

  const toggle = (id: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const parents = (query.data ?? []).filter((c) => c.childCount > 0).map((c) => c.id);

  return (
    <PageShell
      title={t.title}
      actions={
        <>
          <Button variant="default" size="xs" onClick={() => setCollapsed(new Set())}>
            {t.expandAll}
          </Button>
          <Button variant="default" size="xs" onClick={() => setCollapsed(new Set(parents))}>
            {t.collapseAll}
          </Button>
        </>
      }
    >
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <TextInput
        label={t.filterLabel}
        placeholder={t.filterPlaceholder}
        leftSection={<IconSearch size={16} />}
        value={filter}
        onChange={(event) => setFilter(event.currentTarget.value)}
        maw={420}
        type="search"
      />
      <ErrorBanner error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending && <Loader size="sm" aria-label="Loading" />}
      {query.data && (
        <Stack gap={0}>
          <TextLink to="/products" fw={600} className={classes.allParts}>
            {t.allParts}
          </TextLink>
          {query.data.length === 0 && <Text c="dimmed">{t.empty}</Text>}
          {query.data.length > 0 && shown.length === 0 && (
            <Text c="dimmed">{t.noMatch(filter.trim())}</Text>
          )}
          <ul className={classes.tree} aria-label={t.treeLabel} data-testid="category-tree">
            {shown.map((node) => (
              <CategoryItem
                key={node.category.id}
                node={node}
                collapsed={filtering ? new Set() : collapsed}
                onToggle={toggle}
              />
            ))}
          </ul>
        </Stack>
      )}
    </PageShell>
  );
}

function CategoryItem({
  node,
  collapsed,
  onToggle,
}: {
  node: CategoryNode;
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
}) {
  const { category, children } = node;
  const open = !collapsed.has(category.id);
  const archived = category.productCount - category.activeProductCount;
  const childList = `children-${category.id}`;
  return (
    <li>
      <Group gap="xs" wrap="nowrap" className={classes.row}>
        {children.length > 0 ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => onToggle(category.id)}
            aria-expanded={open}
            aria-controls={childList}
            aria-label={open ? t.collapse(category.name) : t.expand(category.name)}
          >
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </ActionIcon>
        ) : (
          <Box w={22} />
        )}
        <TextLink
          to="/products"
          search={{ category: category.id }}
          className={classes.name}
          data-testid="category-link"
        >
          {category.name}
        </TextLink>
        <Badge variant="light" tt="none" color={category.activeProductCount > 0 ? 'blue' : 'gray'}>
          {t.parts(category.activeProductCount)}
        </Badge>
        {archived > 0 && (
          <Text size="xs" c="dimmed">
            {t.archived(archived)}
          </Text>
        )}
      </Group>
      {children.length > 0 && open && (
        <ul className={classes.tree} id={childList}>
          {children.map((child) => (
            <CategoryItem
              key={child.category.id}
              node={child}
              collapsed={collapsed}
              onToggle={onToggle}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
