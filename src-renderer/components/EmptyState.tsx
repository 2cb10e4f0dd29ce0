import { Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** What an empty list shows: what this place is for and what to do next. */
export function EmptyState({ title, text, action, icon }: { title: string; text: string; action?: ReactNode; icon?: ReactNode }) {
  return (
    <Stack align="center" gap="sm" py={48} px="md" data-testid="empty-state">
      <ThemeIcon size={56} radius="xl" variant="light">
        {icon ?? <IconInbox size={30} />}
      </ThemeIcon>
      <Title order={4} ta="center">
        {title}
      </Title>
      <Text c="dimmed" ta="center" maw={520}>
        {text}
      </Text>
      {action}
    </Stack>
  );
}
