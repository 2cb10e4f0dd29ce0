import { Badge, Group, Select, Stack, Switch, Tabs, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import i18n from 'i18next';
import { IconHistory, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../src-main/domain/audit/audit.contract';
import { AUDIT_EXPORT_WORDS } from '../../../src-main/domain/audit/audit-export.messages';
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

/** The activity log's words (actions, records) are one catalog with its Excel export's. */
function auditWords(): { methods: Record<string, string>; entities: Record<string, string> } {
  return AUDIT_EXPORT_WORDS[exportLanguage()];
}

/** The areas whose actions the log holds, and each area's actions, for the filters' lists. */
function actionChoices(t: (key: string) => string) {
  const methods = auditWords().methods;
  const areaName = (area: string) => (i18n.exists(`nav.${area}`) ? t(`nav.${area}`) : t(`audit.areas.${area}`));
  const areas = [...new Set(Object.keys(methods).map((m) => m.split('.')[0]!))].map((area) => ({ value: area, label: areaName(area) }));
  const actionsOf = (area: string | null) =>
    Object.entries(methods)
      .filter(([method]) => area === null || method.startsWith(`${area}.`))
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  return { areas: areas.sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')), actionsOf };
}

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
      {entry.changeCount > entry.changes.length && (
        <Text size="xs" c="dimmed">
          {t('audit.moreRecords', { count: entry.changeCount - entry.changes.length })}
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
  const [filters, setFilters] = useState({ userId: '', area: '', method: '', from: '', to: '' });
  const choices = actionChoices(t);
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
      render: (e) => e.userName ?? e.username,
      nowrap: true,
    },
    {
      key: 'method',
      header: t('audit.method'),
      render: (e) => (
        <Stack gap={0}>
          <Text size="sm" style={{ whiteSpace: 'nowrap' }} title={e.method}>
            {auditWords().methods[e.method] ?? e.method}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'entity',
      header: t('audit.entity'),
      render: (e) => (e.entityType ? <Badge variant="light" tt="none">{auditWords().entities[e.entityType] ?? e.entityType}</Badge> : '—'),
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
    userId: debounced.userId || undefined,
    changesOnly,
    // An action names one method; an area alone matches all of its methods.
    method: debounced.method || debounced.area || undefined,
    from: valid(debounced.from),
    to: valid(debounced.to),
  };

  const choose = (key: 'userId' | 'method') => (value: string | null) => setFilters({ ...filters, [key]: value ?? '' });
  const chooseArea = (value: string | null) => setFilters({ ...filters, area: value ?? '', method: '' });
  const setDate = (key: 'from' | 'to') => (value: string | null) => setFilters({ ...filters, [key]: value ?? '' });

  return (
    <Stack gap={0}>
      <Group mb="sm" align="flex-end">
        <Select
          label={t('audit.user')}
          w={160}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          value={filters.userId || null}
          onChange={choose('userId')}
          searchable
          clearable
          placeholder={t('audit.anyone')}
          data-testid="audit-user"
        />
        <Select label={t('audit.area')} w={160} data={choices.areas} value={filters.area || null} onChange={chooseArea} searchable clearable placeholder={t('audit.anyArea')} data-testid="audit-area" />
        <Select
          label={t('audit.method')}
          w={220}
          data={choices.actionsOf(filters.area || null)}
          value={filters.method || null}
          onChange={choose('method')}
          searchable
          clearable
          placeholder={t('audit.anyAction')}
          data-testid="audit-action"
        />
        <DateField label={t('audit.from')} w={160} value={filters.from || null} onChange={setDate('from')} />
        <DateField label={t('audit.to')} w={160} value={filters.to || null} onChange={setDate('to')} />
        <Switch mb={8} label={t('audit.changesOnly')} checked={changesOnly} onChange={(e) => setChangesOnly(e.currentTarget.checked)} data-testid="audit-changes-only" />
      </Group>
      <DataTable
        method="audit.list"
        input={query}
        onExport={async (jobId) => saveExport(await api.exports.auditLog({ ...query, format: 'xlsx', language: exportLanguage(), jobId }))}
        columns={columns}
        rowKey={(e) => e.id}
        minWidth={1000}
        empty={<EmptyState icon={<IconHistory size={30} />} title={t('audit.emptyTitle')} text={t('audit.emptyText')} />}
      />
    </Stack>
  );
}
