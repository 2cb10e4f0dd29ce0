import { Anchor, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArrowLeft, IconPencil, IconPlus, IconRestore, IconSearch, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { PriceList, PriceListProduct } from '../../../src-main/domain/catalog/catalog.dto';
import { formatFen } from '../../../src-main/domain/core/money';
import { api } from '../../api/client';
import { notifyError } from '../../api/hooks';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { usePriceList } from './catalog.queries';
import { PriceListFormModal } from './components/PriceListFormModal';
import { validityText } from './components/PriceListsTab';
import { PricesModal } from './components/PricesModal';
import { unitsText } from './units-text';
import { shortcutTarget } from '../../components/shortcut-targets';

/** /catalog/price-lists/:id: a price list's terms and the products it prices, each with its quantity breaks. */
export function PriceListPage() {
  const { id } = useParams();
  const list = usePriceList(id!);
  if (list.isError) return <LoadFailed error={list.error} onRetry={() => void list.refetch()} />;
  if (list.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  return <PriceListView list={list.data} />;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}

function PriceListView({ list }: { list: PriceList }) {
  const { t } = useTranslation();
  const can = useCan();
  const mayPrice = can('catalog.prices');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [editOpened, editModal] = useDisclosure();
  const [pricing, setPricing] = useState<{ item: PriceListProduct | null } | null>(null);
  const appliesTo = list.kind === 'tier' ? list.tier : list.kind === 'customer' ? list.customerName : null;

  async function toggleArchived() {
    try {
      if (list.status === 'active') await api.catalog.archivePriceList({ id: list.id });
      else await api.catalog.restorePriceList({ id: list.id });
    } catch (error) {
      notifyError(error);
    }
  }

  const breaksText = (item: PriceListProduct) =>
    item.breaks.map((b) => `${t('catalog.priceLists.fromQty', { qty: b.minQuantity, unit: item.unit })} ${formatFen(b.unitPrice)}`).join('　');

  const columns: Column<PriceListProduct>[] = [
    { key: 'code', header: t('catalog.field.code'), render: (i) => i.code, nowrap: true },
    {
      key: 'name',
      header: t('catalog.field.name'),
      render: (i) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {i.name}
          </Text>
          {i.spec && (
            <Text size="xs" c="dimmed">
              {i.spec}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'units', header: t('catalog.list.units'), render: (i) => unitsText(i), nowrap: true },
    { key: 'listPrice', header: t('catalog.field.listPrice'), render: (i) => formatFen(i.listPrice), align: 'right' },
    { key: 'breaks', header: t('catalog.priceLists.breaks'), render: (i) => <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>{breaksText(i)}</Text> },
  ];

  const addButton = mayPrice && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setPricing({ item: null })} data-testid="add-price" {...shortcutTarget('create')}>
      {t('catalog.priceLists.addProduct')}
    </Button>
  );

  return (
    <>
      <Anchor component={Link} to="/catalog/price-lists" size="sm" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} />
        {t('catalog.priceLists.back')}
      </Anchor>
      <PageHeader
        title={`${list.name} · ${list.code}`}
        actions={
          mayPrice && (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editModal.open} data-testid="edit-price-list">
                {t('common.edit')}
              </Button>
              <Button variant="default" leftSection={list.status === 'active' ? <IconArchive size={16} /> : <IconRestore size={16} />} onClick={() => void toggleArchived()}>
                {t(list.status === 'active' ? 'catalog.form.archive' : 'catalog.form.restore')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p="md" radius="md" mb="md">
        <SimpleGrid cols={{ base: 2, md: 5 }}>
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {t('catalog.priceLists.kind')}
            </Text>
            <Group gap={6}>
              <Badge size="sm" variant="light">
                {t(`catalog.priceLists.kinds.${list.kind}`)}
              </Badge>
              {appliesTo && <Text size="sm">{appliesTo}</Text>}
            </Group>
          </Stack>
          <Fact label={t('catalog.priceLists.taxInclusive')} value={t(list.taxInclusive ? 'catalog.priceLists.taxInclusiveYes' : 'catalog.priceLists.taxInclusiveNo')} />
          <Fact label={`${t('catalog.priceLists.validFrom')} – ${t('catalog.priceLists.validTo')}`} value={validityText(list, t('catalog.priceLists.openEnded'))} />
          <Fact label={t('catalog.field.status')} value={t(`catalog.priceLists.statuses.${list.status}`)} />
          <Fact label={t('catalog.priceLists.productCount')} value={String(list.productCount)} />
        </SimpleGrid>
        {list.notes && (
          <Text size="sm" c="dimmed" mt="sm">
            {list.notes}
          </Text>
        )}
      </Paper>
      <Group justify="space-between" mb="sm">
        <TextInput w={280} leftSection={<IconSearch size={16} />} placeholder={t('catalog.list.searchPlaceholder')} {...shortcutTarget('search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        {addButton}
      </Group>
      <DataTable
        method="catalog.priceListItems"
        input={{ priceListId: list.id, q: debouncedQ || undefined }}
        columns={columns}
        rowKey={(i) => i.productId}
        minWidth={900}
        onExport={async (jobId) => saveExport(await api.exports.priceSheet({ priceListId: list.id, q: debouncedQ || undefined, format: 'xlsx', language: exportLanguage(), jobId }))}
        onRowClick={mayPrice ? (item) => setPricing({ item }) : undefined}
        empty={<EmptyState icon={<IconTags size={30} />} title={t('catalog.priceLists.itemsEmptyTitle')} text={t('catalog.priceLists.itemsEmptyText')} action={addButton} />}
      />
      <PriceListFormModal opened={editOpened} onClose={editModal.close} list={list} />
      <PricesModal priceListId={list.id} item={pricing?.item ?? null} opened={pricing !== null} onClose={() => setPricing(null)} />
    </>
  );
}
