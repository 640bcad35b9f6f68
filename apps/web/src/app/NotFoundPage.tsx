import { Center, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '../shared/components/links';
import { sharedTexts as t } from '../shared/texts';

export function NotFoundPage() {
  return (
    <Center mih="60dvh" p="md">
      <Stack align="center" gap="sm">
        <Title order={1} size="h2">
          {t.pageNotFoundTitle}
        </Title>
        <Text c="dimmed">{t.pageNotFound}</Text>
        <ButtonLink to="/">{t.backToDashboard}</ButtonLink>
      </Stack>
    </Center>
  );
}
