import { AppShell, Burger, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import type { ReactNode } from 'react';
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
  const user = useCurrentUser();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const role = user.role === 'admin' ? sharedTexts.roleAdmin : sharedTexts.roleStaff;

  return (
    <Frame
      admin={user.role === 'admin'}
      account={
        <>
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
        </>
      }
    >
      <MovementHost>
        <Outlet />
      </MovementHost>
    </Frame>
  );
}

/**
 * The frame while a stored session is being resumed (page load, before the gateway has
 * answered the refresh): the header and the navigation everyone has, and a page skeleton.
 * It is painted at once, so the first paint does not wait for the network; it never shows
 * the sign-in page to someone who is signed in.
 */
export function AppFramePending() {
  return (
    <Frame
      admin={false}
      account={
        <>
          <Skeleton height={16} width={140} radius="sm" visibleFrom="sm" />
          <ColorSchemeToggle />
          <Skeleton height={36} width={104} radius="sm" />
        </>
      }
    >
      <Stack gap="md" aria-busy="true" data-testid="page-pending">
        <span className="visually-hidden">{sharedTexts.loading}</span>
        <Skeleton height={32} width="40%" radius="sm" />
        <Skeleton height={96} radius="sm" />
        <Skeleton height={200} radius="sm" />
      </Stack>
    </Frame>
  );
}

function Frame({
  admin,
  account,
  children,
}: {
  /** Admins also see the admin pages in the navigation. */
  admin: boolean;
  /** The right of the header: who is signed in, colour scheme, sign out. */
  account: ReactNode;
  children: ReactNode;
}) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || admin);

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
            {account}
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
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
