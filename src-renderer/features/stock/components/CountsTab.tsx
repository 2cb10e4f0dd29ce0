import { Badge, Button, Drawer, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountRow, StockCountStatus } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { fieldErrors, notifyError } from '../../../api/hooks';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { FormActions, FormActionsContext } from '../../../components/form/FormActions';
import { useCan } from '../../auth/current-user';
import { useWarehouseOptions } from '../stock.queries';
import { CountSheet } from './CountSheet';
import { shortcutTarget } from '../../../components/shortcut-targets';

const STATUS_COLORS: Record<StockCountStatus, string> = { counting: 'yellow', posted: 'teal', cancelled: 'gray' };

function OpenCountModal({ onClose, onOpened }: { onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const warehouses = useWarehouseOptions();
  const [warehouseId, setWarehouseId] = useState<string | null>(warehouses[0]?.value ?? null);
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    try {
      const sheet = await api.stock.openCount({ warehouseId: warehouseId ?? '', notes });
      onOpened(sheet.id);
    } catch (e) {
      const found = fieldErrors(e);
      if (found.warehouseId) setError(found.warehouseId);
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('stock.counts.openTitle')}>
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('stock.counts.openHint')}
          </Text>
          <Select label={t('stock.field.warehouse')} data={warehouses} value={warehouseId} onChange={setWarehouseId} error={error} allowDeselect={false} />
          <TextInput label={t('stock.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        </Stack>
        <FormActionsContext.Provider value={{ busy, onCancel: onClose }}>
          <FormActions mt="md" />
        </FormActionsContext.Provider>
      </form>
    </Modal>
  );
}

/** 盘点: count sheets per warehouse; posting turns the differences into count adjustments. */
export function CountsTab() {
  const { t } = useTranslation();
  const write = useCan()('stock.write');
  const [opening, setOpening] = useState(false);
  const [sheet, setSheet] = useState<string | null>(null);
  const columns: Column<CountRow>[] = [
    { key: 'no', header: t('stock.field.countNo'), render: (r) => r.countNo, nowrap: true },
    { key: 'date', header: t('stock.field.date'), render: (r) => r.countDate, nowrap: true },
    { key: 'warehouse', header: t('stock.field.warehouse'), render: (r) => r.warehouseName },
    { key: 'status', header: t('stock.field.status'), render: (r) => <Badge color={STATUS_COLORS[r.status]} variant="light">{t(`stock.countStatus.${r.status}`)}</Badge> },
    { key: 'progress', header: t('stock.field.lines'), render: (r) => t('stock.counts.progress', { counted: r.countedLines, total: r.lineCount, count: r.lineCount, differences: r.differenceLines }) },
    { key: 'notes', header: t('stock.field.notes'), render: (r) => r.notes ?? '' },
  ];
  const add = write && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setOpening(true)} data-testid="open-count" {...shortcutTarget('create')}>
      {t('stock.counts.open')}
    </Button>
  );
  return (
    <>
      <Group justify="flex-end" mb="sm">
        {add}
      </Group>
      <DataTable
        method="stock.listCounts"
        countWords="stock.counts"
        input={{}}
        columns={columns}
        rowKey={(r) => r.id}
        onExport={async (jobId) => saveExport(await api.exports.stockCounts({ format: 'xlsx', language: exportLanguage(), jobId }))}
        onRowClick={(r) => setSheet(r.id)}
        empty={<EmptyState icon={<IconClipboardList size={30} />} title={t('stock.counts.emptyTitle')} text={t('stock.counts.emptyText')} action={add} />}
      />
      {opening && (
        <OpenCountModal
          onClose={() => setOpening(false)}
          onOpened={(id) => {
            setOpening(false);
            setSheet(id);
          }}
        />
      )}
      <Drawer opened={!!sheet} onClose={() => setSheet(null)} position="right" size="xl" title={t('stock.counts.enter')}>
        {sheet && <CountSheet id={sheet} onDone={() => setSheet(null)} />}
      </Drawer>
    </>
  );
}
