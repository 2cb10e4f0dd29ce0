import { Tabs } from '@mantine/core';
import { IconBox, IconCategory, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { CategoriesTab } from './components/CategoriesTab';
import { PriceListsTab } from './components/PriceListsTab';
import { ProductsTab } from './components/ProductsTab';

export type CatalogTabKey = 'products' | 'categories' | 'priceLists';

const TABS: { key: CatalogTabKey; path: string; icon: typeof IconBox }[] = [
  { key: 'products', path: '/catalog', icon: IconBox },
  { key: 'categories', path: '/catalog/categories', icon: IconCategory },
  { key: 'priceLists', path: '/catalog/price-lists', icon: IconTags },
];

/** 商品与价格: the product list, the category tree and the price lists, one route each. */
export function CatalogPage({ tab = 'products' }: { tab?: CatalogTabKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('nav.catalog')} />
      <Tabs value={tab} onChange={(value) => navigate(TABS.find((x) => x.key === value)?.path ?? '/catalog')} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map(({ key, icon: Icon }) => (
            <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} />} data-testid={`catalog-tab-${key}`}>
              {t(`catalog.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="products">
          <ProductsTab />
        </Tabs.Panel>
        <Tabs.Panel value="categories">
          <CategoriesTab />
        </Tabs.Panel>
        <Tabs.Panel value="priceLists">
          <PriceListsTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
