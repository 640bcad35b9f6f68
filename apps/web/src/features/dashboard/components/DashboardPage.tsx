import { Text } from '@mantine/core';
import { useCurrentUser } from '../../../shared/auth/use-current-user';
import { PageShell } from '../../../shared/components/PageShell';
import { dashboardTexts as t } from '../texts';

export function DashboardPage() {
  const user = useCurrentUser();
  return (
    <PageShell title={t.title}>
      <Text>{t.welcome(user.displayName)}</Text>
    </PageShell>
  );
}
