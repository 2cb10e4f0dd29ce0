import { Checkbox, Grid, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRICE_LIST_KINDS, type PriceList, type PriceListKind } from '../../../../src-main/domain/catalog/catalog.dto';
import { api } from '../../../api/client';
import { showFormError } from '../../../api/hooks';
import { CustomerPicker } from '../../../components/CustomerPicker';
import { DateField } from '../../../components/DateField';
import { FormActions, FormActionsContext } from '../../../components/form/FormActions';

interface PriceListValues {
  code: string;
  name: string;
  kind: PriceListKind;
  tier: string;
  customerId: string | null;
  taxInclusive: boolean;
  validFrom: string | null;
  validTo: string | null;
  notes: string;
}

function valuesOf(list: PriceList | null): PriceListValues {
  if (!list) return { code: '', name: '', kind: 'standard', tier: '', customerId: null, taxInclusive: true, validFrom: null, validTo: null, notes: '' };
  return {
    code: list.code,
    name: list.name,
    kind: list.kind,
    tier: list.tier ?? '',
    customerId: list.customerId,
    taxInclusive: list.taxInclusive,
    validFrom: list.validFrom,
    validTo: list.validTo,
    notes: list.notes ?? '',
  };
}

/** Create a price list, or edit one (`list` given): who it applies to, tax side and validity. */
export function PriceListFormModal({ opened, onClose, list, onSaved }: { opened: boolean; onClose: () => void; list: PriceList | null; onSaved?: (list: PriceList) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<PriceListValues>({ initialValues: valuesOf(list) });
  const [openedWith, setOpenedWith] = useState<string | null>(null);
  const key = opened ? (list?.id ?? 'new') : null;
  if (key !== openedWith) {
    setOpenedWith(key);
    if (key) {
      form.setValues(valuesOf(list));
      form.clearErrors();
    }
  }
  const values = form.getValues();

  async function submit(v: PriceListValues) {
    setBusy(true);
    try {
      const input = {
        code: v.code.trim() || null,
        name: v.name,
        kind: v.kind,
        tier: v.kind === 'tier' ? v.tier : null,
        customerId: v.kind === 'customer' ? v.customerId : null,
        taxInclusive: v.taxInclusive,
        validFrom: v.validFrom,
        validTo: v.validTo,
        notes: v.notes,
      };
      const saved = list ? await api.catalog.updatePriceList({ id: list.id, ...input }) : await api.catalog.createPriceList(input);
      notifications.show({ color: 'teal', message: t('catalog.priceLists.saved') });
      onClose();
      onSaved?.(saved);
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={list ? t('catalog.priceLists.editTitle') : t('catalog.priceLists.createTitle')} size="lg">
      <form onSubmit={form.onSubmit((v) => void submit(v))} data-testid="price-list-form">
        <Grid gutter="sm">
          <Grid.Col span={4}>
            <TextInput label={t('catalog.priceLists.code')} placeholder={t('catalog.form.codeHint')} {...form.getInputProps('code')} />
          </Grid.Col>
          <Grid.Col span={8}>
            <TextInput label={t('catalog.priceLists.name')} withAsterisk data-autofocus {...form.getInputProps('name')} data-testid="price-list-name" />
          </Grid.Col>
          <Grid.Col span={12}>
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('catalog.priceLists.kind')}
              </Text>
              <SegmentedControl data={PRICE_LIST_KINDS.map((k) => ({ value: k, label: t(`catalog.priceLists.kinds.${k}`) }))} {...form.getInputProps('kind')} data-testid="price-list-kind" />
            </Stack>
          </Grid.Col>
          {values.kind === 'tier' && (
            <Grid.Col span={6}>
              <TextInput label={t('catalog.priceLists.tier')} withAsterisk placeholder="金卡" {...form.getInputProps('tier')} data-testid="price-list-tier" />
            </Grid.Col>
          )}
          {values.kind === 'customer' && (
            <Grid.Col span={12}>
              <CustomerPicker
                label={t('catalog.priceLists.customer')}
                withAsterisk
                // The picker knows only what was searched; the list's own customer shows until another is chosen.
                placeholder={list?.customerName ?? undefined}
                value={values.customerId === list?.customerId ? null : values.customerId}
                onChange={(id) => form.setFieldValue('customerId', id ?? list?.customerId ?? null)}
                error={form.errors.customerId as string | undefined}
                data-testid="price-list-customer"
              />
            </Grid.Col>
          )}
          <Grid.Col span={6}>
            <DateField label={t('catalog.priceLists.validFrom')} placeholder={t('catalog.priceLists.openEnded')} {...form.getInputProps('validFrom')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <DateField label={t('catalog.priceLists.validTo')} placeholder={t('catalog.priceLists.openEnded')} {...form.getInputProps('validTo')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox label={t('catalog.priceLists.taxInclusive')} {...form.getInputProps('taxInclusive', { type: 'checkbox' })} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label={t('catalog.field.notes')} autosize minRows={2} maxRows={4} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>
        <FormActionsContext.Provider value={{ busy, onCancel: onClose }}>
          <FormActions saveTestId="price-list-save" mt="md" />
        </FormActionsContext.Provider>
      </form>
    </Modal>
  );
}
