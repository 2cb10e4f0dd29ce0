import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SameAsOnFile as SameRow } from '../../../../src-main/domain/imports/imports.contract';

const SHOWN = 5;

/**
 * Rows that are customers already on file (the same credit code or company name): the user chooses
 * whether the import updates them or leaves them, sees what that choice does (skipped rows appear in
 * no figure above), and sees the first few with what the file says beside the customer it matched.
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
        <Text size="sm" fw={600} data-testid="on-duplicate-outcome">
          {t(value === 'skip' ? 'imports.sameAsOnFile.willSkip' : 'imports.sameAsOnFile.willUpdate', { count: rows.length })}
        </Text>
        {rows.slice(0, SHOWN).map((r) => (
          <Text key={r.row} size="sm" data-row={r.row}>
            {t('imports.sameAsOnFile.row', { row: r.row, value: r.value, code: r.customer.code, name: r.customer.name, reason: t(`imports.duplicates.reason.${r.reason}`) })}
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
