import {
  ActionIcon,
  AppShell,
  Badge,
  Burger,
  Group,
  Menu,
  ScrollArea,
  Text,
  Tooltip,
  UnstyledButton,
  useMantineColorScheme,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { IconChevronDown, IconKeyboard, IconKey, IconLogout, IconMoon, IconSearch, IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation } from 'react-router-dom';
import { notifications, notificationsStore } from '@mantine/notifications';
import { api } from '../../api/client';
import { queryClient, useAuthStatus, useSettings } from '../../api/hooks';
import { setDisplayTimeZone } from '../../format';
import { useCan, useCurrentUser } from '../auth/current-user';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { CommandPalette, openCommandPalette } from './CommandPalette';
import { KeyboardShortcuts, ShortcutKeys } from './KeyboardShortcuts';
import { LanguageSwitch } from './LanguageSwitch';
import { NotFoundPage } from '../placeholder/ComingSoon.page';
import { AppNav, menuEntries } from './AppNav';

export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure();
  const [passwordOpened, passwordModal] = useDisclosure();
  const [shortcutsOpened, shortcutSheet] = useDisclosure();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const user = useCurrentUser();
  const can = useCan();
  const status = useAuthStatus();
  const settings = useSettings();
  // Set before the pages below render, so their timestamps use the company's zone on this pass.
  if (settings.data) setDisplayTimeZone(settings.data.timeZone);
  const location = useLocation();
  const entries = menuEntries(user.role, can);
  useErrorsLeaveWithTheirScreen(location.pathname);

  const navRef = useRef<HTMLDivElement>(null);
  // After a reload on /audit or /settings the active entry sits below the fold of a 768-px screen.
  useEffect(() => {
    navRef.current?.querySelector('[data-active]')?.scrollIntoView({ block: 'nearest' });
  }, [location.pathname]);

  async function signOut() {
    await api.auth.logout({}).catch(() => undefined);
    // Drops every cached record of this user and refetches the session status → sign-in screen.
    await queryClient.resetQueries();
  }

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.openMenu')} />
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Text>
            <Text c="dimmed" size="sm" visibleFrom="lg" truncate maw={220}>
              {status.data?.companyName}
            </Text>
            {settings.data?.demoData ? (
              <Tooltip label={t('shell.demoDataHint')} multiline w={260}>
                <Badge color="orange" variant="light" style={{ flexShrink: 0 }} data-testid="demo-data">
                  {t('shell.demoData')}
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
          <UnstyledButton onClick={openCommandPalette} data-testid="open-palette" aria-label={t('common.search')} style={{ flex: '0 1 400px', minWidth: 0 }} mx="md">
            <Group gap={8} px="sm" py={4} wrap="nowrap" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}>
              <IconSearch size={16} style={{ flexShrink: 0 }} />
              <Text size="sm" c="dimmed" truncate style={{ flex: 1 }}>
                {t('shell.searchPlaceholder')}
              </Text>
              <ShortcutKeys keys={['mod', 'K']} size="xs" />
            </Group>
          </UnstyledButton>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch signedIn />
            <Tooltip label={colorScheme === 'dark' ? t('shell.themeLight') : t('shell.themeDark')}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('shell.theme')}
                data-testid="theme-toggle"
                onClick={() => setColorScheme(colorScheme === 'dark' ? 'light' : 'dark')}
              >
                {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
              </ActionIcon>
            </Tooltip>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton data-testid="user-menu">
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {user.displayName}
                    </Text>
                    <IconChevronDown size={14} />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('shell.signedInAs', { name: user.username, role: t(`roles.${user.role}`) })}</Menu.Label>
                <Menu.Item leftSection={<IconKey size={14} />} onClick={passwordModal.open}>
                  {t('shell.changePassword')}
                </Menu.Item>
                <Menu.Item leftSection={<IconKeyboard size={14} />} onClick={shortcutSheet.open} data-testid="show-shortcuts">
                  {t('shell.shortcuts')}
                </Menu.Item>
                <Menu.Item leftSection={<IconLogout size={14} />} onClick={() => void signOut()} data-testid="logout">
                  {t('shell.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar>
        <AppShell.Section grow component={ScrollArea} p="xs" data-testid="nav" viewportRef={navRef}>
          <AppNav entries={entries} onNavigate={nav.close} />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Routes>
          {entries.map((entry) => (
            <Route key={entry.key} path={entry.path}>
              <Route index element={entry.element} />
              {entry.children?.map((child) => <Route key={child.path} path={child.path} element={child.element} />)}
            </Route>
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AppShell.Main>
      <CommandPalette entries={entries} onShowShortcuts={shortcutSheet.open} />
      <KeyboardShortcuts sheetOpened={shortcutsOpened} onOpenSheet={shortcutSheet.open} onCloseSheet={shortcutSheet.close} />
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </AppShell>
  );
}

/**
 * An error belongs to the screen where it happened: going to another screen takes it away (a
 * success message may outlive the screen, since it is about what the user just did, and leaves by itself).
 */
function useErrorsLeaveWithTheirScreen(pathname: string) {
  useEffect(() => {
    for (const shown of notificationsStore.getState().notifications) if (shown.color === 'red' && shown.id) notifications.hide(shown.id);
  }, [pathname]);
}
