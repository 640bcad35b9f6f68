import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { ApiProblem } from '../../../shared/api/problem';
import { ErrorBanner } from '../../../shared/components/ErrorBanner';
import { TextLink } from '../../../shared/components/links';
import { safeRedirect } from '../../../shared/routing/safe-redirect';
import { signInSchema, useSignIn, type SignInInput } from '../api/sign-in';
import { authTexts as t } from '../texts';
import { AuthFrame } from './AuthFrame';

interface Props {
  redirect?: string;
  reason?: 'ended' | 'signed-out' | 'reset';
}

export function LoginPage({ redirect, reason }: Props) {
  const navigate = useNavigate();
  const signIn = useSignIn();
  const form = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: '', password: '' },
  });
  const onSubmit = form.handleSubmit(async (input) => {
    try {
      await signIn.mutateAsync(input);
      await navigate({ href: safeRedirect(redirect), replace: true });
    } catch {
      // shown below from signIn.error
    }
  });
  const problem = signIn.error instanceof ApiProblem ? signIn.error : null;
  return (
    <AuthFrame title={t.signInTitle} intro={t.signInIntro}>
      {reason === 'ended' && <Alert color="yellow">{t.sessionEnded}</Alert>}
      {reason === 'signed-out' && <Alert color="blue">{t.signedOut}</Alert>}
      {reason === 'reset' && <Alert color="green">{t.resetDone}</Alert>}
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
          <PasswordInput
            label={t.password}
            autoComplete="current-password"
            required
            error={form.formState.errors.password?.message}
            {...form.register('password')}
          />
          {problem && <SignInError problem={problem} />}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t.signIn}
          </Button>
          <TextLink to="/forgot-password" size="sm">
            {t.forgotPassword}
          </TextLink>
          <Text size="xs" c="dimmed">
            {t.firstSignIn}
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}

function SignInError({ problem }: { problem: ApiProblem }) {
  if (problem.status === 401) {
    return (
      <Alert color="red" role="alert">
        {t.wrongCredentials}
      </Alert>
    );
  }
  if (problem.status === 429) {
    return (
      <Alert color="red" role="alert">
        {problem.retryAfterSeconds ? t.rateLimited(problem.retryAfterSeconds) : t.rateLimitedNoTime}
      </Alert>
    );
  }
  return <ErrorBanner error={problem} />;
}
