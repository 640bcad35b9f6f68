import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  Pagination,
  Paper,
  Select,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiProblem } from '../../../shared/api/problem';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import {
  useEmail,
  useEmailLog,
  useRecipients,
  useRunDigest,
  useSaveRecipients,
  useUserName,
  type DigestRun,
  type EmailLogFilters,
} from '../api/alerts';
import { adminAlertsTexts as t } from '../texts';

/** Parts of a digest listed here; the email itself lists them all. */
const DIGEST_ROWS_SHOWN = 10;

const isAddress = (value: string) => /^[^\s@]+@[^\s@]+$/.test(value);

/** /admin/alerts: recipients, the low-stock digest on demand, and the email log. */
export function AlertsPage() {
  return (
    <PageShell title={t.title}>
      <RecipientsCard />
      <DigestCard />
      <EmailLogCard />
    </PageShell>
  );
}

function RecipientsCard() {
  const recipients = useRecipients();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.recipientsTitle}
        </Title>
        <ErrorBanner error={recipients.error} onRetry={() => recipients.refetch()} />
        {recipients.data && (
          <RecipientsForm key={recipients.data.updatedAt ?? 'never'} saved={recipients.data} />
        )}
      </Stack>
    </Paper>
  );
}

function RecipientsForm({
  saved,
}: {
  saved: { recipients: string[]; updatedAt: string | null; updatedBy: string | null };
}) {
  const save = useSaveRecipients();
  const changedBy = useUserName(saved.updatedBy);
  const [list, setList] = useState<string[]>(saved.recipients);
  const [error, setError] = useState<string | null>(null);
  const problem = save.error instanceof ApiProblem ? save.error : null;
  return (
    <>
      <TagsInput
        label={t.recipients}
        placeholder={t.recipientsPlaceholder}
        value={list}
        onChange={(next) => {
          const bad = next.find((value) => !isAddress(value.trim()));
          setError(bad ? t.notAnAddress(bad) : null);
          setList(next.map((value) => value.trim()).filter(isAddress));
        }}
        error={error ?? problem?.fieldError('recipients')}
        splitChars={[',', ' ', ';']}
        clearable
      />
      {saved.updatedAt && (
        <Text size="xs" c="dimmed">
          {t.updated(new Date(saved.updatedAt).toLocaleString(), changedBy.data ?? null)}
        </Text>
      )}
      {!problem?.fieldError('recipients') && <ErrorBanner error={save.error} />}
      <Group>
        <Button
          loading={save.isPending}
          onClick={async () => {
            await save.mutateAsync(list);
            notifications.show({ color: 'green', message: t.recipientsSaved });
          }}
        >
          {t.saveRecipients}
        </Button>
      </Group>
    </>
  );
}

function DigestCard() {
  const run = useRunDigest();
  const [force, setForce] = useState(false);
  const result = run.data;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.digestTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {t.digestIntro}
        </Text>
        <Checkbox
          label={t.force}
          checked={force}
          onChange={(e) => setForce(e.currentTarget.checked)}
        />
        <Group>
          <Button loading={run.isPending} onClick={() => run.mutate(force)}>
            {t.runDigest}
          </Button>
        </Group>
        <ErrorBanner error={run.error} />
        {result && <DigestResult result={result} />}
      </Stack>
    </Paper>
  );
}

