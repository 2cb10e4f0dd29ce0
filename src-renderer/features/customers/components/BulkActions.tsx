import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconTag, IconTagOff, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerListRow } from '../../../../src-main/domain/customers/customers.dto';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';
import { useCan } from '../../auth/current-user';
import { UNASSIGNED, UserPicker } from '../../../components/UserPicker';
import { downloadCustomersExport } from '../export-customers';
import { TagPicker } from './TagPicker';

type Action = 'addTags' | 'removeTags' | 'assignOwner';

/** The bar shown while rows are ticked: tag, untag, assign a salesperson, export. */
export function BulkActions({ selected, onClear }: { selected: CustomerListRow[]; onClear: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const [action, setAction] = useState<Action | null>(null);
  const [tagIds, setTagIds] = useState<string[]>([]);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = selected.map((r) => r.id);

  async function apply() {
    setBusy(true);
    try {
      const result =
        action === 'assignOwner'
          ? await api.customers.bulkAssignOwner({ ids, ownerUserId: ownerId })
          : await api.customers.bulkTag({ ids, addTagIds: action === 'addTags' ? tagIds : [], removeTagIds: action === 'removeTags' ? tagIds : [] });
      notifications.show({ color: 'teal', message: t('customers.list.bulkDone', { count: result.updated }) });
      setAction(null);
      setTagIds([]);
      onClear();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder px="sm" py={6} mb="sm" bg="var(--mantine-primary-color-light)" data-testid="bulk-actions">
      <Group gap="xs">
        <Text size="sm" fw={600} mr="sm">
          {t('customers.list.selected', { count: selected.length })}
        </Text>
        {can('customers.write') && (
          <>
            <Button size="xs" variant="default" leftSection={<IconTag size={14} />} onClick={() => setAction('addTags')}>
              {t('customers.list.addTags')}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconTagOff size={14} />} onClick={() => setAction('removeTags')}>
              {t('customers.list.removeTags')}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconUserShare size={14} />} onClick={() => setAction('assignOwner')}>
              {t('customers.list.assignOwner')}
            </Button>
          </>
        )}
        {can('customers.export') && (
          <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={14} />} onClick={() => void downloadCustomersExport({ ids: selected.map((row) => row.id) }).catch(notifyError)}>
            {t('customers.list.exportSelected')}
          </Button>
        )}
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear} ml="auto">
          {t('customers.list.clearSelection')}
        </Button>
      </Group>
      <Modal opened={action !== null} onClose={() => setAction(null)} title={action ? `${t(`customers.list.${action}`)} · ${t('customers.list.selected', { count: selected.length })}` : ''}>
        <Stack>
          {action === 'assignOwner' ? (
            <UserPicker
              label={t('customers.list.chooseOwner')}
              unassignedLabel={t('customers.list.unassigned')}
              clearable={false}
              value={ownerId ?? UNASSIGNED}
              onChange={(v) => setOwnerId(v === UNASSIGNED ? null : v)}
            />
          ) : (
            <TagPicker label={t('customers.list.chooseTags')} creatable={action === 'addTags'} value={tagIds} onChange={setTagIds} comboboxProps={{ withinPortal: true }} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} disabled={action !== 'assignOwner' && tagIds.length === 0} onClick={() => void apply()}>
              {t('customers.list.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
