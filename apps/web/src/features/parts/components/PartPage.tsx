import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconExternalLink, IconFileTypePdf } from '@tabler/icons-react';
import { memo, type ReactNode, useState } from 'react';
import { ApiProblem } from '../../../shared/api/problem';
import { AdminOnly } from '../../../shared/auth/AdminOnly';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { ButtonLink, TextLink } from '../../../shared/components/links';
import { MovementTable, type Movement } from '../../../shared/components/MovementTable';
import { PageShell } from '../../../shared/components/PageShell';
import { StockStatusBadge } from '../../../shared/components/StockStatusBadge';
import { formatCount, formatDateTime, formatPrice } from '../../../shared/format';
import {
  useMovementLauncher,
  type MovementType,
} from '../../../shared/movements/movement-launcher';
import { usePartPageSlots, type Product } from '../../../shared/slots/part-page-slots';
import { useProduct } from '../api/get-product';
import { HISTORY_PAGE_SIZE, useProductMovements } from '../api/list-product-movements';
import { useProductMedia } from '../api/list-product-media';
import { partsTexts as t } from '../texts';

/** One part: what it is, how many there are, what happened to it; record a movement. */
export function PartPage({ productId }: { productId: string }) {
  const product = useProduct(productId);
  if (product.error instanceof ApiProblem && product.error.status === 404) {
    return (
      <PageShell title={t.notFound}>
        <ButtonLink to="/products" variant="default">
          {t.backToList}
        </ButtonLink>
      </PageShell>
    );
  }
  if (!product.data) {
    return (
      <PageShell title={t.listTitle}>
        <ErrorBanner error={product.error} onRetry={() => void product.refetch()} />
        {!product.error && <Text c="dimmed">…</Text>}
      </PageShell>
    );
  }
  return <PartView product={product.data} />;
}

function PartView({ product }: { product: Product }) {
  const slots = usePartPageSlots();
  const openMovement = useMovementLauncher();
  const record = (type: MovementType) =>
    openMovement(
      {
        id: product.id,
        sku: product.sku,
        name: product.name,
        onHand: product.stock?.onHand ?? null,
        reorderLevel: product.stock?.reorderLevel ?? null,
      },
      type,
    );
  useHotkeys(
    product.active
      ? [
          ['r', () => record('receive')],
          ['i', () => record('issue')],
          ['a', () => record('adjust')],
          ['c', () => record('stocktake')],
        ]
      : [],
  );
  const AdminActions = slots.adminActions;

  return (
    <PageShell
      title={product.name}
      actions={
        AdminActions && (
          <AdminOnly>
            <AdminActions product={product} />
          </AdminOnly>
        )
      }
    >
      <Group gap="xs" wrap="wrap">
        <Badge variant="outline" size="lg" data-testid="part-sku">
          {product.sku}
        </Badge>
        {!product.active && <Badge color="gray">{t.archived}</Badge>}
        <CategoryPath product={product} />
      </Group>
      {!product.active && <Alert color="gray">{t.archivedNote}</Alert>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <StockCard product={product} onRecord={product.active ? record : undefined} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Details product={product} />
        </Grid.Col>
      </Grid>
      <Sections product={product} />
    </PageShell>
  );
}

/**
 * The same part apart from its stock. A movement changes only the stock (its answer is put
 * on screen at once); the sections that do not show it are not rendered again for it, so the
 * new on hand is painted without waiting for the chart, the gallery and the history.
 */
function sameApartFromStock(a: { product: Product }, b: { product: Product }): boolean {
  if (a.product === b.product) return true;
  const keys = Object.keys(a.product) as (keyof Product)[];
  return (
    keys.length === Object.keys(b.product).length &&
    keys.every((key) => key === 'stock' || a.product[key] === b.product[key])
  );
}

/** The chart, the pictures and datasheets, the history (each refreshes its own data). */
const Sections = memo(function Sections({ product }: { product: Product }) {
  const slots = usePartPageSlots();
  const Chart = slots.chart;
  return (
    <>
      {Chart && (
        <section aria-label={t.history} data-slot="chart">
          <Chart product={product} />
        </section>
      )}
      <Media product={product} />
      <History
        productId={product.id}
        changes={slots.history && <slots.history product={product} />}
      />
    </>
  );
}, sameApartFromStock);

function CategoryPath({ product }: { product: Product }) {
  if (!product.category) {
    return (
      <Text size="sm" c="dimmed">
        {t.uncategorised}
      </Text>
    );
  }
  const { category } = product;
  return (
    <Breadcrumbs separator="›" aria-label={t.columns.category}>
      {category.path.map((name, index) =>
        index === category.path.length - 1 ? (
          <TextLink key={name} to="/products" search={{ category: category.id }} size="sm">
            {name}
          </TextLink>
        ) : (
          <Text key={name} size="sm" c="dimmed">
            {name}
          </Text>
        ),
      )}
    </Breadcrumbs>
  );
}

function StockCard({
  product,
  onRecord,
}: {
  product: Product;
  onRecord?: (type: MovementType) => void;
}) {
  const { stock } = product;
  return (
    <Paper withBorder p="md" radius="sm" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.stock}
        </Title>
        {stock ? (
          <>
            <Group align="baseline" gap="sm">
              <Text fz={40} fw={700} lh={1} data-testid="on-hand">
                {formatCount(stock.onHand)}
              </Text>
              <Text c="dimmed">{t.onHand}</Text>
              <StockStatusBadge status={stock.status} />
            </Group>
            <Table variant="vertical" layout="fixed" withRowBorders={false}>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={140}>{t.reorderLevel}</Table.Th>
                  <Table.Td data-testid="reorder-level">{formatCount(stock.reorderLevel)}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t.location}</Table.Th>
                  <Table.Td>{stock.location ?? '–'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>{t.lastMovement}</Table.Th>
                  <Table.Td>{formatDateTime(stock.lastMovementAt)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </>
        ) : (
          <Alert color="orange">{t.stockUnavailable}</Alert>
        )}
        {onRecord && (
          <>
            <SimpleGrid cols={{ base: 2, xs: 4, md: 2 }} spacing="xs">
              <Button onClick={() => onRecord('receive')} color="green">
                {t.receive}
              </Button>
              <Button onClick={() => onRecord('issue')}>{t.issue}</Button>
              <Button onClick={() => onRecord('adjust')} variant="default">
                {t.adjust}
              </Button>
              <Button onClick={() => onRecord('stocktake')} variant="default">
                {t.stocktake}
              </Button>
            </SimpleGrid>
            <Text size="xs" c="dimmed" visibleFrom="sm">
              {t.shortcuts}
            </Text>
          </>
        )}
      </Stack>
    </Paper>
  );
}

const Details = memo(function DetailsCard({ product }: { product: Product }) {
  const parameters = Object.entries(product.parameters);
  return (
    <Paper withBorder p="md" radius="sm" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.details}
        </Title>
        <Table variant="vertical" layout="fixed" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={180}>{t.salePrice}</Table.Th>
              <Table.Td data-testid="sale-price">
                {formatPrice(product.salePrice, product.currency)}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t.unitCost}</Table.Th>
              <Table.Td>{formatPrice(product.unitCost, product.currency)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t.manufacturer}</Table.Th>
              <Table.Td>{product.manufacturer ?? '–'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t.mpn}</Table.Th>
              <Table.Td>{product.mpn ?? '–'}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {product.description && <Text size="sm">{product.description}</Text>}
        <Title order={3} size="h5">
          {t.parameters}
        </Title>
        {parameters.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.noParameters}
          </Text>
        ) : (
          <Table striped withTableBorder data-testid="parameters">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.parameter}</Table.Th>
                <Table.Th>{t.value}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parameters.map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Td>{name}</Table.Td>
                  <Table.Td>
                    {typeof value === 'boolean' ? (value ? t.yes : t.no) : String(value)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}, sameApartFromStock);

