import { Button, Group, MultiSelect, Paper, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustments, IconChecklist, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { OrderListFilters } from '../../../src-main/domain/orders/orders.contract';
import { ORDER_STATUSES, type OrderStatus } from '../../../src-main/domain/orders/orders.dto';
import { parseFilterParam } from '../../api/url-filters';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { SavedViewsMenu } from '../../components/SavedViewsMenu';
import { UNASSIGNED, UserPicker } from '../../components/UserPicker';
import { useCan } from '../auth/current-user';
import { OrdersTable } from './components/OrdersTable';
import { shortcutTarget } from '../../components/shortcut-targets';

/** What the URL and a saved view carry: the search and the filters. */
interface OrdersQuery extends Record<string, unknown> {
  q?: string;
  filters?: OrderListFilters;
}

/** The filters without their empty values, so the URL and saved views stay clean. */
function cleaned(filters: OrderListFilters): OrderListFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))) as OrderListFilters;
}

/**
 * 销售订单 list: newest first, paged by keyset on the server (a page deep in years of orders costs
 * what the first does). The search and filters live in the URL (`?q=`, `?f=`): a workbench figure
 * opens the list filtered as it was counted, and a filtered list can be saved as a view.
 */
export function OrdersListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters = cleaned(parseFilterParam<OrderListFilters>(params.get('f')));
  const q = params.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const show = (next: OrdersQuery) => {
    const f = cleaned(next.filters ?? {});
    setParams({ ...(next.q ? { q: next.q } : {}), ...(Object.keys(f).length ? { f: JSON.stringify(f) } : {}) }, { replace: true });
  };
  const setFilters = (changed: Partial<OrderListFilters>) => show({ q, filters: { ...filters, ...changed } });
  const search = useDebouncedCallback((text: string) => show({ q: text.trim(), filters }), 250);
  const filtered = !!q || Object.keys(filters).length > 0;
  const empty = <EmptyState title={filtered ? t('sales.orders.emptyFiltered') : t('sales.orders.emptyTitle')} text={filtered ? '' : t('sales.orders.emptyText')} />;
  const owner = filters.ownerUserId === null ? UNASSIGNED : (filters.ownerUserId ?? null);

  return (
    <>
      <PageHeader
        title={t('sales.orders.title')}
        actions={
          <>
            <SavedViewsMenu<OrdersQuery>
              area="orders"
              current={{ q, filters }}
              onOpen={(view) => {
                setTyped(view.q ?? '');
                show({ q: view.q ?? '', filters: view.filters ?? {} });
              }}
            />
            {can('sales.approve') && (
              <Button variant="light" leftSection={<IconChecklist size={16} />} onClick={() => navigate('/orders/approvals')}>
                {t('sales.orders.approvals')}
              </Button>
            )}
            {can('sales.approve') && (
              <Button variant="subtle" leftSection={<IconAdjustments size={16} />} onClick={() => navigate('/orders/rules')} data-testid="orders-rules">
                {t('sales.orders.rules')}
              </Button>
            )}
            {can('sales.write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/orders/new')} data-testid="add-order" {...shortcutTarget('create')}>
                {t('sales.orders.add')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <Group mb="md" gap="sm" align="flex-end">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('sales.orders.searchPlaceholder')}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              search(e.currentTarget.value);
            }}
            w={240}
            aria-label={t('sales.orders.searchPlaceholder')}
            {...shortcutTarget('search')}
          />
          <MultiSelect
            placeholder={filters.status?.length ? undefined : t('sales.orders.anyStatus')}
            data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`sales.orderStatus.${s}`) }))}
            value={filters.status ?? []}
            onChange={(v) => setFilters({ status: v as OrderStatus[] })}
            clearable
            w={260}
            aria-label={t('sales.field.status')}
            data-testid="orders-status-filter"
          />
          <DateField placeholder={t('sales.orders.orderedFrom')} value={filters.from ?? null} onChange={(v) => setFilters({ from: v ?? undefined })} w={140} aria-label={t('sales.orders.orderedFrom')} />
          <DateField placeholder={t('sales.orders.orderedTo')} value={filters.to ?? null} onChange={(v) => setFilters({ to: v ?? undefined })} w={140} aria-label={t('sales.orders.orderedTo')} />
          <UserPicker
            placeholder={t('sales.orders.anyOwner')}
            unassignedLabel={t('sales.orders.unassigned')}
            value={owner}
            onChange={(v) => setFilters({ ownerUserId: v === null ? undefined : v === UNASSIGNED ? null : v })}
            w={150}
            aria-label={t('sales.orders.owner')}
          />
          {filters.promisedBefore && (
            <Button variant="light" color="red" size="xs" rightSection={<IconX size={14} />} onClick={() => setFilters({ promisedBefore: undefined })} data-testid="orders-promised-before">
              {t('sales.orders.promisedBefore', { date: filters.promisedBefore })}
            </Button>
          )}
          {filtered && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                setTyped('');
                show({});
              }}
              data-testid="orders-clear-filters"
            >
              {t('sales.orders.clearFilters')}
            </Button>
          )}
        </Group>
        <OrdersTable q={q || undefined} filters={filters} empty={empty} />
      </Paper>
    </>
  );
}
