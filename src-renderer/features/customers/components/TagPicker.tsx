import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';
import { useTags } from '../customers.queries';

const CREATE = '__create__:';

/** Tags to pick from, and a new one created on the spot when `creatable` and the name is new. */
export function TagPicker({ value, onChange, creatable = false, ...props }: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & { value: string[]; onChange: (ids: string[]) => void; creatable?: boolean }) {
  const { t } = useTranslation();
  const tags = useTags();
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const known = tags.data ?? [];
  const data = known.map((tag) => ({ value: tag.id, label: tag.name }));
  if (creatable && typed && !known.some((tag) => tag.name === typed)) data.push({ value: `${CREATE}${typed}`, label: t('customers.form.createTag', { name: typed }) });

  async function change(ids: string[]) {
    const created = ids.find((id) => id.startsWith(CREATE));
    if (!created) return onChange(ids);
    try {
      const tag = await api.customers.saveTag({ name: created.slice(CREATE.length), color: 'blue' });
      onChange(ids.map((id) => (id === created ? tag.id : id)));
      setSearch('');
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <MultiSelect
      searchable
      clearable
      data={data}
      value={value}
      onChange={(ids) => void change(ids)}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={creatable ? undefined : t('shell.nothingFound')}
      placeholder={value.length ? undefined : t('customers.form.tagsPlaceholder')}
      {...props}
    />
  );
}
