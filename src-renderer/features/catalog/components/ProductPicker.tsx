import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupProduct } from '../../../../src-main/domain/catalog/catalog.dto';
import { useApiQuery } from '../../../api/hooks';

/** A product by scanned barcode, exact code, or a search on name and pinyin initials (catalog.lookup). */
export function ProductPicker({ label, onPick, error }: { label: string; onPick: (product: LookupProduct | null) => void; error?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [value, setValue] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search.trim(), 150);
  const hits = useApiQuery('catalog.lookup', { q: debounced, limit: 15 }, { enabled: debounced.length > 0 });
  const products = hits.data?.products ?? [];
  const options = products.map((p) => ({ value: p.id, label: [p.code, p.name, p.spec].filter(Boolean).join(' ') }));
  return (
    <Select
      label={label}
      withAsterisk
      searchable
      placeholder={t('catalog.priceLists.pickProduct')}
      data={options}
      value={value}
      onChange={(id) => {
        setValue(id);
        onPick(products.find((p) => p.id === id) ?? null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced ? t('shell.nothingFound') : undefined}
      error={error}
      data-testid="price-product-picker"
    />
  );
}
