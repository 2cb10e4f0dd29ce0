import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useHotkeys, type HotkeyItem } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { createOnScreen, focusListSearch, saveOnScreen } from '../../components/shortcut-targets';

/** The app's shortcuts, in the order the sheet lists them; `mod` is Cmd on a Mac and Ctrl elsewhere. */
export const SHORTCUTS = [
  { key: 'save', keys: ['mod', 'S'] },
  { key: 'create', keys: ['mod', 'N'] },
  { key: 'search', keys: ['/'] },
  { key: 'palette', keys: ['mod', 'K'] },
  { key: 'close', keys: ['Esc'] },
  { key: 'sheet', keys: ['?'] },
] as const;

export const isMac = () => /Mac|iPhone|iPad/i.test(navigator.platform || navigator.userAgent);

/** A key as printed on this computer's keyboard: ⌘ on a Mac, Ctrl on Windows and Linux. */
export function keyName(key: string, mac = isMac()): string {
  if (key === 'mod') return mac ? '⌘' : 'Ctrl';
  return key;
}

/** The keys of a shortcut as `<Kbd>`s joined the way the platform writes them (⌘S, Ctrl + S). */
export function ShortcutKeys({ keys, size = 'sm' }: { keys: readonly string[]; size?: 'xs' | 'sm' }) {
  const mac = isMac();
  return (
    <Group gap={4} wrap="nowrap" component="span">
      {keys.map((key, i) => (
        <Fragment key={key}>
          {i > 0 && !mac && <Text span size={size} c="dimmed">+</Text>}
          <Kbd size={size}>{keyName(key, mac)}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

// Typing in a Chinese input method: the keys belong to the IME until the word is chosen.
const unlessComposing = (run: () => void) => (event: KeyboardEvent) => {
  if (!event.isComposing) run();
};

/**
 * Binds the shortcuts once for the whole app. Ctrl/Cmd+S, +N and +K act from inside an input too
 * (S never reaches the browser's "save page"); `/` and `?` are typed as text there.
 */
export function KeyboardShortcuts({ sheetOpened, onOpenSheet, onCloseSheet }: { sheetOpened: boolean; onOpenSheet: () => void; onCloseSheet: () => void }) {
  const anywhere: HotkeyItem[] = [
    ['mod+S', unlessComposing(saveOnScreen)],
    ['mod+N', unlessComposing(createOnScreen)],
    ['mod+K', unlessComposing(() => spotlight.open())],
  ];
  const outsideInputs: HotkeyItem[] = [
    [
      '/',
      (event) => {
        if (focusListSearch()) event.preventDefault();
      },
      { preventDefault: false },
    ],
    // Shift+/ on most keyboards; some layouts give ? without Shift.
    ['shift+?', onOpenSheet],
    ['?', onOpenSheet],
  ];
  useHotkeys(anywhere, [], false);
  useHotkeys(outsideInputs);
  return <ShortcutSheet opened={sheetOpened} onClose={onCloseSheet} />;
}

/** The ? sheet: every shortcut with its keys as this computer names them. */
export function ShortcutSheet({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md" data-testid="shortcut-sheet">
      <Table verticalSpacing="sm" data-testid="shortcut-list">
        <Table.Tbody>
          {SHORTCUTS.map((shortcut) => (
            <Table.Tr key={shortcut.key}>
              <Table.Td w={130}>
                <ShortcutKeys keys={shortcut.keys} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`shortcuts.${shortcut.key}.name`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`shortcuts.${shortcut.key}.hint`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
