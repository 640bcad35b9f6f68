import { Center, Stack, Text, Title } from '@mantine/core';
import { createRoute, Outlet } from '@tanstack/react-router';
import { useIsAdmin } from '../auth/use-current-user';
import { ButtonLink } from '../components/links';
import { sharedTexts as t } from '../texts';
import { signedInRoute } from './roots';

/**
 * Parent of every admin page (pathless). Staff who open one (a shared link, a typed URL)
 * are told it is for admins; the API refuses them anyway, this only spares them errors.
 */
export const adminRoute = createRoute({
  getParentRoute: () => signedInRoute,
  id: 'admin',
  component: AdminOutlet,
});

function AdminOutlet() {
  return useIsAdmin() ? <Outlet /> : <AdminsOnlyPage />;
}

export function AdminsOnlyPage() {
  return (
    <Center mih="50dvh" p="md">
      <Stack align="center" gap="sm" data-testid="admins-only">
        <Title order={1} size="h2">
          {t.adminsOnlyTitle}
        </Title>
        <Text c="dimmed">{t.adminsOnly}</Text>
        <ButtonLink to="/">{t.backToDashboard}</ButtonLink>
      </Stack>
    </Center>
  );
}
