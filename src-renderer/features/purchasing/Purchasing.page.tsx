import { Tabs } from '@mantine/core';
import { IconFileInvoice, IconShoppingCartPlus, IconTruck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { OrdersTab } from './components/OrdersTab';
import { ReplenishmentTab } from './components/ReplenishmentTab';
import { SuppliersTab } from './components/SuppliersTab';

export type PurchasingTabKey = 'orders' | 'replenishment' | 'suppliers';

const TABS: { key: PurchasingTabKey; path: string; icon: typeof IconTruck }[] = [
  { key: 'orders', path: '/purchasing', icon: IconFileInvoice },
  { key: 'replenishment', path: '/purchasing/replenishment', icon: IconShoppingCartPlus },
  { key: 'suppliers', path: '/purchasing/suppliers', icon: IconTruck },
];

/** 采购: purchase orders with receiving, replenishment suggestions and suppliers, one route each. */
export function PurchasingPage({ tab = 'orders' }: { tab?: PurchasingTabKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('nav.purchasing')} />
      <Tabs value={tab} onChange={(value) => navigate(TABS.find((x) => x.key === value)?.path ?? '/purchasing')} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map(({ key, icon: Icon }) => (
            <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} />} data-testid={`purchasing-tab-${key}`}>
              {t(`purchasing.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="orders">
          <OrdersTab />
        </Tabs.Panel>
        <Tabs.Panel value="replenishment">
          <ReplenishmentTab />
        </Tabs.Panel>
        <Tabs.Panel value="suppliers">
          <SuppliersTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
