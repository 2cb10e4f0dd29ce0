import { Badge, Center, Divider, Grid, Group, Loader, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { DEFAULT_PROBABILITY, OPEN_STAGES, opportunityCreateInput, opportunityPatch, type Lead, type Opportunity, type OpportunityStage } from '../../../../src-main/domain/leads/leads.contract';
import { yuanText } from '../../../../src-main/domain/core/money';
import { api } from '../../../api/client';
import { CustomerPicker } from '../../../components/CustomerPicker';
import { DateField } from '../../../components/DateField';
import { amountErrors, fenFromTyped } from '../../../components/form/amount';
import { ContractForm, useContractForm } from '../../../components/form/contract-form';
import { UserPicker } from '../../../components/UserPicker';
import { formatTimestamp } from '../../../format';
import { useCurrentUser } from '../../auth/current-user';
import { useOpportunity } from '../leads.queries';
import { STAGE_COLORS } from './LeadStatusBadge';

/** The method's input, but the amount as typed in yuan and the probability blank until someone sets it. */
interface DealValues {
  title: string;
  customerId: string | null;
  stage: (typeof OPEN_STAGES)[number];
  expectedAmount: string;
  probability: number | string;
  expectedCloseDate: string | null;
  ownerUserId: string | null;
  notes: string;
}

function valuesOf(deal: Opportunity): DealValues {
  return {
    title: deal.title,
    customerId: deal.customerId,
    // Not sent: an existing deal's stage moves on the board.
    stage: deal.stage as DealValues['stage'],
    expectedAmount: yuanText(deal.expectedAmount),
    probability: deal.probability,
    expectedCloseDate: deal.expectedCloseDate,
    ownerUserId: deal.ownerUserId,
    notes: deal.notes ?? '',
  };
}

/** Create an opportunity (for a lead or a customer) or edit one; the stage moves on the board. */
export function OpportunityModal({
  opened,
  onClose,
  lead,
  customer,
  opportunityId,
}: {
  opened: boolean;
  onClose: () => void;
  lead?: Lead;
  /** A new deal for this customer (its 360° view): the customer is not asked for. */
  customer?: { id: string; name: string };
  opportunityId?: string | null;
}) {
  const { t } = useTranslation();
  const existing = useOpportunity(opportunityId ?? null);
  const deal = opportunityId ? existing.data : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title={opportunityId ? t('leads.opportunity.editTitle') : t('leads.opportunity.createTitle')} size="lg">
      {opportunityId && !deal ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <OpportunityForm key={deal?.id ?? 'new'} deal={deal} lead={lead} {...(customer ? { customer } : {})} onClose={onClose} />
      )}
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

function OpportunityForm({ deal, lead, customer, onClose }: { deal?: Opportunity; lead?: Lead; customer?: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const toInput = (values: DealValues) => ({
    title: values.title,
    expectedAmount: fenFromTyped(values.expectedAmount),
    expectedCloseDate: values.expectedCloseDate,
    ownerUserId: values.ownerUserId,
    notes: values.notes,
    ...(values.probability === '' ? {} : { probability: Number(values.probability) }),
  });
  const editor = useContractForm({
    initialValues: deal
      ? valuesOf(deal)
      : { title: '', customerId: customer?.id ?? lead?.customerId ?? null, stage: 'contact', expectedAmount: '', probability: '', expectedCloseDate: null, ownerUserId: lead?.ownerUserId ?? me.id, notes: '' },
    schema: deal ? opportunityPatch : opportunityCreateInput,
    toInput: (values: DealValues) => (deal ? toInput(values) : { ...toInput(values), stage: values.stage, ...(lead ? { leadId: lead.id } : { customerId: values.customerId }) }),
    // The contract's own refusal of a deal without a party has no wording of its own.
    also: (values) => ({ ...amountErrors({ expectedAmount: values.expectedAmount }), ...(!deal && !lead && !values.customerId ? { customerId: t('leads.opportunity.needParty') } : {}) }),
    save: (values) => {
      if (deal) return api.leads.updateOpportunity({ id: deal.id, ...toInput(values) });
      return api.leads.createOpportunity({ ...toInput(values), stage: values.stage, ...(lead ? { leadId: lead.id } : { customerId: values.customerId }) });
    },
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('leads.opportunity.saved') });
      onClose();
    },
  });
  const { form } = editor;
  const stage: OpportunityStage = deal?.stage ?? form.getValues().stage;

  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="opportunity-save" testId="opportunity-form">
      <Grid gutter="sm">
        <Grid.Col span={12}>
          <TextInput label={t('leads.opportunity.title')} placeholder={t('leads.opportunity.titlePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('title')} />
        </Grid.Col>
        <Grid.Col span={12}>
          {deal || lead || customer ? (
            <TextInput
              label={lead && !lead.customerId ? t('leads.opportunity.lead') : t('leads.opportunity.party')}
              value={deal?.partyName ?? customer?.name ?? lead?.customerName ?? lead?.company ?? lead?.name ?? ''}
              readOnly
              variant="filled"
            />
          ) : (
            <CustomerPicker
              label={t('leads.opportunity.party')}
              placeholder={t('leads.opportunity.partyPlaceholder')}
              withAsterisk
              {...form.getInputProps('customerId')}
              data-testid="opportunity-customer"
            />
          )}
        </Grid.Col>
        {!deal && (
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
          <UserPicker label={t('leads.opportunity.owner')} {...form.getInputProps('ownerUserId')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('leads.opportunity.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        </Grid.Col>
      </Grid>
    </ContractForm>
  );
}
