import { Autocomplete, Grid, Modal, Select, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { DuplicateMatch } from '../../../../src-main/domain/customers/customers.dto';
import { leadCreateInput, type Lead } from '../../../../src-main/domain/leads/leads.contract';
import { api } from '../../../api/client';
import { ContractForm, useContractForm } from '../../../components/form/contract-form';
import { UserPicker } from '../../../components/UserPicker';
import { useCurrentUser } from '../../auth/current-user';
import { useCampaignOptions, useChannels } from '../leads.queries';

interface LeadValues {
  name: string;
  title: string;
  company: string;
  mobile: string;
  email: string;
  source: string;
  campaignId: string | null;
  ownerUserId: string | null;
  notes: string;
}

function valuesOf(lead: Lead): LeadValues {
  return {
    name: lead.name,
    title: lead.title ?? '',
    company: lead.company ?? '',
    mobile: lead.mobile ?? '',
    email: lead.email ?? '',
    source: lead.source ?? '',
    campaignId: lead.campaignId,
    ownerUserId: lead.ownerUserId,
    notes: lead.notes ?? '',
  };
}

/** Create a lead, or edit one (`lead` given); errors from the backend land beside their field. */
export function LeadFormModal({ opened, onClose, lead, onSaved }: { opened: boolean; onClose: () => void; lead?: Lead; onSaved?: (lead: Lead) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={lead ? t('leads.form.editTitle', { code: lead.code }) : t('leads.form.createTitle')} size="lg">
      <LeadForm lead={lead} onClose={onClose} onSaved={onSaved} />
    </Modal>
  );
}

// Mounted each time the dialog opens, so it starts from the lead as it is now.
function LeadForm({ lead, onClose, onSaved }: { lead?: Lead; onClose: () => void; onSaved?: (lead: Lead) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const channels = useChannels();
  const campaigns = useCampaignOptions();
  const editor = useContractForm({
    initialValues: lead ? valuesOf(lead) : { name: '', title: '', company: '', mobile: '', email: '', source: '', campaignId: null, ownerUserId: me.id, notes: '' },
    schema: leadCreateInput,
    save: (values: LeadValues): Promise<Lead & { duplicates?: DuplicateMatch[] }> => (lead ? api.leads.update({ id: lead.id, ...values }) : api.leads.create(values)),
    onSaved: (saved) => {
      if (lead) notifications.show({ color: 'teal', message: t('leads.form.saved') });
      else notifications.show({ color: 'teal', message: t('leads.form.created', { code: saved.code }) });
      if (saved.duplicates?.length) {
        const names = new Intl.ListFormat(i18n.language).format([...new Set(saved.duplicates.map((d) => d.name))]);
        notifications.show({ color: 'yellow', autoClose: 10_000, message: t('leads.form.duplicates', { names }) });
      }
      onClose();
      onSaved?.(saved);
    },
  });
  const { form } = editor;

  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="lead-save" testId="lead-form">
      <Grid gutter="sm">
        <Grid.Col span={6}>
          <TextInput label={t('leads.field.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('leads.field.title')} {...form.getInputProps('title')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <TextInput label={t('leads.field.company')} {...form.getInputProps('company')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('leads.field.mobile')} inputMode="tel" {...form.getInputProps('mobile')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('leads.field.email')} {...form.getInputProps('email')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Autocomplete label={t('leads.field.source')} placeholder={t('leads.form.channelPlaceholder')} data={channels.data ?? []} {...form.getInputProps('source')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select
            label={t('leads.field.campaign')}
            placeholder={t('leads.form.noCampaign')}
            clearable
            searchable
            data={(campaigns.data?.rows ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.channel}` }))}
            {...form.getInputProps('campaignId')}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <UserPicker label={t('leads.field.owner')} {...form.getInputProps('ownerUserId')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('leads.field.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        </Grid.Col>
      </Grid>
    </ContractForm>
  );
}
