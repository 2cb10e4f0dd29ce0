import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Invoice, OpenCreditNoteRequest } from '../../../src-main/domain/receivables/receivables.dto';
import { InvoiceHeaderFields, invoiceHeaderInput, newInvoiceHeader } from './InvoiceHeaderFields';
import { useInvoicePosting } from './use-invoice-posting';

/** 开红字发票 for a return: the returned lines as they were sold; the customer gets the amount as credit. */
export function CreditReturnModal({ request, onClose, onCreated }: { request: OpenCreditNoteRequest | null; onClose: () => void; onCreated: (creditNote: Invoice) => void }) {
  const { t } = useTranslation();
  const [header, setHeader] = useState(newInvoiceHeader);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setHeader(newInvoiceHeader());
    setErrors({});
  }, [request?.id]);
  const post = useInvoicePosting('receivables.creditReturn', { onClose, onCreated, setErrors });
  return (
    <Modal opened={request !== null} onClose={onClose} title={t('receivables.credit.returnTitle', { number: request?.returnNo ?? '' })} size="lg">
      {request && (
        <Stack>
          <Group gap="xl">
            <Text size="sm">{t('receivables.field.customer')}：{request.customerName}</Text>
            <Text size="sm">{t('receivables.credit.returnReason')}：{request.returnReason}</Text>
          </Group>
          <Text fw={700} data-testid="credit-return-amount">
            {t('receivables.credit.amountLine', { gross: formatFen(request.totalGross), tax: formatFen(request.totalTax) })}
          </Text>
          <Text size="sm" c="dimmed">{t('receivables.credit.returnHint')}</Text>
          {errors.creditNoteRequestId && <Alert color="red" py="xs">{errors.creditNoteRequestId}</Alert>}
          <InvoiceHeaderFields values={header} onChange={setHeader} errors={errors} paymentTermsDays={null} creditNote />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button color="grape" loading={post.isPending} onClick={() => post.mutate({ creditNoteRequestId: request.id, ...invoiceHeaderInput(header, {}) })} data-testid="post-credit-return">
              {t('receivables.credit.post')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
