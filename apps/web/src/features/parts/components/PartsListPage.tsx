import { ActionIcon, Group, Loader, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowsExchange, IconSearch } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { STOCK_STATUS_VALUES, type Schemas } from '@inventory/api-client';
import { useIsAdmin } from '../../../shared/auth/use-current-user';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { TextLink } from '../../../shared/components/links';
import { PageShell } from '../../../shared/components/PageShell';
import { StockStatusBadge } from '../../../shared/components/StockStatusBadge';
import { formatCount, formatPrice } from '../../../shared/format';
import { useMovementLauncher } from '../../../shared/movements/movement-launcher';
import { usePartsListSlots } from '../../../shared/slots/parts-list-slots';
import { useCategoryOptions } from '../api/list-categories';
import {
  usePrefetchProducts,
  useProducts,
  type ProductSort,
  type StockStatus,
} from '../api/list-products';
import { PAGE_SIZES } from '../page-sizes';
import { partsTexts as t } from '../texts';

type Product = Schemas['ProductWithStockDto'];

export interface PartsSearch {
  q?: string;
  category?: string;
  sort?: ProductSort;
  status?: StockStatus;
  page?: number;
  pageSize?: number;
}

/**
 * How long typing must pause before the list asks: longer than the gap between the keys of
 * a fast typist (about 60 ms), short enough that the answer is painted within 300 ms of the
 * last key (a search costs the catalog about 25 ms; a superseded answer is simply dropped).
 */
const SEARCH_DEBOUNCE_MS = 100;

const STATUS_OPTIONS = STOCK_STATUS_VALUES.map((value) => ({
  value,
  label: t.statusOptions[value],
}));

interface Props {
  search: PartsSearch;
  /** Changes the URL's search (the table's state lives there). */
  onSearchChange: (change: Partial<PartsSearch>, options?: { replace?: boolean }) => void;
}

type SortableColumn = 'name' | 'sku' | 'salePrice' | 'updatedAt';

function toSortStatus(sort: ProductSort | undefined): DataTableSortStatus<Product> {
  const value = sort ?? 'name';
  const descending = value.startsWith('-');
  return {
    columnAccessor: descending ? value.slice(1) : value,
    direction: descending ? 'desc' : 'asc',
  };
}

function fromSortStatus(status: DataTableSortStatus<Product>): ProductSort {
  const column = String(status.columnAccessor) as SortableColumn;
  return (status.direction === 'desc' ? `-${column}` : column) as ProductSort;
}

/**
 * The parts list: search as you type (debounced), category filter (sub-categories included),
 * stock status filter (ok / low / out), sortable columns, server-side pages. Everything is in the URL, so a filtered list can be
 * linked, and each row's name is a link (Ctrl-click opens a new tab).
 */
