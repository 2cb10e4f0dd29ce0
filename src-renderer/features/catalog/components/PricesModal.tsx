import { ActionIcon, Button, Group, Modal, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriceListProduct, ProductUnits } from '../../../../src-main/domain/catalog/catalog.dto';
import { parseYuan, yuanText } from '../../../../src-main/domain/core/money';
import { api } from '../../../api/client';
import { fieldErrors, notifyError } from '../../../api/hooks';
import { unitsText } from '../units-text';
import { ProductPicker } from './ProductPicker';
import { shortcutTarget } from '../../../components/shortcut-targets';

interface BreakRow {
  minQuantity: number | '';
  unitPrice: string;
}

interface Editing {
  product: (ProductUnits & { id: string; code: string; name: string; spec: string | null }) | null;
  rows: BreakRow[];
}

function editingOf(item: PriceListProduct | null): Editing {
  if (!item) return { product: null, rows: [{ minQuantity: 1, unitPrice: '' }] };
  return {
    product: { id: item.productId, code: item.code, name: item.name, spec: item.spec, unit: item.unit, secondUnit: item.secondUnit, secondUnitFactor: item.secondUnitFactor },
    rows: item.breaks.map((b) => ({ minQuantity: b.minQuantity, unitPrice: yuanText(b.unitPrice) })),
  };
}

/**
 * One product's prices in a list: a unit price from each quantity up (阶梯价). Saving replaces the
 * product's whole set of breaks; removing them all takes the product off the list.
 */
export function PricesModal({ priceListId, item, opened, onClose }: { priceListId: string; item: PriceListProduct | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(() => editingOf(item));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [openedWith, setOpenedWith] = useState<string | null>(null);
  const key = opened ? (item?.productId ?? 'new') : null;
  if (key !== openedWith) {
    setOpenedWith(key);
    if (key) {
      setEditing(editingOf(item));
      setErrors({});
    }
  }
  const { product, rows } = editing;
  const unit = product?.unit ?? '';
  const setRow = (i: number, row: Partial<BreakRow>) => setEditing((e) => ({ ...e, rows: e.rows.map((r, j) => (j === i ? { ...r, ...row } : r)) }));

  async function save(breaks: BreakRow[]) {
    if (!product) return setErrors({ productId: t('issues.codes.required') });
    setBusy(true);
    try {
      // Unparseable money goes as -1 so the server refuses it at its path with a coded issue.
      const input = breaks.map((r) => ({ minQuantity: r.minQuantity === '' ? 0 : r.minQuantity, unitPrice: parseYuan(r.unitPrice) ?? -1 }));
      await api.catalog.setPrices({ priceListId, productId: product.id, breaks: input });
      notifications.show({ color: 'teal', message: t('catalog.priceLists.pricesSaved') });
      onClose();
    } catch (error) {
      const byPath = fieldErrors(error);
      if (Object.keys(byPath).length === 0) notifyError(error);
      setErrors(byPath);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={item ? `${item.code} ${item.name}` : t('catalog.priceLists.addProduct')} size="lg">
      <Stack gap="sm" data-testid="prices-form">
        {!item && <ProductPicker label={t('catalog.priceLists.product')} onPick={(p) => setEditing((e) => ({ ...e, product: p }))} error={errors.productId} />}
        {product && (
          <Text size="sm" c="dimmed">
            {[product.spec, unitsText(product)].filter(Boolean).join(' · ')}
          </Text>
        )}
        <Text size="sm" fw={500}>
          {t('catalog.priceLists.breaks')}
        </Text>
        {rows.map((row, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <NumberInput
              w={180}
              label={i === 0 ? t('catalog.priceLists.minQuantity', { unit }) : undefined}
              min={1}
              allowDecimal={false}
              value={row.minQuantity}
              onChange={(v) => setRow(i, { minQuantity: typeof v === 'number' ? v : '' })}
              error={errors[`breaks.${i}.minQuantity`]}
              data-testid={`break-${i}-quantity`}
            />
            <TextInput
              w={180}
              label={i === 0 ? t('catalog.priceLists.unitPrice', { unit }) : undefined}
              inputMode="decimal"
              value={row.unitPrice}
              onChange={(e) => setRow(i, { unitPrice: e.currentTarget.value })}
              error={errors[`breaks.${i}.unitPrice`]}
              data-testid={`break-${i}-price`}
            />
            <ActionIcon variant="subtle" color="red" mt={i === 0 ? 28 : 4} aria-label={t('common.remove')} disabled={rows.length === 1} onClick={() => setEditing((e) => ({ ...e, rows: e.rows.filter((_, j) => j !== i) }))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {errors.breaks && (
          <Text size="sm" c="red">
            {errors.breaks}
          </Text>
        )}
        <Group justify="space-between" mt="xs">
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing((e) => ({ ...e, rows: [...e.rows, { minQuantity: '', unitPrice: '' }] }))} data-testid="add-break">
              {t('catalog.priceLists.addBreak')}
            </Button>
            {item && (
              <Button variant="subtle" color="red" size="xs" onClick={() => void save([])}>
                {t('catalog.priceLists.removeProduct')}
              </Button>
            )}
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={busy} onClick={() => void save(rows)} data-testid="prices-save" {...shortcutTarget('save')}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
