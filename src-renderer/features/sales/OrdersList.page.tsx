import { Button, Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAdjustments, IconChecklist, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ORDER_STATUSES, type OrderStatus } from '../../../src-main/domain/orders/orders.dto';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { OrdersTable } from './components/OrdersTable';
import { shortcutTarget } from '../../components/shortcut-targets';

/** 销售订单 list: newest first, paged by keyset on the server (a page deep in years of orders costs what the first does). */
export function OrdersListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [status, setStatus] = useState<OrderStatus | null>(null);
  const filters = status ? { status: [status] } : {};
  const filtered = !!debouncedQ || !!status;
  const empty = <EmptyState title={filtered ? t('sales.orders.emptyFiltered') : t('sales.orders.emptyTitle')} text={filtered ? '' : t('sales.orders.emptyText')} />;

  return (
    <>
      <PageHeader
        title={t('sales.orders.title')}
        actions={
          <>
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
        <Group mb="md" gap="sm">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('sales.orders.searchPlaceholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={280}
            aria-label={t('sales.orders.searchPlaceholder')} {...shortcutTarget('search')}
          />
          <Select
            placeholder={t('sales.orders.anyStatus')}
            data={ORDER_STATUSES.map((s) => ({ value: s, label: t(`sales.orderStatus.${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v as OrderStatus | null)}
            clearable
            w={160}
            aria-label={t('sales.field.status')}
          />
        </Group>
        <OrdersTable q={debouncedQ || undefined} filters={filters} empty={empty} />
      </Paper>
    </>
  );
}
