import { Badge, Button, Group, Modal, Stack, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../auth/current-user';

/** 信用冻结 on the customer's 360° view, and a manager's hold or release with a reason. */
export function CreditHoldBadge({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const status = useApiQuery('dunning.creditHold', { customerId }, { enabled: can('dunning.read') });
  const [action, setAction] = useState<'hold' | 'release' | null>(null);
  const [reason, setReason] = useState('');
  const hold = useApiMutation('dunning.hold');
  const release = useApiMutation('dunning.release');
  const data = status.data;
  if (!data) return null;
  const why = data.cause === 'overdue' ? t('dunning.hold.cause.overdue', { days: data.overdueDays, count: data.overdueDays }) : data.cause === 'manual' ? t('dunning.hold.cause.manual', { reason: data.reason }) : '';
  function submit() {
    const mutation = action === 'hold' ? hold : release;
    mutation.mutate(
      { customerId, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t(action === 'hold' ? 'dunning.hold.held' : 'dunning.hold.released') });
          setAction(null);
          setReason('');
        },
      },
    );
  }
  return (
    <>
      <Group gap={6}>
        {data.onHold && (
          <Tooltip label={`${t('dunning.hold.since', { date: data.since })} · ${why}`}>
            <Badge color="red" leftSection={<IconLock size={12} />} data-testid="credit-hold-badge">
              {t('dunning.hold.badge')}
            </Badge>
          </Tooltip>
        )}
        {can('dunning.hold') && (
          <Button
            size="compact-xs"
            variant="subtle"
            // An action, not a state: grey and without the lock until the customer is on hold (in red
            // with a lock beside the name it read as 已冻结 on every customer).
            color={data.onHold ? 'teal' : 'gray'}
            leftSection={data.onHold ? <IconLockOpen size={12} /> : undefined}
            onClick={() => setAction(data.onHold ? 'release' : 'hold')}
            data-testid="credit-hold-toggle"
          >
            {t(data.onHold ? 'dunning.hold.release' : 'dunning.hold.hold')}
          </Button>
        )}
      </Group>
      <Modal opened={action !== null} onClose={() => setAction(null)} title={t(action === 'release' ? 'dunning.hold.release' : 'dunning.hold.hold')}>
        <Stack>
          <Textarea label={t('dunning.hold.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} data-autofocus data-testid="credit-hold-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </Button>
            <Button color={action === 'hold' ? 'red' : 'teal'} disabled={!reason.trim()} loading={hold.isPending || release.isPending} onClick={submit} data-testid="confirm-credit-hold">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
