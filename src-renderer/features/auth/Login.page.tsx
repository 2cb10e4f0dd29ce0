import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiCallError } from '../../api/client';
import { errorMessage, queryClient } from '../../api/hooks';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import i18n, { rememberLanguage, LANGUAGES, type Language } from '../../i18n';

export function LoginPage({ companyName }: { companyName: string | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('common.required')),
      password: (v) => (v ? null : t('common.required')),
    },
  });

  async function signIn(values: { username: string; password: string }) {
    setBusy(true);
    try {
      const user = await api.auth.login({ username: values.username.trim(), password: values.password });
      if (user.locale && (LANGUAGES as readonly string[]).includes(user.locale) && user.locale !== i18n.language) {
        void i18n.changeLanguage(user.locale);
        rememberLanguage(user.locale as Language);
      }
      await queryClient.invalidateQueries({ queryKey: ['auth'] });
    } catch (error) {
      const wrong = error instanceof ApiCallError && error.code === 'UNAUTHENTICATED';
      form.setErrors({ password: wrong ? t('login.failed') : errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Paper withBorder shadow="sm" p="xl" w={400} data-testid="login">
        <Group justify="space-between" align="flex-start" mb="lg">
          <Stack gap={2}>
            <Title order={2}>{t('login.title')}</Title>
            {companyName && <Text c="dimmed">{companyName}</Text>}
          </Stack>
          <LanguageSwitch signedIn={false} />
        </Group>
        <form onSubmit={form.onSubmit((values) => void signIn(values))}>
          <Stack>
            <TextInput label={t('login.username')} autoComplete="username" autoFocus {...form.getInputProps('username')} />
            <PasswordInput label={t('login.password')} autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={busy} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
