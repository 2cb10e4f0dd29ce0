import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Customer } from '../../../../src-main/domain/customers/customers.dto';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';

/** Merge this customer into another (found by name, code or pinyin); everything moves, this one is archived. */
export function MergeModal({ customer, opened, onClose }: { customer: Customer; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hits = useQuery({
    queryKey: ['customers', 'search', debounced],
    queryFn: () => api.customers.search({ q: debounced, limit: 15 }),
    enabled: opened && debounced.length > 0,
  });
  const options = (hits.data ?? []).filter((h) => h.id !== customer.id).map((h) => ({ value: h.id, label: `${h.code} ${h.name}` }));

  async function merge() {
    if (!targetId) return;
    setBusy(true);
    try {
      const result = await api.customers.merge({ sourceId: customer.id, targetId });
      notifications.show({ color: 'teal', message: t('customers.merge.done', { name: result.target.name }) });
      onClose();
      navigate(`/customers/${result.target.id}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.merge.title')} size="lg">
      <Stack>
        <Text size="sm">{t('customers.merge.intro', { name: customer.name })}</Text>
        <Select
          label={t('customers.merge.target')}
          placeholder={t('customers.merge.targetPlaceholder')}
          searchable
          data={options}
          value={targetId}
          onChange={setTargetId}
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          nothingFoundMessage={debounced ? t('shell.nothingFound') : undefined}
          data-testid="merge-target"
        />
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
          {t('customers.merge.moves', { contacts: customer.contacts.length, addresses: customer.addresses.length, tags: customer.tags.length })}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" disabled={!targetId} loading={busy} onClick={() => void merge()}>
            {t('customers.merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
