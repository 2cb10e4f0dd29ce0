import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../../src-main/domain/orders/orders.dto';
import type { QuoteStatus } from '../../../../src-main/domain/quotes/quotes.dto';

const ORDER_COLORS: Record<OrderStatus, string> = {
  draft: 'gray',
  pending_approval: 'orange',
  confirmed: 'blue',
  partly_delivered: 'cyan',
  delivered: 'teal',
  invoiced: 'indigo',
  paid: 'green',
  closed: 'dark',
  cancelled: 'red',
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={ORDER_COLORS[status]} style={{ whiteSpace: 'nowrap' }}>
      {t(`sales.orderStatus.${status}`)}
    </Badge>
  );
}

/** A quote's or delivery's status: `kind` picks the words (quoteStatus, deliveryStatus). */
export function StatusBadge({ kind, status, color }: { kind: 'quoteStatus' | 'deliveryStatus'; status: string; color: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={color} style={{ whiteSpace: 'nowrap' }}>
      {t(`sales.${kind}.${status}`)}
    </Badge>
  );
}

const QUOTE_COLORS: Record<QuoteStatus, string> = { draft: 'gray', sent: 'blue', accepted: 'teal', rejected: 'red', expired: 'orange', converted: 'green' };

export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  return <StatusBadge kind="quoteStatus" status={status} color={QUOTE_COLORS[status]} />;
}