function DigestResult({ result }: { result: DigestRun }) {
  const status = result.status as keyof typeof t.digestResult;
  const message =
    status === 'sent'
      ? t.digestResult.sent(result.items.length, result.recipients.join(', '))
      : status === 'already_sent'
        ? t.digestResult.already_sent(
            result.previouslySentAt ? new Date(result.previouslySentAt).toLocaleString() : '',
          )
        : (t.digestResult[status] as string);
  return (
    <Alert
      color={status === 'sent' ? 'green' : status === 'failed' ? 'red' : 'blue'}
      role="status"
      data-testid="digest-result"
    >
      <Stack gap={4}>
        <Text size="sm">{message}</Text>
        {result.items.length > 0 && (
          <Table fz="xs" verticalSpacing={2}>
            <Table.Tbody>
              {result.items.slice(0, DIGEST_ROWS_SHOWN).map((item) => (
                <Table.Tr key={item.productId}>
                  <Table.Td>{item.sku}</Table.Td>
                  <Table.Td>{item.name}</Table.Td>
                  <Table.Td>
                    {item.onHand} / {item.reorderLevel}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {result.items.length > DIGEST_ROWS_SHOWN && (
          <Text size="xs">{t.andMore(result.items.length - DIGEST_ROWS_SHOWN)}</Text>
        )}
      </Stack>
    </Alert>
  );
}

function EmailLogCard() {
  const [filters, setFilters] = useState<EmailLogFilters>({ page: 1 });
  const [open, setOpen] = useState<string | null>(null);
  const log = useEmailLog(filters);
  const set = (patch: Partial<EmailLogFilters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / log.data.pageSize)) : 1;
  const options = (labels: Record<string, string>) =>
    Object.entries(labels).map(([value, label]) => ({ value, label }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t.logTitle}
        </Title>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t.kind}
            placeholder={t.any}
            data={options(t.kinds)}
            value={filters.kind ?? null}
            onChange={(v) => set({ kind: v ?? undefined })}
            clearable
            w={160}
          />
          <Select
            label={t.status}
            placeholder={t.any}
            data={options(t.statuses)}
            value={filters.status ?? null}
            onChange={(v) => set({ status: v ?? undefined })}
            clearable
            w={140}
          />
          <TextInput
            label={t.from}
            type="date"
            value={filters.from?.slice(0, 10) ?? ''}
            onChange={(e) =>
              set({ from: e.currentTarget.value ? `${e.currentTarget.value}T00:00:00` : undefined })
            }
          />
          <TextInput
            label={t.to}
            type="date"
            value={filters.to ? dayBefore(filters.to) : ''}
            onChange={(e) =>
              set({ to: e.currentTarget.value ? dayAfter(e.currentTarget.value) : undefined })
            }
          />
        </Group>
        <ErrorBanner error={log.error} onRetry={() => log.refetch()} />
        {log.data?.items.length === 0 && <Text c="dimmed">{t.none}</Text>}
        {log.data && log.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing={4} data-testid="email-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.at}</Table.Th>
                  <Table.Th>{t.kind}</Table.Th>
                  <Table.Th>{t.status}</Table.Th>
                  <Table.Th>{t.to_}</Table.Th>
                  <Table.Th>{t.subject}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.map((entry) => (
                  <Table.Tr key={entry.id} data-testid="email-row">
                    <Table.Td>
                      <Text size="sm">{new Date(entry.at).toLocaleString()}</Text>
                    </Table.Td>
                    <Table.Td>{t.kinds[entry.kind] ?? entry.kind}</Table.Td>
                    <Table.Td>
                      <Badge
                        color={
                          entry.status === 'sent'
                            ? 'green'
                            : entry.status === 'failed'
                              ? 'red'
                              : 'gray'
                        }
                        variant="light"
                      >
                        {t.statuses[entry.status] ?? entry.status}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry.recipients.join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor
                        component="button"
                        type="button"
                        onClick={() => setOpen(entry.id)}
                        aria-label={t.open(entry.subject)}
                      >
                        {entry.subject}
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {pages > 1 && (
          <Pagination
            total={pages}
            value={filters.page}
            onChange={(page) => setFilters((f) => ({ ...f, page }))}
          />
        )}
      </Stack>
      <EmailDialog id={open} onClose={() => setOpen(null)} />
    </Paper>
  );
}

/** `to` is exclusive: the day after the last day picked. */
function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + 1);
  return `${date.toISOString().slice(0, 10)}T00:00:00`;
}
function dayBefore(iso: string): string {
  const date = new Date(iso);
  date.setDate(date.getDate() - 1);
  return date.toISOString().slice(0, 10);
}

function EmailDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const email = useEmail(id);
  const entry = email.data;
  return (
    <Modal opened={id !== null} onClose={onClose} title={entry?.subject ?? ''} size="lg">
      <ErrorBanner error={email.error} />
      {entry && (
        <Stack gap="xs" data-testid="email-open">
          <Text size="sm">
            {t.to_}: {entry.recipients.join(', ')} · {new Date(entry.at).toLocaleString()} ·{' '}
            {t.statuses[entry.status] ?? entry.status}
          </Text>
          {entry.error && (
            <Text size="sm" c="red">
              {t.error}: {entry.error}
            </Text>
          )}
          {entry.text ? (
            <Code block style={{ whiteSpace: 'pre-wrap' }}>
              {entry.text}
            </Code>
          ) : (
            <Text c="dimmed">{t.noText}</Text>
          )}
        </Stack>
      )}
    </Modal>
  );
}
