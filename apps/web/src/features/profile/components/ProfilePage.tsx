import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { ApiProblem } from '../../../shared/api/problem';
import { useCurrentUser } from '../../../shared/auth/use-current-user';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { PageShell } from '../../../shared/components/PageShell';
import { applyFieldErrors } from '../../../shared/forms/field-errors';
import {
  changePasswordSchema,
  useChangePassword,
  useMe,
  type ChangePasswordInput,
} from '../api/change-password';
import { profileTexts as t } from '../texts';

/** /profile: who I am, and changing my password (staff and admins alike). */
export function ProfilePage() {
  const signedIn = useCurrentUser();
  const me = useMe();
  const user = me.data ?? signedIn;
  const change = useChangePassword();
  const form = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '', repeat: '' },
  });
  const submit = form.handleSubmit(async (input) => {
    try {
      await change.mutateAsync(input);
      form.reset();
    } catch (error) {
      applyFieldErrors(error, form.setError, ['currentPassword', 'newPassword']);
    }
  });
  const problem = change.error instanceof ApiProblem ? change.error : null;
  const placed = problem?.fieldError('currentPassword') || problem?.fieldError('newPassword');
  return (
    <PageShell title={t.title}>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t.name} value={user.displayName} />
          <Field label={t.email} value={user.email} />
          <Field label={t.role} value={user.role} />
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md" maw={480}>
        <form onSubmit={submit} noValidate aria-label={t.changePassword}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t.changePassword}
            </Title>
            <PasswordInput
              label={t.currentPassword}
              autoComplete="current-password"
              error={form.formState.errors.currentPassword?.message}
              {...form.register('currentPassword')}
            />
            <PasswordInput
              label={t.newPassword}
              autoComplete="new-password"
              error={form.formState.errors.newPassword?.message}
              {...form.register('newPassword')}
            />
            <PasswordInput
              label={t.repeat}
              autoComplete="new-password"
              error={form.formState.errors.repeat?.message}
              {...form.register('repeat')}
            />
            {change.isSuccess && (
              <Alert color="green" role="status">
                {t.changed}
              </Alert>
            )}
            {!placed && <ErrorBanner error={change.error} />}
            <Button type="submit" loading={change.isPending}>
              {t.save}
            </Button>
          </Stack>
        </form>
      </Paper>
    </PageShell>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </Stack>
  );
}
