import { Button, Center, Checkbox, Group, Loader, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CUSTOMER_REQUIRABLE_FIELDS, LETTERHEAD_FIELDS, settingsContract, type CompanySettings } from '../../../src-main/domain/settings/settings.contract';
import { api } from '../../api/client';
import { useSettings } from '../../api/hooks';
import { currencyOptions, timeZoneOptions } from '../../components/company-options';
import { ContractForm, useContractForm } from '../../components/form/contract-form';
import { FormActions } from '../../components/form/FormActions';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';

type RequirableField = (typeof CUSTOMER_REQUIRABLE_FIELDS)[number];

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      {settings.isError ? (
        <LoadFailed error={settings.error} onRetry={() => void settings.refetch()} />
      ) : settings.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ settings }: { settings: CompanySettings }) {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('settings.manage');
  // demoData is the seeder's mark, not a setting anyone edits: it is not sent back.
  const { demoData: _demoData, ...editableSettings } = settings;
  const editor = useContractForm({
    initialValues: { ...editableSettings, customerRequiredFields: settings.customerRequiredFields as RequirableField[] },
    schema: settingsContract['settings.update'].input,
    save: (values) => api.settings.update(values),
    onSaved: () => notifications.show({ color: 'teal', message: t('common.saved') }),
    page: true,
  });
  const { form } = editor;

  return (
    <ContractForm editor={editor} footer={false}>
      <Stack maw={640}>
        <Paper withBorder p="md">
          <Title order={4} mb="sm">
            {t('settings.company')}
          </Title>
          <Stack>
            <TextInput label={t('settings.companyName')} disabled={!editable} {...form.getInputProps('companyName')} />
            <Group grow>
              <Select label={t('settings.currency')} data={currencyOptions(t)} allowDeselect={false} disabled={!editable} {...form.getInputProps('currency')} />
              <Select label={t('settings.timeZone')} data={timeZoneOptions(t)} allowDeselect={false} disabled={!editable} {...form.getInputProps('timeZone')} />
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>{t('print.letterhead.title')}</Title>
            <Button component={Link} to="/print/sample_delivery_note/8" variant="subtle" size="xs" title={t('print.previewHelp')}>
              {t('print.preview')}
            </Button>
          </Group>
          <Stack>
            {LETTERHEAD_FIELDS.map((field) => (
              <TextInput key={field} label={t(`print.letterheadForm.${field}`)} disabled={!editable} {...form.getInputProps(field)} />
            ))}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={4}>{t('settings.requiredFields')}</Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('settings.requiredFieldsHelp')}
          </Text>
          <Checkbox.Group {...form.getInputProps('customerRequiredFields')}>
            <Group>
              {CUSTOMER_REQUIRABLE_FIELDS.map((f) => (
                <Checkbox key={f} value={f} label={t(`settings.fields.${f}`)} disabled={!editable} />
              ))}
            </Group>
          </Checkbox.Group>
          <NumberInput mt="md" maw={280} label={t('settings.followUpDays')} description={t('settings.followUpDaysHelp')} min={1} max={365} allowDecimal={false} disabled={!editable} {...form.getInputProps('followUpDays')} />
        </Paper>
        <Text size="sm" c="dimmed">
          {t('settings.dataFile')}
        </Text>
        {editable && <FormActions />}
      </Stack>
    </ContractForm>
  );
}
