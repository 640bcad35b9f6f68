import { Alert, Button, Group, Text } from '@mantine/core';
import { ApiProblem, toProblem } from '../api/problem';
import { sharedTexts as t } from '../texts';

interface Props {
  error: unknown;
  /** Offered as a "Try again" button when the request may simply be repeated. */
  onRetry?: () => void;
}

/**
 * Says why something failed, in words: the API's own message for a refused request, or that
 * the service is unreachable (network, timeout, 503/504). Never a stack trace.
 */
export function ErrorBanner({ error, onRetry }: Props) {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : toProblem(error);
  const { title, message } = describe(problem);
  return (
    <Alert
      color={problem.retryable ? 'orange' : 'red'}
      title={title}
      role="alert"
      data-testid={problem.retryable ? 'api-unavailable' : 'api-error'}
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="xs">
        <Text size="sm">{message}</Text>
        {onRetry && problem.retryable && (
          <Button size="xs" variant="light" onClick={onRetry}>
            {t.retry}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

export function describe(problem: ApiProblem): { title: string; message: string } {
  switch (problem.kind) {
    case 'unavailable':
      return { title: t.unavailableTitle, message: t.unavailable };
    case 'timeout':
      return { title: t.timeoutTitle, message: t.unavailable };
    case 'network':
      return { title: t.networkTitle, message: t.network };
    default:
      if (problem.status === 403) return { title: t.errorTitle, message: t.forbidden };
      if (problem.status === 404) return { title: t.errorTitle, message: t.notFound };
      return { title: t.errorTitle, message: problem.body?.message ?? problem.message };
  }
}
