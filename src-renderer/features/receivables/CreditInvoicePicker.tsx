import { Loader, Radio, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { CreditableInvoices } from '../../../src-main/domain/receivables/receivables.dto';

/** '' is 不指定发票: the whole credit stays with the customer as credit to allocate later. */
export const NO_INVOICE = '';

/** The invoice to preselect: the one the returned goods were invoiced on, if it can take the whole credit. */
export function preselectedInvoice(offered: CreditableInvoices, amount: number): string {
  const invoicedOn = offered.invoices.find((invoice) => invoice.id === offered.invoicedOnId);
  return invoicedOn && invoicedOn.creditable >= amount ? invoicedOn.id : NO_INVOICE;
}

/**
 * 冲抵发票 for a return's credit note: the invoices it may go against with what is open and what is
 * left to credit on each. One without room for the whole credit cannot be chosen (the backend refuses it).
 */
export function CreditInvoicePicker({
  offered,
  amount,
  value,
  onChange,
  error,
}: {
  offered: CreditableInvoices | undefined;
  amount: number;
  value: string;
  onChange: (invoiceId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  if (!offered) return <Loader size="sm" />;
  const fromCustomer = offered.invoices.length > 0 && !offered.invoices[0]!.ofOrder;
  return (
    <Radio.Group
      value={value}
      onChange={onChange}
      label={t('receivables.credit.againstInvoice')}
      description={t('receivables.credit.againstInvoiceHint')}
      error={error}
      data-testid="credit-against-invoice"
    >
      <Stack gap={6} mt="xs">
        {fromCustomer && <Text size="sm" c="dimmed">{t('receivables.credit.customerInvoices')}</Text>}
        {offered.invoices.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('receivables.field.invoiceNo')}</Table.Th>
                  <Table.Th>{t('receivables.field.invoiceDate')}</Table.Th>
                  <Table.Th ta="right">{t('receivables.field.total')}</Table.Th>
                  <Table.Th ta="right">{t('receivables.field.open')}</Table.Th>
                  <Table.Th ta="right">{t('receivables.credit.creditable')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offered.invoices.map((invoice) => {
                  const tooSmall = invoice.creditable < amount;
                  return (
                    <Table.Tr key={invoice.id} style={{ opacity: tooSmall ? 0.55 : 1 }}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Radio value={invoice.id} label={invoice.invoiceNo} disabled={tooSmall} data-testid={`credit-invoice-${invoice.invoiceNo}`} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{invoice.invoiceDate}</Table.Td>
                      <Table.Td ta="right">{formatFen(invoice.totalGross)}</Table.Td>
                      <Table.Td ta="right">{formatFen(invoice.openAmount)}</Table.Td>
                      <Table.Td ta="right" c={tooSmall ? 'red' : undefined}>
                        {formatFen(invoice.creditable)}
                        {tooSmall && <Text size="xs" c="red">{t('receivables.credit.notEnoughRoom')}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Radio
          value={NO_INVOICE}
          label={offered.invoices.length > 0 ? t('receivables.credit.noInvoice') : t('receivables.credit.noInvoices')}
          data-testid="credit-invoice-none"
        />
      </Stack>
    </Radio.Group>
  );
}
