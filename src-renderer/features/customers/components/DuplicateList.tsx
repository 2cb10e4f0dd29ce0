import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DuplicateMatch } from '../../../../src-main/domain/customers/customers.dto';

/** Likely duplicates, one line per customer, each with the reasons it matched and a link to it. */
export function DuplicateList({ matches }: { matches: DuplicateMatch[] }) {
  const { t } = useTranslation();
  const byCustomer = new Map<string, DuplicateMatch[]>();
  for (const match of matches) byCustomer.set(match.id, [...(byCustomer.get(match.id) ?? []), match]);
  return (
    <Stack gap={4} data-testid="duplicates">
      {[...byCustomer.values()].map((group) => {
        const first = group[0]!;
        return (
          <Group key={first.id} gap="xs" wrap="nowrap">
            <Text size="sm" ff="monospace" c="dimmed">
              {first.code}
            </Text>
            <Text size="sm" fw={500}>
              {first.name}
            </Text>
            {first.status === 'archived' && (
              <Badge size="xs" color="gray">
                {t('customers.status.archived')}
              </Badge>
            )}
            {group.map((m) => (
              <Badge key={m.matchedOn} size="xs" variant="light" color="orange">
                {t(`customers.form.duplicateReason.${m.matchedOn}`)}
              </Badge>
            ))}
            <Anchor component={Link} to={`/customers/${first.id}`} size="sm">
              {t('customers.form.openExisting')}
            </Anchor>
          </Group>
        );
      })}
    </Stack>
  );
}
