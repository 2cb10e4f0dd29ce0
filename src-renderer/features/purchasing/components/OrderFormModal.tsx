import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen, parseYuan, sumTaxLines, taxLine } from '../../../../src-main/domain/core/money';
import type { ProductPick } from '../../../../src-main/domain/stock/stock.dto';
import { api } from '../../../api/client';
import { fieldErrors, notifyError } from '../../../api/hooks';
import { FormActions, FormActionsContext } from '../../../components/form/FormActions';
import { DateField } from '../../../components/DateField';
import { ProductPicker } from '../../stock/components/ProductPicker';
import { useWarehouseOptions } from '../../stock/stock.queries';
import { useSupplierOptions } from '../purchasing.queries';

interface Line {
  product: ProductPick | null;
  quantity: number | string;
  price: string;
}

/** A new purchase order, saved as a numbered draft; the totals preview uses the same per-line tax rule as the server. */
export function OrderFormModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const suppliers = useSupplierOptions();
  const warehouses = useWarehouseOptions();
  const [supplierId, setSupplierId] = useState<string | null>(null);
  const [warehouseId, setWarehouseId] = useState<string | null>(warehouses[0]?.value ?? null);
  const [expectedDate, setExpectedDate] = useState<string | null>(null);
  const [taxInclusive, setTaxInclusive] = useState(true);
  const [notes, setNotes] = useState('');
  const [lines, setLines] = useState<Line[]>([{ product: null, quantity: 1, price: '' }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const setLine = (i: number, patch: Partial<Line>) => setLines(lines.map((l, n) => (n === i ? { ...l, ...patch } : l)));
  const priced = lines.flatMap((l) => {
    const unitPrice = parseYuan(l.price);
    return l.product && unitPrice !== null && Number(l.quantity) > 0 ? [taxLine({ quantity: Number(l.quantity), unitPrice, taxRate: l.product.vatRate, pricesIncludeTax: taxInclusive })] : [];
  });
  const totals = sumTaxLines(priced);

  async function submit() {
    setBusy(true);
    try {
      const order = await api.purchasing.createOrder({
        supplierId: supplierId ?? '',
        warehouseId: warehouseId ?? '',
        ...(expectedDate ? { expectedDate } : {}),
        taxInclusive,
        notes,
        lines: lines.filter((l) => l.product).map((l) => ({ productId: l.product!.id, quantity: Number(l.quantity), unitPrice: parseYuan(l.price) ?? -1 })),
      });
      notifications.show({ color: 'teal', message: t('purchasing.orders.created') });
      onCreated(order.id);
    } catch (error) {
      const found = fieldErrors(error);
      if (Object.keys(found).length) setErrors(found);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('purchasing.orders.add')} size="xl">
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select label={t('purchasing.field.supplier')} withAsterisk searchable data={suppliers} value={supplierId} onChange={setSupplierId} error={errors.supplierId} />
            <Select label={t('purchasing.field.warehouse')} withAsterisk data={warehouses} value={warehouseId} onChange={setWarehouseId} error={errors.warehouseId} />
            <DateField label={t('purchasing.field.expectedDate')} value={expectedDate} onChange={(v) => setExpectedDate(typeof v === 'string' ? v : null)} error={errors.expectedDate} />
          </Group>
          <Checkbox label={t('purchasing.field.taxInclusive')} checked={taxInclusive} onChange={(e) => setTaxInclusive(e.currentTarget.checked)} />
          {lines.map((line, i) => (
            <Group key={i} align="flex-start" wrap="nowrap">
              <div style={{ flex: 1 }}>
                <ProductPicker value={line.product} onChange={(product) => setLine(i, { product, price: line.price || (product ? ((product.standardCost * (taxInclusive ? 10_000 + product.vatRate : 10_000)) / 1_000_000).toFixed(2) : '') })} error={errors[`lines.${i}.productId`]} />
              </div>
              <NumberInput w={100} min={1} allowDecimal={false} placeholder={t('purchasing.field.quantity')} value={line.quantity} onChange={(quantity) => setLine(i, { quantity })} error={errors[`lines.${i}.quantity`]} />
              <TextInput w={120} inputMode="decimal" placeholder={t('purchasing.field.unitPrice')} value={line.price} onChange={(e) => setLine(i, { price: e.currentTarget.value })} error={errors[`lines.${i}.unitPrice`]} />
              <ActionIcon variant="subtle" color="gray" mt={6} onClick={() => setLines(lines.filter((_, n) => n !== i))} disabled={lines.length === 1}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setLines([...lines, { product: null, quantity: 1, price: '' }])}>
              {t('purchasing.orders.addLine')}
            </Button>
            <Text size="sm">
              {t('purchasing.field.totalNet')} {formatFen(totals.net)} · {t('purchasing.field.totalTax')} {formatFen(totals.tax)} ·{' '}
              <b>
                {t('purchasing.field.totalGross')} {formatFen(totals.gross)}
              </b>
            </Text>
          </Group>
          <TextInput label={t('purchasing.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
        </Stack>
        <FormActionsContext.Provider value={{ busy, onCancel: onClose }}>
          <FormActions mt="md" />
        </FormActionsContext.Provider>
      </form>
    </Modal>
  );
}
