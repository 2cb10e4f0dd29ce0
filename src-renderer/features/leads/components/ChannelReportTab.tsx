import { Badge, Button, Card, Center, Group, Loader, SegmentedControl, Table, Text } from '@mantine/core';
import { IconChartBar, IconFileSpreadsheet } from '@tabler/icons-react';
import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ChannelReportRow } from '../../../../src-main/domain/leads/leads.contract';
import { toCsv } from '../../../../src-main/domain/shared/csv';
import { download } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { DateField } from '../../../components/DateField';
import { useChannelReport } from '../leads.queries';
import { formatBasisPoints, formatFen } from '../../../../src-main/domain/core/money';
import { businessToday, formatFenCompact } from '../../../format';

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

type Preset = 'month' | 'quarter' | 'year' | 'last12';
const PRESETS: Preset[] = ['month', 'quarter', 'year', 'last12'];

function rangeOf(preset: Preset): { from: string; to: string } {
  const today = dayjs(businessToday());
  const to = today.format('YYYY-MM-DD');
  switch (preset) {
    case 'month':
      return { from: today.startOf('month').format('YYYY-MM-DD'), to };
    case 'quarter':
      return { from: today.month(Math.floor(today.month() / 3) * 3).startOf('month').format('YYYY-MM-DD'), to };
    case 'year':
      return { from: today.startOf('year').format('YYYY-MM-DD'), to };
    case 'last12':
      return { from: today.subtract(12, 'month').add(1, 'day').format('YYYY-MM-DD'), to };
  }
}

function RoiBadge({ roi }: { roi: number | null }) {
  if (roi === null) return <Text size="sm">—</Text>;
  return (
    <Badge variant="light" color={roi >= 0 ? 'teal' : 'red'}>
      {formatBasisPoints(roi)}
    </Badge>
  );
}

