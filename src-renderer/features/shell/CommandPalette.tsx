import { useMantineColorScheme } from '@mantine/core';
import { Spotlight, spotlight } from '@mantine/spotlight';
import { IconAddressBook, IconBox, IconCommand, IconSearch, IconShoppingCart, IconTargetArrow, IconTrendingUp, type Icon } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { useCan } from '../auth/current-user';
import type { NavEntry } from '../../routes';
import { switchLanguage } from './LanguageSwitch';
import { commandMatches, PALETTE_COMMANDS } from './palette-commands';

export const openCommandPalette = () => spotlight.open();

const KIND_ICONS: Record<string, Icon> = { customer: IconAddressBook, lead: IconTargetArrow, deal: IconTrendingUp, salesOrder: IconShoppingCart, product: IconBox };

/**
 * Ctrl/Cmd+K (bound with the other shortcuts in KeyboardShortcuts): customers, leads, deals, orders and products from every area's finder (workbench.find,
 * within the caller's data scope), the commands (新建客户, 切换语言…) and the areas to go to.
 */
export function CommandPalette({ entries, onShowShortcuts }: { entries: NavEntry[]; onShowShortcuts: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const hits = useApiQuery('workbench.find', { q: debounced }, { enabled: debounced.length > 0 && debounced.length <= 60 });
  const lower = query.trim().toLowerCase();
  const areas = entries.filter((e) => !lower || t(`nav.${e.key}`).toLowerCase().includes(lower) || e.key.includes(lower));
  const commands = PALETTE_COMMANDS.filter((c) => (!c.permission || can(c.permission)) && commandMatches(c, t(c.label), query));

  const close = () => spotlight.close();
  const env = {
    navigate: (to: string) => navigate(to),
    switchLanguage: (lng: Parameters<typeof switchLanguage>[1]) => switchLanguage(i18n, lng, true),
    toggleTheme: () => setColorScheme(colorScheme === 'dark' ? 'light' : 'dark'),
    showShortcuts: onShowShortcuts,
  };
  const found = debounced ? (hits.data ?? []) : [];

  return (
    <Spotlight.Root query={query} onQueryChange={setQuery} shortcut={null} tagsToIgnore={[]} scrollable maxHeight={420}>
      <Spotlight.Search placeholder={t('shell.searchPlaceholder')} leftSection={<IconSearch size={18} />} data-testid="palette-input" />
      <Spotlight.ActionsList>
        {found.map((hit) => {
          const KindIcon = KIND_ICONS[hit.kind] ?? IconSearch;
          return (
            <Spotlight.Action
              key={`${hit.kind}:${hit.id}`}
              label={hit.title}
              description={[t(`palette.kinds.${hit.kind}`), hit.subtitle].filter(Boolean).join(' · ')}
              leftSection={<KindIcon size={18} />}
              onClick={() => {
                navigate(hit.path);
                close();
              }}
              data-testid="palette-hit"
              data-kind={hit.kind}
            />
          );
        })}
        {commands.map((command) => (
          <Spotlight.Action
            key={command.key}
            label={t(command.label)}
            description={t('palette.command')}
            leftSection={<IconCommand size={18} />}
            onClick={() => {
              command.run(env);
              close();
            }}
            data-testid="palette-command"
          />
        ))}
        {areas.map((entry) => (
          <Spotlight.Action
            key={entry.key}
            label={t(`nav.${entry.key}`)}
            description={t('shell.goTo')}
            leftSection={<entry.icon size={18} />}
            onClick={() => {
              navigate(entry.path);
              close();
            }}
          />
        ))}
        {areas.length === 0 && commands.length === 0 && found.length === 0 && <Spotlight.Empty>{t('shell.nothingFound')}</Spotlight.Empty>}
      </Spotlight.ActionsList>
    </Spotlight.Root>
  );
}
