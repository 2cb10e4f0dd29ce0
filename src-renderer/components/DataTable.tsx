import { Button, Center, Group, Loader, Pagination, Select, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../src-main/api/paging';
import { toCsv } from '../../src-main/domain/shared/csv';
import { notifyError } from '../api/hooks';
import { LoadFailed } from './LoadFailed';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** The plain value written to the Excel export; defaults to the rendered text when it is a string. */
  exportValue?: (row: Row) => string | number | null;
  width?: number | string;
  /** Money and counts line up on the right so digits compare at a glance. */
  align?: 'right';
  /** Keeps short values (dates, codes, phone numbers) on one line. */
  nowrap?: boolean;
}

interface DataTableProps<Row> {
  queryKey: unknown[];
  fetchPage: (page: number, pageSize: number) => Promise<Page<Row>>;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  exportName: string;
  empty: ReactNode;
  onRowClick?: (row: Row) => void;
  /** Below this width the table scrolls sideways instead of squeezing columns into ragged wraps. */
  minWidth?: number;
}

const EXPORT_PAGE = 200;

/** A server-paged table with an Excel export of every matching row (not just this page). */
export function DataTable<Row>({ queryKey, fetchPage, columns, rowKey, exportName, empty, onRowClick, minWidth = 720 }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [exporting, setExporting] = useState(false);
  const query = useQuery({ queryKey: [...queryKey, page, pageSize], queryFn: () => fetchPage(page, pageSize), placeholderData: keepPreviousData });

  async function exportAll() {
    setExporting(true);
    try {
      const rows: Row[] = [];
      for (let p = 1; ; p++) {
        const chunk = await fetchPage(p, EXPORT_PAGE);
        rows.push(...chunk.rows);
        // A capped total (10,000+) is a lower bound: only a short page ends the list.
        if (chunk.rows.length < EXPORT_PAGE || (chunk.totalIsExact && rows.length >= chunk.total)) break;
      }
      const csv = toCsv(
        columns.map((c) => c.header),
        rows.map((row) => columns.map((c) => (c.exportValue ? c.exportValue(row) : plain(c.render(row))))),
      );
      download(`${exportName}-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    } catch (error) {
      notifyError(error);
    } finally {
      setExporting(false);
    }
  }

  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const { rows, total } = query.data;
  const pages = pageCount(query.data, pageSize);
  if (total === 0) return <>{empty}</>;
  return (
    <>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped highlightOnHover verticalSpacing="xs" data-testid="data-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} ta={c.align} style={{ whiteSpace: 'nowrap', ...(c.width ? { width: c.width } : {}) }}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)} onClick={onRowClick ? () => onRowClick(row) : undefined} style={onRowClick ? { cursor: 'pointer' } : undefined}>
                {columns.map((c) => (
                  <Table.Td key={c.key} ta={c.align} style={c.nowrap || c.align ? { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } : undefined}>
                    {c.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="sm">
        <Group gap="xs">
          <PageTotal page={query.data} />
          <Select
            size="xs"
            w={90}
            aria-label={t('table.pageSize')}
            data={['20', '50', '100', '200']}
            value={String(pageSize)}
            allowDeselect={false}
            onChange={(v) => {
              setPageSize(Number(v));
              setPage(1);
            }}
          />
        </Group>
        <Pagination size="sm" total={pages} value={page} onChange={setPage} />
        <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting} onClick={() => void exportAll()}>
          {exporting ? t('common.exporting') : t('common.exportExcel')}
        </Button>
      </Group>
    </>
  );
}

/** "共 1,234 条", or "约 10,000+ 条" when the server stopped counting (the pager still pages that far). */
export function PageTotal({ page }: { page: Pick<Page<unknown>, 'total' | 'totalIsExact'> }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="page-total">
      {page.totalIsExact ? t('common.total', { count: page.total }) : t('common.totalAtLeast', { total: page.total.toLocaleString(i18n.language) })}
    </Text>
  );
}

export function pageCount(page: Pick<Page<unknown>, 'total'>, pageSize: number): number {
  return Math.max(1, Math.ceil(page.total / pageSize));
}

function plain(node: ReactNode): string {
  return typeof node === 'string' || typeof node === 'number' ? String(node) : '';
}

export function download(fileName: string, content: string | Blob, type = 'text/csv;charset=utf-8'): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
