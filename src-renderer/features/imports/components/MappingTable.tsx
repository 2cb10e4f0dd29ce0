import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportTarget } from '../../../../src-main/domain/imports/imports.contract';
import { FIELD_GROUPS } from '../import-file';

const IGNORE = '';

/** Each file column → a customer field (auto-matched by the server; unmapped columns are ignored). */
export function MappingTable({ preview, mapping, onChange }: { preview: ImportPreview; mapping: (ImportTarget | null)[]; onChange: (mapping: (ImportTarget | null)[]) => void }) {
  const { t } = useTranslation();
  const first = preview.sample[0]?.cells ?? [];
  const data = [
    { group: t('imports.mapping.ignore'), items: [{ value: IGNORE, label: t('imports.mapping.ignore') }] },
    ...FIELD_GROUPS.map(({ group, fields }) => ({
      group: t(`imports.mapping.groups.${group}`),
      items: fields.map((field) => ({ value: field, label: t(`imports.field.${field}`) })),
    })),
    ...(preview.customFields.length
      ? [{ group: t('imports.mapping.groups.custom'), items: preview.customFields.map((f) => ({ value: `custom.${f.key}`, label: f.label })) }]
      : []),
  ];
  const taken = new Set(mapping.filter(Boolean));

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">{t('imports.mapping.column')}</Table.Th>
            <Table.Th w="35%">{t('imports.mapping.sample')}</Table.Th>
            <Table.Th>{t('imports.mapping.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((header, i) => {
            const target = mapping[i] ?? null;
            return (
              <Table.Tr key={i} data-column={header}>
                <Table.Td>
                  <Text fw={500}>{header || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text c="dimmed" size="sm" lineClamp={1}>
                    {first[i] || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={`${t('imports.mapping.target')}: ${header}`}
                    data={data.map((g) => ({ ...g, items: g.items.map((item) => ({ ...item, disabled: item.value !== IGNORE && item.value !== target && taken.has(item.value as ImportTarget) })) }))}
                    value={target ?? IGNORE}
                    onChange={(value) => onChange(mapping.map((m, j) => (j === i ? ((value || null) as ImportTarget | null) : m)))}
                    allowDeselect={false}
                    searchable
                    maxDropdownHeight={320}
                    styles={{ input: { color: target ? undefined : 'var(--mantine-color-dimmed)' } }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
