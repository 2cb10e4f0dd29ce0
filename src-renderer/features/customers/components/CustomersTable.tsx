import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CustomerListRow } from '../../../../src-main/domain/customers/customers.dto';
import { useColumnChoice, type ChoosableColumn } from '../../../components/ColumnChooser';
import { SortHeader } from '../../../components/SortHeader';
import { useHeightToWindow } from '../../../components/use-height-to-window';
import { money, region } from '../labels';
import type { ListSort } from '../list-state';
import { StageBadge } from './StageBadge';
import { TagBadges } from './TagBadges';

interface Props {
  rows: CustomerListRow[];
  sort: ListSort;
  onSort: (sort: ListSort) => void;
  selected: Map<string, CustomerListRow>;
  onSelect: (rows: CustomerListRow[], checked: boolean) => void;
}

interface CustomerColumn extends ChoosableColumn {
  sortField?: ListSort['field'];
  align?: 'right';
  cell: (r: CustomerListRow) => ReactNode;
  cellProps?: (r: CustomerListRow) => React.ComponentProps<typeof Table.Td>;
}

const NOWRAP = { style: { whiteSpace: 'nowrap' } } as const;

/**
 * The customer list: sortable headers (sorted on the server), row checkboxes, click a row to open it.
 * It fits the window (header row kept, sideways scrollbar on screen); the user picks the columns,
 * and on a narrow screen the detail columns (tags, region, tier, last order) start hidden.
 */
export function CustomersTable({ rows, sort, onSort, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fit = useHeightToWindow();
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someOnPage = rows.some((r) => selected.has(r.id));

  const columns: CustomerColumn[] = [
    { key: 'code', header: t('customers.field.code'), sortField: 'code', cell: (r) => r.code, cellProps: () => ({ ff: 'monospace', c: 'dimmed', ...NOWRAP }) },
    {
      key: 'name',
      header: t('customers.field.name'),
      sortField: 'name',
      cellProps: () => ({ maw: 280 }),
      cell: (r) => (
        <>
          <Anchor component={Link} to={`/customers/${r.id}`} fw={500} size="sm" c="var(--mantine-color-text)" onClick={(e) => e.stopPropagation()} lineClamp={1} title={r.name}>
            {r.name}
          </Anchor>
          {r.shortName && (
            <Text size="xs" c="dimmed" lineClamp={1}>
              {r.shortName}
            </Text>
          )}
        </>
      ),
    },
    { key: 'tags', header: t('customers.field.tags'), optional: true, cell: (r) => <TagBadges tags={r.tags} max={2} size="xs" wrap /> },
    {
      key: 'primaryContact',
      header: t('customers.field.primaryContact'),
      cellProps: () => NOWRAP,
      cell: (r) =>
        r.primaryContact ? (
          <>
            <Text size="sm">{r.primaryContact.name}</Text>
            {r.primaryContact.mobile && (
              <Text size="xs" c="dimmed" ff="monospace">
                {r.primaryContact.mobile}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ),
    },
    { key: 'region', header: t('customers.field.region'), optional: true, cellProps: () => NOWRAP, cell: (r) => region(r.province, r.city) || '—' },
    {
      key: 'owner',
      header: t('customers.field.owner'),
      cellProps: () => NOWRAP,
      cell: (r) => r.ownerName ?? <Text span size="sm" c="dimmed">{t('customers.list.unassigned')}</Text>,
    },
    { key: 'lifecycleStage', header: t('customers.field.lifecycleStage'), cellProps: () => NOWRAP, cell: (r) => <StageBadge stage={r.lifecycleStage} /> },
    { key: 'tier', header: t('customers.field.tier'), optional: true, cellProps: () => NOWRAP, cell: (r) => r.tier ?? '—' },
    {
      key: 'balanceDue',
      header: t('customers.field.balanceDue'),
      sortField: 'balanceDue',
      align: 'right',
      cellProps: (r) => ({ ff: 'monospace', ...NOWRAP, c: r.balanceDue > 0 && r.creditLimit !== null && r.balanceDue > r.creditLimit ? 'red' : undefined }),
      cell: (r) => money(r.balanceDue),
    },
    { key: 'lastOrderDate', header: t('customers.field.lastOrderDate'), sortField: 'lastOrderDate', optional: true, cellProps: () => NOWRAP, cell: (r) => r.lastOrderDate ?? '—' },
  ];
  const { visible, chooser } = useColumnChoice('customers.list', columns);
  const shown = columns.filter((c) => visible.has(c.key));

  return (
    <Table.ScrollContainer ref={fit.ref} minWidth={shown.length > 7 ? 1100 : 860} maxHeight={fit.height} type="native">
      <Table highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox aria-label={t('customers.list.selectAll')} checked={allOnPage} indeterminate={someOnPage && !allOnPage} onChange={(e) => onSelect(rows, e.currentTarget.checked)} />
            </Table.Th>
            {shown.map((c) =>
              c.sortField ? (
                <SortHeader key={c.key} field={c.sortField} sort={sort} onSort={onSort} align={c.align}>
                  {c.header}
                </SortHeader>
              ) : (
                <Table.Th key={c.key} style={{ whiteSpace: 'nowrap' }}>
                  {c.header}
                </Table.Th>
              ),
            )}
            <Table.Th w={44} ta="right">
              {chooser}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} style={{ cursor: 'pointer' }} bg={selected.has(r.id) ? 'var(--mantine-primary-color-light)' : undefined} onClick={() => navigate(`/customers/${r.id}`)} data-testid="customer-row">
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Checkbox aria-label={t('customers.list.selectRow', { name: r.name })} checked={selected.has(r.id)} onChange={(e) => onSelect([r], e.currentTarget.checked)} />
              </Table.Td>
              {shown.map((c) => (
                <Table.Td key={c.key} ta={c.align} {...c.cellProps?.(r)}>
                  {c.cell(r)}
                </Table.Td>
              ))}
              <Table.Td />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
