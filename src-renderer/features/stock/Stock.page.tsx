import { Tabs } from '@mantine/core';
import { IconArrowsExchange, IconArrowsRightLeft, IconBuildingWarehouse, IconClipboardList, IconLayoutList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { CountsTab } from './components/CountsTab';
import { MovesTable } from './components/MovesTable';
import { OverviewTab } from './components/OverviewTab';
import { TransfersTab } from './components/TransfersTab';
import { WarehousesTab } from './components/WarehousesTab';

export type StockTabKey = 'overview' | 'moves' | 'counts' | 'transfers' | 'warehouses';

const TABS: { key: StockTabKey; path: string; icon: typeof IconLayoutList }[] = [
  { key: 'overview', path: '/stock', icon: IconLayoutList },
  { key: 'moves', path: '/stock/moves', icon: IconArrowsExchange },
  { key: 'counts', path: '/stock/counts', icon: IconClipboardList },
  { key: 'transfers', path: '/stock/transfers', icon: IconArrowsRightLeft },
  { key: 'warehouses', path: '/stock/warehouses', icon: IconBuildingWarehouse },
];

/** 库存: the overview, the moves behind it, counts, transfers and warehouses, one route each. */
export function StockPage({ tab = 'overview' }: { tab?: StockTabKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('nav.stock')} />
      <Tabs value={tab} onChange={(value) => navigate(TABS.find((x) => x.key === value)?.path ?? '/stock')} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map(({ key, icon: Icon }) => (
            <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} />} data-testid={`stock-tab-${key}`}>
              {t(`stock.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OverviewTab />
        </Tabs.Panel>
        <Tabs.Panel value="moves">
          <MovesTable />
        </Tabs.Panel>
        <Tabs.Panel value="counts">
          <CountsTab />
        </Tabs.Panel>
        <Tabs.Panel value="transfers">
          <TransfersTab />
        </Tabs.Panel>
        <Tabs.Panel value="warehouses">
          <WarehousesTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
