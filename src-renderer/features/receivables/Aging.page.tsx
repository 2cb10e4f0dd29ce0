import { Box, Button, Center, Group, Loader, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconPrinter, IconScale } from '@tabler/icons-react';
import { BarController, BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { useState } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import { AGING_DEFAULT_SORT, AGING_SORT_FIELDS, type AgingSort } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiQuery } from '../../api/hooks';
import { parseSortParam, sortParam } from '../../api/url-filters';
import { DateField } from '../../components/DateField';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { businessToday } from '../../format';
import { AgingTable } from './AgingTable';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Green while not due, darkening to red the longer it is overdue. */
const BUCKET_COLORS = ['#40c057', '#fab005', '#fd7e14', '#f76707', '#e03131', '#a61e4d'];

/**
 * 应收账龄 as of any day: totals per age with a chart, then per customer, the biggest debtors first
 * or as a header sorts them (the sort in the URL, `?s=over_180.desc`); a customer opens its unpaid invoices.
 */
export function AgingPage() {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<string>(businessToday());
  const [params, setParams] = useSearchParams();
  const sort = parseSortParam(params.get('s'), AGING_SORT_FIELDS, AGING_DEFAULT_SORT);
  const setSort = (next: AgingSort) =>
    setParams(
      (current) => {
        const url = new URLSearchParams(current);
        const value = sortParam(next, AGING_DEFAULT_SORT);
        if (value) url.set('s', value);
        else url.delete('s');
        return url;
      },
      { replace: true },
    );
  // Re-sorting the same day keeps the figures and the table in place until the new order comes.
  const query = useApiQuery('receivables.aging', { asOf, sort }, { placeholderData: (previous) => (previous?.as_of === asOf ? previous : undefined) });
  const report = query.data;
  const bucketLabel = (name: string) => t(`receivables.aging.bucket.${name}`);
  let body;
  if (query.isError) body = <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  else if (!report)
    body = (
      <Center py="xl">
        <Loader />
      </Center>
    );
  else if (report.rows.length === 0) body = <Text c="dimmed" py="lg" ta="center">{t('receivables.aging.empty')}</Text>;
  else {
    const data: ChartData<'bar'> = {
      labels: report.buckets.map(bucketLabel),
      datasets: [{ label: t('receivables.aging.chartTitle'), data: report.buckets.map((b) => (report.totals.by_bucket[b] ?? 0) / 100), backgroundColor: BUCKET_COLORS }],
    };
    const options: ChartOptions<'bar'> = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // One series whose bars the axis already names and colours: a legend would only repeat the title.
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => formatFen(Math.round(Number(item.raw) * 100)) } } },
      scales: { y: { ticks: { callback: (v) => Number(v).toLocaleString() } } },
    };
    body = (
      <>
        <SimpleGrid cols={{ base: 3, lg: 7 }} spacing="xs" mb="md" data-testid="aging-totals">
          <Paper withBorder p="xs">
            <Text size="xs" c="dimmed">{t('receivables.aging.total')}</Text>
            <Text fw={700} style={{ whiteSpace: 'nowrap' }}>{formatFen(report.totals.total)}</Text>
            <Text size="xs" c="dimmed">{t('receivables.aging.customers', { count: report.rows.length })}</Text>
          </Paper>
          {report.buckets.map((b, i) => (
            <Paper withBorder p="xs" key={b} style={{ borderTop: `3px solid ${BUCKET_COLORS[i]}` }}>
              <Text size="xs" c="dimmed">{bucketLabel(b)}</Text>
              <Text fw={700} style={{ whiteSpace: 'nowrap' }}>{formatFen(report.totals.by_bucket[b] ?? 0)}</Text>
            </Paper>
          ))}
        </SimpleGrid>
        <Text size="sm" fw={600} mb={4}>{t('receivables.aging.chartTitle')}</Text>
        <Box h={220} mb="md" data-testid="aging-chart">
          <Chart type="bar" data={data} options={options} />
        </Box>
        <Text size="xs" c="dimmed" mb={4} className="no-print">{t('receivables.aging.drill')}</Text>
        <AgingTable report={report} sort={sort} onSort={setSort} bucketLabel={bucketLabel} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('receivables.aging.title')}
        actions={
          <Group gap="xs" className="no-print">
            <Button component={Link} to="/receivables/reconciliation" variant="default" leftSection={<IconScale size={16} />}>
              {t('receivables.reconciliation.title')}
            </Button>
            <DateField aria-label={t('receivables.aging.asOf')} value={asOf} onChange={(v) => v && setAsOf(v as string)} clearable={false} w={150} />
            <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
              {t('receivables.aging.print')}
            </Button>
          </Group>
        }
      />
      <Paper withBorder p="md">{body}</Paper>
    </>
  );
}
