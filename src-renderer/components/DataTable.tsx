import { Button, Center, Group, Loader, Pagination, Select, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../src-main/api/paging';
import { notifyError } from '../api/hooks';
import { LoadFailed } from './LoadFailed';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
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
  /** Exports every row the table's query matches, on the server (the button shows only with it). */
  onExport?: () => Promise<unknown>;
  empty: ReactNode;
  onRowClick?: (row: Row) => void;
  /** Below this width the table scrolls sideways instead of squeezing columns into ragged wraps. */
  minWidth?: number;
}

/** A server-paged table, with an Excel export of every matching row (not just this page) when given one. */
export function DataTable<Row>({ queryKey, fetchPage, columns, rowKey, onExport, empty, onRowClick, minWidth = 720 }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [exporting, setExporting] = useState(false);
  const query = useQuery({ queryKey: [...queryKey, page, pageSize], queryFn: () => fetchPage(page, pageSize), placeholderData: keepPreviousData });

  async function exportAll() {
    setExporting(true);
    try {
      await onExport?.();
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
  const pages = Math.max(1, Math.ceil(total / pageSize));
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
          <Text size="sm" c="dimmed">
            {t('common.total', { count: total })}
          </Text>
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
        {onExport ? (
          <Button size="xs" variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting} onClick={() => void exportAll()} data-testid="table-export">
            {exporting ? t('common.exporting') : t('common.exportExcel')}
          </Button>
        ) : (
          <span />
        )}
      </Group>
    </>
  );
}
