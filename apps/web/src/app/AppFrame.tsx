import { AppShell, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useSignOut } from '../features/auth/api/sign-out';
import { MovementHost } from '../features/movements/components/MovementHost';
import { useCurrentUser } from '../shared/auth/use-current-user';
import { ColorSchemeToggle } from '../shared/components/ColorSchemeToggle';
import { NavItemLink } from '../shared/components/links';
import { sharedTexts } from '../shared/texts';
import { NAV_ITEMS } from './nav';
import { appTexts as t } from './texts';

/** Header, navigation and the page: the frame of every signed-in page. */
export function AppFrame() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || user.role === 'admin');
  const role = user.role === 'admin' ? sharedTexts.roleAdmin : sharedTexts.roleStaff;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a href="#main" className="skip-link">
        {sharedTexts.skipToContent}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={sharedTexts.openNavigation}
            />
            <Text fw={700} c="blue" truncate visibleFrom="xs">
              {sharedTexts.appName}
            </Text>
            <Text fw={700} c="blue" hiddenFrom="xs">
              {sharedTexts.appShortName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-user">
              {t.signedInAs(user.displayName, role)}
            </Text>
            <ColorSchemeToggle />
            <Button
              variant="default"
              leftSection={<IconLogout size={16} />}
              loading={signOut.isPending}
              onClick={async () => {
                await signOut.mutateAsync();
                await navigate({ to: '/login', search: { reason: 'signed-out' } });
              }}
              px={{ base: 'xs', sm: 'md' }}
            >
              {sharedTexts.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t.mainNavigation} component="nav">
        <Stack gap={2}>
          {items.map((item) => {
            const active = item.exact
              ? pathname === item.to
              : pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <NavItemLink
                key={item.label}
                to={item.to as '/'}
                label={item.label}
                leftSection={<item.icon size={18} />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={close}
              />
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <MovementHost>
          <Outlet />
        </MovementHost>
      </AppShell.Main>
    </AppShell>
  );
}
