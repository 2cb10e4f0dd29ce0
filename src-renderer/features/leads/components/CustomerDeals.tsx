import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { OpportunityCard } from '../../../../src-main/domain/leads/leads.dto';
import { api } from '../../../api/client';
import { DataTable, type Column } from '../../../components/DataTable';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { useCan } from '../../auth/current-user';
import { businessToday } from '../../../format';
import { useLead } from '../leads.queries';
import { LeadDrawer } from './LeadDrawer';
import { STAGE_COLORS } from './LeadStatusBadge';
import { OpportunityModal } from './OpportunityModal';

const isOpen = (deal: OpportunityCard) => deal.stage !== 'won' && deal.stage !== 'lost';

/** Where a converted customer came from: its lead (opens in place), that lead's channel and campaign. */
function CustomerOrigin({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const lead = useLead(leadId);
  const [open, setOpen] = useState(false);
  if (!lead.data) return null;
  const l = lead.data;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="customer-origin">
      <Text size="xs" c="dimmed" fw={500}>
        {t('leads.customer.origin')}
      </Text>
      <Group gap="md" mt={4} wrap="wrap">
        <Anchor component="button" type="button" size="sm" onClick={() => setOpen(true)} data-testid="origin-lead">
          {t('leads.customer.fromLead', { code: l.code })}
        </Anchor>
        {l.source && <Text size="sm">{t('leads.customer.channel', { channel: l.source })}</Text>}
        {l.campaignName && <Text size="sm">{t('leads.customer.campaign', { name: l.campaignName })}</Text>}
      </Group>
      <LeadDrawer leadId={open ? leadId : null} onClose={() => setOpen(false)} />
    </Paper>
  );
}

/** The customer's deals on its 360° view (stage, amount, expected close); a row opens the deal. */
export function CustomerDeals({ customerId, customerName, leadId }: { customerId: string; customerName: string; leadId: string | null }) {
  const { t } = useTranslation();
  const mayWrite = useCan()('leads.write');
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const today = businessToday();
  const columns: Column<OpportunityCard>[] = [
    { key: 'title', header: t('leads.opportunity.title'), render: (d) => d.title },
    {
      key: 'stage',
      header: t('leads.opportunity.stage'),
      render: (d) => (
        <Badge variant="light" color={STAGE_COLORS[d.stage]} style={{ whiteSpace: 'nowrap' }}>
          {t(`leads.stage.${d.stage}`)}
        </Badge>
      ),
    },
    { key: 'amount', header: t('leads.opportunity.expectedAmount'), render: (d) => formatFen(d.expectedAmount), align: 'right', nowrap: true },
    {
      key: 'close',
      header: t('leads.opportunity.expectedCloseDate'),
      nowrap: true,
      render: (d) =>
        d.expectedCloseDate && isOpen(d) && d.expectedCloseDate < today ? (
          <Text span size="sm" c="red" title={t('leads.customer.overdue')}>
            {d.expectedCloseDate}
          </Text>
        ) : (
          (d.expectedCloseDate ?? '')
        ),
    },
    { key: 'owner', header: t('leads.opportunity.owner'), render: (d) => d.ownerName ?? '', nowrap: true },
  ];
  return (
    <Stack gap="md" data-testid="customer-deals">
      {leadId && <CustomerOrigin leadId={leadId} />}
      <DataTable
        method="leads.listOpportunities"
        countWords="leads.opportunity"
        input={{ filters: { customerId } }}
        columns={columns}
        rowKey={(d) => d.id}
        onRowClick={(d) => setOpenId(d.id)}
        tableId="customer-deals"
        onExport={async (jobId) => saveExport(await api.exports.opportunities({ filters: { customerId }, format: 'xlsx', language: exportLanguage(), jobId }))}
        empty={
          <EmptyState
            title={t('leads.customer.dealsEmptyTitle')}
            text={t('leads.customer.dealsEmptyText')}
            action={
              mayWrite && (
                <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="customer-add-deal">
                  {t('leads.board.add')}
                </Button>
              )
            }
          />
        }
      />
      <OpportunityModal opened={openId !== null} onClose={() => setOpenId(null)} opportunityId={openId} />
      <OpportunityModal opened={creating} onClose={() => setCreating(false)} customer={{ id: customerId, name: customerName }} />
    </Stack>
  );
}