function Media({ product }: { product: Product }) {
  const media = useProductMedia(product.id);
  const [selected, setSelected] = useState(0);
  const images = media.data?.images ?? [];
  const datasheets = media.data?.datasheets ?? [];
  const shown = images[Math.min(selected, Math.max(images.length - 1, 0))];
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder p="md" radius="sm">
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t.images}
            </Title>
            <ErrorBanner error={media.error} onRetry={() => void media.refetch()} />
            {shown ? (
              <>
                <Image
                  src={shown.url}
                  alt={t.imageAlt(product.name, images.indexOf(shown) + 1)}
                  mah={360}
                  fit="contain"
                  radius="sm"
                  data-testid="gallery-image"
                />
                {images.length > 1 && (
                  <Group gap="xs">
                    {images.map((image, index) => (
                      <UnstyledButton
                        key={image.id}
                        onClick={() => setSelected(index)}
                        aria-label={t.showImage(index + 1)}
                        aria-pressed={image === shown}
                      >
                        <Image src={image.url} alt="" w={64} h={64} fit="cover" radius="sm" />
                      </UnstyledButton>
                    ))}
                  </Group>
                )}
              </>
            ) : (
              !media.isPending && (
                <Text size="sm" c="dimmed">
                  {t.noImages}
                </Text>
              )
            )}
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder p="md" radius="sm" h="100%">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t.datasheets}
            </Title>
            {datasheets.length === 0 && !media.isPending && (
              <Text size="sm" c="dimmed">
                {t.noDatasheets}
              </Text>
            )}
            {datasheets.map((sheet) => (
              <Group key={sheet.id} gap="xs" wrap="nowrap">
                <IconFileTypePdf size={18} aria-hidden />
                <Anchor href={sheet.url} target="_blank" rel="noopener noreferrer" size="sm">
                  {sheet.filename} <IconExternalLink size={12} aria-hidden />
                  <span className="visually-hidden"> {t.opensInNewTab}</span>
                </Anchor>
              </Group>
            ))}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}

const NO_MOVEMENTS: Movement[] = [];

/** Movements from the ledger; with the audit trail wired in, a History tab of every change. */
function History({ productId, changes }: { productId: string; changes?: ReactNode }) {
  const [page, setPage] = useState(1);
  const movements = useProductMovements(productId, page);
  const table = (
    <>
      <ErrorBanner error={movements.error} onRetry={() => void movements.refetch()} />
      <MovementTable
        records={movements.data?.items ?? NO_MOVEMENTS}
        // Only while another page loads: a refresh after a movement renders once, when its
        // answer is there.
        fetching={movements.isPlaceholderData}
        paging={{
          page,
          pageSize: HISTORY_PAGE_SIZE,
          total: movements.data?.total ?? 0,
          onPageChange: setPage,
        }}
      />
    </>
  );
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t.history}
      </Title>
      {changes ? (
        <Tabs defaultValue="movements" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="movements">{t.movementsTab}</Tabs.Tab>
            <Tabs.Tab value="changes">{t.changesTab}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="movements" pt="sm">
            <Stack gap="sm">{table}</Stack>
          </Tabs.Panel>
          <Tabs.Panel value="changes" pt="sm">
            {changes}
          </Tabs.Panel>
        </Tabs>
      ) : (
        table
      )}
    </Stack>
  );
}
