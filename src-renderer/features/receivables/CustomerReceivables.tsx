import { Badge, Button, Center, Group, Loader, Paper, SegmentedControl, SimpleGrid, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Invoice, Receipt } from '../../../src-main/domain/receivables/receivables.dto';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { LoadFailed } from '../../components/LoadFailed';
import { businessToday } from '../../format';
import { AllocationDrawer } from './AllocationDrawer';
import { InvoiceStatus, ReceiptStatus } from './DocumentStatus';
import { InvoiceDrawer } from './InvoiceDrawer';

const NUMERIC = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} component="div" style={NUMERIC}>
        {children}
      </Text>
    </Paper>
  );
}

type DocumentKind = 'invoice' | 'credit_note' | 'receipt';

/** The 应收 tab of the customer's 360° view: receivables.customerSummary's figures and the documents behind them, paged on the server. */
export function CustomerReceivables({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('invoice');
  const summary = useApiQuery('receivables.customerSummary', { customerId });
  if (summary.isError) return <LoadFailed error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  if (!s)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs" mb="md">
        <Stat label={t('receivables.customer.balance')} testId="receivables-balance">
          {formatFen(s.balance)}
        </Stat>
        <Stat label={t('receivables.customer.overdue')} testId="receivables-overdue">
          <Text inherit c={s.overdue > 0 ? 'red' : undefined}>
            {formatFen(s.overdue)}
          </Text>
        </Stat>
        <Stat label={t('receivables.customer.oldestOverdue')} testId="receivables-oldest">
          {s.oldestOverdueDays === null ? t('receivables.customer.none') : t('receivables.customer.days', { count: s.oldestOverdueDays })}
        </Stat>
        <Stat label={t('receivables.customer.creditLimit')} testId="receivables-credit">
          {s.creditLimit === null ? t('receivables.customer.noLimit') : t('receivables.customer.creditUsed', { used: formatFen(s.creditUsed), limit: formatFen(s.creditLimit) })}
        </Stat>
        <Stat label={t('receivables.customer.credit')} testId="receivables-unapplied">
          {formatFen(s.credit)}
          {s.creditHold && (
            <Badge ml={6} size="sm" color="red" variant="light">
              {t('receivables.customer.onHold')}
            </Badge>
          )}
        </Stat>
      </SimpleGrid>
      <Group justify="space-between" mb="xs">
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v as DocumentKind)}
          data={[
            { value: 'invoice', label: t('receivables.customer.invoices') },
            { value: 'credit_note', label: t('receivables.kind.credit_note') },
            { value: 'receipt', label: t('receivables.customer.receipts') },
          ]}
        />
        <Button size="xs" variant="default" component={Link} to={`/receivables/reconciliation?customer=${customerId}`} leftSection={<IconScale size={14} />} data-testid="open-reconciliation">
          {t('receivables.reconciliation.title')}
        </Button>
      </Group>
      {kind === 'receipt' ? <CustomerReceipts customerId={customerId} /> : <CustomerInvoices customerId={customerId} kind={kind} />}
    </>
  );
}

const noDocuments = (text: string) => (
  <Text c="dimmed" size="sm" py="md">
    {text}
  </Text>
);

/** The customer's invoices or credit notes, newest first, each with where it stands; a row opens it. */
function CustomerInvoices({ customerId, kind }: { customerId: string; kind: 'invoice' | 'credit_note' }) {
  const { t } = useTranslation();
  const today = businessToday();
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { customerId, kind };
  const columns: Column<Invoice>[] = [
    { key: 'no', header: t('receivables.field.invoiceNo'), render: (i) => i.invoiceNo, nowrap: true },
    { key: 'date', header: t('receivables.field.invoiceDate'), render: (i) => i.invoiceDate, nowrap: true },
    { key: 'due', header: t('receivables.field.dueDate'), render: (i) => i.dueDate, nowrap: true },
    { key: 'status', header: t('receivables.field.status'), render: (i) => <InvoiceStatus invoice={i} today={today} /> },
    { key: 'total', header: t('receivables.field.total'), render: (i) => formatFen(i.totalGross), align: 'right' },
    { key: 'open', header: t('receivables.field.open'), render: (i) => (i.openAmount > 0 ? formatFen(i.openAmount) : '—'), align: 'right' },
  ];
  return (
    <>
      <DataTable
        key={kind}
        tableId={`customer.${kind}s`}
        countWords={kind === 'invoice' ? 'receivables.invoices' : 'receivables.customer.creditNotes'}
        method="receivables.listInvoices"
        input={{ filters }}
        columns={columns}
        rowKey={(i) => i.id}
        onRowClick={(i) => setOpenId(i.id)}
        onExport={async (jobId) => saveExport(await api.exports.invoices({ filters, format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={720}
        empty={noDocuments(t('receivables.customer.noDocuments'))}
      />
      <InvoiceDrawer invoiceId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

/** The customer's receipts, newest first, each with how much of it is allocated; a row opens its allocation. */
function CustomerReceipts({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const filters = { customerId };
  const columns: Column<Receipt>[] = [
    { key: 'no', header: t('receivables.field.receiptNo'), render: (r) => r.receiptNo, nowrap: true },
    { key: 'date', header: t('receivables.field.receiptDate'), render: (r) => r.receiptDate, nowrap: true },
    { key: 'method', header: t('receivables.field.method'), render: (r) => t(`receivables.method.${r.method}`), nowrap: true },
    { key: 'status', header: t('receivables.field.status'), render: (r) => <ReceiptStatus receipt={r} /> },
    { key: 'amount', header: t('receivables.field.amount'), render: (r) => formatFen(r.amount), align: 'right' },
    { key: 'unapplied', header: t('receivables.field.unapplied'), render: (r) => (r.unappliedAmount > 0 ? formatFen(r.unappliedAmount) : '—'), align: 'right' },
  ];
  return (
    <>
      <DataTable
        tableId="customer.receipts"
        countWords="receivables.payments"
        method="receivables.listReceipts"
        input={{ filters }}
        columns={columns}
        rowKey={(r) => r.id}
        onRowClick={(r) => setOpenId(r.id)}
        onExport={async (jobId) => saveExport(await api.exports.receiptList({ filters, format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={720}
        empty={noDocuments(t('receivables.customer.noDocuments'))}
      />
      <AllocationDrawer receiptId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
