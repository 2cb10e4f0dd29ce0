import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { MethodName, OutputOf } from '../../../src-main/api/contract';
import type { Invoice } from '../../../src-main/domain/receivables/receivables.dto';
import { notifyError, showFormError, useApiMutation } from '../../api/hooks';

/** The receivables methods that post an invoice or a credit note and hand it back. */
type InvoicePostingMethod = { [M in MethodName]: M extends `receivables.${string}` ? (OutputOf<M> extends Invoice ? M : never) : never }[MethodName];

interface InvoicePostingOptions {
  onClose: () => void;
  onCreated?: (invoice: Invoice) => void;
  /** The dialog's field errors; without them a refusal is a notification. */
  setErrors?: (errors: Record<string, string>) => void;
}

/**
 * A dialog that posts an invoice or a credit note: its number said in a notification, the dialog
 * closed, the document handed back; a refusal that names fields is shown beside them.
 */
export function useInvoicePosting<M extends InvoicePostingMethod>(method: M, { onClose, onCreated, setErrors }: InvoicePostingOptions) {
  const { t } = useTranslation();
  return useApiMutation(method, {
    onSuccess: (posted) => {
      const invoice = posted as Invoice;
      const message = invoice.kind === 'credit_note' ? t('receivables.credit.created', { number: invoice.invoiceNo }) : t('receivables.invoice.created', { number: invoice.invoiceNo });
      notifications.show({ color: 'teal', message });
      onClose();
      onCreated?.(invoice);
    },
    onError: (error) => (setErrors ? showFormError({ setErrors }, error) : notifyError(error)),
  });
}
