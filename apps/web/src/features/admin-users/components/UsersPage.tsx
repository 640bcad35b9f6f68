import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Pagination,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ROLE_VALUES } from '@inventory/api-client';
import { ApiProblem } from '../../../shared/api/problem';
import { describe, ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import { useStackedLayout } from '../../../shared/components/use-stacked-layout';
import {
  useCreateUser,
  useSendPasswordReset,
  useUpdateUser,
  useUsers,
  type User,
} from '../api/users';
import { adminUsersTexts as t } from '../texts';

type Role = (typeof ROLE_VALUES)[number];
type UserChange = { role?: Role; active?: boolean };

const ROLE_LABELS: Record<Role, string> = { admin: t.admin, staff: t.staff };
const ROLE_OPTIONS = ROLE_VALUES.map((value) => ({ value, label: ROLE_LABELS[value] }));
const isRole = (value: string | null): value is Role => ROLE_VALUES.some((role) => role === value);

interface UserListProps {
  users: User[];
  onChange: (user: User, body: UserChange) => void;
  onSendReset: (user: User) => Promise<void>;
}

/**
 * The users of a page with their role, status and actions: a table, or on a phone one
 * stacked card per user (name and status first, actions below), never scrolling sideways.
 */
function UserList({ users, onChange, onSendReset }: UserListProps) {
  const stacked = useStackedLayout('sm');
  const role = (user: User) => (
    <Select
      aria-label={t.roleOf(user.displayName)}
      size="xs"
      w={110}
      allowDeselect={false}
      data={ROLE_OPTIONS}
      value={user.role}
      onChange={(value) => isRole(value) && value !== user.role && onChange(user, { role: value })}
    />
  );
  const status = (user: User) => (
    <Badge
      color={user.active ? 'green' : 'gray'}
      variant="light"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {user.active ? t.active : t.inactive}
    </Badge>
  );
  const lastLogin = (user: User) =>
    user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString() : t.never;
  const actions = (user: User) => (
    <>
      <Button
        size="compact-xs"
        variant="light"
        color={user.active ? 'red' : 'green'}
        onClick={() => onChange(user, { active: !user.active })}
      >
        {user.active ? t.deactivate : t.reactivate}
      </Button>
      <Button
        size="compact-xs"
        variant="subtle"
        disabled={!user.active}
        onClick={() => void onSendReset(user)}
      >
        {t.sendReset}
      </Button>
    </>
  );

  if (stacked) {
    return (
      <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {users.map((user) => (
          <Paper
            component="li"
            key={user.id}
            withBorder
            radius="sm"
            p="sm"
            data-testid="user-row"
            data-email={user.email}
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={600}>{user.displayName}</Text>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {user.email}
                  </Text>
                </Stack>
                {status(user)}
              </Group>
              <Text size="xs" c="dimmed">
                {t.lastLogin}: {lastLogin(user)}
              </Text>
              <Group gap="xs" wrap="wrap">
                {role(user)}
                {actions(user)}
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.displayName}</Table.Th>
            <Table.Th>{t.email}</Table.Th>
            <Table.Th>{t.role}</Table.Th>
            <Table.Th>{t.status}</Table.Th>
            <Table.Th>{t.lastLogin}</Table.Th>
            <Table.Th>{t.actions}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
              <Table.Td>{user.displayName}</Table.Td>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{role(user)}</Table.Td>
              <Table.Td>{status(user)}</Table.Td>
              <Table.Td>
                <Text size="sm">{lastLogin(user)}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {actions(user)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** /admin/users: search, create (welcome email), role, deactivate/reactivate, reset. */
export function UsersPage() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const [page, setPage] = useState(1);
  const users = useUsers({ q, page });
  const update = useUpdateUser();
  const reset = useSendPasswordReset();
  const [creating, setCreating] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const pages = users.data ? Math.max(1, Math.ceil(users.data.total / users.data.pageSize)) : 1;

  const change = async (user: User, body: UserChange) => {
    setRefusal(null);
    try {
      await update.mutateAsync({ id: user.id, ...body });
      notifications.show({
        color: 'green',
        message:
          body.role !== undefined
            ? t.roleChanged(user.displayName, body.role)
            : body.active
              ? t.reactivated(user.displayName)
              : t.deactivated(user.displayName),
      });
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : null;
      setRefusal(problem ? (problem.body?.message ?? describe(problem).message) : String(error));
    }
  };

  return (
    <PageShell
      title={t.title}
      actions={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t.newUser}
        </Button>
      }
    >
      <TextInput
        label={t.search}
        placeholder={t.searchPlaceholder}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
        maw={360}
      />
      {refusal && (
        <Alert
          color="red"
          role="alert"
          title={t.refused}
          withCloseButton
          onClose={() => setRefusal(null)}
        >
          {refusal}
        </Alert>
      )}
      <ErrorBanner error={users.error} onRetry={() => users.refetch()} />
      {users.data?.items.length === 0 && <Text c="dimmed">{t.none}</Text>}
      {users.data && users.data.items.length > 0 && (
        <UserList
          users={users.data.items}
          onChange={(user, body) => void change(user, body)}
          onSendReset={async (user) => {
            await reset.mutateAsync(user.email);
            notifications.show({ message: t.resetSent(user.email) });
          }}
        />
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
      <ErrorBanner error={reset.error} />
      {creating && <CreateUserDialog onClose={() => setCreating(false)} />}
    </PageShell>
  );
}

function generatedPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return (
    Array.from(bytes, (b) => 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 55]).join(
      '',
    ) + '-7a'
  );
}

function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('staff');
  const [password, setPassword] = useState(generatedPassword);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const problem = create.error instanceof ApiProblem ? create.error : null;
  const fieldError = (field: string) => errors[field] ?? problem?.fieldError(field);

  const submit = async () => {
    const next: Record<string, string> = {};
    if (!/^\S+@\S+$/.test(email.trim())) next.email = t.emailInvalid;
    if (!displayName.trim()) next.displayName = t.required;
    if (password.length < 12) next.password = t.passwordShort;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    try {
      const user = await create.mutateAsync({
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        password,
      } as never);
      notifications.show({ color: 'green', message: t.created(user.email) });
      onClose();
    } catch {
      // shown below
    }
  };
  const placed = ['email', 'displayName', 'password', 'role'].some((f) => problem?.fieldError(f));

  return (
    <Modal opened onClose={onClose} title={t.newUser}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label={t.email}
            required
            type="email"
            data-autofocus
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError('email')}
          />
          <TextInput
            label={t.displayName}
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            error={fieldError('displayName')}
          />
          <Select
            label={t.role}
            allowDeselect={false}
            data={ROLE_OPTIONS}
            value={role}
            onChange={(value) => isRole(value) && setRole(value)}
          />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <PasswordInput
              label={t.password}
              description={t.passwordHint}
              required
              style={{ flex: 1 }}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fieldError('password')}
            />
            <Button variant="default" onClick={() => setPassword(generatedPassword())}>
              {t.generate}
            </Button>
          </Group>
          {!placed && <ErrorBanner error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
