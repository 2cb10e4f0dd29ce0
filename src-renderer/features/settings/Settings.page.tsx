import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_REQUIRABLE_FIELDS } from '../../../src-main/domain/settings/settings.contract';
import { api } from '../../api/client';
import { showFormError, useSettings } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { currencyOptions, timeZoneOptions } from '../../components/company-options';
import { useCan } from '../auth/current-user';

export function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const settings = useSettings();
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { companyName: '', currency: 'CNY', timeZone: 'Asia/Shanghai', customerRequiredFields: [] as string[] } });
  const editable = can('settings.manage');

  useEffect(() => {
    if (settings.data) form.setValues(settings.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settings.data]);

  if (settings.isError) return <LoadFailed error={settings.error} onRetry={() => void settings.refetch()} />;

  async function save(values: typeof form.values) {
    setBusy(true);
    try {
      await api.settings.update({ ...values, customerRequiredFields: values.customerRequiredFields as (typeof CUSTOMER_REQUIRABLE_FIELDS)[number][] });
      notifications.show({ color: 'teal', message: t('common.saved') });
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <form onSubmit={form.onSubmit((v) => void save(v))}>
        <Stack maw={640}>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('settings.company')}
            </Title>
            <Stack>
              <TextInput label={t('settings.companyName')} disabled={!editable} {...form.getInputProps('companyName')} />
              <Group grow>
                <Select label={t('settings.currency')} data={currencyOptions(t)} allowDeselect={false} disabled={!editable} {...form.getInputProps('currency')} />
                <Select
                  label={t('settings.timeZone')}
                  data={timeZoneOptions(t)}
                  allowDeselect={false}
                  disabled={!editable}
                  {...form.getInputProps('timeZone')}
                />
              </Group>
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
          </Paper>
          <Text size="sm" c="dimmed">
            {t('settings.dataFile')}
          </Text>
          {editable && (
            <Group>
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </>
  );
}
