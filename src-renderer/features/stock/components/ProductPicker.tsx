import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductPick } from '../../../../src-main/domain/stock/stock.dto';
import { useApiQuery } from '../../../api/hooks';

/** Finds a product by code, name or a scanned barcode (the server decides what matches). */
export function ProductPicker({ value, onChange, error, label }: { value: ProductPick | null; onChange: (product: ProductPick | null) => void; error?: string; label?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 200);
  const found = useApiQuery('stock.findProducts', { q, limit: 15 }, { enabled: q.length > 0 });
  const products = [...(value ? [value] : []), ...(found.data?.products ?? []).filter((p) => p.id !== value?.id)];
  return (
    <Select
      label={label}
      searchable
      clearable
      placeholder={t('stock.productPicker.placeholder')}
      nothingFoundMessage={q ? t('stock.productPicker.nothing') : undefined}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={products.map((p) => ({ value: p.id, label: `${p.code} ${p.name}${p.spec ? ` ${p.spec}` : ''}` }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(products.find((p) => p.id === id) ?? null)}
      error={error}
    />
  );
}
