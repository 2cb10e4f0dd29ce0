import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconCheck, IconDownload, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { monthEnd } from '../../../src-main/domain/core/dates';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Voucher } from '../../../src-main/domain/vouchers/vouchers.dto';
import { useApiQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { businessToday } from '../../format';
import { useCan } from '../auth/current-user';
import { ExportVouchersModal } from './ExportVouchersModal';

const sum = (voucher: Voucher, side: 'debit' | 'credit') => voucher.lines.reduce((total, line) => total + line[side], 0);

/** A voucher's entries as the accountant reads them: 借/贷, account code and name, the customer, the amount. */
function Entries({ voucher }: { voucher: Voucher }) {
  const { t } = useTranslation();
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} fz="sm" data-testid={`entries-${voucher.number}`}>
      <Table.Tbody>
        {voucher.lines.map((line) => {
          const side = line.debit !== 0 ? 'debit' : 'credit';
          return (
            <Table.Tr key={line.lineNo}>
              <Table.Td w={28} c={side === 'debit' ? undefined : 'dimmed'}>{t(`vouchers.side.${side}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {line.accountCode} {line.accountName}
                {/* The auxiliary item (客户) under its account, on a line of its own rather than a column squeezed to three lines. */}
                {line.customerCode && (
                  <Text size="xs" c="dimmed" data-testid="entry-customer">
                    {`${line.customerCode} ${line.customerName ?? ''}`}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} c={line[side] < 0 ? 'red' : undefined}>
                {formatFen(line[side])}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The month's count, debit and credit totals, whether they balance, and whether the month is closed. */
function MonthTotals({ month }: { month: string }) {
  const { t } = useTranslation();
  const summary = useApiQuery('vouchers.periodSummary', { period: month });
  const periods = useApiQuery('vouchers.periods', {});
  if (!summary.data) return null;
  const { voucherCount, debitTotal, creditTotal } = summary.data;
  const closed = periods.data?.closedThrough != null && month <= periods.data.closedThrough;
  return (
    <Group gap="sm" data-testid="month-totals">
      <Text size="sm">{t('vouchers.list.monthTotals', { month, count: voucherCount, debit: formatFen(debitTotal), credit: formatFen(creditTotal) })}</Text>
      {debitTotal === creditTotal ? (
        <Badge color="teal" variant="light" leftSection={<IconCheck size={12} />}>
          {t('vouchers.list.balanced')}
        </Badge>
      ) : (
        <Badge color="red">{t('vouchers.list.unbalanced')}</Badge>
      )}
      {closed && (
        <Badge color="gray" variant="light" leftSection={<IconLock size={12} />}>
          {t('vouchers.list.closed')}
        </Badge>
      )}
    </Group>
  );
}

/** 记账凭证: a month's vouchers (记-1, 记-2 …) with their entries, paged on the server, and their export. */
export function VouchersTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? params.get('month')! : businessToday().slice(0, 7);
  const [exporting, setExporting] = useState(false);
  const from = `${month}-01`;
  const to = monthEnd(from);
  const columns: Column<Voucher>[] = [
    { key: 'voucher', header: t('vouchers.field.voucher'), render: (v) => `${v.word}-${v.number}`, nowrap: true, width: 72 },
    { key: 'date', header: t('vouchers.field.date'), render: (v) => v.date, nowrap: true, width: 100 },
    {
      key: 'summary',
      header: t('vouchers.field.summary'),
      render: (v) => (
        <Stack gap={2}>
          <Text size="sm">{v.summary}</Text>
          <Group gap={4}>
            <Badge size="xs" variant="light">{t(`vouchers.source.${v.source}`)}</Badge>
            {v.reversal && <Badge size="xs" color="red" variant="light">{t('vouchers.list.reversal')}</Badge>}
          </Group>
        </Stack>
      ),
      width: 240,
    },
    { key: 'entries', header: t('vouchers.field.entries'), render: (v) => <Entries voucher={v} /> },
    { key: 'debit', header: t('vouchers.field.debit'), render: (v) => formatFen(sum(v, 'debit')), align: 'right', optional: true },
    { key: 'credit', header: t('vouchers.field.credit'), render: (v) => formatFen(sum(v, 'credit')), align: 'right', optional: true },
  ];
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="md" align="flex-end">
        <Group align="flex-end">
          <MonthPickerInput
            label={t('vouchers.field.month')}
            value={from}
            onChange={(value) => value && setParams({ month: String(value).slice(0, 7) })}
            valueFormat="YYYY-MM"
            w={130}
            data-testid="voucher-month"
          />
          <MonthTotals month={month} />
        </Group>
        {can('vouchers.export') && (
          <Button leftSection={<IconDownload size={16} />} onClick={() => setExporting(true)} data-testid="open-voucher-export">
            {t('vouchers.export.open')}
          </Button>
        )}
      </Group>
      <DataTable
        method="vouchers.list"
        countWords="vouchers.list"
        input={{ from, to }}
        columns={columns}
        rowKey={(v) => `${v.period}-${v.number}`}
        minWidth={900}
        empty={<EmptyState title={t('vouchers.list.emptyTitle')} text={t('vouchers.list.emptyText')} />}
      />
      <ExportVouchersModal opened={exporting} onClose={() => setExporting(false)} from={from} to={to} />
    </Paper>
  );
}
