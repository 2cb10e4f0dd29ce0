import { Autocomplete, Badge, Button, Grid, Group, Modal, Select, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_STATUSES, campaignInput, type Campaign, type CampaignStatus } from '../../../../src-main/domain/leads/leads.contract';
import { formatFen, roundHalfUp, yuanText } from '../../../../src-main/domain/core/money';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateField } from '../../../components/DateField';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { amountErrors, fenFromTyped } from '../../../components/form/amount';
import { ContractForm, useContractForm } from '../../../components/form/contract-form';
import { useCan } from '../../auth/current-user';
import { useChannels } from '../leads.queries';
import { businessToday } from '../../../format';
import { shortcutTarget } from '../../../components/shortcut-targets';

const STATUS_COLORS: Record<CampaignStatus, string> = { planned: 'blue', running: 'teal', ended: 'gray', cancelled: 'red' };

/** The method's input, with the cost as typed in yuan. */
interface CampaignValues {
  name: string;
  channel: string;
  startDate: string | null;
  endDate: string | null;
  cost: string;
  status: CampaignStatus;
  notes: string;
}

const inputOf = (values: CampaignValues) => ({ ...values, startDate: values.startDate ?? '', cost: fenFromTyped(values.cost) });

function CampaignModal({ opened, onClose, campaign }: { opened: boolean; onClose: () => void; campaign: Campaign | null }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={campaign ? t('leads.campaigns.editTitle') : t('leads.campaigns.add')} size="lg">
      <CampaignForm campaign={campaign} onClose={onClose} />
    </Modal>
  );
}

function CampaignForm({ campaign, onClose }: { campaign: Campaign | null; onClose: () => void }) {
  const { t } = useTranslation();
  const channels = useChannels();
  const editor = useContractForm({
    initialValues: campaign
      ? { name: campaign.name, channel: campaign.channel, startDate: campaign.startDate, endDate: campaign.endDate, cost: yuanText(campaign.cost), status: campaign.status, notes: campaign.notes ?? '' }
      : { name: '', channel: '', startDate: businessToday(), endDate: null, cost: '', status: 'planned', notes: '' },
    schema: campaignInput,
    toInput: (values: CampaignValues) => inputOf(values),
    also: (values) => amountErrors({ cost: values.cost }),
    save: (values) => api.leads.saveCampaign({ ...(campaign ? { id: campaign.id } : {}), ...inputOf(values) }),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('leads.campaigns.saved') });
      onClose();
    },
  });
  const { form } = editor;

  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="campaign-save" testId="campaign-form">
      <Grid gutter="sm">
        <Grid.Col span={12}>
          <TextInput label={t('leads.campaigns.name')} placeholder={t('leads.campaigns.namePlaceholder')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Autocomplete label={t('leads.campaigns.channel')} placeholder={t('leads.form.channelPlaceholder')} withAsterisk data={channels.data ?? []} {...form.getInputProps('channel')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label={t('leads.campaigns.costInput')} inputMode="decimal" placeholder="0.00" {...form.getInputProps('cost')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <DateField label={t('leads.campaigns.startDate')} withAsterisk clearable={false} {...form.getInputProps('startDate')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <DateField label={t('leads.campaigns.endDate')} {...form.getInputProps('endDate')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <Select label={t('leads.campaigns.status')} allowDeselect={false} data={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`leads.campaignStatus.${s}`) }))} {...form.getInputProps('status')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label={t('leads.campaigns.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        </Grid.Col>
      </Grid>
    </ContractForm>
  );
}

/** 营销活动: what each campaign cost and how many leads and customers it brought. */
export function CampaignsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('campaigns.manage');
  const [opened, modal] = useDisclosure();
  const [editing, setEditing] = useState<Campaign | null>(null);
  const openNew = () => {
    setEditing(null);
    modal.open();
  };
  const columns: Column<Campaign>[] = [
    { key: 'name', header: t('leads.campaigns.name'), render: (c) => <Text size="sm" fw={500}>{c.name}</Text> },
    { key: 'channel', header: t('leads.campaigns.channel'), render: (c) => c.channel, nowrap: true },
    { key: 'period', header: t('leads.campaigns.period'), render: (c) => (c.endDate ? `${c.startDate} ~ ${c.endDate}` : c.startDate), nowrap: true },
    { key: 'status', header: t('leads.campaigns.status'), render: (c) => <Badge variant="light" color={STATUS_COLORS[c.status]}>{t(`leads.campaignStatus.${c.status}`)}</Badge> },
    { key: 'cost', header: t('leads.campaigns.cost'), render: (c) => formatFen(c.cost), align: 'right' },
    { key: 'leads', header: t('leads.campaigns.leads'), render: (c) => String(c.leadCount), align: 'right' },
    { key: 'converted', header: t('leads.campaigns.converted'), render: (c) => String(c.convertedCount), align: 'right' },
    {
      key: 'costPerLead',
      header: t('leads.campaigns.costPerLead'),
      render: (c) => (c.leadCount ? formatFen(roundHalfUp(c.cost, c.leadCount)) : '—'),
      align: 'right',
    },
  ];
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed">
          {manage ? '' : t('leads.campaigns.onlyManagers')}
        </Text>
        {manage && (
          <Button leftSection={<IconPlus size={16} />} onClick={openNew} data-testid="add-campaign" {...shortcutTarget('create')}>
            {t('leads.campaigns.add')}
          </Button>
        )}
      </Group>
      <DataTable
        method="leads.listCampaigns"
        countWords="leads.campaigns"
        input={{}}
        columns={columns}
        rowKey={(c) => c.id}
        onExport={async (jobId) => saveExport(await api.exports.campaigns({ format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={960}
        onRowClick={
          manage
            ? (c) => {
                setEditing(c);
                modal.open();
              }
            : undefined
        }
        empty={
          <EmptyState
            icon={<IconSpeakerphone size={30} />}
            title={t('leads.campaigns.emptyTitle')}
            text={t('leads.campaigns.emptyText')}
            action={
              manage && (
                <Button leftSection={<IconPlus size={16} />} onClick={openNew}>
                  {t('leads.campaigns.add')}
                </Button>
              )
            }
          />
        }
      />
      <CampaignModal opened={opened} onClose={modal.close} campaign={editing} />
    </>
  );
}
