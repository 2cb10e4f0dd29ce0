import { Button } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useApiQuery } from '../../api/hooks';
import { useCan } from '../auth/current-user';
import { DeliveriesInvoiceModal } from './DeliveriesInvoiceModal';
import { WriteButton } from './InvoiceHeaderFields';

/**
 * A posted delivery's 开票 on its page: offered while something of it is left to invoice; the invoices
 * it went on are links to them. Without receivables.read the button stands alone (it says why it is off).
 */
export function DeliveryInvoiceAction({ delivery }: { delivery: { id: string; customerId: string; customerName: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const readable = useCan()('receivables.read');
  const [invoicing, setInvoicing] = useState(false);
  const state = useApiQuery('receivables.deliveryInvoicing', { deliveryId: delivery.id }, { enabled: readable });
  if (readable && !state.data) return null;
  const invoices = state.data?.invoices ?? [];
  const left = state.data ? state.data.toInvoice > 0 : true;
  return (
    <>
      {invoices.map((invoice) => (
        <Button
          key={invoice.id}
          variant="subtle"
          leftSection={<IconFileInvoice size={16} />}
          component={Link}
          to={`/invoices?invoice=${invoice.id}`}
          data-testid="delivery-invoice-link"
        >
          {t('receivables.issue.invoicedAs', { number: invoice.invoiceNo })}
        </Button>
      ))}
      {left && (
        <WriteButton variant="light" onClick={() => setInvoicing(true)} data-testid="delivery-invoice">
          {t('receivables.issue.open')}
        </WriteButton>
      )}
      {invoicing && (
        <DeliveriesInvoiceModal
          opened
          onClose={() => setInvoicing(false)}
          onCreated={(invoice) => navigate(`/invoices?invoice=${invoice.id}`)}
          customer={{ id: delivery.customerId, name: delivery.customerName }}
          deliveryId={delivery.id}
        />
      )}
    </>
  );
}
