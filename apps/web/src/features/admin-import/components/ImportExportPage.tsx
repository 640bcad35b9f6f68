import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileTypeCsv } from '@tabler/icons-react';
import { STOCK_STATUS_VALUES, type Schemas } from '@inventory/api-client';
import { useState } from 'react';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import { useCategoryChoices } from '../api/categories';
import { useExportProducts, type ExportFilters } from '../api/export-products';
import {
  badLinesOf,
  useImportProducts,
  type BadLine,
  type ImportResult,
} from '../api/import-products';
import { adminImportTexts as t } from '../texts';
import { isKnownColumn, previewRows } from './csv-preview';

const PREVIEW_ROWS = 5;
/** Enough of the file for a preview of its first rows, without reading all of it. */
const PREVIEW_BYTES = 64 * 1024;

/** /admin/import: CSV import with preview, progress and bad lines; export with filters. */
export function ImportExportPage({ filters }: { filters: ExportFilters }) {
  return (
    <PageShell title={t.title}>
      <ImportCard />
      <ExportCard initial={filters} />
    </PageShell>
  );
}

function ImportCard() {
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<string[][]>([]);
  const [progress, setProgress] = useState(0);
  const [result, setResult] = useState<ImportResult | null>(null);
  const importing = useImportProducts();

  const choose = (next: File | null) => {
    setFile(next);
    setRows([]);
    setResult(null);
    importing.reset();
    if (next) {
      void next
        .slice(0, PREVIEW_BYTES)
        .text()
        .then((text) => setRows(previewRows(text, PREVIEW_ROWS + 1)));
    }
  };

  const header = rows[0] ?? [];
  const start = async (partial: boolean) => {
    if (!file) return;
    setProgress(0);
    setResult(null);
    try {
      setResult(await importing.mutateAsync({ file, partial, onProgress: setProgress }));
    } catch {
      // shown below
    }
  };
  const badLines: BadLine[] = result
    ? result.errors.map((e) => ({ line: e.line, field: e.field, message: e.message }))
    : badLinesOf(importing.error);
  const refusedWhole = !result && badLines.length > 0;

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.importTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {t.importIntro}
        </Text>
        <FileInput
          label={t.chooseFile}
          placeholder={t.choosePlaceholder}
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={16} />}
          value={file}
          onChange={choose}
          clearable
          data-testid="csv-file"
        />
        {file && header.length > 0 && (
          <Stack gap={6} data-testid="csv-preview">
            <Text size="sm" fw={500}>
              {t.columnsFound} ({t.fileSize(file.size)})
            </Text>
            <Group gap={4}>
              {header.map((column) => (
                <Badge
                  key={column}
                  tt="none"
                  variant={isKnownColumn(column) ? 'light' : 'outline'}
                  color={isKnownColumn(column) ? 'blue' : 'gray'}
                  title={isKnownColumn(column) ? undefined : t.unknownColumn(column)}
                >
                  {column}
                </Badge>
              ))}
            </Group>
            {!header.map((c) => c.trim()).includes('sku') && (
              <Text c="red" size="sm">
                {t.noSku}
              </Text>
            )}
            <Text size="sm">{t.preview(Math.max(rows.length - 1, 0))}</Text>
            <Table.ScrollContainer minWidth={500}>
              <Table withTableBorder fz="xs" verticalSpacing={2}>
                <Table.Thead>
                  <Table.Tr>
                    {header.map((column, i) => (
                      <Table.Th key={i}>{column}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(1).map((row, r) => (
                    <Table.Tr key={r}>
                      {header.map((_, c) => (
                        <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
        <Group>
          <Button disabled={!file} loading={importing.isPending} onClick={() => start(false)}>
            {t.importAll}
          </Button>
          <Button
            variant="light"
            disabled={!file}
            loading={importing.isPending}
            onClick={() => start(true)}
          >
            {t.importGood}
          </Button>
        </Group>
        {importing.isPending && (
          <Stack gap={4} data-testid="import-progress">
            <Text size="sm">
              {progress < 1 ? t.uploading(Math.round(progress * 100)) : t.processing}
            </Text>
            <Progress
              value={progress < 1 ? Math.round(progress * 100) : 100}
              animated={progress >= 1}
              aria-label={t.uploading(Math.round(progress * 100))}
            />
          </Stack>
        )}
        {result && (
          <Alert
            color={result.rejected > 0 ? 'orange' : 'green'}
            role="status"
            data-testid="import-result"
          >
            {t.done(result.created, result.updated, result.unchanged)}
            {result.rejected > 0 && ` ${t.rejectedRows(result.rejected)}`}
          </Alert>
        )}
        {!result && !refusedWhole && <ErrorBanner error={importing.error} />}
        {refusedWhole && (
          <Alert color="red" role="alert" title={t.nothingImported}>
            {importing.error instanceof Error ? importing.error.message : ''}
          </Alert>
        )}
        {badLines.length > 0 && (
          <Table.ScrollContainer minWidth={400}>
            <Table withTableBorder striped data-testid="bad-lines" aria-label={t.badLines}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.line}</Table.Th>
                  <Table.Th>{t.field}</Table.Th>
                  <Table.Th>{t.problem}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {badLines.map((bad, i) => (
                  <Table.Tr key={i} data-testid="bad-line">
                    <Table.Td>{bad.line ?? ''}</Table.Td>
                    <Table.Td>{bad.field ?? ''}</Table.Td>
                    <Table.Td>{bad.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {result?.errorsTruncated && <Text size="sm">{t.truncated}</Text>}
      </Stack>
    </Paper>
  );
}

function ExportCard({ initial }: { initial: ExportFilters }) {
  const categories = useCategoryChoices();
  const exporting = useExportProducts();
  const [search, setSearch] = useState(initial.search ?? '');
  const [categoryId, setCategoryId] = useState<string | null>(initial.categoryId ?? null);
  const [active, setActive] = useState(
    initial.active === undefined ? 'all' : initial.active ? 'active' : 'archived',
  );
  const [status, setStatus] = useState<Schemas['StockStatus'] | null>(initial.status ?? null);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.exportTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {t.exportIntro}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t.search}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            label={t.category}
            placeholder={t.anyCategory}
            data={categories.data ?? []}
            value={categoryId}
            onChange={setCategoryId}
            clearable
            searchable
          />
          <Select
            label={t.stock}
            placeholder={t.stockAll}
            data={STOCK_STATUS_VALUES.map((value) => ({ value, label: t.stockOptions[value] }))}
            value={status}
            onChange={(value) => setStatus(value as Schemas['StockStatus'] | null)}
            clearable
          />
          <Select
            label={t.active}
            allowDeselect={false}
            value={active}
            onChange={(value) => value && setActive(value)}
            data={[
              { value: 'all', label: t.activeAll },
              { value: 'active', label: t.activeOnly },
              { value: 'archived', label: t.archivedOnly },
            ]}
          />
          <Button
            leftSection={<IconDownload size={16} />}
            loading={exporting.isPending}
            onClick={async () => {
              const name = await exporting.mutateAsync({
                search: search.trim() || undefined,
                categoryId: categoryId ?? undefined,
                active: active === 'all' ? undefined : active === 'active',
                status: status ?? undefined,
              });
              notifications.show({ color: 'green', message: t.downloaded(name) });
            }}
          >
            {t.download}
          </Button>
        </Group>
        <ErrorBanner error={exporting.error} />
      </Stack>
    </Paper>
  );
}
