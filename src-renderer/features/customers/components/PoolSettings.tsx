import { Button, Group, Modal, NumberInput, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerScopeSettings } from '../../../../src-main/domain/customers/customers.pool.contract';
import { SCOPE_LEVELS, type RoleScopes, type ScopedRole } from '../../../../src-main/domain/users/data-scope';
import { useApiMutation } from '../../../api/hooks';

const SCOPED_ROLES: ScopedRole[] = ['manager', 'sales', 'service', 'warehouse', 'accountant'];

/** The owner's settings of who sees whose customers and of the pool (saved as one change). */
export function PoolSettings({ opened, onClose, current }: { opened: boolean; onClose: () => void; current: CustomerScopeSettings }) {
  const { t } = useTranslation();
  const [roleScopes, setRoleScopes] = useState<RoleScopes>(current.roleScopes);
  const [afterDays, setAfterDays] = useState<number | ''>(current.poolAfterDays ?? '');
  const [claimsPerDay, setClaimsPerDay] = useState<number | ''>(current.claimsPerDay);
  const save = useApiMutation('customers.saveScopeSettings', {
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('customers.pool.saved') });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.pool.settings')} size="lg">
      <Stack gap="sm">
        <Title order={5}>{t('customers.pool.scopeTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('customers.pool.scopeHint')}
        </Text>
        {SCOPED_ROLES.map((role) => (
          <Group key={role} justify="space-between" wrap="nowrap">
            <Text w={80}>{t(`roles.${role}`)}</Text>
            <Select
              data-testid={`scope-${role}`}
              style={{ flex: 1 }}
              allowDeselect={false}
              value={roleScopes[role]}
              data={SCOPE_LEVELS.map((level) => ({ value: level, label: t(`customers.pool.level.${level}`) }))}
              onChange={(value) => value && setRoleScopes({ ...roleScopes, [role]: value as RoleScopes[ScopedRole] })}
            />
          </Group>
        ))}
        <NumberInput
          label={t('customers.pool.afterDays')}
          description={t('customers.pool.afterDaysHint')}
          min={1}
          max={3650}
          allowDecimal={false}
          value={afterDays}
          onChange={(value) => setAfterDays(typeof value === 'number' ? value : '')}
        />
        <NumberInput
          label={t('customers.pool.claimsPerDay')}
          min={0}
          max={1000}
          allowDecimal={false}
          value={claimsPerDay}
          onChange={(value) => setClaimsPerDay(typeof value === 'number' ? value : '')}
        />
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            onClick={() => save.mutate({ roleScopes, poolAfterDays: afterDays === '' ? null : afterDays, claimsPerDay: claimsPerDay === '' ? 0 : claimsPerDay })}
          >
            {t('customers.pool.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