/** 渠道分析: per acquisition channel, what it cost, whom it brought and what they bought (channel ROI). */
export function ChannelReportTab() {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<Preset | null>('last12');
  const [range, setRange] = useState(rangeOf('last12'));
  const report = useChannelReport(range);
  const channelName = (row: ChannelReportRow) => row.channel ?? t('leads.channels.noChannel');

  const header = [
    t('leads.channels.channel'),
    t('leads.channels.leads'),
    t('leads.channels.converted'),
    t('leads.channels.conversionRate'),
    t('leads.channels.campaigns'),
    t('leads.channels.cost'),
    t('leads.channels.costPerConverted'),
    t('leads.channels.revenue'),
    t('leads.channels.roi'),
    t('leads.channels.wonDealValue'),
    t('leads.channels.wonDealRoi'),
  ];
  const cells = (row: ChannelReportRow, name: string) => [
    name,
    row.leads,
    row.converted,
    formatBasisPoints(row.conversionRate),
    row.campaigns,
    formatFen(row.cost),
    row.costPerConverted === null ? '—' : formatFen(row.costPerConverted),
    formatFen(row.revenue),
    formatBasisPoints(row.roi),
    `${formatFen(row.wonDealValue)} (${row.wonDeals})`,
    formatBasisPoints(row.wonDealRoi),
  ];

  function exportExcel() {
    if (!report.data) return;
    const { rows, totals } = report.data;
    const money = (fen: number | null) => (fen === null ? null : fen / 100);
    const percent = (bp: number | null) => (bp === null ? null : bp / 100);
    const line = (r: ChannelReportRow, name: string) => [name, r.leads, r.converted, percent(r.conversionRate), r.campaigns, money(r.cost), money(r.costPerConverted), money(r.revenue), percent(r.roi), money(r.wonDealValue), percent(r.wonDealRoi)];
    download(`${t('leads.channels.exportName')}-${range.from}-${range.to}.csv`, toCsv(header, [...rows.map((r) => line(r, channelName(r))), line(totals, t('leads.channels.total'))]));
  }

  const toolbar = (
    <Group justify="space-between" mb="md" align="flex-end">
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          value={preset ?? ''}
          onChange={(value) => {
            setPreset(value as Preset);
            setRange(rangeOf(value as Preset));
          }}
          data={PRESETS.map((p) => ({ value: p, label: t(`leads.channels.presets.${p}`) }))}
        />
        <DateField
          w={140}
          label={t('leads.channels.from')}
          clearable={false}
          value={range.from}
          onChange={(value) => {
            if (!value) return;
            setPreset(null);
            setRange((r) => ({ ...r, from: String(value) }));
          }}
        />
        <DateField
          w={140}
          label={t('leads.channels.to')}
          clearable={false}
          value={range.to}
          onChange={(value) => {
            if (!value) return;
            setPreset(null);
            setRange((r) => ({ ...r, to: String(value) }));
          }}
        />
      </Group>
      <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={exportExcel} disabled={!report.data?.rows.length} data-testid="export-channels">
        {t('common.exportExcel')}
      </Button>
    </Group>
  );

  if (report.isError) {
    return (
      <>
        {toolbar}
        <LoadFailed error={report.error} onRetry={() => void report.refetch()} />
      </>
    );
  }
  if (!report.data) {
    return (
      <>
        {toolbar}
        <Center py="xl">
          <Loader />
        </Center>
      </>
    );
  }
  const { rows, totals } = report.data;
  const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
  const chartData: ChartData<'bar' | 'line', (number | null)[], string> = {
    labels: rows.map(channelName),
    datasets: [
      { type: 'bar', label: t('leads.channels.cost'), data: rows.map((r) => yuan(r.cost)), backgroundColor: '#fa5252b3', yAxisID: 'money', order: 2 },
      { type: 'bar', label: t('leads.channels.costPerConverted'), data: rows.map((r) => yuan(r.costPerConverted)), backgroundColor: '#fd7e14b3', yAxisID: 'money', order: 2 },
      { type: 'bar', label: t('leads.channels.revenue'), data: rows.map((r) => yuan(r.revenue)), backgroundColor: '#12b886b3', yAxisID: 'money', order: 2 },
      { type: 'bar', label: t('leads.channels.wonDealValue'), data: rows.map((r) => yuan(r.wonDealValue)), backgroundColor: '#228be6b3', yAxisID: 'money', order: 2 },
      { type: 'line', label: t('leads.channels.converted'), data: rows.map((r) => r.converted), borderColor: '#4c6ef5', backgroundColor: '#4c6ef5', yAxisID: 'count', order: 1, showLine: false, pointRadius: 6, pointHoverRadius: 8 },
    ],
  };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom' },
      tooltip: {
        callbacks: {
          label: (item) => (item.dataset.yAxisID === 'count' ? `${item.dataset.label}: ${item.formattedValue}` : `${item.dataset.label}: ${formatFen(Math.round(Number(item.raw) * 100))}`),
        },
      },
    },
    scales: {
      money: { type: 'linear', position: 'left', beginAtZero: true, title: { display: true, text: t('leads.channels.chartMoney') }, ticks: { callback: (v) => formatFenCompact(Number(v) * 100) } },
      count: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: t('leads.channels.chartCount') }, ticks: { precision: 0 } },
    },
  };

  return (
    <>
      {toolbar}
      {rows.length === 0 ? (
        <EmptyState icon={<IconChartBar size={30} />} title={t('leads.channels.emptyTitle')} text={t('leads.channels.emptyText')} />
      ) : (
        <>
          <Card withBorder radius="md" mb="md" h={340} data-testid="channel-chart">
            <Chart type="bar" data={chartData} options={options} />
          </Card>
          <Table.ScrollContainer minWidth={1100}>
            <Table striped highlightOnHover data-testid="channel-table">
              <Table.Thead>
                <Table.Tr>
                  {header.map((h, i) => (
                    <Table.Th key={h} ta={i === 0 ? 'left' : 'right'}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...rows.map((r) => ({ row: r, name: channelName(r), total: false })), { row: totals, name: t('leads.channels.total'), total: true }].map(({ row, name, total }) => (
                  <Table.Tr key={total ? '__total' : name} fw={total ? 700 : undefined} data-testid={total ? 'channel-total' : 'channel-row'}>
                    {cells(row, name).map((cell, i) =>
                      i === 8 || i === 10 ? (
                        <Table.Td key={i} ta="right">
                          <RoiBadge roi={i === 8 ? row.roi : row.wonDealRoi} />
                        </Table.Td>
                      ) : (
                        <Table.Td key={i} ta={i === 0 ? 'left' : 'right'}>
                          {cell}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('leads.channels.note')}
      </Text>
    </>
  );
}
