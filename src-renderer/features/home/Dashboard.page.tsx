import { Button } from '@mantine/core';
import { IconAddressBook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../auth/current-user';

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('dashboard.welcome', { name: user.displayName })} />
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
    </>
  );
}
