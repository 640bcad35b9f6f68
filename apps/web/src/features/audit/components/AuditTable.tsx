import { Badge, Code, Group, Stack, Table, Text } from '@mantine/core';
import { formatDateTime } from '../../../shared/format';
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

/** The trail as a table: when, who, what, each field from → to, and the request id. */
export function AuditTable({
  entries,
  showEntity = false,
}: {
  entries: AuditEntry[];
  showEntity?: boolean;
}) {
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
                <Text size="sm" data-testid="audit-actor">
                  {entry.actor.email ?? entry.actor.userId ?? t.unknownActor}
                </Text>
                <Text size="xs" c="dimmed">
                  {[entry.actor.role, t.origins[entry.origin] ?? entry.origin]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" data-testid="audit-summary">
                    {entry.summary}
                  </Text>
                  <Group gap={4}>
                    <Badge size="xs" variant="light">
                      {entry.action}
                    </Badge>
                    {showEntity && (
                      <Text size="xs" c="dimmed">
                        {entry.entityType} {entry.entityId}
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                {entry.changes.map((change) => (
                  <Text key={change.field} size="xs" data-testid="audit-change">
                    <b>{change.field}</b>: {show(change.from)} → {show(change.to)}
                  </Text>
                ))}
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
