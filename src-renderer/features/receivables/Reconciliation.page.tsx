import { Anchor, Button, Center, Group, Loader, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Reconciliation } from '../../../src-main/domain/receivables/receivables.dto';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { exportLanguage, saveExport } from '../../components/download';
import { ExportButton } from '../../components/ExportButton';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { businessToday } from '../../format';
import { useCan } from '../auth/current-user';
import { MatchingPanel } from './MatchingPanel';
import { ReconciliationLedger } from './ReconciliationLedger';
import { reconciliationFrom } from './reconciliation-period';

function Figure({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {formatFen(value)}
      </Text>
    </Paper>
  );
}

/** /receivables/reconciliation?customer=…&from=…&to=…&project=… (or ?code= from the aging): 对账. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const today = businessToday();
  const customerId = params.get('customer');
  const customerCode = params.get('code');
  const from = params.get('from') ?? reconciliationFrom(today);
  const to = params.get('to') ?? today;
  const project = params.get('project');
  const chosen = customerId !== null || customerCode !== null;
  const query = useApiQuery(
    'receivables.reconciliation',
    { ...(customerId ? { customerId } : { customerCode: customerCode ?? '' }), from, to, project },
    { enabled: chosen && from <= to },
  );
  const report = query.data;

  function change(next: Record<string, string | null>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null) merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged, { replace: true });
  }

  let body;
  if (!chosen) body = <EmptyState title={t('receivables.reconciliation.pickCustomer')} text={t('receivables.reconciliation.pickHint')} />;
  else if (query.isError) body = <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  else if (!report)
    body = (
      <Center py="xl">
        <Loader />
      </Center>
    );
  else body = <ReconciliationBody report={report} writable={can('receivables.write')} />;

  return (
    <>
      <PageHeader
        title={t('receivables.reconciliation.title')}
        actions={
          <Button component={Link} to="/receivables" variant="default" leftSection={<IconChartBar size={16} />}>
            {t('receivables.reconciliation.agingLink')}
          </Button>
        }
      />
      <Group gap="xs" mb="md" align="flex-end" wrap="wrap">
        <CustomerPicker
          label={t('receivables.reconciliation.customer')}
          placeholder={t('receivables.reconciliation.pickHint')}
          value={report?.customerId ?? customerId}
          valueLabel={report ? `${report.customerName} · ${report.customerCode}` : undefined}
          key={report?.customerId ?? 'none'}
          onChange={(id) => change({ customer: id, code: null, project: null })}
          w={300}
          data-testid="reconciliation-customer"
        />
        {report && report.projects.length > 0 && (
          <Select
            label={t('receivables.reconciliation.project')}
            data={[{ value: '', label: t('receivables.reconciliation.allProjects') }, ...report.projects.map((p) => ({ value: p, label: p }))]}
            value={project ?? ''}
            onChange={(v) => change({ project: v ? v : null })}
            allowDeselect={false}
            w={180}
          />
        )}
        <DateField label={t('receivables.reconciliation.from')} value={from} onChange={(v) => v && change({ from: v as string })} clearable={false} w={140} />
        <DateField label={t('receivables.reconciliation.to')} value={to} onChange={(v) => v && change({ to: v as string })} clearable={false} w={140} />
        {report && (
          <Anchor component={Link} to={`/customers/${report.customerId}`} size="sm" mb={8}>
            {t('receivables.reconciliation.customerView')}
          </Anchor>
        )}
      </Group>
      {body}
    </>
  );
}

function ReconciliationBody({ report, writable }: { report: Reconciliation; writable: boolean }) {
  const { t } = useTranslation();
  const increase = report.entries.reduce((sum, e) => sum + Math.max(e.change, 0), 0);
  const decrease = report.entries.reduce((sum, e) => sum + Math.min(e.change, 0), 0);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
        <Figure label={t('receivables.reconciliation.opening')} value={report.openingBalance} testId="opening-balance-figure" />
        <Figure label={t('receivables.reconciliation.increase')} value={increase} testId="increase-figure" />
        <Figure label={t('receivables.reconciliation.decrease')} value={-decrease} testId="decrease-figure" />
        <Figure label={t('receivables.reconciliation.closing')} value={report.closingBalance} testId="closing-balance-figure" />
      </SimpleGrid>
      <MatchingPanel unmatched={report.unmatched} openInvoices={report.openInvoices} writable={writable} />
      <Paper withBorder p="sm">
        <Group justify="space-between" mb={6}>
          <Text fw={600}>{t('receivables.reconciliation.ledgerTitle', { from: report.from, to: report.to })}</Text>
          <ExportButton
            onExport={async (jobId) =>
              saveExport(await api.exports.reconciliation({ customerId: report.customerId, from: report.from, to: report.to, project: report.project, format: 'xlsx', language: exportLanguage(), jobId }))
            }
          />
        </Group>
        <ReconciliationLedger report={report} writable={writable} />
      </Paper>
    </Stack>
  );
}
