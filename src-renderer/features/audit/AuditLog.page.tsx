import { Badge, Code, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../src-main/domain/audit/audit.contract';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../format';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ChangesCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const fields = entry.changes.flatMap((c) => Object.entries(c.fields));
  if (fields.length === 0) return <Text size="xs" c="dimmed">{t('audit.noFieldChanges')}</Text>;
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="xs">
      <Table.Tbody>
        {fields.slice(0, 8).map(([field, change]) => (
          <Table.Tr key={field}>
            <Table.Td>
              <Code>{field}</Code>
            </Table.Td>
            <Table.Td c="dimmed" style={{ textDecoration: 'line-through' }}>
              {show(change.before)}
            </Table.Td>
            <Table.Td>{show(change.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ username: '', method: '', from: '', to: '' });
  const [debounced] = useDebouncedValue(filters, 300);
  const valid = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => formatTimestamp(e.at), exportValue: (e) => e.at, width: 150 },
    { key: 'user', header: t('audit.user'), render: (e) => e.username, width: 120 },
    {
      key: 'method',
      header: t('audit.method'),
      render: (e) => (
        <Stack gap={0}>
          <Text size="sm">{t(`audit.methods.${e.method}`, { defaultValue: e.method })}</Text>
          <Code fz="xs">{e.method}</Code>
        </Stack>
      ),
      exportValue: (e) => e.method,
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) => (e.entityType ? <Badge variant="light" tt="none">{t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType })}</Badge> : '—'),
      exportValue: (e) => (e.entityType ? `${e.entityType} ${e.entityId ?? ''}` : ''),
    },
    {
      key: 'changes',
      header: t('audit.changes'),
      render: (e) => <ChangesCell entry={e} />,
      exportValue: (e) =>
        e.changes
          .flatMap((c) => Object.entries(c.fields).map(([f, v]) => `${f}: ${show(v.before)} → ${show(v.after)}`))
          .join('; '),
    },
    { key: 'transport', header: t('audit.transport'), render: (e) => e.transport, width: 70 },
  ];

  const set = (key: keyof typeof filters) => (event: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, [key]: event.currentTarget.value });

  return (
    <Stack gap={0}>
      <PageHeader title={t('audit.title')} />
      <Group mb="sm" align="flex-end">
        <TextInput label={t('audit.user')} w={160} value={filters.username} onChange={set('username')} />
        <TextInput label={t('audit.method')} w={240} placeholder={t('audit.methodPlaceholder')} value={filters.method} onChange={set('method')} />
        <TextInput label={t('audit.from')} type="date" w={160} value={filters.from} onChange={set('from')} />
        <TextInput label={t('audit.to')} type="date" w={160} value={filters.to} onChange={set('to')} />
      </Group>
      <DataTable
        queryKey={['audit', 'list', debounced]}
        fetchPage={(page, pageSize) =>
          api.audit.list({
            username: debounced.username.trim() || undefined,
            method: debounced.method.trim() || undefined,
            from: valid(debounced.from),
            to: valid(debounced.to),
            page,
            pageSize,
          })
        }
        columns={columns}
        rowKey={(e) => e.id}
        exportName="audit-log"
        empty={<EmptyState icon={<IconHistory size={30} />} title={t('audit.emptyTitle')} text={t('audit.emptyText')} />}
      />
    </Stack>
  );
}
