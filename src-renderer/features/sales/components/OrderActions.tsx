import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiCallError, api } from '../../../api/client';
import { notifyError, useApiMutation } from '../../../api/hooks';
import type { Order, StockCheck } from '../../../../src-main/domain/orders/orders.dto';
import type { ShortageInput } from '../../../../src-main/domain/orders/orders.contract';
import { PrintButton } from '../../../print/PrintButton';
import { useCan } from '../../auth/current-user';
import { WriteButton } from '../../receivables/InvoiceHeaderFields';
import { OrderInvoiceModal } from '../../receivables/OrderInvoiceModal';
import { ReasonModal } from './ReasonModal';
import { ShortageModal } from './ShortageModal';

/** What can be done with the order in its status, by this user: change or submit a draft, approve or reject, cancel, deliver. */
export function OrderActions({ order, onEdit }: { order: Order; onEdit?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [rejectOpened, reject] = useDisclosure();
  const [cancelOpened, cancel] = useDisclosure();
  const [invoiceOpened, invoice] = useDisclosure();
  const [shortage, setShortage] = useState<StockCheck | null>(null);
  const submitted = (o: Order) => {
    setShortage(null);
    notifications.show({ color: 'teal', message: t('sales.order.submitted', { number: o.orderNo ?? '', status: t(`sales.orderStatus.${o.status}`) }) });
  };
  const confirm = useApiMutation('orders.confirm', {
    onSuccess: submitted,
    onError: async (error) => {
      // A short line is a choice to make, not a failure: offer the ways out.
      if (error instanceof ApiCallError && error.code === 'INSUFFICIENT_STOCK' && shortage === null) setShortage(await api.orders.checkStock({ id: order.id }));
      else notifyError(error);
    },
  });
  const approve = useApiMutation('orders.approve');
  const rejectOrder = useApiMutation('orders.reject', { onSuccess: reject.close });
  const cancelOrder = useApiMutation('orders.cancel', { onSuccess: cancel.close });
  const deliver = useApiMutation('deliveries.create', { onSuccess: (d) => navigate(`/deliveries/${d.id}`) });

  return (
    <Group gap="xs">
      {order.status === 'draft' && can('sales.write') && onEdit && (
        <Button variant="light" onClick={onEdit} data-testid="order-edit">
          {t('sales.order.edit')}
        </Button>
      )}
      {order.status === 'draft' && can('sales.write') && (
        <Button loading={confirm.isPending} onClick={() => confirm.mutate({ id: order.id })} data-testid="order-submit">
          {t('sales.order.submit')}
        </Button>
      )}
      {order.status === 'pending_approval' && can('sales.approve') && (
        <>
          <Button color="teal" loading={approve.isPending} onClick={() => approve.mutate({ id: order.id })}>
            {t('sales.order.approve')}
          </Button>
          <Button color="orange" variant="light" onClick={reject.open}>
            {t('sales.order.reject')}
          </Button>
        </>
      )}
      {(order.status === 'confirmed' || order.status === 'partly_delivered') && can('deliveries.write') && (
        <Button loading={deliver.isPending} onClick={() => deliver.mutate({ salesOrderId: order.id })}>
          {t('sales.order.deliver')}
        </Button>
      )}
      {['confirmed', 'partly_delivered', 'delivered'].includes(order.status) && (
        <WriteButton variant="light" onClick={invoice.open} data-testid="order-invoice">
          {t('receivables.issue.open')}
        </WriteButton>
      )}
      {order.orderNo && <PrintButton kind="order_confirmation" reference={order.id} />}
      {['draft', 'pending_approval', 'confirmed'].includes(order.status) && can('sales.write') && (
        <Button color="red" variant="subtle" onClick={cancel.open}>
          {t('sales.order.cancel')}
        </Button>
      )}
      <ReasonModal opened={rejectOpened} title={t('sales.order.reject')} label={t('sales.order.rejectReason')} required loading={rejectOrder.isPending} onClose={reject.close} onSubmit={(comment) => rejectOrder.mutate({ id: order.id, comment })} />
      <ReasonModal opened={cancelOpened} title={t('sales.order.cancel')} label={t('sales.order.cancelReason')} required loading={cancelOrder.isPending} onClose={cancel.close} onSubmit={(reason) => cancelOrder.mutate({ id: order.id, reason })} />
      {invoiceOpened && <OrderInvoiceModal salesOrderId={order.id} opened onClose={invoice.close} onCreated={(created) => navigate(`/invoices?invoice=${created.id}`)} />}
      <ShortageModal check={shortage} loading={confirm.isPending} onClose={() => setShortage(null)} onSubmit={(shortages: ShortageInput[]) => confirm.mutate({ id: order.id, shortages })} />
    </Group>
  );
}
