import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SameAsOnFile as SameRow } from '../../../../src-main/domain/imports/imports.contract';

const SHOWN = 5;

/**
 * Rows that are customers already on file (the same credit code or company name): the user chooses
 * whether the import updates them or leaves them, and sees the first few.
 */
export function SameAsOnFile({ rows, value, onChange, disabled }: { rows: SameRow[]; value: 'update' | 'skip'; onChange: (value: 'update' | 'skip') => void; disabled: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Alert color="teal" variant="light" title={t('imports.sameAsOnFile.title', { count: rows.length })} data-testid="same-as-on-file">
      <Stack gap="xs">
        <Text size="sm">{t('imports.sameAsOnFile.hint')}</Text>
        <SegmentedControl
          w="fit-content"
          value={value}
          disabled={disabled}
          onChange={(v) => onChange(v as 'update' | 'skip')}
          data={[
            { value: 'update', label: t('imports.sameAsOnFile.update') },
            { value: 'skip', label: t('imports.sameAsOnFile.skip') },
          ]}
          data-testid="on-duplicate"
        />
        {rows.slice(0, SHOWN).map((r) => (
          <Text key={r.row} size="sm" c="dimmed">
            {t('imports.sameAsOnFile.row', { row: r.row, code: r.customer.code, name: r.customer.name, reason: t(`imports.duplicates.reason.${r.reason}`) })}
          </Text>
        ))}
        {rows.length > SHOWN && (
          <Text size="sm" c="dimmed">
            {t('imports.sameAsOnFile.more', { count: rows.length - SHOWN })}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
