import { Alert, Anchor, Center, Grid, Group, Loader, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatBasisPoints, formatFen } from '../../../src-main/domain/core/money';
import type { ApprovalReason, Order } from '../../../src-main/domain/orders/orders.dto';
import { reasonParams } from '../../../src-main/domain/orders/orders.reasons';
import { useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../format';
import { OrderActions } from './components/OrderActions';
import { OrderEditor } from './components/OrderEditor';
import { OrderStatusBadge } from './components/StatusBadge';

/** A reason an order waits for a manager, in words; money in yuan, discounts in percent. */
export function useReasonText() {
  const { t } = useTranslation();
  return (reason: ApprovalReason) => {
    return t(`sales.reason.${reason.code}`, reasonParams(reason));
  };
}

/** Statuses in which what is neither delivered nor reserved waits for stock (a back-order). */
const OPEN = new Set(['confirmed', 'partly_delivered']);

function Lines({ order }: { order: Order }) {
  const { t } = useTranslation();
  const money = (fen: number) => formatFen(fen, order.currency);
  const backordered = (l: Order['lines'][number]) => (OPEN.has(order.status) && l.isStocked ? Math.max(0, l.quantity - l.deliveredQuantity - l.reservedQuantity) : 0);
  // The column only when a line has its own date (a later date chosen for a short line).
  const dated = order.lines.some((l) => l.promisedDate);
  return (
    <Table.ScrollContainer minWidth={dated ? 800 : 700}>
      <Table verticalSpacing="xs" striped data-testid="order-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('sales.field.product')}</Table.Th>
            <Table.Th ta="right">{t('sales.field.quantity')}</Table.Th>
            <Table.Th ta="right">{t('sales.field.reserved')}</Table.Th>
            <Table.Th ta="right">{t('sales.field.delivered')}</Table.Th>
            <Table.Th ta="right">{t('sales.field.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('sales.field.discount')}</Table.Th>
            <Table.Th ta="right">{t('sales.field.amount')}</Table.Th>
            {dated && <Table.Th>{t('sales.field.promisedDate')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Td>{l.lineNo}</Table.Td>
              <Table.Td>
                <Text size="sm">{`${l.productCode} ${l.productName}`}</Text>
                {l.spec && (
                  <Text size="xs" c="dimmed">
                    {l.spec}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{`${l.quantity / l.unitFactor} ${l.unit}`}</Table.Td>
              <Table.Td ta="right">
                {l.reservedQuantity}
                {backordered(l) > 0 && (
                  <Text size="xs" c="orange" style={{ whiteSpace: 'nowrap' }} data-testid="line-backordered">
                    {t('sales.order.backordered', { count: backordered(l) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{l.deliveredQuantity}</Table.Td>
              <Table.Td ta="right">{money(l.unitPrice)}</Table.Td>
              <Table.Td ta="right">{l.discountBp ? formatBasisPoints(l.discountBp) : ''}</Table.Td>
              <Table.Td ta="right">{money(l.gross)}</Table.Td>
              {dated && <Table.Td>{l.promisedDate ?? ''}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One order: lines with what is reserved and delivered, why it waits, its timeline, approvals and deliveries; a draft can be changed here. */
export function OrderViewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useApiQuery('orders.get', { id });
  const reasonText = useReasonText();
  const [editing, setEditing] = useState(false);
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const order = query.data;
  // Only a draft's content changes: the server refuses the rest.
  if (editing && order.status === 'draft')
    return <OrderEditor order={order} onSaved={() => setEditing(false)} onDiscard={() => setEditing(false)} />;
  return (
    <>
      <PageHeader title={`${t('sales.field.order')} ${order.orderNo ?? t('sales.orderStatus.draft')}`} actions={<OrderActions order={order} onEdit={() => setEditing(true)} />} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Paper withBorder p="md">
              <Group gap="xl" mb="md">
                <OrderStatusBadge status={order.status} />
                <Text size="sm">
                  {t('common.labelColon', { label: t('sales.field.customer') })}<Anchor component={Link} to={`/customers/${order.customerId}`}>{order.customerName}</Anchor>
                </Text>
                <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.orderDate') })}${order.orderDate}`}</Text>
                <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.warehouse') })}${order.warehouseName}`}</Text>
                <Text size="sm" fw={600}>{`${t('common.labelColon', { label: t('sales.field.total') })}${formatFen(order.totalGross, order.currency)}`}</Text>
              </Group>
              {order.status === 'pending_approval' && order.creditCheck && (
                <Alert color="orange" title={t('sales.order.waitingReasons')} mb="md">
                  {order.creditCheck.reasons.map((r) => (
                    <Text key={r.code} size="sm">
                      {reasonText(r)}
                    </Text>
                  ))}
                  {order.decidedByRule && <Text size="xs" c="dimmed">{`${t('common.labelColon', { label: t('sales.field.decidedByRule') })}${order.decidedByRule}`}</Text>}
                </Alert>
              )}
              <Lines order={order} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={4} mb="sm">
                {t('sales.order.deliveries')}
              </Title>
              {order.deliveries.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('sales.order.noDeliveries')}
                </Text>
              ) : (
                order.deliveries.map((d) => (
                  <Group key={d.id} gap="md">
                    <Anchor component={Link} to={`/deliveries/${d.id}`}>
                      {d.number}
                    </Anchor>
                    <Text size="sm">{d.date}</Text>
                    <Text size="sm">{t(`sales.deliveryStatus.${d.status}`)}</Text>
                  </Group>
                ))
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('sales.order.timeline')}
            </Title>
            <Timeline active={order.events.length - 1} bulletSize={14} lineWidth={2}>
              {order.events.map((e) => (
                <Timeline.Item key={e.id} title={t(`sales.orderStatus.${e.toStatus}`)}>
                  <Text size="xs" c="dimmed">{`${formatTimestamp(e.at)} ${e.userName ?? ''}`}</Text>
                  {e.comment && <Text size="sm">{e.comment}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
            {order.approvals.length > 0 && (
              <>
                <Title order={5} mt="md" mb="xs">
                  {t('sales.order.approvals')}
                </Title>
                {order.approvals.map((a) => (
                  <Text key={a.id} size="sm">
                    {`${a.decision ? t(`sales.order.${a.decision}`) : t('sales.orderStatus.pending_approval')} ${a.decidedByName ?? ''} ${a.comment ?? ''}`}
                  </Text>
                ))}
              </>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