export function PartsListPage({ search, onSearchChange }: Props) {
  const openMovement = useMovementLauncher();
  const prefetch = usePrefetchProducts();

  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? PAGE_SIZES[0];
  const query = {
    search: search.q,
    categoryId: search.category,
    status: search.status,
    sort: search.sort ?? 'name',
    page,
    pageSize,
  };
  const products = useProducts(query);
  const categories = useCategoryOptions();
  const data = products.data;
  // Admins select rows to act on them together (kept across pages until cleared).
  const SelectionActions = usePartsListSlots().selectionActions;
  const selectable = useIsAdmin() && SelectionActions !== undefined;
  const [selected, setSelected] = useState<Product[]>([]);
  const selection = useMemo(
    () => (selectable ? { selected, onChange: setSelected } : undefined),
    [selectable, selected],
  );

  // The route gives a new callback on every render; the table needs one that stays the same.
  const latest = useRef(onSearchChange);
  useLayoutEffect(() => {
    latest.current = onSearchChange;
  });
  const searches = useRef(0);
  const change = useCallback<Props['onSearchChange']>(
    (next, options) => latest.current(next, options),
    [],
  );

  return (
    <PageShell
      title={t.listTitle}
      actions={
        <Group gap="xs">
          {products.isFetching && !products.isPending && (
            <Loader size="xs" aria-label={t.loading} data-testid="parts-fetching" />
          )}
          {data && (
            <Text size="sm" c="dimmed" data-testid="parts-total">
              {t.total(formatCount(data.total))}
            </Text>
          )}
        </Group>
      }
    >
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <SearchField
            q={search.q}
            onSearch={(q) => {
              // The request leaves now; the URL and the table follow when it is answered, so
              // the page renders once for it (and the main thread is free when it comes).
              // Only the latest search moves the URL.
              const asked = ++searches.current;
              void prefetch({ ...query, search: q, page: 1 }).then(() => {
                if (asked === searches.current) change({ q, page: undefined }, { replace: true });
              });
            }}
          />
          <Filters
            category={search.category}
            status={search.status}
            categories={categories.data}
            onSearchChange={change}
          />
        </Group>
        {selectable && SelectionActions && (
          <SelectionActions
            selected={selected}
            filters={{ search: search.q, categoryId: search.category, status: search.status }}
            onClear={() => setSelected([])}
          />
        )}
        <ErrorBanner error={products.error} onRetry={() => void products.refetch()} />
        {/* While the next answer loads, the rows on screen are dimmed by their wrapper, so the
            table itself renders only when the answer is there. */}
        <div
          aria-busy={products.isPlaceholderData || undefined}
          style={{
            opacity: products.isPlaceholderData ? 0.6 : 1,
            transition: 'opacity 120ms',
          }}
        >
          <PartsTable
            records={data?.items}
            total={data?.total ?? 0}
            pending={products.isPending}
            page={page}
            pageSize={pageSize}
            sort={search.sort}
            onSearchChange={change}
            onRecord={openMovement}
            selection={selection}
          />
        </div>
      </Stack>
    </PageShell>
  );
}

/**
 * The category and stock filters. Their Selects (a combobox and a popover each) render again
 * only when a filter or the category list changes, not for every answer of the search.
 */
const Filters = memo(function Filters({
  category,
  status,
  categories,
  onSearchChange,
}: {
  category: string | undefined;
  status: StockStatus | undefined;
  categories: ReturnType<typeof useCategoryOptions>['data'];
  onSearchChange: Props['onSearchChange'];
}) {
  return (
    <>
      <Select
        label={t.category}
        placeholder={t.categoryPlaceholder}
        data={categories ?? NO_CATEGORIES}
        value={category ?? null}
        onChange={(value) => onSearchChange({ category: value ?? undefined, page: undefined })}
        searchable
        clearable
        nothingFoundMessage="–"
        style={{ flex: '1 1 220px' }}
      />
      <Select
        label={t.status}
        placeholder={t.statusAll}
        data={STATUS_OPTIONS}
        value={status ?? null}
        onChange={(value) =>
          onSearchChange({
            status: (value as StockStatus | null) ?? undefined,
            page: undefined,
          })
        }
        clearable
        allowDeselect
        style={{ flex: '0 1 180px' }}
      />
    </>
  );
});

const NO_CATEGORIES: never[] = [];
const NO_PRODUCTS: Product[] = [];

interface PartsTableProps {
  records: Product[] | undefined;
  total: number;
  /** The first page is on its way (later pages keep the previous one on screen). */
  pending: boolean;
  page: number;
  pageSize: number;
  sort: ProductSort | undefined;
  onSearchChange: Props['onSearchChange'];
  onRecord: ReturnType<typeof useMovementLauncher>;
  selection?: { selected: Product[]; onChange: (selected: Product[]) => void };
}

/**
 * The table of one page. It renders again only when what it shows changes (not while the
 * search box is typed in, the URL follows it or the next answer is on its way), and its
 * columns are made once. Its cells are plain: a page of rows is rendered for every answer.
 */
