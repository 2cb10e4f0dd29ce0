import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks';

type Props = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange' | 'filter'> & {
  value?: string | null;
  onChange: (id: string | null) => void;
  /** Left out of the hits (a customer cannot be merged into itself). */
  excludeId?: string;
  /** The name shown for `value` before any search (a saved document's customer). */
  valueLabel?: string;
};

/** Finds a customer as the user types: name, pinyin initials, code or phone (customers.search ranks the hits). */
export function CustomerPicker({ value, onChange, excludeId, valueLabel, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const hits = useApiQuery('customers.search', { q: debounced, limit: 15 }, { enabled: debounced.length > 0 });
  // The chosen customer stays an option while the user types a new search.
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(value && valueLabel ? { value, label: valueLabel } : null);
  const found = (hits.data ?? []).filter((h) => h.id !== excludeId && h.id !== chosen?.value).map((h) => ({ value: h.id, label: `${h.name} · ${h.code}` }));
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={debounced ? t('shell.nothingFound') : undefined}
      {...props}
      data={[...(chosen ? [chosen] : []), ...found]}
      filter={({ options }) => options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(id ? { value: id, label: option.label } : null);
        onChange(id);
      }}
    />
  );
}
