import { ActionIcon, Button, Card, Checkbox, Grid, Group, SegmentedControl, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../../components/regions/RegionPicker';
import { ADDRESS_KINDS, type AddressKind } from '../../../../src-main/domain/customers/customers.dto';
import { emptyAddress, type CustomerFormValues } from '../form-model';

/** Billing and shipping addresses; one default per kind (ticking one unticks the others of its kind). */
export function AddressesSection({ form }: { form: UseFormReturnType<CustomerFormValues> }) {
  const { t } = useTranslation();
  const addresses = form.getValues().addresses;

  function makeDefault(index: number, checked: boolean) {
    const kind = addresses[index]!.kind;
    form.setFieldValue(
      'addresses',
      form.getValues().addresses.map((a, i) => (i === index ? { ...a, isDefault: checked } : a.kind === kind && checked ? { ...a, isDefault: false } : a)),
    );
  }

  function add() {
    const kind: AddressKind = addresses.some((a) => a.kind === 'shipping') ? 'billing' : 'shipping';
    form.insertListItem('addresses', emptyAddress(kind, !addresses.some((a) => a.kind === kind)));
  }

  return (
    <>
      {addresses.length === 0 && (
        <Text c="dimmed" size="sm" mb="sm">
          {t('customers.form.noAddresses')}
        </Text>
      )}
      {addresses.map((address, i) => {
        const field = (name: string) => form.getInputProps(`addresses.${i}.${name}`);
        return (
          <Card key={address.key} withBorder padding="sm" mb="sm">
            <Group justify="space-between" mb={6}>
              <Group gap="sm">
                <Text fw={600} size="sm">
                  {t('customers.form.addressN', { n: i + 1 })}
                </Text>
                <SegmentedControl size="xs" data={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`customers.addressKind.${k}`) }))} {...field('kind')} />
              </Group>
              <Group gap="xs">
                <Checkbox size="xs" label={t('customers.form.isDefault')} checked={address.isDefault} onChange={(e) => makeDefault(i, e.currentTarget.checked)} />
                <Tooltip label={t('customers.form.removeAddress')}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('customers.form.removeAddress')} onClick={() => form.removeListItem('addresses', i)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            <Grid gutter="sm">
              <RegionPicker
                span={{ base: 12, xs: 4, sm: 3 }}
                testIdPrefix={`address-${i}`}
                value={{ province: address.province, city: address.city, district: address.district }}
                onChange={(next) => {
                  form.setFieldValue(`addresses.${i}.province`, next.province);
                  form.setFieldValue(`addresses.${i}.city`, next.city);
                  form.setFieldValue(`addresses.${i}.district`, next.district);
                }}
                labels={{ province: t('customers.field.province'), city: t('customers.field.city'), district: t('customers.field.district') }}
                placeholders={{ choose: t('customers.form.regionChoose'), district: t('customers.form.districtPlaceholder'), nothingFound: t('customers.form.regionNothingFound') }}
                errors={{ province: form.errors[`addresses.${i}.province`], city: form.errors[`addresses.${i}.city`], district: form.errors[`addresses.${i}.district`] }}
              />
              <Grid.Col span={{ base: 12, xs: 4, sm: 3 }}>
                <TextInput label={t('customers.form.postcode')} inputMode="numeric" {...field('postcode')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('customers.form.detail')} withAsterisk {...field('detail')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label={t('customers.form.recipient')} {...field('recipient')} />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label={t('customers.form.recipientPhone')} {...field('recipientPhone')} />
              </Grid.Col>
            </Grid>
          </Card>
        );
      })}
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={add}>
        {t('customers.form.addAddress')}
      </Button>
    </>
  );
}
