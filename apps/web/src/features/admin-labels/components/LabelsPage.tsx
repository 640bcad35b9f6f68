import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconPrinter, IconX } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';
import { useEffect, useMemo, useRef, useState } from 'react';
import { parseIds, useProductsById } from '../../../shared/api/products-by-id';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import { ProductPicker } from '../../../shared/components/ProductPicker';
import { adminLabelsTexts as t } from '../texts';
import { LABEL_FORMATS, paginate, partUrl, type LabelFormat } from './label-formats';
import './labels.css';

interface LabelData {
  key: string;
  productId: string;
  sku: string;
  name: string;
  location: string | null;
}

interface RenderedLabel extends LabelData {
  qr: string;
  barcode: string | null;
}

export interface LabelsSearch {
  ids?: string;
  format?: LabelFormat['id'];
}

/**
 * /admin/labels?ids=…: labels for one part or a selection, copies per part, on an A4 sheet
 * of 3 × 8 or a 62 mm roll, previewed as they print (print CSS). The code libraries load
 * with this page only (its route is lazy).
 */
export default function LabelsPage({ search }: { search: LabelsSearch }) {
  const ids = parseIds(search.ids);
  const navigate = useNavigate();
  const products = useProductsById(ids);
  const [copies, setCopies] = useState<Record<string, number | string>>({});
  const [formatId, setFormatId] = useState<LabelFormat['id']>(search.format ?? 'a4-3x8');
  const [skip, setSkip] = useState<number | string>(0);
  const [showLocation, setShowLocation] = useState(true);
  const [showBarcode, setShowBarcode] = useState(false);
  const format = LABEL_FORMATS[formatId];

  const setIds = (next: string[]) =>
    navigate({ to: '/admin/labels', search: { ids: next.join(',') || undefined }, replace: true });

  const loaded = products.flatMap((query) => (query.data ? [query.data] : []));
  const loadedKey = loaded.map((p) => p.id).join(',');
  const copiesKey = JSON.stringify(copies);
  const labels: LabelData[] = useMemo(
    () =>
      loaded.flatMap((product) => {
        const count = Number(copies[product.id] ?? 1) || 0;
        const stock = product.stock as { location?: string | null } | null;
        return Array.from({ length: Math.min(count, 500) }, (_, copy) => ({
          key: `${product.id}-${copy}`,
          productId: product.id,
          sku: product.sku,
          name: product.name,
          location: stock?.location ?? null,
        }));
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the loaded products' ids and copies decide it
    [loadedKey, copiesKey],
  );

  return (
    <PageShell
      title={t.title}
      actions={
        <Button
          leftSection={<IconPrinter size={16} />}
          disabled={labels.length === 0}
          onClick={() => window.print()}
        >
          {t.print}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <Paper withBorder p="md" radius="md">
        <ProductPicker
          selected={new Set(ids)}
          onAdd={(added) => void setIds([...ids, ...added.map((p) => p.id)])}
        />
      </Paper>
      {ids.length === 0 ? (
        <Text c="dimmed">{t.nothingSelected}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.sku}</Table.Th>
                <Table.Th>{t.name}</Table.Th>
                <Table.Th>{t.copies}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((query, index) =>
                query.data ? (
                  <Table.Tr key={query.data.id}>
                    <Table.Td>{query.data.sku}</Table.Td>
                    <Table.Td>{query.data.name}</Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t.copiesOf(query.data.sku)}
                        size="xs"
                        w={90}
                        min={0}
                        max={500}
                        allowDecimal={false}
                        allowNegative={false}
                        value={copies[query.data.id] ?? 1}
                        onChange={(value) =>
                          setCopies((all) => ({ ...all, [query.data!.id]: value }))
                        }
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t.remove(query.data.sku)}
                        onClick={() => void setIds(ids.filter((id) => id !== query.data!.id))}
                      >
                        <IconX size={14} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={ids[index]}>
                    <Table.Td colSpan={4}>
                      {query.error ? <ErrorBanner error={query.error} /> : '…'}
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t.format}
          allowDeselect={false}
          value={formatId}
          onChange={(value) => value && setFormatId(value as LabelFormat['id'])}
          data={[
            { value: 'a4-3x8', label: t.formatA4 },
            { value: 'roll-62', label: t.formatRoll },
          ]}
          w={300}
          maw="100%"
        />
        {format.columns * format.rows > 1 && (
          <NumberInput
            label={t.skip}
            min={0}
            max={format.columns * format.rows - 1}
            allowDecimal={false}
            value={skip}
            onChange={setSkip}
            w={260}
          />
        )}
        <Checkbox
          label={t.showLocation}
          checked={showLocation}
          onChange={(e) => setShowLocation(e.currentTarget.checked)}
        />
        <Checkbox
          label={t.showBarcode}
          checked={showBarcode}
          onChange={(e) => setShowBarcode(e.currentTarget.checked)}
        />
      </Group>
      {labels.length > 0 && (
        <LabelSheets
          labels={labels}
          format={format}
          skip={format.columns * format.rows > 1 ? Number(skip) || 0 : 0}
          showLocation={showLocation}
          showBarcode={showBarcode}
        />
      )}
    </PageShell>
  );
}

function svgOfBarcode(text: string): string | null {
  try {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    JsBarcode(svg, text, {
      format: 'CODE128',
      displayValue: false,
      margin: 0,
      height: 40,
      width: 1.4,
    });
    return new XMLSerializer().serializeToString(svg);
  } catch {
    return null;
  }
}

function LabelSheets({
  labels,
  format,
  skip,
  showLocation,
  showBarcode,
}: {
  labels: LabelData[];
  format: LabelFormat;
  skip: number;
  showLocation: boolean;
  showBarcode: boolean;
}) {
  const [rendered, setRendered] = useState<{ labels: RenderedLabel[]; started: number } | null>(
    null,
  );
  const [took, setTook] = useState<number | null>(null);
  const area = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    const started = performance.now();
    const origin = window.location.origin;
    const qrOf = new Map<string, Promise<string>>();
    const barcodeOf = new Map<string, string | null>();
    void Promise.all(
      labels.map(async (label) => {
        if (!qrOf.has(label.productId)) {
          qrOf.set(
            label.productId,
            QRCode.toString(partUrl(origin, label.productId), {
              type: 'svg',
              margin: 1,
              errorCorrectionLevel: 'M',
            }),
          );
        }
        if (showBarcode && !barcodeOf.has(label.sku))
          barcodeOf.set(label.sku, svgOfBarcode(label.sku));
        return {
          ...label,
          qr: await qrOf.get(label.productId)!,
          barcode: showBarcode ? (barcodeOf.get(label.sku) ?? null) : null,
        };
      }),
    ).then((all) => {
      if (!current) return;
      setRendered({ labels: all, started });
      // Two frames later the sheet has been laid out and painted.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => current && setTook(Math.round(performance.now() - started))),
      );
    });
    return () => {
      current = false;
    };
  }, [labels, showBarcode]);

  if (!rendered) return null;
  const pages = paginate(rendered.labels, format, skip);
  const mm = (value: number) => `${value}mm`;
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="label-summary" data-render-ms={took ?? ''}>
        {t.summary(rendered.labels.length, pages.length)}
        {took !== null && ` · ${t.rendered(took)}`}
      </Text>
      <style>{`@media print { @page { size: ${mm(format.page.width)} ${mm(format.page.height)}; margin: 0; } }`}</style>
      <ScrollArea type="auto" aria-label={t.preview}>
        <div className="label-print-area" ref={area} data-testid="label-sheets">
          {pages.map((cells, index) => (
            <div
              key={index}
              className="label-page"
              aria-label={t.sheet(index + 1)}
              data-testid="label-page"
              style={{
                width: mm(format.page.width),
                height: mm(format.page.height),
                gridTemplateColumns: `repeat(${format.columns}, ${mm(format.label.width)})`,
                gridTemplateRows: `repeat(${format.rows}, ${mm(format.label.height)})`,
              }}
            >
              {cells.map((label, cell) =>
                label ? (
                  <div
                    key={`${label.key}-${cell}`}
                    className="label"
                    data-testid="label"
                    data-sku={label.sku}
                  >
                    {/* SVG from the qrcode library: markup it generated, not user input. */}
                    <div className="label-qr" dangerouslySetInnerHTML={{ __html: label.qr }} />
                    <div className="label-text">
                      <span className="label-sku">{label.sku}</span>
                      <span className="label-name">{label.name}</span>
                      {showLocation && label.location && <span>{label.location}</span>}
                      {label.barcode && (
                        <div
                          className="label-barcode"
                          dangerouslySetInnerHTML={{ __html: label.barcode }}
                        />
                      )}
                    </div>
                  </div>
                ) : (
                  <div key={`empty-${cell}`} className="label" />
                ),
              )}
            </div>
          ))}
        </div>
      </ScrollArea>
    </Stack>
  );
}
