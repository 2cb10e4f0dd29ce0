import { Button, Center, Group, Loader, SimpleGrid, Text } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan, useCurrentUser } from '../auth/current-user';
import { BackupFailedCard } from '../backup/components/BackupFailedCard';
import { WorkbenchCard } from './components/WorkbenchCard';

/** 工作台: the cards the areas add, each figure a link to the list it counts. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const can = useCan();
  const workbench = useApiQuery('workbench.cards', {});
  const data = workbench.data;
  const noCustomers = data?.cards.find((c) => c.key === 'customers')?.figures.find((f) => f.key === 'total')?.count === 0;

  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: user.displayName })} />
      {can('backup.run') && <BackupFailedCard />}
      {!data ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : noCustomers || data.cards.length === 0 ? (
        <EmptyState
          icon={<IconAddressBook size={30} />}
          title={t('dashboard.emptyTitle')}
          text={t('dashboard.emptyText')}
          action={
            <Group gap="sm">
              {can('customers.read') && (
                <Button component={Link} to="/customers">
                  {t('dashboard.goCustomers')}
                </Button>
              )}
              {can('leads.read') && (
                <Button component={Link} to="/leads" variant="default">
                  {t('dashboard.goLeads')}
                </Button>
              )}
            </Group>
          }
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm" data-testid="workbench-scope">
            {data.ownOnly ? t('dashboard.scopeOwn') : t('dashboard.scopeAll')} · {data.today}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="workbench">
            {data.cards.map((card) => (
              <WorkbenchCard key={card.key} card={card} followUpDays={data.followUpDays} />
            ))}
          </SimpleGrid>
        </>
      )}
    </>
  );
}
