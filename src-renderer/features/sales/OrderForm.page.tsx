import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import { fieldErrors, useApiMutation } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { PageHeader } from '../../components/PageHeader';
import { blankLine, entryTotal, LineEntry, pricedLines, type EntryLine } from './components/LineEntry';
import { shortcutTarget } from '../../components/shortcut-targets';

/**
 * 新建销售订单 by keyboard (see LineEntry). Prices and totals shown are the customer's list
 * prices; the server prices the draft again.
 */
export function OrderFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [lines, setLines] = useState<EntryLine[]>(() => [blankLine()]);
  const create = useApiMutation('orders.create', { onSuccess: (order) => navigate(`/orders/${order.id}`) });
  const errors = fieldErrors(create.error);
  const priced = pricedLines(lines);
  const save = () =>
    customerId && create.mutate({ customerId, lines: priced.map((l) => ({ productId: l.product!.productId, quantity: l.quantity, discountBp: 0 })) });

  return (
    <>
      <PageHeader
        title={t('sales.form.title')}
        actions={
          <Button disabled={!customerId || priced.length === 0} loading={create.isPending} onClick={save} data-testid="order-save" {...shortcutTarget('save')}>
            {t('sales.form.save')}
          </Button>
        }
      />
      <Paper withBorder p="md">
        <CustomerPicker label={t('sales.field.customer')} value={customerId} onChange={setCustomerId} error={errors.customerId} w={420} mb="md" data-testid="order-customer" />
        <LineEntry lines={lines} onChange={setLines} customerId={customerId} errors={errors} data-testid="order-entry" />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {t('sales.form.keys')}
          </Text>
          <Text fw={700} data-testid="order-form-total">{`${t('sales.field.total')}：${formatFen(entryTotal(lines))}`}</Text>
        </Group>
      </Paper>
    </>
  );
}
