import { Autocomplete, Grid, Modal, Select, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leadCreateInput, type Lead } from '../../../../src-main/domain/leads/leads.contract';
import { api } from '../../../api/client';
import { showFormError } from '../../../api/hooks';
import { zodValidate } from '../../../api/issues';
import { useCurrentUser } from '../../auth/current-user';
import { useUserOptions } from '../../customers/customers.queries';
import { useCampaignOptions, useChannels } from '../leads.queries';
import { FormActions } from '../../../components/FormActions';

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

const checkLead = zodValidate(leadCreateInput);

/** Create a lead, or edit one (`lead` given); errors from the backend land beside their field. */
export function LeadFormModal({ opened, onClose, lead, onSaved }: { opened: boolean; onClose: () => void; lead?: Lead; onSaved?: (lead: Lead) => void }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const channels = useChannels();
  const campaigns = useCampaignOptions();
  const users = useUserOptions();
  const [busy, setBusy] = useState(false);
  const blank: LeadValues = { name: '', title: '', company: '', mobile: '', email: '', source: '', campaignId: null, ownerUserId: me.id, notes: '' };
  const form = useForm<LeadValues>({ initialValues: blank, validate: checkLead });

  useEffect(() => {
    if (!opened) return;
    form.setValues(
      lead
        ? {
            name: lead.name,
            title: lead.title ?? '',
            company: lead.company ?? '',
            mobile: lead.mobile ?? '',
            email: lead.email ?? '',
            source: lead.source ?? '',
            campaignId: lead.campaignId,
            ownerUserId: lead.ownerUserId,
            notes: lead.notes ?? '',
          }
        : blank,
    );
    form.clearErrors();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reset only when the modal opens
  }, [opened, lead?.id]);

  async function submit(values: LeadValues) {
    setBusy(true);
    try {
      let saved: Lead;
      if (lead) {
        saved = await api.leads.update({ id: lead.id, ...values });
        notifications.show({ color: 'teal', message: t('leads.form.saved') });
      } else {
        const created = await api.leads.create(values);
        saved = created;
        notifications.show({ color: 'teal', message: t('leads.form.created', { code: created.code }) });
        if (created.duplicates.length) {
          const names = new Intl.ListFormat(i18n.language).format([...new Set(created.duplicates.map((d) => d.name))]);
          notifications.show({ color: 'yellow', autoClose: 10_000, message: t('leads.form.duplicates', { names }) });
        }
      }
      onClose();
      onSaved?.(saved);
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={lead ? t('leads.form.editTitle', { code: lead.code }) : t('leads.form.createTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => void submit(v))} data-testid="lead-form">
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
            <Select label={t('leads.field.owner')} clearable data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))} {...form.getInputProps('ownerUserId')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label={t('leads.field.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>
        <FormActions onCancel={onClose} busy={busy} saveTestId="lead-save" mt="md" />
      </form>
    </Modal>
  );
}
