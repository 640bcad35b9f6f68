import { Badge, Code, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/format';
import { useStackedLayout } from '../../../shared/components/use-stacked-layout';
import type { AuditEntry } from '../api/list-audit';
import { auditTexts as t } from '../texts';

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(show).join(', ') || '–';
  if (typeof value === 'object') {
    const named = value as { filename?: string };
    return named.filename ?? JSON.stringify(value);
  }
  return String(value);
};

interface Props {
  entries: AuditEntry[];
  /** Name the entity of each entry (a trail across entities). */
  showEntity?: boolean;
}

/** Cards wrap long emails and ids anywhere; table cells keep them whole, as they always did. */
const wrapAnywhere = (wrap: boolean) => (wrap ? { overflowWrap: 'anywhere' as const } : undefined);

function Actor({ entry, wrap = false }: { entry: AuditEntry; wrap?: boolean }) {
  return (
    <Text size="sm" data-testid="audit-actor" style={wrapAnywhere(wrap)}>
      {entry.actor.email ?? entry.actor.userId ?? t.unknownActor}
    </Text>
  );
}

/** "admin · console": the actor's role then and where the change came from. */
const roleAndOrigin = (entry: AuditEntry) =>
  [entry.actor.role, t.origins[entry.origin] ?? entry.origin].filter(Boolean).join(' · ');

function Changes({ entry, wrap = false }: { entry: AuditEntry; wrap?: boolean }) {
  return entry.changes.map((change) => (
    <Text key={change.field} size="xs" data-testid="audit-change" style={wrapAnywhere(wrap)}>
      <b>{change.field}</b>: {show(change.from)} → {show(change.to)}
    </Text>
  ));
}

function ActionAndEntity({
  entry,
  showEntity,
  wrap = false,
}: {
  entry: AuditEntry;
  showEntity: boolean;
  wrap?: boolean;
}) {
  return (
    <Group gap={4}>
      <Badge size="xs" variant="light">
        {entry.action}
      </Badge>
      {showEntity && (
        <Text size="xs" c="dimmed" style={wrapAnywhere(wrap)}>
          {entry.entityType} {entry.entityId}
        </Text>
      )}
    </Group>
  );
}

/**
 * The trail: when, who, what, each field from → to, and the request id. A table, or below
 * the `sm` breakpoint one stacked card per entry (what happened first, then who and when,
 * the changes, the request id), never scrolling sideways.
 */
export function AuditTable(props: Props) {
  const stacked = useStackedLayout('sm');
  return stacked ? <AuditCards {...props} /> : <AuditColumns {...props} />;
}

/** Phone and small tablet width: one card per entry. */
function AuditCards({ entries, showEntity = false }: Props) {
  return (
    <Stack
      component="ul"
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: 'none' }}
      data-testid="audit-list"
    >
      {entries.map((entry) => (
        <Paper
          component="li"
          key={entry.id}
          withBorder
          radius="sm"
          p="sm"
          data-testid="audit-row"
          data-action={entry.action}
        >
          <Stack gap={6}>
            <Stack gap={2}>
              <Text
                size="sm"
                fw={600}
                data-testid="audit-summary"
                style={{ overflowWrap: 'anywhere' }}
              >
                {entry.summary}
              </Text>
              <ActionAndEntity entry={entry} showEntity={showEntity} wrap />
            </Stack>
            <Stack gap={0}>
              <Actor entry={entry} wrap />
              <Text size="xs" c="dimmed">
                {[formatDateTime(entry.at), roleAndOrigin(entry)].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
            {entry.changes.length > 0 && (
              <Stack gap={0}>
                <Changes entry={entry} wrap />
              </Stack>
            )}
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t.request} <Code fz="xs">{entry.correlationId}</Code>
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}

/** Wider screens: a table. */
function AuditColumns({ entries, showEntity = false }: Props) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing={4} data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.when}</Table.Th>
            <Table.Th>{t.who}</Table.Th>
            <Table.Th>{t.what}</Table.Th>
            <Table.Th>{t.changes}</Table.Th>
            <Table.Th>{t.request}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
              <Table.Td>
                <Actor entry={entry} />
                <Text size="xs" c="dimmed">
                  {roleAndOrigin(entry)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" data-testid="audit-summary">
                    {entry.summary}
                  </Text>
                  <ActionAndEntity entry={entry} showEntity={showEntity} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <Changes entry={entry} />
              </Table.Td>
              <Table.Td>
                <Code fz="xs">{entry.correlationId}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
