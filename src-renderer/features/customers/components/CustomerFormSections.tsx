import { Grid, NumberInput, Paper, Select, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../../../../src-main/domain/customers/customers.dto';
import type { CustomerFormValues } from '../form-model';
import { DateField } from '../../../components/DateField';

/** Codes and account numbers read better in a fixed-width font (only the input, not its label). */
export const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

type CustomerForm = UseFormReturnType<CustomerFormValues>;

/** A titled panel of the form. */
export function FormSection({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={4} mb={description ? 2 : 'sm'}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="sm">
          {description}
        </Text>
      )}
      {children}
    </Paper>
  );
}


/** 开票信息: what a company's VAT invoices need. */
export function InvoicingSection({ form }: { form: CustomerForm }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <FormSection title={t('customers.form.invoicing')} description={t('customers.form.invoicingHelp')}>
      <Grid gutter="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('customers.field.invoiceTitle')} placeholder={values.name} {...form.getInputProps('invoiceTitle')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('customers.field.taxpayerId')} placeholder={values.creditCode} styles={MONO} {...form.getInputProps('taxpayerId')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('customers.field.bankName')} {...form.getInputProps('bankName')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('customers.field.bankAccount')} styles={MONO} {...form.getInputProps('bankAccount')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 8 }}>
          <TextInput label={t('customers.field.registeredAddress')} {...form.getInputProps('registeredAddress')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t('customers.field.registeredPhone')} {...form.getInputProps('registeredPhone')} />
        </Grid.Col>
      </Grid>
    </FormSection>
  );
}

/** The company's own fields (自定义字段), in the order the owner set. */
export function CustomFieldsSection({ defs, form }: { defs: CustomFieldDef[]; form: CustomerForm }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('customers.form.custom')}>
      <Grid gutter="sm">
        {defs.map((def) => (
          <Grid.Col key={def.id} span={{ base: 12, sm: 4 }}>
            <CustomFieldInput def={def} form={form} />
          </Grid.Col>
        ))}
      </Grid>
    </FormSection>
  );
}

function CustomFieldInput({ def, form }: { def: CustomFieldDef; form: CustomerForm }) {
  const { t } = useTranslation();
  const path = `customFields.${def.key}`;
  const props = form.getInputProps(path);
  const value = form.getValues().customFields[def.key] ?? null;
  switch (def.type) {
    case 'number':
      return <NumberInput label={def.label} {...props} value={value ?? ''} onChange={(v) => form.setFieldValue(path, v === '' ? null : Number(v))} />;
    case 'date':
      return <DateField label={def.label} {...props} value={typeof value === 'string' ? value : null} onChange={(v) => form.setFieldValue(path, v)} />;
    case 'choice':
      return (
        <Select
          label={def.label}
          clearable
          placeholder={t('customers.form.chooseOption')}
          data={def.options}
          {...props}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => form.setFieldValue(path, v)}
        />
      );
    default:
      return <TextInput label={def.label} {...props} value={typeof value === 'string' ? value : ''} onChange={(e) => form.setFieldValue(path, e.currentTarget.value)} />;
  }
}
