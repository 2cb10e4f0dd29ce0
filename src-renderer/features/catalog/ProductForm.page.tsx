import { Button, Center, Checkbox, Grid, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { PRODUCT_FLAGS, VAT_RATES, type Product } from '../../../src-main/domain/catalog/catalog.dto';
import { api } from '../../api/client';
import { notifyError, showFormError } from '../../api/hooks';
import { FormActions, FormActionsContext } from '../../components/form/FormActions';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { categoryTree, useCategories, useProduct } from './catalog.queries';
import { emptyProductValues, productInputOf, valuesFromProduct, type ProductFormValues } from './product-form-model';

/** /catalog/new */
export function ProductNewPage() {
  return <ProductForm product={null} />;
}

/** /catalog/:id */
export function ProductEditPage() {
  const { id } = useParams();
  const product = useProduct(id);
  if (product.isError) return <LoadFailed error={product.error} onRetry={() => void product.refetch()} />;
  if (product.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  return <ProductForm key={`${product.data.id}:${product.data.updatedAt}`} product={product.data} />;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={5} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ProductForm({ product }: { product: Product | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const categories = useCategories();
  const [busy, setBusy] = useState(false);
  const form = useForm<ProductFormValues>({ initialValues: product ? valuesFromProduct(product) : emptyProductValues() });
  // A successful save leaves the page without asking.
  const saved = useRef(false);
  const values = form.getValues();
  const mayPrice = can('catalog.prices');
  const readOnly = !can('catalog.write');

  async function submit(v: ProductFormValues) {
    setBusy(true);
    try {
      const input = productInputOf(v);
      if (product) await api.catalog.update({ id: product.id, ...input });
      else await api.catalog.create(input);
      notifications.show({ color: 'teal', message: t('catalog.form.saved') });
      saved.current = true;
      navigate('/catalog');
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  async function toggleArchived(p: Product) {
    try {
      if (p.status === 'active') await api.catalog.archive({ id: p.id });
      else await api.catalog.restore({ id: p.id });
      notifications.show({ color: 'teal', message: t(p.status === 'active' ? 'catalog.form.archived' : 'catalog.form.restored') });
    } catch (error) {
      notifyError(error);
    }
  }

  const unitLabel = values.unit.trim() || '?';
  return (
    <>
      <PageHeader
        title={product ? `${t('catalog.form.editTitle')} · ${product.code}` : t('catalog.form.createTitle')}
        actions={
          product &&
          !readOnly && (
            <Button variant="default" leftSection={product.status === 'active' ? <IconArchive size={16} /> : <IconRestore size={16} />} onClick={() => void toggleArchived(product)}>
              {t(product.status === 'active' ? 'catalog.form.archive' : 'catalog.form.restore')}
            </Button>
          )
        }
      />
      <form onSubmit={form.onSubmit((v) => void submit(v))} data-testid="product-form">
        <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
          <Grid gutter="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Section title={t('catalog.form.basics')}>
                <Grid gutter="sm">
                  <Grid.Col span={4}>
                    <TextInput label={t('catalog.field.code')} placeholder={t('catalog.form.codeHint')} {...form.getInputProps('code')} />
                  </Grid.Col>
                  <Grid.Col span={8}>
                    <TextInput label={t('catalog.field.name')} withAsterisk data-autofocus {...form.getInputProps('name')} data-testid="product-name" />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput label={t('catalog.field.spec')} {...form.getInputProps('spec')} />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <Select
                      label={t('catalog.field.category')}
                      placeholder={t('catalog.form.noCategory')}
                      clearable
                      searchable
                      data={categoryTree(categories.data ?? []).map(({ value, label }) => ({ value, label }))}
                      {...form.getInputProps('categoryId')}
                    />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput label={t('catalog.field.barcode')} inputMode="numeric" {...form.getInputProps('barcode')} data-testid="product-barcode" />
                  </Grid.Col>
                  <Grid.Col span={12}>
                    <Textarea label={t('catalog.field.notes')} autosize minRows={2} maxRows={5} {...form.getInputProps('notes')} />
                  </Grid.Col>
                </Grid>
              </Section>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Stack gap="md">
              <Section title={t('catalog.form.unitsAndPrices')}>
                <Grid gutter="sm">
                  <Grid.Col span={4}>
                    <TextInput label={t('catalog.field.unit')} withAsterisk {...form.getInputProps('unit')} data-testid="product-unit" />
                  </Grid.Col>
                  <Grid.Col span={4}>
                    <TextInput label={t('catalog.field.secondUnit')} placeholder={t('catalog.form.secondUnitHint')} {...form.getInputProps('secondUnit')} data-testid="product-second-unit" />
                  </Grid.Col>
                  <Grid.Col span={4}>
                    <NumberInput
                      label={t('catalog.field.secondUnitFactor')}
                      placeholder={values.secondUnit.trim() ? t('catalog.form.secondUnitFactorLabel', { second: values.secondUnit.trim(), unit: unitLabel }) : undefined}
                      min={2}
                      allowDecimal={false}
                      disabled={!values.secondUnit.trim()}
                      {...form.getInputProps('secondUnitFactor')}
                      data-testid="product-second-unit-factor"
                    />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput label={t('catalog.field.listPrice')} inputMode="decimal" disabled={!mayPrice} {...form.getInputProps('listPrice')} data-testid="product-list-price" />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <TextInput label={t('catalog.field.standardCost')} inputMode="decimal" disabled={!mayPrice} {...form.getInputProps('standardCost')} />
                  </Grid.Col>
                  <Grid.Col span={6}>
                    <Select label={t('catalog.field.vatRate')} allowDeselect={false} data={VAT_RATES.map((r) => ({ value: String(r), label: `${r / 100}%` }))} {...form.getInputProps('vatRate')} />
                  </Grid.Col>
                </Grid>
              </Section>
              <Section title={t('catalog.form.properties')}>
                <SimpleGrid cols={3} spacing="xs" verticalSpacing="xs">
                  {PRODUCT_FLAGS.map((flag) => (
                    <Checkbox key={flag} label={t(`catalog.field.${flag}`)} {...form.getInputProps(flag, { type: 'checkbox' })} />
                  ))}
                </SimpleGrid>
                {values.isConsumable && (
                  <NumberInput mt="sm" w={200} label={t('catalog.field.reorderIntervalDays')} min={1} allowDecimal={false} {...form.getInputProps('reorderIntervalDays')} />
                )}
              </Section>
              </Stack>
            </Grid.Col>
          </Grid>
        </fieldset>
        {!readOnly && (
          <Group justify="flex-end">
            <FormActionsContext.Provider value={{ busy, onCancel: () => navigate('/catalog') }}>
              <FormActions saveTestId="product-save" mt="md" />
            </FormActionsContext.Provider>
          </Group>
        )}
      </form>
      <UnsavedChangesGuard hasUnsavedEdits={() => !saved.current && form.isDirty()} />
    </>
  );
}
