import { Tabs } from '@mantine/core';
import { IconBook2, IconFileExport, IconListTree, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { AccountsTab } from './AccountsTab';
import { ExportHistoryTab } from './ExportHistoryTab';
import { PeriodsTab } from './PeriodsTab';
import { VouchersTab } from './VouchersTab';

export type AccountingTabKey = 'vouchers' | 'history' | 'accounts' | 'periods';

const TABS: { key: AccountingTabKey; path: string; icon: typeof IconBook2 }[] = [
  { key: 'vouchers', path: '/vouchers', icon: IconBook2 },
  { key: 'history', path: '/vouchers/exports', icon: IconFileExport },
  { key: 'accounts', path: '/vouchers/accounts', icon: IconListTree },
  { key: 'periods', path: '/vouchers/periods', icon: IconLock },
];

/** 凭证与结账: a month's vouchers and their export, the export log, the chart of accounts and the period close, one route each. */
export function AccountingPage({ tab = 'vouchers' }: { tab?: AccountingTabKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('nav.vouchers')} />
      <Tabs value={tab} onChange={(value) => navigate(TABS.find((x) => x.key === value)?.path ?? '/vouchers')} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map(({ key, icon: Icon }) => (
            <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} />} data-testid={`accounting-tab-${key}`}>
              {t(`vouchers.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="vouchers">
          <VouchersTab />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ExportHistoryTab />
        </Tabs.Panel>
        <Tabs.Panel value="accounts">
          <AccountsTab />
        </Tabs.Panel>
        <Tabs.Panel value="periods">
          <PeriodsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
