import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The Cancel / Save row at the foot of a form; Save submits the form it sits in. */
export function FormActions({ onCancel, busy, saveTestId, mt }: { onCancel: () => void; busy: boolean; saveTestId?: string; mt?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} data-testid={saveTestId}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
