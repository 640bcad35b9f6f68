import { Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { ColorSchemeToggle } from '../../../shared/components/ColorSchemeToggle';
import { sharedTexts } from '../../../shared/texts';

/** The centred card the signed-out pages share. */
export function AuthFrame({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · ${sharedTexts.appName}`;
  }, [title]);
  return (
    <Center mih="100dvh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420} component="main">
        <Stack gap="md">
          <Group justify="space-between" align="center">
            <Text fw={700} c="blue">
              {sharedTexts.appName}
            </Text>
            <ColorSchemeToggle />
          </Group>
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro && (
            <Text size="sm" c="dimmed">
              {intro}
            </Text>
          )}
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
