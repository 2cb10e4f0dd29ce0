import { Box, Button, Center, Group, Paper, PasswordInput, Select, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { fieldErrors, notifyError, queryClient } from '../../api/hooks';
import { LANGUAGES, type Language } from '../../i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { currencyOptions, timeZoneOptions } from '../../components/company-options';


export function SetupWizardPage() {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState(0);
  const [saving, setSaving] = useState(false);
  const form = useForm({
    initialValues: {
      companyName: '',
      currency: 'CNY',
      timeZone: 'Asia/Shanghai',
      ownerDisplayName: '',
      ownerUsername: '',
      password: '',
      passwordConfirm: '',
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (step === 0 && !values.companyName.trim()) errors.companyName = t('common.required');
      if (step === 1) {
        if (!values.ownerDisplayName.trim()) errors.ownerDisplayName = t('common.required');
        if (values.ownerUsername.trim().length < 2) errors.ownerUsername = t('common.required');
        if (values.password.length < 8) errors.password = t('setup.passwordHint');
        if (values.password !== values.passwordConfirm) errors.passwordConfirm = t('setup.passwordsDiffer');
      }
      return errors;
    },
  });

  async function finish() {
    if (form.validate().hasErrors) return;
    setSaving(true);
    const { passwordConfirm: _confirm, ...values } = form.getValues();
    const locale = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'zh-CN';
    try {
      await api.auth.setup({ ...values, locale });
      setStep(2);
    } catch (error) {
      const errors = fieldErrors(error);
      if (Object.keys(errors).length) {
        form.setErrors(errors);
        if (errors.companyName || errors.currency || errors.timeZone) setStep(0);
      } else notifyError(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Paper withBorder shadow="sm" p="xl" w={560} data-testid="setup-wizard">
        <Group justify="space-between" align="flex-start" mb="md">
          <Box>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('setup.subtitle')}
            </Text>
          </Box>
          <LanguageSwitch signedIn={false} />
        </Group>
        <Stepper active={step} size="sm" mb="lg">
          <Stepper.Step label={t('setup.stepCompany')}>
            <Stack mt="md">
              <TextInput label={t('setup.companyName')} placeholder={t('setup.companyNamePlaceholder')} withAsterisk {...form.getInputProps('companyName')} />
              <Select label={t('setup.currency')} data={currencyOptions(t)} allowDeselect={false} {...form.getInputProps('currency')} />
              <Select label={t('setup.timeZone')} data={timeZoneOptions(t)} allowDeselect={false} {...form.getInputProps('timeZone')} />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('setup.stepOwner')}>
            <Stack mt="md">
              <TextInput label={t('setup.ownerName')} withAsterisk {...form.getInputProps('ownerDisplayName')} />
              <TextInput label={t('setup.ownerUsername')} withAsterisk autoComplete="username" {...form.getInputProps('ownerUsername')} />
              <PasswordInput label={t('setup.password')} description={t('setup.passwordHint')} withAsterisk autoComplete="new-password" {...form.getInputProps('password')} />
              <PasswordInput label={t('setup.passwordConfirm')} withAsterisk autoComplete="new-password" {...form.getInputProps('passwordConfirm')} />
            </Stack>
          </Stepper.Step>
          <Stepper.Completed>
            <Text mt="md">{t('setup.doneText')}</Text>
          </Stepper.Completed>
        </Stepper>
        <Group justify="flex-end">
          {step === 1 && (
            <Button variant="default" onClick={() => setStep(0)}>
              {t('common.back')}
            </Button>
          )}
          {step === 0 && <Button onClick={() => !form.validate().hasErrors && setStep(1)}>{t('common.next')}</Button>}
          {step === 1 && (
            <Button loading={saving} onClick={() => void finish()}>
              {t('setup.finish')}
            </Button>
          )}
          {step === 2 && <Button onClick={() => void queryClient.invalidateQueries({ queryKey: ['auth'] })}>{t('setup.finish')}</Button>}
        </Group>
      </Paper>
    </Center>
  );
}
