import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportDuplicate, RowError } from '../../../../src-main/domain/imports/imports.contract';
import { rowErrorText } from '../import-file';

const SHOWN = 500;

/** Every invalid row: line number in the file, the column, what was there and why it is refused. */
export function RowErrors({ errors }: { errors: RowError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) {
    return (
      <Alert color="green" icon={<IconCircleCheck size={18} />} data-testid="import-no-errors">
        {t('imports.errors.none')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="import-errors">
      <Title order={5}>
        {t('imports.errors.title')}{' '}
        <Badge color="red" variant="light">
          {errors.length}
        </Badge>
      </Title>
      <Text size="sm" c="dimmed">
        {t('imports.errors.fixHint')}
      </Text>
      <Table.ScrollContainer minWidth={560} mah={360}>
        <Table striped verticalSpacing={4} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('imports.errors.row')}</Table.Th>
              <Table.Th w={140}>{t('imports.errors.field')}</Table.Th>
              <Table.Th w={180}>{t('imports.errors.value')}</Table.Th>
              <Table.Th>{t('imports.errors.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.slice(0, SHOWN).map((e, i) => (
              <Table.Tr key={i} data-row={e.row}>
                <Table.Td>{t('imports.errors.line', { row: e.row })}</Table.Td>
                <Table.Td>{e.column || (e.field && !e.field.startsWith('custom.') ? t(`imports.field.${e.field}`) : t('imports.field.row'))}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" lineClamp={1}>
                    {e.value ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="red.7">
                    {rowErrorText(e)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.length > SHOWN && (
        <Text size="sm" c="dimmed">
          {t('imports.errors.more', { shown: SHOWN, count: errors.length })}
        </Text>
      )}
    </Stack>
  );
}

export function Duplicates({ duplicates }: { duplicates: ImportDuplicate[] }) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="import-duplicates">
      <Title order={5}>
        {t('imports.duplicates.title')}{' '}
        <Badge color="yellow" variant="light">
          {duplicates.length}
        </Badge>
      </Title>
      <Text size="sm" c="dimmed">
        {t('imports.duplicates.hint')}
      </Text>
      <Table.ScrollContainer minWidth={480} mah={240}>
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {duplicates.slice(0, SHOWN).map((d) => (
              <Table.Tr key={d.row}>
                <Table.Td w={90}>{t('imports.errors.line', { row: d.row })}</Table.Td>
                <Table.Td>
                  {d.matches
                    .map((m) => {
                      const reason = t(`imports.duplicates.reason.${m.reason}`);
                      return m.customer
                        ? t('imports.duplicates.withCustomer', { code: m.customer.code, name: m.customer.name, reason })
                        : t('imports.duplicates.withRow', { row: m.row, reason });
                    })
                    .join('；')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
