import { NavLink, Text, UnstyledButton } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { Permission } from '../../../src-main/api/contract';
import type { Role } from '../../../src-main/api/permissions';
import { COMING_SOON_FOR } from '../../nav-entries';
import { NAV, NAV_GROUPS, type NavEntry } from '../../routes';
import { useCurrentUser } from '../auth/current-user';

/** The areas a user may open: those their permissions reach, and the ones still to come for their role. */
export function menuEntries(role: Role, can: (permission: Permission) => boolean): NavEntry[] {
  return NAV.filter((entry) => (!entry.permission || can(entry.permission)) && (!entry.comingSoon || COMING_SOON_FOR[entry.key]?.includes(role)));
}

interface Props {
  /** The areas this user may open, coming-soon ones included. */
  entries: NavEntry[];
  onNavigate: () => void;
}

/**
 * The menu: the areas that exist, by group; below them, small and dimmed, the areas still to come
 * for this role (即将推出), which the user can fold away (remembered per user on this computer).
 */
export function AppNav({ entries, onNavigate }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const [comingSoonHidden, setComingSoonHidden] = useLocalStorage({ key: `desk-erp.nav.comingSoonHidden.${user.id}`, defaultValue: false });
  const isActive = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path));
  const live = entries.filter((e) => !e.comingSoon);
  const comingSoon = entries.filter((e) => e.comingSoon);

  const link = (entry: NavEntry, dimmed = false) => (
    <NavLink
      key={entry.key}
      component={Link}
      to={entry.path}
      label={dimmed ? <Text size="sm" c="dimmed">{t(`nav.${entry.key}`)}</Text> : t(`nav.${entry.key}`)}
      leftSection={<entry.icon size={dimmed ? 16 : 18} />}
      active={isActive(entry.path)}
      onClick={onNavigate}
      data-nav={entry.key}
    />
  );

  return (
    <>
      {live.filter((e) => e.group === null).map((entry) => link(entry))}
      {NAV_GROUPS.map((group) => {
        const items = live.filter((e) => e.group === group);
        if (items.length === 0) return null;
        return (
          <div key={group}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
              {t(`nav.groups.${group}`)}
            </Text>
            {items.map((entry) => link(entry))}
          </div>
        );
      })}
      {comingSoon.length > 0 && (
        <div data-testid="nav-coming-soon">
          <Text size="xs" fw={600} c="dimmed" px="sm" pt="lg" pb={4}>
            {t('comingSoon.group')}
          </Text>
          {!comingSoonHidden && comingSoon.map((entry) => link(entry, true))}
          <UnstyledButton px="sm" py={4} onClick={() => setComingSoonHidden(!comingSoonHidden)} data-testid="nav-coming-soon-toggle">
            <Text size="xs" c="dimmed" td="underline">
              {comingSoonHidden ? t('comingSoon.show', { count: comingSoon.length }) : t('comingSoon.hide')}
            </Text>
          </UnstyledButton>
        </div>
      )}
    </>
  );
}
