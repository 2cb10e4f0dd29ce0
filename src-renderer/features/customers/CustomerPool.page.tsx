import { Button, Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconRecycle, IconSearch, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerListRow } from '../../../src-main/domain/customers/customers.dto';
import { POOL_QUERY } from '../../../src-main/domain/customers/customers.pool.contract';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestampDate } from '../../format';
import { useCan } from '../auth/current-user';
import { PoolSettings } from './components/PoolSettings';
import { downloadCustomersExport } from './export-customers';
import { shortcutTarget } from '../../components/shortcut-targets';

/** /customers/pool: customers nobody owns (公海), to claim; the owner sets the rules here. */
export function CustomerPoolPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [search] = useDebouncedValue(q, 250);
  const [settingsOpened, settingsModal] = useDisclosure();
  const settings = useApiQuery('customers.scopeSettings', {});
  const claim = useApiMutation('customers.claim');
  const returnNow = useApiMutation('customers.returnIdleToPool', {
    onSuccess: (result) => notifications.show({ color: 'green', message: t('customers.pool.returned', { count: result.returned }) }),
  });

  const claimOne = (row: CustomerListRow) =>
    claim.mutate({ ids: [row.id] }, { onSuccess: () => notifications.show({ color: 'green', message: t('customers.pool.claimed', { name: row.name }) }) });

  const columns: Column<CustomerListRow>[] = [
    { key: 'code', header: t('customers.field.code'), render: (r) => r.code, nowrap: true, width: 110 },
    { key: 'name', header: t('customers.field.name'), render: (r) => r.name },
    { key: 'region', header: t('customers.field.region'), render: (r) => [r.province, r.city].filter(Boolean).join(' '), nowrap: true },
    { key: 'industry', header: t('customers.field.industry'), render: (r) => r.industry ?? '', nowrap: true },
    { key: 'createdAt', header: t('customers.field.createdAt'), render: (r) => formatTimestampDate(r.createdAt), nowrap: true, width: 120 },
    {
      key: 'claim',
      header: '',
      width: 90,
      render: (r) => (
        <Button size="xs" variant="light" loading={claim.isPending && claim.variables?.ids[0] === r.id} onClick={() => claimOne(r)} data-testid={`claim-${r.code}`}>
          {t('customers.pool.claim')}
        </Button>
      ),
    },
  ];

  const rule = settings.data
    ? t(settings.data.poolAfterDays === null ? 'customers.pool.ruleOff' : 'customers.pool.rule', {
        days: settings.data.poolAfterDays,
        count: settings.data.poolAfterDays ?? undefined,
        limit: settings.data.claimsPerDay,
        claimed: settings.data.claimedToday,
      })
    : '';

  return (
    <>
      <PageHeader
        title={t('customers.pool.title')}
        actions={
          <>
            <Button component={Link} to="/customers" variant="default">
              {t('customers.title')}
            </Button>
            {can('customers.managePool') && settings.data?.poolAfterDays != null && (
              <Button variant="default" leftSection={<IconRecycle size={16} />} loading={returnNow.isPending} onClick={() => returnNow.mutate({})}>
                {t('customers.pool.returnNow')}
              </Button>
            )}
            {can('settings.manage') && settings.data && (
              <Button variant="default" leftSection={<IconSettings size={16} />} onClick={settingsModal.open} data-testid="pool-settings">
                {t('customers.pool.settings')}
              </Button>
            )}
          </>
        }
      />
      <Text size="sm" c="dimmed" mb="xs" data-testid="pool-rule">
        {rule}
      </Text>
      <Group mb="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('customers.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={360}
          {...shortcutTarget('search')}
        />
      </Group>
      <DataTable
        countWords="customers.list"
        method="customers.pool"
        input={{ q: search.trim() || undefined }}
        columns={columns}
        rowKey={(r) => r.id}
        // The whole pool as a file is for whoever manages it, not for each salesperson who claims from it.
        onExport={can('customers.managePool') ? (jobId) => downloadCustomersExport({ q: search.trim() || undefined, ...POOL_QUERY }, jobId) : undefined}
        empty={<EmptyState title={t('customers.pool.empty')} text={t('customers.pool.emptyText')} />}
      />
      {settings.data && settingsOpened && <PoolSettings opened onClose={settingsModal.close} current={settings.data} />}
    </>
  );
}
