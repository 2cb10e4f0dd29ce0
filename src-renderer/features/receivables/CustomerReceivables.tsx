import { Badge, Button, Center, Group, Loader, Paper, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import { useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';

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

/** The 应收 tab of the customer's 360° view: receivables.customerSummary's figures and the documents behind them. */
export function CustomerReceivables({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<DocumentKind>('invoice');
  const summary = useApiQuery('receivables.customerSummary', { customerId });
  const invoices = useApiQuery('receivables.listInvoices', { filters: { customerId, kind: kind === 'receipt' ? 'invoice' : kind }, pageSize: 20 }, { enabled: kind !== 'receipt' });
  const receipts = useApiQuery('receivables.listReceipts', { filters: { customerId }, pageSize: 20 }, { enabled: kind === 'receipt' });
  if (summary.isError) return <LoadFailed error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;
  if (!s)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const list = kind === 'receipt' ? receipts : invoices;
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
      {list.isError ? (
        <LoadFailed error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loader size="sm" />
      ) : list.data.rows.length === 0 ? (
        <Text c="dimmed" size="sm">{t('receivables.customer.noDocuments')}</Text>
      ) : (
        <Table striped verticalSpacing={4} data-testid="customer-documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(kind === 'receipt' ? 'receivables.field.receiptNo' : 'receivables.field.invoiceNo')}</Table.Th>
              <Table.Th>{t(kind === 'receipt' ? 'receivables.field.receiptDate' : 'receivables.field.invoiceDate')}</Table.Th>
              <Table.Th>{t(kind === 'invoice' ? 'receivables.field.dueDate' : 'receivables.field.status')}</Table.Th>
              <Table.Th ta="right">{t('receivables.field.total')}</Table.Th>
              <Table.Th ta="right">{t(kind === 'receipt' ? 'receivables.field.unapplied' : 'receivables.field.open')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kind === 'receipt'
              ? receipts.data?.rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.receiptNo}</Table.Td>
                    <Table.Td>{r.receiptDate}</Table.Td>
                    <Table.Td>{t(`receivables.status.${r.status}`)}</Table.Td>
                    <Table.Td ta="right" style={NUMERIC}>{formatFen(r.amount)}</Table.Td>
                    <Table.Td ta="right" fw={600} style={NUMERIC}>{formatFen(r.unappliedAmount)}</Table.Td>
                  </Table.Tr>
                ))
              : invoices.data?.rows.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.invoiceNo}</Table.Td>
                    <Table.Td>{i.invoiceDate}</Table.Td>
                    <Table.Td>{kind === 'invoice' ? i.dueDate : t(`receivables.status.${i.status}`)}</Table.Td>
                    <Table.Td ta="right" style={NUMERIC}>{formatFen(i.totalGross)}</Table.Td>
                    <Table.Td ta="right" fw={600} style={NUMERIC}>{formatFen(i.openAmount)}</Table.Td>
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
