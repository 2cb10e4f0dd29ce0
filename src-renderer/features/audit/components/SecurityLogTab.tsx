import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecurityEntry } from '../../../../src-main/domain/audit/audit.contract';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { formatTimestamp } from '../../../format';
import { DateField } from '../../../components/DateField';
import { useUserOptions } from '../../../components/UserPicker';

const EVENTS = ['sign_in_failed', 'locked_out'] as const;

/** 安全日志: failed sign-ins and lockouts, newest first (owner only; the backend checks). */
export function SecurityLogTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ username: '', event: '', from: '', to: '' });
  const [debounced] = useDebouncedValue(filters, 300);
  const users = useUserOptions();
  const valid = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
  const columns: Column<SecurityEntry>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => formatTimestamp(e.at), nowrap: true },
    {
      key: 'event',
      header: t('audit.security.event'),
      render: (e) => (
        <Badge variant="light" color={e.event === 'locked_out' ? 'red' : 'orange'} tt="none">
          {t(`audit.security.events.${e.event}`)}
        </Badge>
      ),
      nowrap: true,
    },
    { key: 'username', header: t('audit.security.username'), render: (e) => <Text size="sm" ff="monospace">{e.username}</Text> },
    {
      key: 'account',
      header: t('audit.security.account'),
      render: (e) => (e.userId ? (users.data?.find((u) => u.id === e.userId)?.displayName ?? '—') : '—'),
      nowrap: true,
    },
    { key: 'reason', header: t('audit.security.reason'), render: (e) => (e.reason ? t(`audit.security.reasons.${e.reason}`) : '—'), nowrap: true },
    { key: 'transport', header: t('audit.transport'), render: (e) => t(`audit.transports.${e.transport}`, { defaultValue: e.transport }), nowrap: true },
  ];
  const set = (key: keyof typeof filters) => (value: string | null) => setFilters({ ...filters, [key]: value ?? '' });
  const query = {
    username: debounced.username.trim() || undefined,
    event: (EVENTS as readonly string[]).includes(debounced.event) ? (debounced.event as SecurityEntry['event']) : undefined,
    from: valid(debounced.from),
    to: valid(debounced.to),
  };

  return (
    <Stack gap={0}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('audit.security.help')}
      </Text>
      <Group mb="sm" align="flex-end">
        <TextInput label={t('audit.security.username')} w={180} value={filters.username} onChange={(e) => set('username')(e.currentTarget.value)} />
        <Select
          label={t('audit.security.event')}
          w={180}
          placeholder={t('audit.security.allEvents')}
          clearable
          data={EVENTS.map((value) => ({ value, label: t(`audit.security.events.${value}`) }))}
          value={filters.event || null}
          onChange={set('event')}
        />
        <DateField label={t('audit.from')} w={160} value={filters.from || null} onChange={set('from')} />
        <DateField label={t('audit.to')} w={160} value={filters.to || null} onChange={set('to')} />
      </Group>
      <DataTable
        method="audit.security"
        input={query}
        onExport={async (jobId) => saveExport(await api.exports.securityLog({ ...query, format: 'xlsx', language: exportLanguage(), jobId }))}
        columns={columns}
        rowKey={(e) => e.id}
        minWidth={860}
        empty={<EmptyState icon={<IconShieldCheck size={30} />} title={t('audit.security.emptyTitle')} text={t('audit.security.emptyText')} />}
      />
    </Stack>
  );
}
