import { Alert, Anchor, Badge, Button, Card, Center, Divider, Drawer, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconBan, IconEdit, IconPlus, IconRefresh, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { INTERACTION_KINDS, type InteractionKind } from '../../../../src-main/domain/customers/customers.dto';
import type { Lead } from '../../../../src-main/domain/leads/leads.contract';
import { api } from '../../../api/client';
import { notifyError, showFormError } from '../../../api/hooks';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatTimestamp } from '../../../format';
import { useCan } from '../../auth/current-user';
import { useLead } from '../leads.queries';
import { formatFen } from '../../../../src-main/domain/core/money';
import { ConvertLeadModal } from './ConvertLeadModal';
import { LeadFormModal } from './LeadFormModal';
import { LeadStatusBadge, STAGE_COLORS } from './LeadStatusBadge';
import { MarkLostModal } from './MarkLostModal';
import { OpportunityModal } from './OpportunityModal';

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}

function FollowUpForm({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { kind: 'call' as InteractionKind, subject: '', body: '' },
    validate: { subject: (value, values) => (!value.trim() && !values.body.trim() ? t('customers.timeline.needSubject') : null) },
  });
  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      await api.leads.logInteraction({ leadId: lead.id, ...values });
      notifications.show({ color: 'teal', message: t('leads.detail.logged') });
      form.setValues({ kind: values.kind, subject: '', body: '' });
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder padding="sm" radius="md">
      <form onSubmit={form.onSubmit((v) => void submit(v))} data-testid="lead-follow-up">
        <Stack gap="xs">
          <SegmentedControl size="xs" data={INTERACTION_KINDS.map((k) => ({ value: k, label: t(`customers.interactionKind.${k}`) }))} {...form.getInputProps('kind')} />
          <TextInput label={t('leads.detail.subject')} placeholder={t('leads.detail.subjectPlaceholder')} data-testid="follow-up-subject" {...form.getInputProps('subject')} />
          <Textarea label={t('leads.detail.body')} autosize minRows={1} maxRows={5} {...form.getInputProps('body')} />
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={busy} data-testid="follow-up-submit">
              {t('leads.detail.logFollowUp')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function LeadDetails({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const can = useCan();
  const writable = can('leads.write');
  const open = lead.status !== 'converted' && lead.status !== 'lost';
  const [editOpened, edit] = useDisclosure();
  const [convertOpened, convert] = useDisclosure();
  const [lostOpened, lost] = useDisclosure();
  const [dealOpened, deal] = useDisclosure();
  const [editingDeal, setEditingDeal] = useState<string | null>(null);

  async function reopen() {
    try {
      await api.leads.update({ id: lead.id, status: 'contacted' });
      notifications.show({ color: 'teal', message: t('leads.detail.reopened') });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3}>{lead.name}</Title>
            <LeadStatusBadge status={lead.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {[lead.title, lead.company].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <Text c="dimmed" size="sm">
          {lead.code}
        </Text>
      </Group>

      {lead.status === 'converted' && lead.customerId && (
        <Alert color="teal" icon={<IconUserCheck size={18} />} data-testid="lead-converted">
          <Group justify="space-between">
            <Text size="sm">{t('leads.detail.convertedOn', { date: lead.convertedAt ? formatTimestamp(lead.convertedAt) : '' })}</Text>
            <Anchor component={Link} to={`/customers/${lead.customerId}`} data-testid="open-customer">
              {t('leads.detail.openCustomer', { code: lead.customerCode })} <IconArrowRight size={14} />
            </Anchor>
          </Group>
        </Alert>
      )}
      {lead.status === 'lost' && (
        <Alert color="gray" icon={<IconBan size={18} />}>
          <Group justify="space-between">
            <Text size="sm">
              {t('leads.detail.lostBecause', { reason: lead.lostReason })}
            </Text>
            {writable && (
              <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => void reopen()}>
                {t('leads.detail.reopen')}
              </Button>
            )}
          </Group>
        </Alert>
      )}

      {writable && open && (
        <Group gap="xs">
          <Button leftSection={<IconUserCheck size={16} />} onClick={convert.open} data-testid="convert-lead">
            {t('leads.detail.convert')}
          </Button>
          <Button variant="default" leftSection={<IconEdit size={16} />} onClick={edit.open}>
            {t('common.edit')}
          </Button>
          <Button variant="subtle" color="gray" leftSection={<IconBan size={16} />} onClick={lost.open} data-testid="mark-lost">
            {t('leads.detail.markLost')}
          </Button>
        </Group>
      )}

      <SimpleGrid cols={3} spacing="sm">
        <Fact label={t('leads.field.mobile')} value={lead.mobile} />
        <Fact label={t('leads.field.email')} value={lead.email} />
        <Fact label={t('leads.field.owner')} value={lead.ownerName} />
        <Fact label={t('leads.field.source')} value={lead.source} />
        <Fact label={t('leads.field.campaign')} value={lead.campaignName} />
        <Fact label={t('leads.field.createdAt')} value={formatTimestamp(lead.createdAt)} />
      </SimpleGrid>
      {lead.notes && <Fact label={t('leads.field.notes')} value={lead.notes} />}

      <Divider label={t('leads.detail.opportunities')} labelPosition="left" />
      {lead.opportunities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('leads.detail.noOpportunities')}
        </Text>
      ) : (
        <Stack gap={6}>
          {lead.opportunities.map((o) => (
            <Card key={o.id} withBorder padding="xs" radius="sm" style={{ cursor: 'pointer' }} onClick={() => setEditingDeal(o.id)}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {o.title}
                </Text>
                <Group gap="xs">
                  <Text size="sm">{formatFen(o.expectedAmount)}</Text>
                  <Badge color={STAGE_COLORS[o.stage]} variant="light">
                    {t(`leads.stage.${o.stage}`)}
                  </Badge>
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {writable && lead.status !== 'lost' && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={deal.open} data-testid="lead-add-opportunity">
            {t('leads.detail.addOpportunity')}
          </Button>
        </Group>
      )}

      <Divider label={t('leads.detail.followUps')} labelPosition="left" />
      {writable && lead.status !== 'converted' && <FollowUpForm lead={lead} />}
      {lead.interactions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('leads.detail.noFollowUps')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {lead.interactions.map((i) => (
            <Timeline.Item
              key={i.id}
              title={
                <Group gap={6}>
                  <Badge size="xs" variant="light">
                    {t(`customers.interactionKind.${i.kind}`)}
                  </Badge>
                  <Text size="sm" fw={500}>
                    {i.subject ?? i.body?.slice(0, 40)}
                  </Text>
                  {i.customerInteractionId && (
                    <Badge size="xs" variant="outline" color="teal">
                      {t('leads.detail.onCustomerTimeline')}
                    </Badge>
                  )}
                </Group>
              }
            >
              {i.subject && i.body && (
                <Text size="sm" c="dimmed">
                  {i.body}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatTimestamp(i.occurredAt)}
                {i.userName ? ` · ${i.userName}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}

      <LeadFormModal opened={editOpened} onClose={edit.close} lead={lead} />
      <ConvertLeadModal opened={convertOpened} onClose={convert.close} lead={lead} />
      <MarkLostModal opened={lostOpened} onClose={lost.close} lead={lead} />
      <OpportunityModal opened={dealOpened} onClose={deal.close} lead={lead} />
      <OpportunityModal opened={editingDeal !== null} onClose={() => setEditingDeal(null)} opportunityId={editingDeal} />
    </Stack>
  );
}

/** A lead's record, follow-ups, opportunities and the actions on it (convert, mark lost). */
export function LeadDrawer({ leadId, onClose }: { leadId: string | null; onClose: () => void }) {
  const lead = useLead(leadId);
  return (
    <Drawer opened={leadId !== null} onClose={onClose} position="right" size="xl" padding="lg" data-testid="lead-drawer">
      {lead.isError ? (
        <LoadFailed error={lead.error} onRetry={() => void lead.refetch()} />
      ) : !lead.data ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <LeadDetails lead={lead.data} />
      )}
    </Drawer>
  );
}
