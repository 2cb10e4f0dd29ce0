import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { NavEntry } from '../../routes';
import { PALETTE_SEARCHES } from './palette-searches';

export const openCommandPalette = () => spotlight.open();

/** Ctrl/Cmd+K: jump to any area, or find a customer (and later an order or ticket) by name, pinyin or number. */
export function CommandPalette({ entries }: { entries: NavEntry[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const hits = useQuery({
    queryKey: ['palette', debounced],
    enabled: debounced.length > 0,
    queryFn: async () => (await Promise.all(PALETTE_SEARCHES.map((search) => search(debounced).catch(() => [])))).flat(),
  });
  const lower = query.trim().toLowerCase();
  const areas = entries.filter((e) => !lower || t(`nav.${e.key}`).toLowerCase().includes(lower) || e.key.includes(lower));

  const go = (to: string) => {
    navigate(to);
    spotlight.close();
  };

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={['mod + K']} tagsToIgnore={[]} scrollable maxHeight={420}>
      <Spotlight.Search placeholder={t('shell.searchPlaceholder')} leftSection={<IconSearch size={18} />} data-testid="palette-input" />
      <Spotlight.ActionsList>
        {(hits.data ?? []).map((hit) => (
          <Spotlight.Action key={hit.id} label={hit.label} description={hit.description} leftSection={hit.icon} onClick={() => go(hit.to)} data-testid="palette-hit" />
        ))}
        {areas.map((entry) => (
          <Spotlight.Action
            key={entry.key}
            label={t(`nav.${entry.key}`)}
            description={t('shell.goTo')}
            leftSection={<entry.icon size={18} />}
            onClick={() => go(entry.path)}
          />
        ))}
        {areas.length === 0 && !hits.data?.length && <Spotlight.Empty>{t('shell.nothingFound')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
