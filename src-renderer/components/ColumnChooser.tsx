import { ActionIcon, Checkbox, Popover, Stack, Text, Tooltip } from '@mantine/core';
import { useLocalStorage, useMediaQuery } from '@mantine/hooks';
import { IconColumns3 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../features/auth/current-user';

export interface ChoosableColumn {
  key: string;
  header: string;
  /**
   * A detail column: on a screen narrower than 1280 px it starts hidden, so the columns that matter
   * fit without scrolling sideways. The user's own choice, once made, wins at every width.
   */
  optional?: boolean;
}

/** Below this width a table shows only its essential columns until the user chooses otherwise. */
const NARROW_SCREEN = '(max-width: 1279px)';

/**
 * Which columns of a table this user shows, chosen in a popover and remembered per user and table on
 * this computer. The first column (the record's code or name) cannot be hidden: a row must say what it is.
 */
export function useColumnChoice(tableId: string, columns: readonly ChoosableColumn[]) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const narrow = useMediaQuery(NARROW_SCREEN, false, { getInitialValueInEffect: false });
  const [chosen, setChosen] = useLocalStorage<Record<string, boolean>>({ key: `desk-erp.columns.${user.id}.${tableId}`, defaultValue: {}, getInitialValueInEffect: false });
  const shows = (column: ChoosableColumn, index: number) => index === 0 || (chosen[column.key] ?? !(column.optional && narrow));
  const visible = new Set(columns.filter(shows).map((c) => c.key));

  const chooser = (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Tooltip label={t('table.columns')}>
          <ActionIcon variant="default" size="md" aria-label={t('table.columns')} data-testid="column-chooser">
            <IconColumns3 size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="xs" c="dimmed" mb="xs">
          {t('table.columnsHint')}
        </Text>
        <Stack gap={6}>
          {columns.map((column, index) => (
            <Checkbox
              key={column.key}
              size="xs"
              label={column.header}
              checked={visible.has(column.key)}
              disabled={index === 0}
              onChange={(e) => setChosen({ ...chosen, [column.key]: e.currentTarget.checked })}
              data-column={column.key}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
  return { visible, chooser };
}
