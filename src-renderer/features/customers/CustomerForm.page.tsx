import { Alert, Button, Grid, Group, Loader, Center, Modal, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useParams } from 'react-router-dom';
import { CUSTOMER_KINDS, CUSTOMER_SIZES, type Customer, type CustomFieldDef, type DuplicateMatch } from '../../../src-main/domain/customers/customers.contract';
import { ApiCallError, api } from '../../api/client';
import { fieldErrors, notifyError, useSettings } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { AddressesSection } from './components/AddressesSection';
import { ContactsSection } from './components/ContactsSection';
import { DateField } from './components/DateField';
import { DuplicateList } from './components/DuplicateList';
import { TagPicker } from './components/TagPicker';
import { useCustomer, useFieldDefs, useUserOptions } from './customers.queries';
import { normaliseMobile } from '../../../src-main/domain/customers/customers.rules';
import { createInputOf, emptyValues, valuesFromCustomer, validateValues, type CustomerFormValues } from './form-model';
import { saveCustomerEdits } from './save-edits';

/** Codes and account numbers read better in a fixed-width font (only the input, not its label). */
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** /customers/new */
export function CustomerNewPage() {
  return <CustomerForm customer={null} />;
}

/** /customers/:id/edit */
export function CustomerEditPage() {
  const { id } = useParams();
  const customer = useCustomer(id);
  if (customer.isError) return <LoadFailed error={customer.error} onRetry={() => void customer.refetch()} />;
  if (customer.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  return <CustomerForm key={customer.data.id} customer={customer.data} />;
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
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

function wholeYearsSince(date: string | null): number | null {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const days = (Date.now() - new Date(`${date}T00:00:00`).getTime()) / 86_400_000;
  return days < 0 ? null : Math.floor(days / 365.25);
}

function CustomerForm({ customer }: { customer: Customer | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const users = useUserOptions();
  const fieldDefs = useFieldDefs();
  const required = settings.data?.customerRequiredFields ?? ['mobile'];
  const original = useMemo(() => (customer ? valuesFromCustomer(customer) : emptyValues()), [customer]);
  const [busy, setBusy] = useState(false);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  const [conflict, setConflict] = useState<DuplicateMatch[] | null>(null);
  const requiredRef = useRef(required);
  requiredRef.current = required;

  const form = useForm<CustomerFormValues>({
    initialValues: original,
    validate: (values) => validateValues(values, requiredRef.current),
    validateInputOnBlur: true,
  });
  const values = form.getValues();
  const company = values.kind === 'company';

  // Unsaved edits: leaving the page (Cancel, a nav link, the palette, browser back) asks first;
  // closing or reloading the window gets the browser's own prompt. Not after a successful save.
  const justSaved = useRef(false);
  const hasUnsavedEdits = () => !justSaved.current && form.isDirty();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && hasUnsavedEdits());
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedEdits()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  });

  /** A likely duplicate shown right under the field it shares (the full list is at the top of the form). */
  function duplicateNote(reason: DuplicateMatch['reason'], typed?: string): ReactNode {
    const match = duplicates.find((d) => d.reason === reason && (typed === undefined || (typed.trim() !== '' && d.value === normaliseMobile(typed))));
    if (!match) return undefined;
    return (
      <Text span size="xs" c="orange.8">
        {t(`customers.issues.${reason === 'creditCode' ? 'sameCreditCode' : reason === 'name' ? 'sameName' : 'sameMobile'}`, { who: `${match.code} ${match.name}` })}
      </Text>
    );
  }

  async function checkDuplicates() {
    const v = form.getValues();
    const mobiles = [v.mobile, ...v.contacts.map((c) => c.mobile)].filter((m) => m.trim() !== '');
    if (!v.name.trim() && !v.creditCode.trim() && mobiles.length === 0) return setDuplicates([]);
    try {
      const matches = await api.customers.checkDuplicates({
        name: v.name.trim() || undefined,
        creditCode: v.kind === 'company' && v.creditCode.trim() ? v.creditCode : undefined,
        mobiles,
        ...(customer ? { excludeId: customer.id } : {}),
      });
      setDuplicates(matches);
    } catch {
      // A pre-check only: the save answers for real.
    }
  }

  function showServerErrors(error: unknown) {
    const errors = fieldErrors(error);
    if (Object.keys(errors).length) {
      form.setErrors(errors);
      notifications.show({ color: 'red', message: t('customers.form.fixErrors', { count: Object.keys(errors).length }) });
    } else notifyError(error);
  }

  async function create(allowDuplicate: boolean) {
    setBusy(true);
    try {
      const saved = await api.customers.create(createInputOf(form.getValues(), allowDuplicate));
      notifications.show({ color: 'teal', message: t('customers.form.created', { code: saved.code, name: saved.name }) });
      justSaved.current = true;
      form.resetDirty();
      navigate(`/customers/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT') {
        const v = form.getValues();
        const matches = await api.customers
          .checkDuplicates({ name: v.name, creditCode: company ? v.creditCode || undefined : undefined, mobiles: [v.mobile, ...v.contacts.map((c) => c.mobile)].filter(Boolean) })
          .catch(() => []);
        setConflict(matches);
        form.setErrors(fieldErrors(error));
      } else showServerErrors(error);
    } finally {
      setBusy(false);
    }
  }

  async function update(existing: Customer) {
    setBusy(true);
    try {
      const problems = await saveCustomerEdits(existing, original, form.getValues());
      if (problems) return showServerErrors(problems);
      notifications.show({ color: 'teal', message: t('customers.form.saved', { name: form.getValues().name }) });
      justSaved.current = true;
      form.resetDirty();
      navigate(`/customers/${existing.id}`);
    } finally {
      setBusy(false);
    }
  }

  const submit = form.onSubmit(
    () => void (customer ? update(customer) : create(false)),
    (errors) => notifications.show({ color: 'red', message: t('customers.form.fixErrors', { count: Object.keys(errors).length }) }),
  );

  const years = wholeYearsSince(values.cooperationSince);
  const star = (field: string) => required.includes(field);

  return (
    <form onSubmit={submit} noValidate data-testid="customer-form">
      <PageHeader
        title={customer ? t('customers.form.editTitle', { name: customer.name }) : t('customers.form.newTitle')}
        actions={
          <>
            <Button variant="default" onClick={() => navigate(customer ? `/customers/${customer.id}` : '/customers')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="save-customer">
              {t('common.save')}
            </Button>
          </>
        }
      />
      <Stack gap="md" maw={1100}>
        {duplicates.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('customers.form.duplicatesTitle')}>
            <Text size="sm" mb={6}>
              {t('customers.form.duplicatesText')}
            </Text>
            <DuplicateList matches={duplicates} />
          </Alert>
        )}

        <Section title={t('customers.form.basics')}>
          <Grid gutter="sm">
            <Grid.Col span={12}>
              <SegmentedControl data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customers.kind.${k}`) }))} {...form.getInputProps('kind')} data-testid="customer-kind" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={company ? t('customers.field.name') : t('customers.field.personName')}
                withAsterisk
                description={duplicateNote('name')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                data-testid="customer-name"
                {...form.getInputProps('name')}
                onBlur={(e) => {
                  form.getInputProps('name').onBlur?.(e);
                  void checkDuplicates();
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <TextInput label={t('customers.field.shortName')} {...form.getInputProps('shortName')} />
            </Grid.Col>
            {company ? (
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <Select label={t('customers.field.size')} clearable data={CUSTOMER_SIZES.map((s) => ({ value: s, label: t(`customers.size.${s}`) }))} {...form.getInputProps('size')} />
              </Grid.Col>
            ) : (
              <Grid.Col span={{ base: 12, sm: 3 }}>
                <DateField label={t('customers.field.birthday')} {...form.getInputProps('birthday')} />
              </Grid.Col>
            )}
            {company && (
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  label={t('customers.field.creditCode')}
                  withAsterisk={star('creditCode')}
                  description={duplicateNote('creditCode')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  maxLength={24}
                  styles={MONO}
                  {...form.getInputProps('creditCode')}
                  onBlur={(e) => {
                    form.getInputProps('creditCode').onBlur?.(e);
                    void checkDuplicates();
                  }}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: company ? 6 : 12 }}>
              <TextInput label={t('customers.field.industry')} withAsterisk={star('industry')} {...form.getInputProps('industry')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('customers.field.mobile')}
                inputMode="tel"
                description={duplicateNote('mobile', values.mobile)}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                {...form.getInputProps('mobile')}
                onBlur={(e) => {
                  form.getInputProps('mobile').onBlur?.(e);
                  void checkDuplicates();
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('customers.field.phone')} {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('customers.field.email')} withAsterisk={star('email')} {...form.getInputProps('email')} />
            </Grid.Col>
          </Grid>
        </Section>

        <Section title={t('customers.form.business')}>
          <Grid gutter="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <Select
                label={t('customers.field.owner')}
                placeholder={t('customers.form.ownerPlaceholder')}
                withAsterisk={star('ownerUserId')}
                searchable
                clearable
                data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                {...form.getInputProps('ownerUserId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TagPicker label={t('customers.field.tags')} creatable value={values.tagIds} onChange={(ids) => form.setFieldValue('tagIds', ids)} error={form.errors.tagIds} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('customers.field.source')} withAsterisk={star('source')} {...form.getInputProps('source')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <DateField
                label={t('customers.field.cooperationSince')}
                description={years !== null ? t('customers.form.yearsOfCooperation', { years: years < 1 ? t('customers.units.lessThanYear') : t('customers.units.years', { count: years }) }) : undefined}
                {...form.getInputProps('cooperationSince')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('customers.field.tier')} {...form.getInputProps('tier')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('customers.field.creditLimit')}
                description={t('customers.form.creditLimitHelp')}
                leftSection="¥"
                inputMode="decimal"
                {...form.getInputProps('creditLimit')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NumberInput
                label={t('customers.field.paymentTermsDays')}
                description={t('customers.form.paymentTermsHelp')}
                min={0}
                max={365}
                allowDecimal={false}
                rightSection={<Text size="xs" c="dimmed" pr={8}>{t('customers.units.days')}</Text>}
                rightSectionWidth={36}
                {...form.getInputProps('paymentTermsDays')}
              />
            </Grid.Col>
          </Grid>
        </Section>

        <Section title={t('customers.form.contacts')}>
          <ContactsSection form={form} onMobileBlur={() => void checkDuplicates()} mobileNote={(mobile) => duplicateNote('mobile', mobile)} />
          {form.errors.contacts && (
            <Text c="red" size="sm" mt="xs">
              {form.errors.contacts}
            </Text>
          )}
        </Section>

        <Section title={t('customers.form.addresses')}>
          <AddressesSection form={form} />
          {form.errors.addresses && (
            <Text c="red" size="sm" mt="xs">
              {form.errors.addresses}
            </Text>
          )}
        </Section>

        {company && (
          <Section title={t('customers.form.invoicing')} description={t('customers.form.invoicingHelp')}>
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
          </Section>
        )}

        {(fieldDefs.data ?? []).length > 0 && (
          <Section title={t('customers.form.custom')}>
            <Grid gutter="sm">
              {fieldDefs.data!.map((def) => (
                <Grid.Col key={def.id} span={{ base: 12, sm: 4 }}>
                  <CustomFieldInput def={def} form={form} />
                </Grid.Col>
              ))}
            </Grid>
          </Section>
        )}

        <Section title={t('customers.field.notes')}>
          <Textarea autosize minRows={3} maxRows={10} aria-label={t('customers.field.notes')} {...form.getInputProps('notes')} />
        </Section>

        <Group justify="flex-end" pb="xl">
          <Button variant="default" onClick={() => navigate(customer ? `/customers/${customer.id}` : '/customers')}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>

      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('customers.form.unsavedTitle')} data-testid="unsaved-changes">
        <Stack>
          <Text size="sm">{t('customers.form.unsavedText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
              {t('customers.form.unsavedStay')}
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()} data-testid="discard-changes">
              {t('customers.form.unsavedLeave')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={conflict !== null} onClose={() => setConflict(null)} title={t('customers.form.duplicatesTitle')} size="lg">
        <Stack>
          <Text size="sm">{t('customers.form.duplicatesText')}</Text>
          <DuplicateList matches={conflict ?? []} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConflict(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={busy}
              data-testid="create-anyway"
              onClick={() => {
                setConflict(null);
                form.clearErrors();
                void create(true);
              }}
            >
              {t('customers.form.createAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}

function CustomFieldInput({ def, form }: { def: CustomFieldDef; form: UseFormReturnType<CustomerFormValues> }) {
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
