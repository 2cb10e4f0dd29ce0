import { Badge, Divider, Grid, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PROBABILITY, OPEN_STAGES, type Lead, type Opportunity, type OpportunityStage } from '../../../../src-main/domain/leads/leads.contract';
import { parseYuan, yuanText } from '../../../../src-main/domain/core/money';
import { api } from '../../../api/client';
import { describeIssue } from '../../../api/issues';
import { showFormError } from '../../../api/hooks';
import { formatTimestamp } from '../../../format';
import { useCurrentUser } from '../../auth/current-user';
import { DateField } from '../../customers/components/DateField';
import { useUserOptions } from '../../customers/customers.queries';
import { useOpportunity } from '../leads.queries';
import { STAGE_COLORS } from './LeadStatusBadge';
import { FormActions } from '../../../components/FormActions';

interface DealValues {
  title: string;
  customerId: string | null;
  stage: OpportunityStage;
  expectedAmount: string;
  probability: number | string;
  expectedCloseDate: string | null;
  ownerUserId: string | null;
  notes: string;
}

/** Finds a customer by name, pinyin initials or phone (customers.search). */
function CustomerPicker({ value, onChange, error }: { value: string | null; onChange: (id: string | null) => void; error?: unknown }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const hits = useQuery({ queryKey: ['customers', 'search', debounced], queryFn: () => api.customers.search({ q: debounced, limit: 15 }), enabled: debounced.trim().length > 0 });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const data = [...(chosen ? [chosen] : []), ...(hits.data ?? []).filter((h) => h.id !== chosen?.value).map((h) => ({ value: h.id, label: `${h.name} · ${h.code}` }))];
  return (
    <Select
      label={t('leads.opportunity.party')}
      placeholder={t('leads.opportunity.partyPlaceholder')}
      withAsterisk
      searchable
      clearable
      filter={({ options }) => options}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(id ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      error={error as string | undefined}
      nothingFoundMessage={debounced ? '—' : undefined}
      data-testid="opportunity-customer"
    />
  );
}

/** Create an opportunity (for a lead or a customer) or edit one; the stage moves on the board. */
export function OpportunityModal({ opened, onClose, lead, opportunityId }: { opened: boolean; onClose: () => void; lead?: Lead; opportunityId?: string | null }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useUserOptions();
  const existing = useOpportunity(opportunityId ?? null);
  const deal: Opportunity | undefined = opportunityId ? existing.data : undefined;
  const editing = !!opportunityId;
  const [busy, setBusy] = useState(false);
  const blank: DealValues = {
    title: '',
    customerId: lead?.customerId ?? null,
    stage: 'contact',
    expectedAmount: '',
    probability: '',
    expectedCloseDate: null,
    ownerUserId: lead?.ownerUserId ?? me.id,
    notes: '',
  };
  const form = useForm<DealValues>({
    initialValues: blank,
    validate: {
      title: (v) => (v.trim() ? null : describeIssue({ code: 'required' })),
      customerId: (v) => (editing || lead || v ? null : t('leads.opportunity.needParty')),
      expectedAmount: (v) => (!v.trim() || parseYuan(v) !== null ? null : describeIssue({ code: 'invalid_amount' })),
    },
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(
      deal
        ? {
            title: deal.title,
            customerId: deal.customerId,
            stage: deal.stage,
            expectedAmount: yuanText(deal.expectedAmount),
            probability: deal.probability,
            expectedCloseDate: deal.expectedCloseDate,
            ownerUserId: deal.ownerUserId,
            notes: deal.notes ?? '',
          }
        : blank,
    );
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset when the modal opens or the deal arrives
  }, [opened, deal?.id, deal?.updatedAt]);

  async function submit(values: DealValues) {
    setBusy(true);
    const common = {
      title: values.title,
      expectedAmount: values.expectedAmount.trim() ? parseYuan(values.expectedAmount)! : 0,
      expectedCloseDate: values.expectedCloseDate,
      ownerUserId: values.ownerUserId,
      notes: values.notes,
      ...(values.probability === '' ? {} : { probability: Number(values.probability) }),
    };
    try {
      if (deal) await api.leads.updateOpportunity({ id: deal.id, ...common });
      else await api.leads.createOpportunity({ ...common, stage: values.stage as (typeof OPEN_STAGES)[number], ...(lead ? { leadId: lead.id } : { customerId: values.customerId }) });
      notifications.show({ color: 'teal', message: t('leads.opportunity.saved') });
      onClose();
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  const stage = form.getValues().stage;
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('leads.opportunity.editTitle') : t('leads.opportunity.createTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => void submit(v))} data-testid="opportunity-form">
        <Grid gutter="sm">
          <Grid.Col span={12}>
            <TextInput label={t('leads.opportunity.title')} placeholder={t('leads.opportunity.titlePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('title')} />
          </Grid.Col>
          <Grid.Col span={12}>
            {editing || lead ? (
              <TextInput label={lead && !lead.customerId ? t('leads.opportunity.lead') : t('leads.opportunity.party')} value={deal?.partyName ?? lead?.customerName ?? lead?.company ?? lead?.name ?? ''} readOnly variant="filled" />
            ) : (
              <CustomerPicker value={form.getValues().customerId} onChange={(id) => form.setFieldValue('customerId', id)} error={form.errors.customerId} />
            )}
          </Grid.Col>
          {!editing && (
            <Grid.Col span={6}>
              <Select label={t('leads.opportunity.stage')} allowDeselect={false} data={OPEN_STAGES.map((s) => ({ value: s, label: t(`leads.stage.${s}`) }))} {...form.getInputProps('stage')} />
            </Grid.Col>
          )}
          <Grid.Col span={6}>
            <TextInput label={t('leads.opportunity.expectedAmount')} inputMode="decimal" placeholder="0.00" data-testid="opportunity-amount" {...form.getInputProps('expectedAmount')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <NumberInput
              label={t('leads.opportunity.probability')}
              description={t('leads.opportunity.probabilityHint', { value: DEFAULT_PROBABILITY[stage] })}
              placeholder={String(DEFAULT_PROBABILITY[stage])}
              min={0}
              max={100}
              allowDecimal={false}
              disabled={stage === 'won' || stage === 'lost'}
              {...form.getInputProps('probability')}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <DateField label={t('leads.opportunity.expectedCloseDate')} {...form.getInputProps('expectedCloseDate')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <Select label={t('leads.opportunity.owner')} clearable data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} {...form.getInputProps('ownerUserId')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label={t('leads.opportunity.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>
        <FormActions onCancel={onClose} busy={busy} saveTestId="opportunity-save" mt="md" />
      </form>
      {deal && deal.history.length > 0 && (
        <Stack gap="xs" mt="md">
          <Divider label={t('leads.opportunity.history')} labelPosition="left" />
          <Timeline bulletSize={12} lineWidth={2}>
            {deal.history.map((h) => (
              <Timeline.Item
                key={h.id}
                title={
                  <Group gap={6}>
                    <Text size="sm">
                      {h.fromStage
                        ? t('leads.opportunity.historyMove', { from: t(`leads.stage.${h.fromStage}`), to: t(`leads.stage.${h.toStage}`) })
                        : t('leads.opportunity.historyCreated', { stage: t(`leads.stage.${h.toStage}`) })}
                    </Text>
                    <Badge size="xs" variant="light" color={STAGE_COLORS[h.toStage]}>
                      {h.probability}%
                    </Badge>
                  </Group>
                }
              >
                {h.note && (
                  <Text size="sm" c="dimmed">
                    {h.note}
                  </Text>
                )}
                <Text size="xs" c="dimmed">
                  {formatTimestamp(h.changedAt)}
                  {h.userName ? ` · ${h.userName}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Modal>
  );
}
