import { Alert, Badge, Button, Center, Group, Loader, Paper, Progress, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBarcode } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import { errorMessage, useApiMutation, useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { PrintButton } from '../../print/PrintButton';
import { useCan } from '../auth/current-user';
import { DeliveryInvoiceAction } from '../receivables/DeliveryInvoiceAction';
import { StatusBadge } from './components/StatusBadge';

/** 拣货: scan each item; a product not on the delivery is refused at once, loud, before it goes in the box. */
export function DeliveryPickPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { id = '' } = useParams();
  const query = useApiQuery('deliveries.get', { id });
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const pick = useApiMutation('deliveries.pick', {
    onSuccess: () => setProblem(null),
    onError: (error) => setProblem(errorMessage(error)),
    onSettled: () => {
      setCode('');
      input.current?.focus();
    },
  });
  const post = useApiMutation('deliveries.post', { onSuccess: (d) => notifications.show({ color: 'teal', message: t('sales.deliveries.posted', { cost: formatFen(d.costOfGoods ?? 0) }) }) });
  const cancel = useApiMutation('deliveries.cancel');
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const delivery = query.data;
  const picking = delivery.status === 'picking' && can('deliveries.write');
  const allPicked = delivery.lines.every((l) => l.pickedQuantity >= l.quantity);
  const picked = delivery.lines.reduce((sum, l) => sum + l.pickedQuantity, 0);
  const total = delivery.lines.reduce((sum, l) => sum + l.quantity, 0);
  const postBlocked = delivery.pickingRequired && !allPicked;
  return (
    <>
      <PageHeader
        title={`${t('sales.field.deliveryNo')} ${delivery.deliveryNo}`}
        actions={
          delivery.status === 'posted' ? (
            <>
              <PrintButton kind="delivery_note" reference={delivery.id} />
              <DeliveryInvoiceAction delivery={delivery} />
              {can('returns.write') && (
                <Button variant="light" component={Link} to={`/returns/new?delivery=${delivery.id}`} data-testid="delivery-return">
                  {t('sales.returns.add')}
                </Button>
              )}
            </>
          ) : (
            picking && (
              <>
                <Button variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ id })}>
                  {t('sales.deliveries.cancel')}
                </Button>
                <Tooltip label={t('sales.deliveries.pickFirst')} disabled={!postBlocked}>
                  <Button loading={post.isPending} disabled={postBlocked} onClick={() => post.mutate({ id })} data-testid="delivery-post">
                    {t('sales.deliveries.post')}
                  </Button>
                </Tooltip>
              </>
            )
          )
        }
      />
      <Paper withBorder p="md">
        <Group gap="xl" mb="md">
          <StatusBadge kind="deliveryStatus" status={delivery.status} color={delivery.status === 'posted' ? 'teal' : 'blue'} />
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.orderNo') })}${delivery.orderNo}`}</Text>
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.customer') })}${delivery.customerName}`}</Text>
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.warehouse') })}${delivery.warehouseName}`}</Text>
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.promisedDate') })}${delivery.promisedDate ?? '—'}`}</Text>
          <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.deliveryDate') })}${delivery.deliveryDate}`}</Text>
        </Group>
        <Group gap="sm" mb="md" wrap="nowrap" data-testid="pick-progress">
          <Progress value={total ? (100 * picked) / total : 0} color={allPicked ? 'teal' : 'blue'} size="lg" style={{ flex: 1 }} />
          <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
            {t('sales.deliveries.progress', { picked, total })}
          </Text>
        </Group>
        {picking && (
          <TextInput
            ref={input}
            autoFocus
            size="lg"
            leftSection={<IconBarcode />}
            placeholder={t('sales.deliveries.scan')}
            aria-label={t('sales.deliveries.scan')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && code.trim()) pick.mutate({ id, code: code.trim() });
            }}
            mb="md"
            data-testid="pick-scan"
          />
        )}
        {problem && (
          <Alert color="red" title={t('sales.deliveries.wrong')} mb="md" data-testid="pick-problem">
            {problem}
          </Alert>
        )}
        {picking && !allPicked && delivery.pickingRequired && (
          <Text size="sm" c="dimmed" mb="md">
            {t('sales.deliveries.pickFirst')}
          </Text>
        )}
        {picking && allPicked && (
          <Alert color="teal" mb="md">
            {t('sales.deliveries.pickedAll')}
          </Alert>
        )}
        <Table verticalSpacing="sm" striped data-testid="pick-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sales.field.product')}</Table.Th>
              <Table.Th>{t('sales.field.barcode')}</Table.Th>
              <Table.Th ta="right">{t('sales.field.quantity')}</Table.Th>
              <Table.Th w={220}>{t('sales.field.picked')}</Table.Th>
              {picking && <Table.Th w={130} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {delivery.lines.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>
                  <Text size="sm">{`${l.productCode} ${l.productName}`}</Text>
                  {l.serials.length > 0 && <Text size="xs" c="dimmed">{l.serials.join('、')}</Text>}
                </Table.Td>
                <Table.Td>{l.barcode ?? ''}</Table.Td>
                <Table.Td ta="right">{`${l.quantity} ${l.unit}`}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress value={(100 * l.pickedQuantity) / l.quantity} color={l.pickedQuantity >= l.quantity ? 'teal' : 'blue'} w={120} />
                    <Badge variant="light" color={l.pickedQuantity >= l.quantity ? 'teal' : 'gray'}>{`${l.pickedQuantity}/${l.quantity}`}</Badge>
                  </Group>
                </Table.Td>
                {picking && (
                  <Table.Td>
                    {l.pickedQuantity < l.quantity &&
                      (l.isSerialTracked ? (
                        <Text size="xs" c="dimmed">
                          {t('sales.deliveries.scanSerial')}
                        </Text>
                      ) : (
                        <Tooltip label={t('sales.deliveries.confirmLineHint')}>
                          <Button
                            size="xs"
                            variant="light"
                            loading={pick.isPending && pick.variables?.code === l.productCode}
                            onClick={() => pick.mutate({ id, code: l.productCode, quantity: l.quantity - l.pickedQuantity })}
                            data-testid="pick-confirm"
                          >
                            {t('sales.deliveries.confirmLine')}
                          </Button>
                        </Tooltip>
                      ))}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </>
  );
}
