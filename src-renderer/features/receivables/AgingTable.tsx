import { Button, Group, Pagination, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { AgingReport, AgingSort, AgingSortField } from '../../../src-main/domain/receivables/receivables.dto';
import { api } from '../../api/client';
import { exportLanguage, saveExport } from '../../components/download';
import { ExportButton } from '../../components/ExportButton';
import { SortHeader } from '../../components/SortHeader';
import { reconciliationFrom } from './reconciliation-period';

const PAGE_SIZE = 50;
const NUMERIC = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * The aging per customer, a page of 50 at a time (the report comes whole, a row per customer owing,
 * in the order the headers ask the server for), its totals under every page, and the whole report in
 * that order as an Excel file. A row opens the customer's unpaid invoices; 对账 opens its
 * reconciliation for the year to the aging's day.
 */
export function AgingTable({ report, sort, onSort, bucketLabel }: { report: AgingReport; sort: AgingSort; onSort: (sort: AgingSort) => void; bucketLabel: (name: string) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listKey = `${report.as_of} ${sort.field}.${sort.dir}`;
  const [position, setPosition] = useState({ listKey, page: 1 });
  // Another day's report, or another order, starts again at page 1.
  const page = position.listKey === listKey ? position.page : 1;
  const pages = Math.max(1, Math.ceil(report.rows.length / PAGE_SIZE));
  const shown = report.rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const amountCells = (line: { total: number; by_bucket: Record<string, number> }, bold: boolean) => (
    <>
      {report.buckets.map((b, i) => {
        const amount = line.by_bucket[b] ?? 0;
        return (
          <Table.Td key={b} ta="right" fw={bold ? 700 : undefined} c={amount > 0 && i >= 3 ? 'red' : undefined} style={NUMERIC}>
            {amount === 0 ? '' : formatFen(amount)}
          </Table.Td>
        );
      })}
      <Table.Td ta="right" fw={700} style={NUMERIC}>{formatFen(line.total)}</Table.Td>
    </>
  );

  async function exportAll(jobId: string) {
    saveExport(await api.exports.aging({ asOf: report.as_of, sort, format: 'xlsx', language: exportLanguage(), jobId }));
  }

  return (
    <>
      <Table.ScrollContainer minWidth={900}>
        <Table striped highlightOnHover verticalSpacing={4} data-testid="aging-table">
          <Table.Thead>
            <Table.Tr>
              <SortHeader field="code" sort={sort} onSort={onSort}>
                {t('receivables.aging.customerCode')}
              </SortHeader>
              <SortHeader field="name" sort={sort} onSort={onSort}>
                {t('receivables.field.customer')}
              </SortHeader>
              {/* Amounts sort the biggest first on a first click: who owes most is what is looked for. */}
              {report.buckets.map((b) => (
                <SortHeader key={b} field={b as AgingSortField} sort={sort} onSort={onSort} align="right" firstDir="desc">
                  {bucketLabel(b)}
                </SortHeader>
              ))}
              <SortHeader field="total" sort={sort} onSort={onSort} align="right" firstDir="desc">
                {t('receivables.aging.total')}
              </SortHeader>
              <Table.Th className="no-print" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row) => (
              <Table.Tr
                key={row.customer_code}
                style={{ cursor: 'pointer' }}
                onClick={() => navigate(`/invoices?f=${encodeURIComponent(JSON.stringify({ customerCode: row.customer_code, kind: 'invoice', openOnly: true }))}`)}
              >
                <Table.Td ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {row.customer_code}
                </Table.Td>
                <Table.Td>{row.customer_name}</Table.Td>
                {amountCells(row, false)}
                <Table.Td className="no-print" ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    component={Link}
                    to={`/receivables/reconciliation?code=${encodeURIComponent(row.customer_code)}&from=${reconciliationFrom(report.as_of)}&to=${report.as_of}`}
                    onClick={(e) => e.stopPropagation()}
                    data-testid={`reconcile-${row.customer_code}`}
                  >
                    {t('receivables.reconciliation.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="aging-totals-row">
              <Table.Td fw={700} colSpan={2}>
                {t('receivables.aging.totalRow')}
              </Table.Td>
              {amountCells(report.totals, true)}
              <Table.Td className="no-print" />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm" className="no-print">
        <Text size="sm" c="dimmed" data-testid="page-total">
          {t('receivables.aging.customers', { count: report.rows.length })}
        </Text>
        <Pagination size="sm" total={pages} value={page} onChange={(next) => setPosition({ listKey, page: next })} />
        <ExportButton onExport={exportAll} />
      </Group>
    </>
  );
}