const PartsTable = memo(function PartsTable({
  records,
  total,
  pending,
  page,
  pageSize,
  sort,
  onSearchChange,
  onRecord,
  selection,
}: PartsTableProps) {
  const columns = useMemo(() => partsColumns(onRecord), [onRecord]);
  return (
    <DataTable<Product>
      {...(selection && {
        selectedRecords: selection.selected,
        onSelectedRecordsChange: selection.onChange,
        getRecordSelectionCheckboxProps: (product: Product) => ({
          'aria-label': t.selectPart(product.name),
        }),
        allRecordsSelectionCheckboxProps: { 'aria-label': t.selectPage },
      })}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      minHeight={200}
      fetching={pending}
      records={records ?? NO_PRODUCTS}
      idAccessor="id"
      noRecordsText={pending ? '' : t.noParts}
      totalRecords={total}
      page={page}
      recordsPerPage={pageSize}
      onPageChange={(next) => onSearchChange({ page: next })}
      recordsPerPageOptions={PAGE_SIZES}
      onRecordsPerPageChange={(size) => onSearchChange({ pageSize: size, page: undefined })}
      recordsPerPageLabel={t.perPage}
      sortStatus={toSortStatus(sort)}
      onSortStatusChange={(status) =>
        onSearchChange({ sort: fromSortStatus(status), page: undefined })
      }
      columns={columns}
    />
  );
});

function partsColumns(onRecord: ReturnType<typeof useMovementLauncher>) {
  return [
    {
      accessor: 'name',
      title: t.columns.name,
      sortable: true,
      render: (product: Product) => (
        <TextLink
          to="/products/$productId"
          params={{ productId: product.id }}
          fw={500}
          data-testid="part-link"
        >
          {product.name}
        </TextLink>
      ),
    },
    {
      accessor: 'sku',
      title: t.columns.sku,
      sortable: true,
      noWrap: true,
      visibleMediaQuery: '(min-width: 36em)',
    },
    { accessor: 'mpn', title: t.columns.mpn, visibleMediaQuery: '(min-width: 64em)' },
    {
      accessor: 'category',
      title: t.columns.category,
      visibleMediaQuery: '(min-width: 75em)',
      render: (product: Product) => product.category?.path.join(' › ') ?? '–',
    },
    {
      accessor: 'stock.onHand',
      title: t.columns.onHand,
      textAlign: 'right' as const,
      render: (product: Product) => (product.stock ? formatCount(product.stock.onHand) : '–'),
    },
    {
      accessor: 'stock.reorderLevel',
      title: t.columns.reorderLevel,
      textAlign: 'right' as const,
      visibleMediaQuery: '(min-width: 48em)',
      render: (product: Product) => (product.stock ? formatCount(product.stock.reorderLevel) : '–'),
    },
    {
      accessor: 'stock.status',
      title: t.columns.status,
      noWrap: true,
      render: (product: Product) => <StockStatusBadge status={product.stock?.status} />,
    },
    {
      accessor: 'salePrice',
      title: t.columns.price,
      sortable: true,
      textAlign: 'right' as const,
      visibleMediaQuery: '(min-width: 48em)',
      render: (product: Product) => formatPrice(product.salePrice, product.currency),
    },
    {
      accessor: 'actions',
      title: <span className="visually-hidden">{t.columns.actions}</span>,
      textAlign: 'right' as const,
      render: (product: Product) =>
        product.active && (
          // The browser's own tooltip (title): a Mantine Tooltip per row costs each answer's
          // render a floating element's hooks for every row.
          <ActionIcon
            variant="subtle"
            aria-label={t.recordFor(product.name)}
            title={t.recordFor(product.name)}
            onClick={() =>
              onRecord(
                {
                  id: product.id,
                  sku: product.sku,
                  name: product.name,
                  onHand: product.stock?.onHand ?? null,
                },
                'issue',
              )
            }
          >
            <IconArrowsExchange size={18} />
          </ActionIcon>
        ),
    },
  ];
}

/**
 * The search box, with its own state: a keystroke re-renders only the box, not the table, so
 * typing stays quick at any table size. It asks once typing pauses.
 */
function SearchField({ q, onSearch }: { q?: string; onSearch: (q: string | undefined) => void }) {
  const [text, setText] = useState(q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced !== (q ?? '')) onSearch(debounced || undefined);
    // Only the typed text drives this; the URL follows it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  return (
    <TextInput
      label={t.search}
      placeholder={t.searchPlaceholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      type="search"
      autoFocus
      style={{ flex: '1 1 280px' }}
    />
  );
}
