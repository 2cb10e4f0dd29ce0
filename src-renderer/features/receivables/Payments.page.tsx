import { Button, Group, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBuildingBank, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { ReceiptListFilters } from '../../../src-main/domain/receivables/receivables.contract';
import type { Receipt } from '../../../src-main/domain/receivables/receivables.dto';
import { api } from '../../api/client';
import { parseFilterParam } from '../../api/url-filters';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { AllocationDrawer } from './AllocationDrawer';
import { BankImportModal } from './BankImportModal';
import { ReceiptStatus } from './DocumentStatus';
import { ReceiptModal } from './ReceiptModal';
import { shortcutTarget } from '../../components/shortcut-targets';

/** 收款与核销: receipts newest first; a row opens its allocation to the customer's open invoices. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const fromUrl = parseFilterParam<ReceiptListFilters>(params.get('f'));
  const unappliedOnly = fromUrl.unappliedOnly === true;
  // The search box's text lives in the URL (`?q=`) beside the filter, so going back finds it again.
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const filters: ReceiptListFilters = { ...fromUrl, unappliedOnly, ...(q ? { q } : {}) };
  const show = (unapplied: boolean, text: string) => setParams({ ...(text ? { q: text } : {}), ...(unapplied ? { f: JSON.stringify({ unappliedOnly: true }) } : {}) }, { replace: true });
  const search = useDebouncedCallback((text: string) => show(unappliedOnly, text.trim()), 250);
  const [openId, setOpenId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const columns: Column<Receipt>[] = [
    { key: 'no', header: t('receivables.field.receiptNo'), render: (r) => r.receiptNo, nowrap: true },
    { key: 'customer', header: t('receivables.field.customer'), render: (r) => r.customerName },
    { key: 'date', header: t('receivables.field.receiptDate'), render: (r) => r.receiptDate, nowrap: true },
    { key: 'method', header: t('receivables.field.method'), render: (r) => t(`receivables.method.${r.method}`), nowrap: true },
    { key: 'reference', header: t('receivables.field.reference'), render: (r) => r.reference ?? '', nowrap: true },
    {
      key: 'status',
      header: t('receivables.field.status'),
      render: (r) => <ReceiptStatus receipt={r} />,
    },
    { key: 'amount', header: t('receivables.field.amount'), render: (r) => formatFen(r.amount), align: 'right' },
    { key: 'unapplied', header: t('receivables.field.unapplied'), render: (r) => (r.unappliedAmount > 0 ? <Text span c="orange" fw={600} inherit>{formatFen(r.unappliedAmount)}</Text> : '—'), align: 'right' },
  ];
  return (
    <>
      <PageHeader
        title={t('receivables.payments.title')}
        actions={
          can('receivables.write') && (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconBuildingBank size={16} />} onClick={() => setImporting(true)} data-testid="import-bank-statement">
                {t('receivables.bankImport.open')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="add-receipt" {...shortcutTarget('create')}>
                {t('receivables.payments.add')}
              </Button>
            </Group>
          )
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" gap="sm">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('receivables.payments.search')}
            aria-label={t('receivables.payments.search')}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              search(e.currentTarget.value);
            }}
            w={260}
            data-testid="receipts-search"
            {...shortcutTarget('search')}
          />
          <SegmentedControl
            value={unappliedOnly ? 'unapplied' : 'all'}
            onChange={(v) => show(v === 'unapplied', q)}
            data={[
              { value: 'all', label: t('receivables.payments.filterAll') },
              { value: 'unapplied', label: t('receivables.payments.filterUnapplied') },
            ]}
          />
        </Group>
        <DataTable
          countWords="receivables.payments"
          method="receivables.listReceipts"
          input={{ filters }}
          columns={columns}
          rowKey={(r) => r.id}
          onRowClick={(r) => setOpenId(r.id)}
          onExport={async (jobId) => saveExport(await api.exports.receiptList({ filters, format: 'xlsx', language: exportLanguage(), jobId }))}
          minWidth={860}
          empty={unappliedOnly || q ? <Text c="dimmed" py="lg" ta="center">{t(q ? 'receivables.payments.noMatch' : 'receivables.payments.emptyFiltered')}</Text> : <EmptyState title={t('receivables.payments.emptyTitle')} text={t('receivables.payments.emptyText')} />}
        />
      </Paper>
      <ReceiptModal opened={adding} onClose={() => setAdding(false)} onCreated={(id) => setOpenId(id)} />
      <BankImportModal opened={importing} onClose={() => setImporting(false)} />
      <AllocationDrawer receiptId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
