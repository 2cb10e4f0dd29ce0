import { Badge, Button, Grid, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { formatTimestamp } from '../../format';
import { useCan } from '../auth/current-user';
import { CloseMonthModal, ReopenMonthModal } from './PeriodModals';

/** 结账: the recent months open or closed (by whom, when), closing one, reopening the latest closed, and the log of both. */
export function PeriodsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const status = useApiQuery('vouchers.periods', {});
  const [closing, setClosing] = useState<string | null>(null);
  const [reopening, setReopening] = useState<string | null>(null);
  if (status.isError) return <LoadFailed error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data) return null;
  const { months, events, firstOpen, closedThrough } = status.data;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed" mb="sm" data-testid="first-open">
            {firstOpen ? t('vouchers.periods.firstOpen', { period: firstOpen }) : t('vouchers.periods.allOpen')}
          </Text>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table striped verticalSpacing="xs" data-testid="period-months">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vouchers.periods.month')}</Table.Th>
                  <Table.Th>{t('vouchers.periods.status')}</Table.Th>
                  <Table.Th>{t('vouchers.periods.closedBy')}</Table.Th>
                  <Table.Th>{t('vouchers.periods.closedAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {months.map((m) => (
                  <Table.Tr key={m.period} data-testid={`period-${m.period}`}>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{m.period}</Table.Td>
                    <Table.Td>
                      {m.closed ? (
                        <Badge color="gray" variant="light" leftSection={<IconLock size={12} />}>{t('vouchers.periods.closed')}</Badge>
                      ) : (
                        <Badge color="teal" variant="light">{t('vouchers.periods.open')}</Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{m.closedBy ?? ''}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.closedAt ? formatTimestamp(m.closedAt) : ''}</Table.Td>
                    <Table.Td ta="right">
                      {!m.closed && can('vouchers.closePeriod') && (
                        <Button size="xs" variant="light" leftSection={<IconLock size={14} />} onClick={() => setClosing(m.period)} data-testid={`close-${m.period}`}>
                          {t('vouchers.periods.close')}
                        </Button>
                      )}
                      {m.period === closedThrough &&
                        (can('vouchers.reopenPeriod') ? (
                          <Button size="xs" variant="subtle" color="orange" leftSection={<IconLockOpen size={14} />} onClick={() => setReopening(m.period)} data-testid={`reopen-${m.period}`}>
                            {t('vouchers.periods.reopen')}
                          </Button>
                        ) : (
                          <Text size="xs" c="dimmed">{t('vouchers.periods.onlyOwner')}</Text>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">{t('vouchers.periods.eventsTitle')}</Title>
          {events.length === 0 ? (
            <Text size="sm" c="dimmed">{t('vouchers.periods.emptyEvents')}</Text>
          ) : (
            <Stack gap="xs" data-testid="period-events">
              {events.slice(0, 20).map((e) => (
                <div key={e.id}>
                  <Text size="sm">{e.action === 'close' ? t('vouchers.periods.eventClose', { period: e.period }) : t('vouchers.periods.eventReopen', { period: e.period, reason: e.reason ?? '' })}</Text>
                  <Text size="xs" c="dimmed">{`${e.username ?? '—'} · ${formatTimestamp(e.at)}`}</Text>
                </div>
              ))}
            </Stack>
          )}
        </Paper>
      </Grid.Col>
      <CloseMonthModal period={closing} onClose={() => setClosing(null)} />
      <ReopenMonthModal period={reopening} onClose={() => setReopening(null)} />
    </Grid>
  );
}
