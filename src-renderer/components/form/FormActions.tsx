import { Button, Group } from '@mantine/core';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutTarget } from '../shortcut-targets';

/** What a `<ContractForm>` tells the Save rows inside it. */
export const FormActionsContext = createContext<{ busy: boolean; onCancel?: () => void }>({ busy: false });

/**
 * The Cancel / Save row of a form; Save submits the form it sits in. Inside a `<ContractForm>` it
 * knows whether a save is under way and where Cancel goes; a form with nowhere to go back to has no Cancel.
 * Ctrl/Cmd+S presses its Save.
 */
export function FormActions({ saveTestId, mt }: { saveTestId?: string; mt?: string }) {
  const { t } = useTranslation();
  const { busy, onCancel } = useContext(FormActionsContext);
  return (
    <Group justify="flex-end" mt={mt}>
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button type="submit" loading={busy} data-testid={saveTestId} {...shortcutTarget('save')}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
