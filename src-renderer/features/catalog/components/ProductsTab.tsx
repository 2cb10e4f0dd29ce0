import { Badge, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconBox, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ProductListFilters } from '../../../../src-main/domain/catalog/catalog.contract';
import { PRODUCT_FLAGS, type ProductFlag, type ProductListRow } from '../../../../src-main/domain/catalog/catalog.dto';
import { formatFen } from '../../../../src-main/domain/core/money';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { useCan } from '../../auth/current-user';
import { categoryTree, useCategories } from '../catalog.queries';
import { unitsText } from '../units-text';
import { ProductImportModal } from './ProductImportModal';
import { shortcutTarget } from '../../../components/shortcut-targets';

/** 商品: the server-paged product list, searched by code, name, pinyin initials or barcode. */
export function ProductsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [kind, setKind] = useState<ProductFlag | null>(null);
  const [withArchived, setWithArchived] = useState(false);
  const categories = useCategories();
  const [importOpened, importModal] = useDisclosure();

  const filters: ProductListFilters = {
    ...(categoryId ? { categoryId } : {}),
    ...(kind ? { [kind]: true } : {}),
    ...(withArchived ? { status: 'all' as const } : {}),
  };
  const filtered = Object.keys(filters).length > 0 || !!debouncedQ;
  const clear = () => {
    setQ('');
    setCategoryId(null);
    setKind(null);
    setWithArchived(false);
  };
  const add = () => navigate('/catalog/new');

  const columns: Column<ProductListRow, 'code' | 'name'>[] = [
    { key: 'code', header: t('catalog.field.code'), render: (p) => p.code, nowrap: true, sortField: 'code' },
    {
      key: 'name',
      header: t('catalog.field.name'),
      sortField: 'name',
      render: (p) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {p.name}
          </Text>
          {p.spec && (
            <Text size="xs" c="dimmed">
              {p.spec}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'category', header: t('catalog.field.category'), render: (p) => p.categoryName ?? '', nowrap: true },
    { key: 'units', header: t('catalog.list.units'), render: (p) => unitsText(p), nowrap: true },
    { key: 'barcode', header: t('catalog.field.barcode'), render: (p) => p.barcode ?? '', nowrap: true },
    { key: 'listPrice', header: t('catalog.field.listPrice'), render: (p) => formatFen(p.listPrice), align: 'right' },
    {
      key: 'kind',
      header: t('catalog.form.properties'),
      render: (p) => (
        <Group gap={4} wrap="nowrap">
          {PRODUCT_FLAGS.filter((flag) => flag !== 'isStocked' && p[flag]).map((flag) => (
            <Badge key={flag} size="sm" variant="light">
              {t(`catalog.field.${flag}`)}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'status',
      header: t('catalog.field.status'),
      render: (p) => (
        <Badge size="sm" variant="dot" color={p.status === 'active' ? 'teal' : 'gray'}>
          {t(`catalog.status.${p.status}`)}
        </Badge>
      ),
      nowrap: true,
    },
  ];

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-end" wrap="nowrap">
        <Group gap="xs" align="flex-end">
          <TextInput w={280} leftSection={<IconSearch size={16} />} placeholder={t('catalog.list.searchPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="product-search" {...shortcutTarget('search')} />
          <Select
            w={180}
            placeholder={t('catalog.list.anyCategory')}
            clearable
            searchable
            data={categoryTree(categories.data ?? []).map(({ value, label }) => ({ value, label }))}
            value={categoryId}
            onChange={setCategoryId}
            aria-label={t('catalog.field.category')}
          />
          <Select
            w={140}
            placeholder={t('catalog.list.anyKind')}
            clearable
            data={PRODUCT_FLAGS.map((flag) => ({ value: flag, label: t(`catalog.field.${flag}`) }))}
            value={kind}
            onChange={(v) => setKind(v as ProductFlag | null)}
            aria-label={t('catalog.form.properties')}
          />
          <Checkbox mb={8} label={t('catalog.list.showArchived')} checked={withArchived} onChange={(e) => setWithArchived(e.currentTarget.checked)} />
        </Group>
        {can('catalog.write') && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={importModal.open} data-testid="import-products">
              {t('catalog.import.open')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={add} data-testid="add-product" {...shortcutTarget('create')}>
              {t('catalog.list.add')}
            </Button>
          </Group>
        )}
      </Group>
      <DataTable
        method="catalog.list"
        countWords="catalog.list"
        input={{ q: debouncedQ || undefined, filters }}
        columns={columns}
        rowKey={(p) => p.id}
        onExport={async (jobId) => saveExport(await api.exports.products({ q: debouncedQ || undefined, filters, format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={1100}
        onRowClick={(p) => navigate(`/catalog/${p.id}`)}
        empty={
          filtered ? (
            <EmptyState
              title={t('catalog.list.emptyFilteredTitle')}
              text={t('catalog.list.emptyFilteredText')}
              action={
                <Button variant="default" onClick={clear}>
                  {t('catalog.list.clearFilters')}
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconBox size={30} />}
              title={t('catalog.list.emptyTitle')}
              text={t('catalog.list.emptyText')}
              action={
                can('catalog.write') && (
                  <Group gap="xs">
                    <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={importModal.open}>
                      {t('catalog.import.open')}
                    </Button>
                    <Button leftSection={<IconPlus size={16} />} onClick={add}>
                      {t('catalog.list.add')}
                    </Button>
                  </Group>
                )
              }
            />
          )
        }
      />
      <ProductImportModal opened={importOpened} onClose={importModal.close} />
    </>
  );
}
