import { Anchor, Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { CustomerListRow } from '../../../../src-main/domain/customers/customers.dto';
import { money, region } from '../labels';
import { SortHeader } from '../../../components/SortHeader';
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

/** The customer list: sortable headers (sorted on the server), row checkboxes, click a row to open it. */
export function CustomersTable({ rows, sort, onSort, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someOnPage = rows.some((r) => selected.has(r.id));
  const header = { sort, onSort };

  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox aria-label={t('customers.list.selectAll')} checked={allOnPage} indeterminate={someOnPage && !allOnPage} onChange={(e) => onSelect(rows, e.currentTarget.checked)} />
            </Table.Th>
            <SortHeader field="code" {...header}>
              {t('customers.field.code')}
            </SortHeader>
            <SortHeader field="name" {...header}>
              {t('customers.field.name')}
            </SortHeader>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('customers.field.tags')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('customers.field.primaryContact')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('customers.field.region')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('customers.field.owner')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('customers.field.lifecycleStage')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('customers.field.tier')}</Table.Th>
            <SortHeader field="balanceDue" align="right" {...header}>
              {t('customers.field.balanceDue')}
            </SortHeader>
            <SortHeader field="lastOrderDate" {...header}>
              {t('customers.field.lastOrderDate')}
            </SortHeader>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} style={{ cursor: 'pointer' }} bg={selected.has(r.id) ? 'var(--mantine-primary-color-light)' : undefined} onClick={() => navigate(`/customers/${r.id}`)} data-testid="customer-row">
              <Table.Td onClick={(e) => e.stopPropagation()}>
                <Checkbox aria-label={t('customers.list.selectRow', { name: r.name })} checked={selected.has(r.id)} onChange={(e) => onSelect([r], e.currentTarget.checked)} />
              </Table.Td>
              <Table.Td ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {r.code}
              </Table.Td>
              <Table.Td maw={280}>
                <Anchor component={Link} to={`/customers/${r.id}`} fw={500} size="sm" c="var(--mantine-color-text)" onClick={(e) => e.stopPropagation()} lineClamp={1} title={r.name}>
                  {r.name}
                </Anchor>
                {r.shortName && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {r.shortName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <TagBadges tags={r.tags} max={2} size="xs" wrap />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {r.primaryContact ? (
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
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{region(r.province, r.city) || '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.ownerName ?? <Text span size="sm" c="dimmed">{t('customers.list.unassigned')}</Text>}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <StageBadge stage={r.lifecycleStage} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.tier ?? '—'}</Table.Td>
              <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }} c={r.balanceDue > 0 && r.creditLimit !== null && r.balanceDue > r.creditLimit ? 'red' : undefined}>
                {money(r.balanceDue)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.lastOrderDate ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
