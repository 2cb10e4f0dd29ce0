import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Customer } from '../../../../src-main/domain/customers/customers.dto';
import { useApiMutation } from '../../../api/hooks';
import { CustomerPicker } from '../../../components/CustomerPicker';

/** Merge this customer into another (found by name, code or pinyin); everything moves, this one is archived. */
export function MergeModal({ customer, opened, onClose }: { customer: Customer; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [targetId, setTargetId] = useState<string | null>(null);
  const merge = useApiMutation('customers.merge', {
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t('customers.merge.done', { name: result.target.name }) });
      onClose();
      navigate(`/customers/${result.target.id}`);
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.merge.title')} size="lg">
      <Stack>
        <Text size="sm">{t('customers.merge.intro', { name: customer.name })}</Text>
        <CustomerPicker label={t('customers.merge.target')} placeholder={t('customers.merge.targetPlaceholder')} excludeId={customer.id} value={targetId} onChange={setTargetId} data-testid="merge-target" />
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t('customers.merge.moves', {
            contacts: t('customers.merge.contacts', { count: customer.contacts.length }),
            addresses: t('customers.merge.addresses', { count: customer.addresses.length }),
            tags: t('customers.merge.tags', { count: customer.tags.length }),
          })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!targetId} loading={merge.isPending} onClick={() => targetId && merge.mutate({ sourceId: customer.id, targetId })}>
            {t('customers.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
