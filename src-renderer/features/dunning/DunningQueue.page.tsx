import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconMail, IconPhone, IconPlayerSkipForward, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import { REMINDER_STATUSES, type QueueFilters, type Reminder, type ReminderStatus } from '../../../src-main/domain/dunning/dunning.contract';
import { api } from '../../api/client';
import { parseFilterParam } from '../../api/url-filters';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { useLevelName } from './level-name';
import { CloseReminderModal, SendReminderModal } from './ReminderModals';

/** Invoice numbers a reminder's row lists before saying how many there are in all. */
const INVOICES_SHOWN = 3;

/** 催收提醒: the reminders the daily job raised, the caller's own customers first; managers may see everyone's. */
export function DunningQueuePage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const levelName = useLevelName();
  const [params, setParams] = useSearchParams();
  const filters = parseFilterParam<Partial<QueueFilters>>(params.get('f'));
  const scope = filters.scope === 'all' && can('dunning.manage') ? 'all' : 'mine';
  const status: ReminderStatus = filters.status ?? 'due';
  const [sending, setSending] = useState<Reminder | null>(null);
  const [closing, setClosing] = useState<{ reminder: Reminder; status: 'done' | 'skipped' } | null>(null);
  const setFilters = (next: Partial<QueueFilters>) => setParams({ f: JSON.stringify({ scope, status, ...next }) });
  const due = status === 'due';
  const columns: Column<Reminder>[] = [
    {
      key: 'customer',
      header: t('dunning.field.customer'),
      width: 200,
      render: (r) => (
        <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm" onClick={(e) => e.stopPropagation()}>
          {r.customerName}
        </Anchor>
      ),
    },
    { key: 'level', header: t('dunning.field.level'), render: (r) => <Badge variant="light" color={r.daysAfterDue < 0 ? 'blue' : r.daysAfterDue >= 30 ? 'red' : 'orange'}>{levelName(r.daysAfterDue)}</Badge>, nowrap: true },
    {
      key: 'invoices',
      header: t('dunning.field.invoices'),
      render: (r) => (
        // A customer late with dozens of invoices: the first few, how many in all, every number on hover.
        <Tooltip label={r.invoices.map((i) => i.invoiceNo).join(' ')} disabled={r.invoices.length <= INVOICES_SHOWN} multiline w={420}>
          <Group gap={8} data-testid="reminder-invoices">
            {r.invoices.slice(0, INVOICES_SHOWN).map((i) => (
              <Text key={i.invoiceNo} size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {i.invoiceNo}
              </Text>
            ))}
            {r.invoices.length > INVOICES_SHOWN && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('dunning.queue.invoicesInAll', { count: r.invoices.length })}
              </Text>
            )}
          </Group>
        </Tooltip>
      ),
    },
    { key: 'amount', header: t('dunning.field.amount'), render: (r) => formatFen(r.amount), align: 'right', nowrap: true },
    { key: 'date', header: t('dunning.field.date'), render: (r) => r.businessDate, nowrap: true },
    ...(scope === 'all' ? [{ key: 'owner', header: t('dunning.field.owner'), render: (r: Reminder) => r.ownerName ?? '—', nowrap: true }] : []),
    due
      ? {
          key: 'actions',
          header: '',
          nowrap: true,
          render: (r: Reminder) => (
            <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
              {r.lastEmail && r.lastEmail.status !== 'sent' && (
                <Badge variant="light" color={r.lastEmail.status === 'sending' ? 'blue' : 'red'} title={r.lastEmail.error ?? r.lastEmail.startedAt} data-testid="reminder-email-status">
                  {t(`dunning.queue.email.${r.lastEmail.status}`)}
                </Badge>
              )}
              <Button size="compact-sm" leftSection={<IconMail size={14} />} disabled={!r.customerEmail} title={r.customerEmail ?? t('dunning.queue.noEmail')} onClick={() => setSending(r)} data-testid="send-reminder">
                {t('dunning.queue.send')}
              </Button>
              <Button size="compact-sm" variant="light" leftSection={<IconPhone size={14} />} onClick={() => setClosing({ reminder: r, status: 'done' })} data-testid="phoned-reminder">
                {t('dunning.queue.phoned')}
              </Button>
              <Button size="compact-sm" variant="subtle" color="gray" leftSection={<IconPlayerSkipForward size={14} />} onClick={() => setClosing({ reminder: r, status: 'skipped' })} data-testid="skip-reminder">
                {t('dunning.queue.skip')}
              </Button>
            </Group>
          ),
        }
      : { key: 'handled', header: t('dunning.field.handled'), render: (r: Reminder) => [r.handledByName, r.emailTo ?? r.note].filter(Boolean).join(' · ') },
  ];
  return (
    <>
      <PageHeader
        title={t('dunning.queue.title')}
        actions={
          can('dunning.manage') && (
            <Button variant="default" leftSection={<IconSettings size={16} />} onClick={() => navigate('/dunning/settings')} data-testid="dunning-settings">
              {t('dunning.queue.settings')}
            </Button>
          )
        }
      />
      <Paper withBorder p="md">
        <Stack gap="md">
          <Group justify="space-between">
            <SegmentedControl
              value={status}
              onChange={(v) => setFilters({ status: v as ReminderStatus })}
              data={REMINDER_STATUSES.map((s) => ({ value: s, label: t(`dunning.queue.status.${s}`) }))}
              data-testid="reminder-status"
            />
            {can('dunning.manage') && (
              <SegmentedControl
                value={scope}
                onChange={(v) => setFilters({ scope: v as 'mine' | 'all' })}
                data={[
                  { value: 'mine', label: t('dunning.queue.mine') },
                  { value: 'all', label: t('dunning.queue.all') },
                ]}
                data-testid="reminder-scope"
              />
            )}
          </Group>
          <DataTable
            method="dunning.queue"
            input={{ filters: { scope, status } }}
            columns={columns}
            rowKey={(r) => r.id}
            onExport={async (jobId) => saveExport(await api.exports.reminders({ filters: { scope, status }, format: 'xlsx', language: exportLanguage(), jobId }))}
            minWidth={900}
            empty={
              due ? (
                <EmptyState
                  title={t('dunning.queue.emptyTitle')}
                  text={t('dunning.queue.emptyText')}
                  action={
                    // An owner or manager owns few customers: the way to everyone's reminders.
                    scope === 'mine' &&
                    can('dunning.manage') && (
                      <Button variant="light" onClick={() => setFilters({ scope: 'all' })} data-testid="reminders-see-all">
                        {t('dunning.queue.seeAll')}
                      </Button>
                    )
                  }
                />
              ) : (
                <Text c="dimmed" py="lg" ta="center">
                  {t('dunning.queue.emptyFiltered')}
                </Text>
              )
            }
          />
        </Stack>
      </Paper>
      <SendReminderModal reminder={sending} onClose={() => setSending(null)} />
      <CloseReminderModal reminder={closing?.reminder ?? null} status={closing?.status ?? 'done'} onClose={() => setClosing(null)} />
    </>
  );
}
