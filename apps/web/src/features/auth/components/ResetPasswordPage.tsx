import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { ApiProblem } from '../../../shared/api/problem';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { TextLink } from '../../../shared/components/links';
import { applyFieldErrors } from '../../../shared/forms/field-errors';
import { resetSchema, useConfirmPasswordReset, type ResetInput } from '../api/password-reset';
import { authTexts as t } from '../texts';
import { AuthFrame } from './AuthFrame';
import { ForgotPasswordPage } from './ForgotPasswordPage';

export function ResetPasswordPage({ token }: { token?: string }) {
  const navigate = useNavigate();
  const confirm = useConfirmPasswordReset(token ?? '');
  const form = useForm<ResetInput>({
    resolver: zodResolver(resetSchema),
    defaultValues: { newPassword: '', repeat: '' },
  });
  if (!token) return <ForgotPasswordPage notice={t.resetTokenMissing} />;
  const problem = confirm.error instanceof ApiProblem ? confirm.error : null;
  // A refused token (400 naming `token`, or 401/404) means: ask for a new link.
  if (
    problem &&
    (problem.fieldError('token') || problem.status === 401 || problem.status === 404)
  ) {
    return <ForgotPasswordPage notice={t.resetLinkInvalid} />;
  }
  const onSubmit = form.handleSubmit(async (input) => {
    try {
      await confirm.mutateAsync(input);
      await navigate({ to: '/login', search: { reason: 'reset' }, replace: true });
    } catch (error) {
      applyFieldErrors(error, form.setError, ['newPassword']);
    }
  });
  const fieldPlaced = problem?.fieldError('newPassword') !== undefined;
  return (
    <AuthFrame title={t.resetTitle} intro={t.resetIntro}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t.newPassword}
            autoComplete="new-password"
            autoFocus
            required
            error={form.formState.errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <PasswordInput
            label={t.repeatPassword}
            autoComplete="new-password"
            required
            error={form.formState.errors.repeat?.message}
            {...form.register('repeat')}
          />
          {!fieldPlaced && <ErrorBanner error={problem} />}
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t.savePassword}
          </Button>
        </Stack>
      </form>
      <TextLink to="/login" size="sm">
        {t.backToSignIn}
      </TextLink>
    </AuthFrame>
  );
}
