import { Button, Group, Paper, SegmentedControl, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileInvoice, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { InvoiceListFilters } from '../../../src-main/domain/receivables/receivables.contract';
import type { Invoice } from '../../../src-main/domain/receivables/receivables.dto';
import { api } from '../../api/client';
import { parseFilterParam } from '../../api/url-filters';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { businessToday } from '../../format';
import { CreditRequestsPanel } from './CreditRequestsPanel';
import { DeliveriesInvoiceModal } from './DeliveriesInvoiceModal';
import { InvoiceStatus } from './DocumentStatus';
import { InvoiceDrawer } from './InvoiceDrawer';
import { WriteButton } from './InvoiceHeaderFields';
import { ServiceInvoiceModal } from './ServiceInvoiceModal';
import { shortcutTarget } from '../../components/shortcut-targets';

type View = 'all' | 'open' | 'overdue' | 'credit';

function viewOf(filters: InvoiceListFilters): View {
  if (filters.kind === 'credit_note') return 'credit';
  if (filters.openOnly && filters.dueBefore) return 'overdue';
  return filters.openOnly ? 'open' : 'all';
}

function filtersOf(view: View, today: string): InvoiceListFilters {
  if (view === 'open') return { kind: 'invoice', openOnly: true };
  if (view === 'overdue') return { kind: 'invoice', openOnly: true, dueBefore: today };
  if (view === 'credit') return { kind: 'credit_note' };
  return {};
}

/** 发票: invoices and credit notes, newest first, with the open amount and how long it is overdue. */
export function InvoicesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = businessToday();
  const fromUrl = parseFilterParam<InvoiceListFilters>(params.get('f'));
  const customer = { customerId: fromUrl.customerId, customerCode: fromUrl.customerCode };
  const view = viewOf(fromUrl);
  // The search box's text lives in the URL (`?q=`) beside the filters, so going back finds it again.
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const filters: InvoiceListFilters = {
    ...filtersOf(view, fromUrl.dueBefore ?? today),
    ...(customer.customerId ? { customerId: customer.customerId } : {}),
    ...(customer.customerCode ? { customerCode: customer.customerCode } : {}),
    ...(q ? { q } : {}),
  };
  const show = (next: InvoiceListFilters, text: string) =>
    setParams({ ...(text ? { q: text } : {}), ...(Object.keys(next).length ? { f: JSON.stringify(next) } : {}) }, { replace: true });
  const setFilters = (next: InvoiceListFilters) => show(next, q);
  const search = useDebouncedCallback((text: string) => show({ ...filtersOf(view, today), ...customer }, text.trim()), 250);
  // `?invoice=` opens one, as the order's and the delivery's 开票 do after posting.
  const [openId, setOpenId] = useState<string | null>(params.get('invoice'));
  const [serviceOpen, setServiceOpen] = useState(false);
  const [deliveriesOpen, setDeliveriesOpen] = useState(false);
  // 待开红字 is a worklist beside the documents, kept in the URL so a link can open it.
  const tab = params.get('tab') === 'credit-requests' ? 'credit-requests' : 'documents';

  const columns: Column<Invoice>[] = [
    { key: 'no', header: t('receivables.field.invoiceNo'), render: (i) => i.invoiceNo, nowrap: true },
    { key: 'customer', header: t('receivables.field.customer'), render: (i) => i.customerName },
    { key: 'date', header: t('receivables.field.invoiceDate'), render: (i) => i.invoiceDate, nowrap: true },
    { key: 'due', header: t('receivables.field.dueDate'), render: (i) => i.dueDate, nowrap: true },
    { key: 'status', header: t('receivables.field.status'), render: (i) => <InvoiceStatus invoice={i} today={today} /> },
    { key: 'total', header: t('receivables.field.total'), render: (i) => formatFen(i.kind === 'credit_note' ? -i.totalGross : i.totalGross), align: 'right' },
    { key: 'open', header: t('receivables.field.open'), render: (i) => (i.openAmount > 0 ? formatFen(i.openAmount) : '—'), align: 'right' },
  ];

  async function exportAll(jobId: string) {
    const rows = saveExport(await api.exports.invoices({ filters, format: 'xlsx', language: exportLanguage(), jobId }));
    notifications.show({ color: 'teal', message: t('receivables.invoices.exported', { count: rows }) });
  }

  return (
    <>
      <PageHeader
        title={t('receivables.invoices.title')}
        actions={
          <Group gap="xs">
            <WriteButton variant="default" leftSection={<IconPlus size={16} />} onClick={() => setServiceOpen(true)} data-testid="new-service-invoice" {...shortcutTarget('create')}>
              {t('receivables.invoices.newService')}
            </WriteButton>
            <WriteButton leftSection={<IconFileInvoice size={16} />} onClick={() => setDeliveriesOpen(true)} data-testid="new-delivery-invoice">
              {t('receivables.issue.open')}
            </WriteButton>
          </Group>
        }
      />
      <Tabs value={tab} onChange={(v) => setParams(v === 'credit-requests' ? { tab: v } : {})} mb="sm">
        <Tabs.List>
          <Tabs.Tab value="documents">{t('receivables.invoices.documentsTab')}</Tabs.Tab>
          <Tabs.Tab value="credit-requests" data-testid="credit-requests-tab">{t('receivables.credit.tab')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'credit-requests' ? (
        <Paper withBorder p="md">
          <CreditRequestsPanel onCreated={(creditNote) => setOpenId(creditNote.id)} />
        </Paper>
      ) : (
        <Paper withBorder p="md">
          <Group mb="md" gap="sm">
            <TextInput
              leftSection={<IconSearch size={16} />}
              placeholder={t('receivables.invoices.search')}
              aria-label={t('receivables.invoices.search')}
              value={typed}
              onChange={(e) => {
                setTyped(e.currentTarget.value);
                search(e.currentTarget.value);
              }}
              w={260}
              data-testid="invoices-search"
              {...shortcutTarget('search')}
            />
            <SegmentedControl
              value={view}
              onChange={(v) => setFilters({ ...filtersOf(v as View, today), ...customer })}
              data={(['all', 'open', 'overdue', 'credit'] as const).map((v) => ({ value: v, label: t(`receivables.invoices.filter${v === 'all' ? 'All' : v === 'open' ? 'Open' : v === 'overdue' ? 'Overdue' : 'Credit'}`) }))}
            />
            {(customer.customerId || customer.customerCode) && (
              <Button variant="light" size="xs" rightSection={<IconX size={14} />} onClick={() => setFilters(filtersOf(view, today))}>
                {t('receivables.invoices.customerFilter', { code: customer.customerCode ?? '' })} · {t('receivables.invoices.clearCustomer')}
              </Button>
            )}
          </Group>
          <DataTable
            countWords="receivables.invoices"
            method="receivables.listInvoices"
            input={{ filters }}
            columns={columns}
            rowKey={(i) => i.id}
            onRowClick={(i) => setOpenId(i.id)}
            onExport={exportAll}
            minWidth={860}
            empty={view === 'all' && !customer.customerCode && !q ? <EmptyState title={t('receivables.invoices.emptyTitle')} text={t('receivables.invoices.emptyText')} /> : <Text c="dimmed" py="lg" ta="center">{t('receivables.invoices.emptyFiltered')}</Text>}
          />
        </Paper>
      )}
      <InvoiceDrawer invoiceId={openId} onClose={() => setOpenId(null)} />
      <ServiceInvoiceModal opened={serviceOpen} onClose={() => setServiceOpen(false)} onCreated={(id) => setOpenId(id)} />
      <DeliveriesInvoiceModal opened={deliveriesOpen} onClose={() => setDeliveriesOpen(false)} onCreated={(invoice) => setOpenId(invoice.id)} />
    </>
  );
}
