import { Center, Group, Loader, Pagination, Select, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf, MethodName, OutputOf } from '../../src-main/api/contract';
import type { Page } from '../../src-main/api/paging';
import { useApiQuery } from '../api/hooks';
import { useColumnChoice } from './ColumnChooser';
import { ExportButton } from './ExportButton';
import { LoadFailed } from './LoadFailed';
import { useHeightToWindow } from './use-height-to-window';
import { SortHeader, type SortOrder } from './SortHeader';

/** The contract's list methods: paged input in, `{ rows, total }` out. */
export type ListMethod = { [M in MethodName]: OutputOf<M> extends Page<unknown> ? (InputOf<M> extends { page?: number; pageSize?: number } ? M : never) : never }[MethodName];
export type RowOf<M extends MethodName> = OutputOf<M> extends Page<infer Row> ? Row : never;
type SortFieldOf<M extends MethodName> = InputOf<M> extends { sort?: { field: infer F } } ? Extract<F, string> : never;

export interface Column<Row, SortField extends string = never> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  width?: number | string;
  /** Money and counts line up on the right so digits compare at a glance. */
  align?: 'right';
  /** Keeps short values (dates, codes, phone numbers) on one line. */
  nowrap?: boolean;
  /** The method's sort field behind this column; its header then sorts the list on the server. */
  sortField?: SortField;
  /** A detail column, hidden at first on narrow screens (see ColumnChooser). */
  optional?: boolean;
}

interface DataTableProps<M extends ListMethod> {
  method: M;
  /** The method's input but the paging (and the sort, which the headers set). */
  input: Omit<InputOf<M>, 'page' | 'pageSize' | 'sort'>;
  /** The sort before a header is clicked; the method's own default when absent. */
  defaultSort?: SortOrder<SortFieldOf<M>>;
  columns: Column<RowOf<M>, SortFieldOf<M>>[];
  rowKey: (row: RowOf<M>) => string;
  /** Exports every row the table's query matches, on the server (the button shows only with it). */
  /** Exports every matching row on the server; `jobId` names the export for its progress and for stopping it. */
  onExport?: (jobId: string) => Promise<unknown>;
  empty: ReactNode;
  onRowClick?: (row: RowOf<M>) => void;
  /** Below this width the table scrolls sideways instead of squeezing columns into ragged wraps. */
  minWidth?: number;
  /** Names the table for the columns the user chooses to show (remembered per user); the method by default. */
  tableId?: string;
  /** Counts the rows in the list's own words (共 12 家供应商); see PageTotal. */
  countWords?: string;
  /** A data-testid on each row, for the E2E tests to find a row and act within it. */
  rowTestId?: string;
}

/** A list method's rows, paged and sorted on the server, with an Excel export of every matching row (not just this page) when given one. */
export function DataTable<M extends ListMethod>({
  method,
  input,
  defaultSort,
  columns: allColumns,
  rowKey,
  onExport,
  empty,
  onRowClick,
  minWidth = 720,
  tableId = method,
  countWords,
  rowTestId,
}: DataTableProps<M>) {
  type Row = RowOf<M>;
  const { t } = useTranslation();
  const [pageSize, setPageSize] = useState(50);
  const [sort, setSort] = useState(defaultSort);
  // A new search, filter or sort starts again at page 1.
  const listKey = JSON.stringify([input, sort, pageSize]);
  const [position, setPosition] = useState({ listKey, page: 1 });
  const page = position.listKey === listKey ? position.page : 1;
  const setPage = (next: number) => setPosition({ listKey, page: next });
  const pageInput = { ...input, ...(sort ? { sort } : {}), page, pageSize } as InputOf<M>;
  const query = useApiQuery(method, pageInput, { placeholderData: keepPreviousData });
  const { visible, chooser } = useColumnChoice(tableId, allColumns);
  const columns = allColumns.filter((c) => visible.has(c.key));
  const fit = useHeightToWindow();

  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const { rows, total } = query.data as Page<Row>;
  const pages = pageCount(query.data as Page<Row>, pageSize);
  if (total === 0) return <>{empty}</>;
  return (
    <>
      <Table.ScrollContainer ref={fit.ref} minWidth={minWidth} maxHeight={fit.height} type="native">
        <Table striped highlightOnHover stickyHeader verticalSpacing="xs" data-testid="data-table">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) =>
                c.sortField ? (
                  <SortHeader key={c.key} field={c.sortField} sort={sort} onSort={setSort} align={c.align}>
                    {c.header}
                  </SortHeader>
                ) : (
                  <Table.Th key={c.key} ta={c.align} style={{ whiteSpace: 'nowrap', ...(c.width ? { width: c.width } : {}) }}>
                    {c.header}
                  </Table.Th>
                ),
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={rowKey(row)}
                onClick={onRowClick ? () => onRowClick(row) : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
                data-testid={rowTestId}
              >
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
          <PageTotal page={query.data} words={countWords} />
          <Select
            size="xs"
            w={90}
            aria-label={t('table.pageSize')}
            data={['20', '50', '100', '200']}
            value={String(pageSize)}
            allowDeselect={false}
            onChange={(v) => setPageSize(Number(v))}
          />
        </Group>
        <Pagination size="sm" total={pages} value={page} onChange={setPage} />
        <Group gap="xs">
          {chooser}
          {onExport && <ExportButton onExport={onExport} />}
        </Group>
      </Group>
    </>
  );
}

/**
 * "共 1,234 条", or "约 10,000+ 条" when the server stopped counting (the pager still pages that far).
 * A list may count in its own words (`customers.list` → 共 500 家客户): keys `<words>.total` and `<words>.totalAtLeast`.
 */
export function PageTotal({ page, words = 'common' }: { page: Pick<Page<unknown>, 'total' | 'totalIsExact'>; words?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="page-total">
      {page.totalIsExact ? t(`${words}.total`, { count: page.total }) : t(`${words}.totalAtLeast`, { total: page.total.toLocaleString(i18n.language) })}
    </Text>
  );
}

export function pageCount(page: Pick<Page<unknown>, 'total'>, pageSize: number): number {
  return Math.max(1, Math.ceil(page.total / pageSize));
}
