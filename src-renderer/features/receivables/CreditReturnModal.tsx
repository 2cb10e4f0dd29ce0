import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Invoice, OpenCreditNoteRequest } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiQuery } from '../../api/hooks';
import { CreditInvoicePicker, NO_INVOICE, preselectedInvoice } from './CreditInvoicePicker';
import { InvoiceHeaderFields, invoiceHeaderInput, newInvoiceHeader } from './InvoiceHeaderFields';
import { useInvoicePosting } from './use-invoice-posting';

/** 开红字发票 for a return: the returned lines as they were sold; the customer gets the amount as credit. */
export function CreditReturnModal({ request, onClose, onCreated }: { request: OpenCreditNoteRequest | null; onClose: () => void; onCreated: (creditNote: Invoice) => void }) {
  const { t } = useTranslation();
  const [header, setHeader] = useState(newInvoiceHeader);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // null until the invoices have come and the one to preselect is known.
  const [againstInvoice, setAgainstInvoice] = useState<string | null>(null);
  const offered = useApiQuery('receivables.creditableInvoices', { creditNoteRequestId: request?.id ?? '' }, { enabled: request !== null });
  useEffect(() => {
    setHeader(newInvoiceHeader());
    setErrors({});
    setAgainstInvoice(null);
  }, [request?.id]);
  useEffect(() => {
    if (!request || againstInvoice !== null) return;
    if (offered.data) setAgainstInvoice(preselectedInvoice(offered.data, request.totalGross));
    // Without the list the credit can still be posted, as credit for the customer.
    else if (offered.isError) setAgainstInvoice(NO_INVOICE);
  }, [request, offered.data, offered.isError, againstInvoice]);
  const post = useInvoicePosting('receivables.creditReturn', { onClose, onCreated, setErrors });
  return (
    <Modal opened={request !== null} onClose={onClose} title={t('receivables.credit.returnTitle', { number: request?.returnNo ?? '' })} size="lg">
      {request && (
        <Stack>
          <Group gap="xl">
            <Text size="sm">{t('common.labelColon', { label: t('receivables.field.customer') })}{request.customerName}</Text>
            <Text size="sm">{t('common.labelColon', { label: t('receivables.credit.returnReason') })}{request.returnReason}</Text>
          </Group>
          <Text fw={700} data-testid="credit-return-amount">
            {t('receivables.credit.amountLine', { gross: formatFen(request.totalGross), tax: formatFen(request.totalTax) })}
          </Text>
          <Text size="sm" c="dimmed">{t('receivables.credit.returnHint')}</Text>
          {errors.creditNoteRequestId && <Alert color="red" py="xs">{errors.creditNoteRequestId}</Alert>}
          <CreditInvoicePicker
            offered={offered.data ?? (offered.isError ? { invoices: [], invoicedOnId: null } : undefined)}
            amount={request.totalGross}
            value={againstInvoice ?? NO_INVOICE}
            onChange={(invoiceId) => {
              setAgainstInvoice(invoiceId);
              setErrors(({ correctsInvoiceId: _, ...rest }) => rest);
            }}
            error={errors.correctsInvoiceId}
          />
          <InvoiceHeaderFields values={header} onChange={setHeader} errors={errors} paymentTermsDays={null} creditNote />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              color="grape"
              loading={post.isPending}
              disabled={againstInvoice === null}
              onClick={() => post.mutate({ creditNoteRequestId: request.id, ...(againstInvoice ? { correctsInvoiceId: againstInvoice } : {}), ...invoiceHeaderInput(header, {}) })}
              data-testid="post-credit-return"
            >
              {t('receivables.credit.post')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
