import { ActionIcon, Button, Group, NumberInput, Paper, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { ProductForOrder } from '../../../src-main/domain/orders/orders.dto';
import { lineAmounts } from '../../../src-main/domain/orders/orders.rules';
import { api } from '../../api/client';
import { fieldErrors, notifyError, useApiMutation } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageHeader } from '../../components/PageHeader';

interface EntryLine {
  key: number;
  code: string;
  product: ProductForOrder | null;
  quantity: number;
  notFound: boolean;
}

let nextKey = 1;
const blankLine = (): EntryLine => ({ key: nextKey++, code: '', product: null, quantity: 1, notFound: false });

/**
 * 新建销售订单 by keyboard: type a code or scan a barcode, Tab to the quantity, Enter for the next
 * line. Prices and totals shown are the customer's list prices; the server prices the draft again.
 */
export function OrderFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [lines, setLines] = useState<EntryLine[]>([blankLine()]);
  const codeInputs = useRef(new Map<number, HTMLInputElement>());
  const quantityInputs = useRef(new Map<number, HTMLInputElement>());
  const create = useApiMutation('orders.create', { onSuccess: (order) => navigate(`/orders/${order.id}`) });
  const errors = fieldErrors(create.error);
  const update = (key: number, patch: Partial<EntryLine>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));

  async function findProduct(line: EntryLine) {
    if (!line.code.trim() || line.product?.code === line.code.trim()) return;
    try {
      const code = line.code.trim();
      const product = await api.orders.lookupProduct({ code, ...(customerId ? { customerId } : {}) });
      // A fast typist or a scanner may have moved on while the lookup ran: the answer fills only
      // the line whose code it was asked for, and takes the cursor only if it is still on that code.
      setLines((all) => all.map((l) => (l.key === line.key && l.code.trim() === code ? { ...l, product, notFound: product === null } : l)));
      if (product && document.activeElement === codeInputs.current.get(line.key)) quantityInputs.current.get(line.key)?.select();
    } catch (error) {
      notifyError(error);
    }
  }

  function nextLine(after: EntryLine) {
    const existing = lines[lines.indexOf(after) + 1];
    const target = existing ?? blankLine();
    if (!existing) setLines((all) => [...all, target]);
    setTimeout(() => codeInputs.current.get(target.key)?.focus(), 0);
  }

  const priced = lines.filter((l) => l.product);
  const total = priced.reduce((sum, l) => sum + lineAmounts({ quantity: l.quantity, unitPrice: l.product!.unitPrice, discountBp: 0, vatRate: l.product!.vatRate }, true).gross, 0);
  const save = () =>
    customerId && create.mutate({ customerId, lines: priced.map((l) => ({ productId: l.product!.productId, quantity: l.quantity, discountBp: 0 })) });

  return (
    <>
      <PageHeader
        title={t('sales.form.title')}
        actions={
          <Button disabled={!customerId || priced.length === 0} loading={create.isPending} onClick={save} data-testid="order-save">
            {t('sales.form.save')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <CustomerPicker label={t('sales.field.customer')} value={customerId} onChange={setCustomerId} error={errors.customerId} w={420} mb="md" data-testid="order-customer" />
        <Table verticalSpacing={6} data-testid="order-entry">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={200}>{t('sales.form.code')}</Table.Th>
              <Table.Th>{t('sales.field.product')}</Table.Th>
              <Table.Th w={120}>{t('sales.field.quantity')}</Table.Th>
              <Table.Th ta="right">{t('sales.field.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('sales.field.amount')}</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line, i) => (
              <Table.Tr key={line.key}>
                <Table.Td>
                  <TextInput
                    ref={(el) => void (el ? codeInputs.current.set(line.key, el) : codeInputs.current.delete(line.key))}
                    value={line.code}
                    autoFocus={i === 0}
                    aria-label={t('sales.form.code')}
                    placeholder={t('sales.form.codeHint')}
                    error={line.notFound ? t('sales.form.notFound') : errors[`lines.${priced.indexOf(line)}.productId`]}
                    onChange={(e) => update(line.key, { code: e.currentTarget.value, notFound: false })}
                    onBlur={() => void findProduct(line)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        e.preventDefault();
                        void findProduct(line);
                      }
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{line.product ? `${line.product.name}${line.product.spec ? ` ${line.product.spec}` : ''}` : ''}</Text>
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    ref={(el) => void (el ? quantityInputs.current.set(line.key, el) : quantityInputs.current.delete(line.key))}
                    value={line.quantity}
                    min={1}
                    allowDecimal={false}
                    aria-label={t('sales.field.quantity')}
                    suffix={line.product ? ` ${line.product.unit}` : ''}
                    // Tab from the code lands here: typing replaces the default 1.
                    onFocus={(e) => e.currentTarget.select()}
                    onChange={(v) => update(line.key, { quantity: typeof v === 'number' ? v : 1 })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') nextLine(line);
                    }}
                  />
                </Table.Td>
                <Table.Td ta="right">{line.product ? formatFen(line.product.unitPrice) : ''}</Table.Td>
                <Table.Td ta="right">
                  {line.product ? formatFen(lineAmounts({ quantity: line.quantity, unitPrice: line.product.unitPrice, discountBp: 0, vatRate: line.product.vatRate }, true).gross) : ''}
                </Table.Td>
                <Table.Td>
                  {lines.length > 1 && (
                    <ActionIcon variant="subtle" color="gray" aria-label={t('sales.form.remove')} onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('sales.form.keys')}
          </Text>
          <Text fw={700} data-testid="order-form-total">{`${t('sales.field.total')}：${formatFen(total)}`}</Text>
        </Group>
      </Paper>
    </>
  );
}
