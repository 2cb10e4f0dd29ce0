import { Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { addDays, monthStart } from '../../../src-main/domain/core/dates';
import { useApiMutation } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { businessToday } from '../../format';
import { shortcutTarget } from '../../components/shortcut-targets';

/** Last month: the period a statement usually covers, sent in the first days of the next. */
function lastMonth(today: string): { from: string; to: string } {
  const to = addDays(monthStart(today), -1);
  return { from: monthStart(to), to };
}

/** 新建对账单: a customer (preset from the 360° view) and a period, saved as a draft. */
export function NewStatementModal({ opened, customerId: presetCustomer, onClose }: { opened: boolean; customerId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const period = lastMonth(businessToday());
  const [customerId, setCustomerId] = useState<string | null>(presetCustomer);
  const [from, setFrom] = useState<string | null>(period.from);
  const [to, setTo] = useState<string | null>(period.to);
  const create = useApiMutation('statements.create');
  const chosen = customerId ?? presetCustomer;
  function save() {
    if (!chosen || !from || !to) return;
    create.mutate(
      { customerId: chosen, periodFrom: from, periodTo: to },
      {
        onSuccess: (statement) => {
          notifications.show({ color: 'teal', message: t('statements.created') });
          onClose();
          void navigate(`/statements/${statement.id}`);
        },
      },
    );
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('statements.new')} size="md">
      <Stack>
        <CustomerPicker label={t('statements.field.customer')} value={chosen} onChange={setCustomerId} required data-autofocus />
        <Group grow>
          <DateField label={t('statements.field.periodFrom')} value={from} onChange={(v) => setFrom(v as string | null)} required />
          <DateField label={t('statements.field.periodTo')} value={to} onChange={(v) => setTo(v as string | null)} required />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!chosen || !from || !to} loading={create.isPending} onClick={save} data-testid="create-statement" {...shortcutTarget('save')}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
