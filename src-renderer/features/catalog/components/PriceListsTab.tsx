import { Badge, Button, Checkbox, Group, SegmentedControl, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PRICE_LIST_KINDS, type PriceList, type PriceListKind } from '../../../../src-main/domain/catalog/catalog.dto';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { useCan } from '../../auth/current-user';
import { PriceListFormModal } from './PriceListFormModal';
import { shortcutTarget } from '../../../components/shortcut-targets';

const ANY = 'any';

/** "2026-01-01 – 2026-12-31", "2026-01-01 起", or 长期有效. */
export function validityText(list: Pick<PriceList, 'validFrom' | 'validTo'>, openEnded: string): string {
  if (!list.validFrom && !list.validTo) return openEnded;
  return `${list.validFrom ?? '…'} – ${list.validTo ?? '…'}`;
}

/** 价目表: standard, per customer tier and per customer, each opening to its prices and breaks. */
export function PriceListsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [kind, setKind] = useState<PriceListKind | typeof ANY>(ANY);
  const [withArchived, setWithArchived] = useState(false);
  const [createOpened, createModal] = useDisclosure();
  const status = withArchived ? ('all' as const) : ('active' as const);

  const columns: Column<PriceList>[] = [
    { key: 'code', header: t('catalog.priceLists.code'), render: (l) => l.code, nowrap: true },
    { key: 'name', header: t('catalog.priceLists.name'), render: (l) => <Text size="sm" fw={500}>{l.name}</Text> },
    {
      key: 'kind',
      header: t('catalog.priceLists.kind'),
      render: (l) => (
        <Group gap={6} wrap="nowrap">
          <Badge size="sm" variant="light" color={l.kind === 'customer' ? 'grape' : l.kind === 'tier' ? 'blue' : 'gray'}>
            {t(`catalog.priceLists.kinds.${l.kind}`)}
          </Badge>
          <Text size="sm">{l.kind === 'tier' ? l.tier : l.kind === 'customer' ? l.customerName : ''}</Text>
        </Group>
      ),
    },
    { key: 'tax', header: t('catalog.priceLists.taxInclusive'), render: (l) => t(l.taxInclusive ? 'catalog.priceLists.taxInclusiveYes' : 'catalog.priceLists.taxInclusiveNo'), nowrap: true },
    { key: 'valid', header: `${t('catalog.priceLists.validFrom')} – ${t('catalog.priceLists.validTo')}`, render: (l) => validityText(l, t('catalog.priceLists.openEnded')), nowrap: true },
    { key: 'count', header: t('catalog.priceLists.productCount'), render: (l) => l.productCount, align: 'right' },
    {
      key: 'status',
      header: t('catalog.field.status'),
      render: (l) => (
        <Badge size="sm" variant="dot" color={l.status === 'active' ? 'teal' : 'gray'}>
          {t(`catalog.priceLists.statuses.${l.status}`)}
        </Badge>
      ),
      nowrap: true,
    },
  ];

  const addButton = can('catalog.prices') && (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open} data-testid="add-price-list" {...shortcutTarget('create')}>
      {t('catalog.priceLists.add')}
    </Button>
  );

  return (
    <>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="md">
          <SegmentedControl
            data={[{ value: ANY, label: t('common.all') }, ...PRICE_LIST_KINDS.map((k) => ({ value: k, label: t(`catalog.priceLists.kinds.${k}`) }))]}
            value={kind}
            onChange={(v) => setKind(v as PriceListKind | typeof ANY)}
          />
          <Checkbox label={t('catalog.list.showArchived')} checked={withArchived} onChange={(e) => setWithArchived(e.currentTarget.checked)} />
        </Group>
        {addButton}
      </Group>
      <DataTable
        method="catalog.listPriceLists"
        countWords="catalog.priceLists"
        input={{ ...(kind === ANY ? {} : { kind }), status }}
        columns={columns}
        rowKey={(l) => l.id}
        onExport={async (jobId) => saveExport(await api.exports.priceLists({ ...(kind === ANY ? {} : { kind }), status, format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={980}
        onRowClick={(l) => navigate(`/catalog/price-lists/${l.id}`)}
        empty={<EmptyState icon={<IconTags size={30} />} title={t('catalog.priceLists.emptyTitle')} text={t('catalog.priceLists.emptyText')} action={addButton} />}
      />
      <PriceListFormModal opened={createOpened} onClose={createModal.close} list={null} onSaved={(l) => navigate(`/catalog/price-lists/${l.id}`)} />
    </>
  );
}
