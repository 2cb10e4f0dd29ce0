import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';

/** A customer found by name, code or pinyin initials (customers.search); `initial` labels the current choice before any search. */
export function CustomerPicker({ label, value, onChange, error, initial }: { label: string; value: string | null; onChange: (id: string | null) => void; error?: string; initial?: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const hits = useQuery({ queryKey: ['customers', 'search', debounced], queryFn: () => api.customers.search({ q: debounced, limit: 15 }), enabled: debounced.length > 0 });
  const options = (hits.data ?? []).map((h) => ({ value: h.id, label: `${h.code} ${h.name}` }));
  if (initial && !options.some((o) => o.value === initial.id)) options.unshift({ value: initial.id, label: initial.name });
  return (
    <Select
      label={label}
      withAsterisk
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={debounced ? t('shell.nothingFound') : undefined}
      error={error}
      data-testid="price-list-customer"
    />
  );
}
