import { Group, Stack, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { sharedTexts } from '../texts';

interface Props {
  title: string;
  /** Buttons at the right of the title (wrap under it at phone width). */
  actions?: ReactNode;
  children: ReactNode;
}

/** The frame of every page: its title (also the tab's), actions, content. */
export function PageShell({ title, actions, children }: Props) {
  useEffect(() => {
    document.title = `${title} · ${sharedTexts.appName}`;
  }, [title]);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}
