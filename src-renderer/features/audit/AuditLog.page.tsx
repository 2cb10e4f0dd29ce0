import { Badge, Group, Stack, Switch, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconHistory, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../src-main/domain/audit/audit.contract';
import { api } from '../../api/client';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../format';
import { useUserOptions } from '../../components/UserPicker';
import { DateField } from '../../components/DateField';
import { useCan } from '../auth/current-user';
import { fieldLabel, formatValue, isEmptyValue, isShownField } from './audit-changes';
import { SecurityLogTab } from './components/SecurityLogTab';

const MAX_FIELDS = 8;

function ChangesCell({ entry, userName }: { entry: AuditEntry; userName: (id: string) => string | undefined }) {
  const { t } = useTranslation();
  const fields = entry.changes.flatMap((c) => Object.entries(c.fields).filter(([field]) => isShownField(field)).map(([field, change]) => ({ entityType: c.entityType, field, ...change })));
  if (fields.length === 0) return <Text size="xs" c="dimmed">{t('audit.noFieldChanges')}</Text>;
  return (
    <Stack gap={2} miw={280}>
      {fields.slice(0, MAX_FIELDS).map(({ entityType, field, before, after }, i) => {
        const ctx = { t, entityType, field, userName };
        return (
          <Group key={`${i}-${field}`} gap={6} wrap="nowrap" align="baseline">
            <Text size="xs" c="dimmed" w={110} style={{ flexShrink: 0 }} truncate title={field}>
              {fieldLabel(t, entityType, field)}
            </Text>
            <Text size="xs" style={{ wordBreak: 'break-word' }}>
              {isEmptyValue(before) ? (
                formatValue(after, ctx)
              ) : isEmptyValue(after) ? (
                <Text span inherit c="dimmed" td="line-through">
                  {formatValue(before, ctx)}
                </Text>
              ) : (
                <>
                  <Text span inherit c="dimmed" td="line-through">
                    {formatValue(before, ctx)}
                  </Text>
                  {' → '}
                  {formatValue(after, ctx)}
                </>
              )}
            </Text>
          </Group>
        );
      })}
      {fields.length > MAX_FIELDS && (
        <Text size="xs" c="dimmed">
          {t('audit.moreFields', { count: fields.length - MAX_FIELDS })}
        </Text>
      )}
    </Stack>
  );
}

/** 操作日志, with 安全日志 (failed sign-ins, lockouts) beside it for the owner. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const can = useCan();
  if (!can('audit.security')) {
    return (
      <Stack gap={0}>
        <PageHeader title={t('audit.title')} />
        <ActivityTab />
      </Stack>
    );
  }
  return (
    <Stack gap={0}>
      <PageHeader title={t('audit.title')} />
      <Tabs defaultValue="changes" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="changes">{t('audit.tabs.changes')}</Tabs.Tab>
          <Tabs.Tab value="security" leftSection={<IconShieldLock size={16} />} data-testid="audit-security-tab">
            {t('audit.tabs.security')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="changes">
          <ActivityTab />
        </Tabs.Panel>
        <Tabs.Panel value="security">
          <SecurityLogTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ActivityTab() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState({ username: '', method: '', from: '', to: '' });
  const [changesOnly, setChangesOnly] = useState(false);
  const [debounced] = useDebouncedValue(filters, 300);
  const valid = (d: string) => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);
  const users = useUserOptions();
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.displayName;

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => formatTimestamp(e.at), nowrap: true },
    {
      key: 'user',
      header: t('audit.user'),
      render: (e) => (e.userId && userName(e.userId)) ?? e.username,
      nowrap: true,
    },
    {
      key: 'method',
      header: t('audit.method'),
      render: (e) => (
        <Stack gap={0}>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t(`audit.methods.${e.method}`, { defaultValue: e.method })}
          </Text>
          <Text size="xs" c="dimmed" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {e.method}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) => (e.entityType ? <Badge variant="light" tt="none">{t(`audit.entities.${e.entityType}`, { defaultValue: e.entityType })}</Badge> : '—'),
      nowrap: true,
    },
    {
      key: 'changes',
      header: t('audit.changes'),
      render: (e) => <ChangesCell entry={e} userName={userName} />,
    },
    {
      key: 'transport',
      header: t('audit.transport'),
      render: (e) => t(`audit.transports.${e.transport}`, { defaultValue: e.transport }),
      nowrap: true,
    },
  ];

  const query = {
    username: debounced.username.trim() || undefined,
    changesOnly,
    method: debounced.method.trim() || undefined,
    from: valid(debounced.from),
    to: valid(debounced.to),
  };

  const set = (key: keyof typeof filters) => (event: React.ChangeEvent<HTMLInputElement>) => setFilters({ ...filters, [key]: event.currentTarget.value });
  const setDate = (key: 'from' | 'to') => (value: string | null) => setFilters({ ...filters, [key]: value ?? '' });

  return (
    <Stack gap={0}>
      <Group mb="sm" align="flex-end">
        <TextInput label={t('audit.user')} w={160} value={filters.username} onChange={set('username')} />
        <TextInput label={t('audit.method')} w={240} placeholder={t('audit.methodPlaceholder')} value={filters.method} onChange={set('method')} />
        <DateField label={t('audit.from')} w={160} value={filters.from || null} onChange={setDate('from')} />
        <DateField label={t('audit.to')} w={160} value={filters.to || null} onChange={setDate('to')} />
        <Switch mb={8} label={t('audit.changesOnly')} checked={changesOnly} onChange={(e) => setChangesOnly(e.currentTarget.checked)} data-testid="audit-changes-only" />
      </Group>
      <DataTable
        method="audit.list"
        input={query}
        onExport={async () => saveExport(await api.exports.auditLog({ ...query, format: 'xlsx', language: exportLanguage() }))}
        columns={columns}
        rowKey={(e) => e.id}
        minWidth={1000}
        empty={<EmptyState icon={<IconHistory size={30} />} title={t('audit.emptyTitle')} text={t('audit.emptyText')} />}
      />
    </Stack>
  );
}
