import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { LEAD_STATUSES, type LEAD_SORT_FIELDS, type LeadListFilters, type LeadRow, type LeadStatus } from '../../../../src-main/domain/leads/leads.contract';
import { api } from '../../../api/client';
import { parseFilterParam } from '../../../api/url-filters';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { UNASSIGNED, UserPicker } from '../../../components/UserPicker';
import { formatTimestamp } from '../../../format';
import { useCan } from '../../auth/current-user';
import { useCampaignOptions, useChannels } from '../leads.queries';
import { LeadDrawer } from './LeadDrawer';
import { useUrlRequest } from './use-url-request';
import { LeadFormModal } from './LeadFormModal';
import { LeadStatusBadge } from './LeadStatusBadge';
import { shortcutTarget } from '../../../components/shortcut-targets';

type LeadSortField = (typeof LEAD_SORT_FIELDS)[number];

export function LeadsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  // A workbench figure opens the list with its filters in the URL; after that the pickers own them.
  const [params] = useSearchParams();
  const [linked] = useState(() => parseFilterParam<LeadListFilters>(params.get('f')));
  const [status, setStatus] = useState<LeadStatus | null>(linked.status?.[0] ?? null);
  const [source, setSource] = useState<string | null>(linked.source ?? null);
  const [campaignId, setCampaignId] = useState<string | null>(linked.campaignId ?? null);
  const [owner, setOwner] = useState<string | null>(linked.ownerUserId === null ? UNASSIGNED : (linked.ownerUserId ?? null));
  const [openLeadId, setOpenLeadId] = useState<string | null>(null);
  const [createOpened, createModal] = useDisclosure();
  useUrlRequest({ open: setOpenLeadId, create: createModal.open });
  const channels = useChannels();
  const campaigns = useCampaignOptions();

  const filters = {
    ...(status ? { status: [status] } : {}),
    ...(source ? { source } : {}),
    ...(campaignId ? { campaignId } : {}),
    ...(owner ? { ownerUserId: owner === UNASSIGNED ? null : owner } : {}),
  };
  const filtered = Object.keys(filters).length > 0 || !!debouncedQ;
  const clear = () => {
    setQ('');
    setStatus(null);
    setSource(null);
    setCampaignId(null);
    setOwner(null);
  };

  const columns: Column<LeadRow, LeadSortField>[] = [
    { key: 'code', header: t('leads.field.code'), render: (l) => l.code, nowrap: true, sortField: 'code' },
    {
      key: 'name',
      header: t('leads.field.name'),
      sortField: 'name',
      render: (l) => (
        <Stack gap={0}>
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
            {l.name}
          </Text>
          {l.title && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {l.title}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: 'company', header: t('leads.field.company'), render: (l) => l.company ?? '' },
    { key: 'mobile', header: t('leads.field.mobile'), render: (l) => l.mobile ?? '', nowrap: true },
    { key: 'source', header: t('leads.field.source'), render: (l) => l.source ?? '', nowrap: true },
    { key: 'campaign', header: t('leads.field.campaign'), render: (l) => l.campaignName ?? '' },
    { key: 'status', header: t('leads.field.status'), render: (l) => <LeadStatusBadge status={l.status} />, sortField: 'status' },
    { key: 'owner', header: t('leads.field.owner'), render: (l) => l.ownerName ?? <Text span size="sm" c="dimmed">{t('leads.list.unassigned')}</Text>, nowrap: true },
    { key: 'lastContactedAt', header: t('leads.field.lastContactedAt'), render: (l) => (l.lastContactedAt ? formatTimestamp(l.lastContactedAt) : <Text span size="sm" c="dimmed">—</Text>), nowrap: true },
    { key: 'createdAt', header: t('leads.field.createdAt'), render: (l) => formatTimestamp(l.createdAt), nowrap: true, sortField: 'createdAt' },
  ];

  return (
    <>
      <Group justify="space-between" mb="sm" align="flex-start" wrap="nowrap">
        <Group gap="xs" align="flex-end">
          <TextInput w={240} leftSection={<IconSearch size={16} />} placeholder={t('leads.list.searchPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} data-testid="lead-search" {...shortcutTarget('search')} />
          <Select w={130} placeholder={t('leads.list.anyStatus')} clearable data={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leads.status.${s}`) }))} value={status} onChange={(v) => setStatus(v as LeadStatus | null)} aria-label={t('leads.field.status')} />
          <Select w={140} placeholder={t('leads.list.anySource')} clearable searchable data={channels.data ?? []} value={source} onChange={setSource} aria-label={t('leads.field.source')} />
          <Select
            w={180}
            placeholder={t('leads.list.anyCampaign')}
            clearable
            searchable
            data={(campaigns.data?.rows ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={campaignId}
            onChange={setCampaignId}
            aria-label={t('leads.field.campaign')}
          />
          <UserPicker
            w={130}
            placeholder={t('leads.list.anyOwner')}
            unassignedLabel={t('leads.list.unassigned')}
            value={owner}
            onChange={setOwner}
            aria-label={t('leads.field.owner')}
          />
        </Group>
        {can('leads.write') && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open} data-testid="add-lead" {...shortcutTarget('create')} style={{ flexShrink: 0 }}>
            {t('leads.list.add')}
          </Button>
        )}
      </Group>
      <DataTable
        method="leads.list"
        countWords="leads.list"
        input={{ q: debouncedQ || undefined, filters }}
        defaultSort={{ field: 'createdAt', dir: 'desc' }}
        columns={columns}
        rowKey={(l) => l.id}
        onExport={async (jobId) => saveExport(await api.exports.leads({ q: debouncedQ || undefined, filters, format: 'xlsx', language: exportLanguage(), jobId }))}
        minWidth={1180}
        onRowClick={(l) => setOpenLeadId(l.id)}
        empty={
          filtered ? (
            <EmptyState
              title={t('leads.list.emptyFilteredTitle')}
              text={t('leads.list.emptyFilteredText')}
              action={
                <Button variant="default" onClick={clear}>
                  {t('leads.list.clearFilters')}
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconUserSearch size={30} />}
              title={t('leads.list.emptyTitle')}
              text={t('leads.list.emptyText')}
              action={
                can('leads.write') && (
                  <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
                    {t('leads.list.add')}
                  </Button>
                )
              }
            />
          )
        }
      />
      <LeadFormModal opened={createOpened} onClose={createModal.close} onSaved={(lead) => setOpenLeadId(lead.id)} />
      <LeadDrawer leadId={openLeadId} onClose={() => setOpenLeadId(null)} />
    </>
  );
}
