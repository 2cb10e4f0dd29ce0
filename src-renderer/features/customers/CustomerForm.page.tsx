import { Alert, Box, Button, Center, Checkbox, Grid, Group, Loader, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { customerCreateInput } from '../../../src-main/domain/customers/customers.contract';
import { CUSTOMER_KINDS, CUSTOMER_SIZES, type Customer, type DuplicateMatch } from '../../../src-main/domain/customers/customers.dto';
import { normaliseMobile, requiredFieldIssues, type RequiredFieldsDraft } from '../../../src-main/domain/customers/customers.rules';
import { daysBetween } from '../../../src-main/domain/core/dates';
import { api } from '../../api/client';
import { useSettings } from '../../api/hooks';
import { describeIssue, issuesByPath } from '../../api/issues';
import { DateField } from '../../components/DateField';
import { amountErrors } from '../../components/form/amount';
import { ContractForm, useContractForm } from '../../components/form/contract-form';
import { FormActions } from '../../components/form/FormActions';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { businessToday } from '../../format';
import { UserPicker } from '../../components/UserPicker';
import { AddressesSection } from './components/AddressesSection';
import { ContactsSection } from './components/ContactsSection';
import { CustomFieldsSection, FormSection as Section, InvoicingSection, MONO } from './components/CustomerFormSections';
import { DuplicateList } from './components/DuplicateList';
import { TagPicker } from './components/TagPicker';
import { useCustomer, useFieldDefs } from './customers.queries';
import { contactInputOf, createInputOf, emptyValues, valuesFromCustomer, type CustomerFormValues } from './form-model';
import { customerEditOf } from './save-edits';

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

function wholeYearsSince(date: string | null): number | null {
  if (!date) return null;
  try {
    const days = daysBetween(date, businessToday());
    return days < 0 ? null : Math.floor(days / 365.25);
  } catch {
    return null; // half-typed, not a date yet
  }
}

/** What the company's required fields are checked on while the rest of the form does not parse yet (no name): contact cards left blank are not contacts. */
function requiredDraftOf(values: CustomerFormValues): RequiredFieldsDraft {
  const text = (value: string) => value.trim() || null;
  const contacts = values.contacts.filter((c) => Object.values(contactInputOf(c)).some((v) => typeof v === 'string' && v.trim() !== ''));
  return {
    kind: values.kind,
    mobile: text(values.mobile),
    email: text(values.email),
    creditCode: text(values.creditCode),
    industry: text(values.industry),
    source: text(values.source),
    ownerUserId: values.ownerUserId,
    contacts: contacts.map((c) => ({ mobile: text(c.mobile), email: text(c.email), isPrimary: c.isPrimary })),
    addresses: values.addresses.filter((a) => a.detail.trim() !== ''),
  };
}

function CustomerForm({ customer }: { customer: Customer | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const settings = useSettings();
  const fieldDefs = useFieldDefs();
  const required = settings.data?.customerRequiredFields ?? ['mobile'];
  const original = useMemo(() => (customer ? valuesFromCustomer(customer) : emptyValues()), [customer]);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);
  const [conflict, setConflict] = useState<DuplicateMatch[] | null>(null);
  // A credit code whose organisation code fails its own check: the server asks once, the user may accept.
  const [codeWarning, setCodeWarning] = useState(false);
  const [acceptCode, setAcceptCode] = useState(false);

  const editor = useContractForm({
    initialValues: original,
    schema: customerCreateInput,
    toInput: (values: CustomerFormValues) => createInputOf(values),
    // The company's required fields are asked for with the rest, not only once the name is filled in.
    also: (values, input) => ({ ...issuesByPath(requiredFieldIssues(input ?? requiredDraftOf(values), required)), ...amountErrors({ creditLimit: values.creditLimit }) }),
    save: async (values, confirmed): Promise<{ id: string; message: string }> => {
      if (!customer) {
        const created = await api.customers.create({ ...createInputOf(values, confirmed), acceptCreditCodeWarning: acceptCode });
        return { id: created.id, message: t('customers.form.created', { code: created.code, name: created.name }) };
      }
      const edit = customerEditOf(customer.id, original, values);
      if (edit) await api.customers.update({ ...edit, acceptCreditCodeWarning: acceptCode });
      return { id: customer.id, message: t('customers.form.saved', { name: values.name }) };
    },
    onSaved: (saved) => {
      notifications.show({ color: 'teal', message: saved.message });
      navigate(`/customers/${saved.id}`);
    },
    // A likely duplicate: the answer names the customers, so the dialog needs no second call.
    onRefused: (error) => {
      if (error.issues.some((i) => i.path === 'creditCode' && i.params?.warning)) setCodeWarning(true);
      if (error.code !== 'CONFLICT' || !error.details.duplicates) return false;
      setConflict(error.details.duplicates);
      return true;
    },
    page: true,
  });
  const { form } = editor;
  const values = form.getValues();
  const company = values.kind === 'company';

  /**
   * A likely duplicate shown right under the field it shares (the full list is at the top of the
   * form); not when the field already shows the server's refusal, which says the same.
   */
  function duplicateNote(path: string, reason: DuplicateMatch['matchedOn'], typed?: string): ReactNode {
    if (form.errors[path]) return undefined;
    const match = duplicates.find((d) => d.matchedOn === reason && (typed === undefined || (typed.trim() !== '' && d.value === normaliseMobile(typed))));
    if (!match) return undefined;
    return (
      <Text span size="xs" c="orange.8">
        {describeIssue({ code: 'duplicate', params: { matchedOn: reason, code: match.code, name: match.name } })}
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

  const leave = () => navigate(customer ? `/customers/${customer.id}` : '/customers');
  const years = wholeYearsSince(values.cooperationSince);
  const star = (field: string) => required.includes(field);

  return (
    <ContractForm editor={editor} onCancel={leave} footer={false} testId="customer-form">
      <PageHeader title={customer ? t('customers.form.editTitle', { name: customer.name }) : t('customers.form.newTitle')} actions={<FormActions saveTestId="save-customer" />} />
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
                description={duplicateNote('name', 'name')}
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
                  description={duplicateNote('creditCode', 'creditCode')}
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  maxLength={40}
                  styles={MONO}
                  {...form.getInputProps('creditCode')}
                  onBlur={(e) => {
                    form.getInputProps('creditCode').onBlur?.(e);
                    void checkDuplicates();
                  }}
                />
                {codeWarning && (
                  <Checkbox mt="xs" size="xs" label={t('customers.form.acceptCreditCode')} checked={acceptCode} onChange={(e) => setAcceptCode(e.currentTarget.checked)} />
                )}
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: company ? 6 : 12 }}>
              <TextInput label={t('customers.field.industry')} withAsterisk={star('industry')} {...form.getInputProps('industry')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t('customers.field.mobile')}
                withAsterisk={star('mobile')}
                data-testid="customer-mobile"
                inputMode="tel"
                description={duplicateNote('mobile', 'mobile', values.mobile)}
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
              <UserPicker label={t('customers.field.owner')} placeholder={t('customers.form.ownerPlaceholder')} withAsterisk={star('ownerUserId')} {...form.getInputProps('ownerUserId')} />
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
          <ContactsSection form={form} onMobileBlur={() => void checkDuplicates()} mobileNote={(mobile, index) => duplicateNote(`contacts.${index}.mobile`, 'mobile', mobile)} />
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

        {company && <InvoicingSection form={form} />}
        {(fieldDefs.data ?? []).length > 0 && <CustomFieldsSection defs={fieldDefs.data!} form={form} />}

        <Section title={t('customers.field.notes')}>
          <Textarea autosize minRows={3} maxRows={10} aria-label={t('customers.field.notes')} {...form.getInputProps('notes')} />
        </Section>

        <Box pb="xl">
          <FormActions />
        </Box>
      </Stack>

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
              loading={editor.busy}
              data-testid="create-anyway"
              onClick={() => {
                setConflict(null);
                editor.saveConfirmed();
              }}
            >
              {t('customers.form.createAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </ContractForm>
  );
}
