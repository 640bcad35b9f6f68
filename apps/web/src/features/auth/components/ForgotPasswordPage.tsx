import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { ApiProblem } from '../../../shared/api/problem';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { TextLink } from '../../../shared/components/links';
import { forgotSchema, useRequestPasswordReset, type ForgotInput } from '../api/password-reset';
import { authTexts as t } from '../texts';
import { AuthFrame } from './AuthFrame';

export function ForgotPasswordPage({ notice }: { notice?: string }) {
  const request = useRequestPasswordReset();
  const form = useForm<ForgotInput>({
    resolver: zodResolver(forgotSchema),
    defaultValues: { email: '' },
  });
  const onSubmit = form.handleSubmit((input) => request.mutate(input));
  const problem = request.error instanceof ApiProblem ? request.error : null;
  return (
    <AuthFrame title={t.forgotTitle} intro={t.forgotIntro}>
      {notice && <Alert color="yellow">{notice}</Alert>}
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t.resetLinkSent(form.getValues('email'))}
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t.email}
              type="email"
              autoComplete="username"
              autoFocus
              required
              error={form.formState.errors.email?.message}
              {...form.register('email')}
            />
            {problem?.status === 429 ? (
              <Alert color="red" role="alert">
                {problem.retryAfterSeconds
                  ? t.rateLimited(problem.retryAfterSeconds)
                  : t.rateLimitedNoTime}
              </Alert>
            ) : (
              <ErrorBanner error={problem} />
            )}
            <Button type="submit" loading={request.isPending} fullWidth>
              {t.sendResetLink}
            </Button>
          </Stack>
        </form>
      )}
      <TextLink to="/login" size="sm">
        {t.backToSignIn}
      </TextLink>
    </AuthFrame>
  );
}
