import { Badge, Button, Card, Grid, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconBrandWechat, IconMail, IconMapPin, IconNote, IconPhone, IconStairsUp, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../../../src-main/api/paging';
import { INTERACTION_KINDS, type Customer, type InteractionKind, type LifecycleStage, type TimelineEntry } from '../../../../src-main/domain/customers/customers.dto';
import { api } from '../../../api/client';
import { showFormError } from '../../../api/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { DateField } from '../../../components/DateField';
import { businessToday, formatTimestamp, timestampFromCompanyClock } from '../../../format';
import { useCan } from '../../auth/current-user';
import { useCustomerTimeline } from '../customers.queries';
import { DUNNING_TIMELINE_KINDS, DunningTimelineTitle } from '../../dunning/DunningTimelineTitle';
import { DOCUMENT_TIMELINE_KINDS, DocumentTimelineTitle } from './DocumentTimelineTitle';

const KIND_ICONS: Record<InteractionKind, Icon> = { call: IconPhone, visit: IconMapPin, wechat: IconBrandWechat, email: IconMail, note: IconNote };
/** Entries the 360° view brings with it; "more" asks for this many again. */
export const TIMELINE_PAGE = 20;

interface LogValues {
  kind: InteractionKind;
  contactId: string | null;
  occurredAt: string | null;
  subject: string;
  body: string;
  /** 下次联系, a business date (YYYY-MM-DD) or none. */
  nextContactOn: string | null;
}

function LogInteractionForm({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const primary = customer.contacts.find((c) => c.isPrimary) ?? customer.contacts[0];
  const initial: LogValues = { kind: 'call', contactId: primary?.id ?? null, occurredAt: null, subject: '', body: '', nextContactOn: null };
  const form = useForm<LogValues>({
    initialValues: initial,
    validate: { subject: (value, values) => (!value.trim() && !values.body.trim() ? t('customers.timeline.needSubject') : null) },
  });

  async function submit(values: LogValues) {
    setBusy(true);
    try {
      await api.customers.logInteraction({
        customerId: customer.id,
        contactId: values.contactId,
        kind: values.kind,
        occurredAt: values.occurredAt ? timestampFromCompanyClock(values.occurredAt) : undefined,
        subject: values.subject,
        body: values.body,
        nextContactOn: values.nextContactOn,
      });
      notifications.show({ color: 'teal', message: t('customers.timeline.logged') });
      form.setValues({ ...initial, kind: values.kind, contactId: values.contactId });
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder radius="md" padding="sm" mb="md">
      <form onSubmit={form.onSubmit((v) => void submit(v))} data-testid="log-interaction">
        <Grid gutter="sm" align="flex-end">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Text size="sm" fw={500} mb={4}>
              {t('customers.timeline.kind')}
            </Text>
            <SegmentedControl fullWidth data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`customers.interactionKind.${k}`) }))} {...form.getInputProps('kind')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <Select
              label={t('customers.timeline.contact')}
              placeholder={t('customers.timeline.noContact')}
              clearable
              data={customer.contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
              {...form.getInputProps('contactId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <DateTimePicker
              label={t('customers.timeline.occurredAt')}
              placeholder={formatTimestamp(new Date().toISOString())}
              valueFormat="YYYY-MM-DD HH:mm"
              clearable
              locale={i18n.language === 'en' ? 'en' : i18n.language.toLowerCase()}
              maxDate={`${businessToday()} 23:59:59`}
              {...form.getInputProps('occurredAt')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 9 }}>
            <TextInput label={t('customers.timeline.subject')} placeholder={t('customers.timeline.subjectPlaceholder')} data-testid="interaction-subject" {...form.getInputProps('subject')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <DateField
              label={t('customers.timeline.nextContactOn')}
              placeholder={t('customers.timeline.nextContactNone')}
              minDate={businessToday()}
              data-testid="interaction-next-contact"
              {...form.getInputProps('nextContactOn')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label={t('customers.timeline.body')} placeholder={t('customers.timeline.bodyPlaceholder')} autosize minRows={2} maxRows={8} {...form.getInputProps('body')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="log-interaction-submit">
                {t('customers.timeline.log')}
              </Button>
            </Group>
          </Grid.Col>
        </Grid>
      </form>
    </Card>
  );
}

function EntryTitle({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  if (entry.kind === 'stage') {
    const from = entry.data.fromStage as LifecycleStage | null;
    const to = entry.data.toStage as LifecycleStage;
    return (
      <Group gap={6}>
        <Text size="sm" fw={500}>
          {from ? t('customers.timeline.stageChange', { from: t(`customers.stage.${from}`), to: t(`customers.stage.${to}`) }) : t('customers.timeline.stageSet', { to: t(`customers.stage.${to}`) })}
        </Text>
        <Badge size="xs" variant="outline" color="gray">
          {t(`customers.timeline.stageSource.${entry.data.source as 'computed'}`)}
        </Badge>
      </Group>
    );
  }
  if (DUNNING_TIMELINE_KINDS.includes(entry.kind)) return <DunningTimelineTitle entry={entry} />;
  if (DOCUMENT_TIMELINE_KINDS.includes(entry.kind)) return <DocumentTimelineTitle entry={entry} />;
  if (entry.kind === 'pool') {
    const returned = entry.data.event === 'returned';
    return (
      <Text size="sm" fw={500}>
        {returned ? t('customers.pool.timeline.returned', { days: entry.data.idleDays, count: entry.data.idleDays as number }) : t('customers.pool.timeline.claimed')}
      </Text>
    );
  }
  const kind = entry.data.interactionKind as InteractionKind | undefined;
  return (
    <Group gap={6}>
      {kind && (
        <Badge size="xs" variant="light">
          {t(`customers.interactionKind.${kind}`)}
        </Badge>
      )}
      <Text size="sm" fw={500}>
        {entry.title}
      </Text>
      {typeof entry.data.contactName === 'string' && (
        <Text size="xs" c="dimmed">
          · {entry.data.contactName}
        </Text>
      )}
      {typeof entry.data.nextContactOn === 'string' && (
        <Text size="xs" c="dimmed">
          · {t('customers.timeline.nextContactPlanned', { date: entry.data.nextContactOn })}
        </Text>
      )}
    </Group>
  );
}

/** 跟进记录: log a call, visit, WeChat chat, email or note; the timeline merges them with stage changes (and later orders, payments, tickets). */
export function InteractionsTab({ customer, firstPage }: { customer: Customer; firstPage: Page<TimelineEntry> }) {
  const { t } = useTranslation();
  const can = useCan();
  const [shown, setShown] = useState(TIMELINE_PAGE);
  const more = useCustomerTimeline(customer.id, shown, shown > TIMELINE_PAGE);
  const timeline = (shown > TIMELINE_PAGE && more.data) || firstPage;
  const writable = can('customers.interact') && !customer.mergedIntoId;

  const due = customer.nextContactOn !== null && customer.nextContactOn <= businessToday();
  return (
    <>
      {customer.nextContactOn && (
        <Text size="sm" mb="xs" c={due ? 'red' : undefined} data-testid="next-contact">
          {t(due ? 'customers.timeline.nextContactDue' : 'customers.timeline.nextContactAhead', { date: customer.nextContactOn })}
        </Text>
      )}
      {writable && <LogInteractionForm customer={customer} />}
      {more.isError ? (
        <LoadFailed error={more.error} onRetry={() => void more.refetch()} />
      ) : (
        <Stack gap="xs">
          {!timeline.rows.some((e) => e.kind === 'interaction') && <EmptyState title={t('customers.timeline.emptyTitle')} text={t('customers.timeline.emptyText')} />}
          <Timeline bulletSize={26} lineWidth={2} data-testid="timeline">
            {timeline.rows.map((entry) => {
              const Icon = entry.kind === 'stage' ? IconStairsUp : KIND_ICONS[(entry.data.interactionKind as InteractionKind) ?? 'note'] ?? IconNote;
              return (
                <Timeline.Item key={`${entry.kind}:${entry.id}`} bullet={<Icon size={14} />} color={entry.kind === 'stage' ? 'gray' : undefined} data-testid="timeline-entry">
                  <EntryTitle entry={entry} />
                  {entry.detail && entry.detail !== entry.title && (
                    <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                      {entry.detail}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" mt={2}>
                    {formatTimestamp(entry.at)}
                    {entry.userName ? ` · ${entry.kind === 'interaction' ? t('customers.timeline.by', { name: entry.userName }) : entry.userName}` : ''}
                  </Text>
                </Timeline.Item>
              );
            })}
          </Timeline>
          {timeline.total > timeline.rows.length && (
            <Group justify="center">
              <Button variant="subtle" loading={more.isFetching} onClick={() => setShown(shown + TIMELINE_PAGE)}>
                {t('customers.timeline.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  );
}
