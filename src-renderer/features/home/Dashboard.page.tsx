import { Button, Center, Group, Loader } from '@mantine/core';
import { IconAddressBook, IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan, useCurrentUser } from '../auth/current-user';
import { BackupFailedCard } from '../backup/components/BackupFailedCard';

/** Until orders and receipts land there is nothing to chart; say so, and point at the screens that work. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const readsCustomers = can('customers.read');
  const customers = useApiQuery('customers.list', { page: 1, pageSize: 1 }, { enabled: readsCustomers });
  const hasCustomers = (customers.data?.total ?? 0) > 0;

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: user.displayName })} />
      {can('backup.run') && <BackupFailedCard />}
      {readsCustomers && customers.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : hasCustomers ? (
        <EmptyState
          icon={<IconChartBar size={30} />}
          title={t('dashboard.waitingTitle')}
          text={t('dashboard.waitingText', { count: customers.data?.total ?? 0 })}
          action={
            <Group gap="sm">
              <Button component={Link} to="/customers">
                {t('dashboard.goCustomers')}
              </Button>
              {can('leads.read') && (
                <Button component={Link} to="/leads/board" variant="default">
                  {t('dashboard.goBoard')}
                </Button>
              )}
            </Group>
          }
        />
      ) : (
        <EmptyState
          icon={<IconAddressBook size={30} />}
          title={t('dashboard.emptyTitle')}
          text={t('dashboard.emptyText')}
          action={
            <Button component={Link} to="/customers">
              {t('dashboard.goCustomers')}
            </Button>
          }
        />
      )}
    </>
  );
}
