import { Anchor, Button, Checkbox, Group, NumberInput, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DunningSettings } from '../../../src-main/domain/dunning/dunning.contract';
import { fieldErrors, useApiMutation, useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { LevelsEditor } from './LevelsEditor';
import { shortcutTarget } from '../../components/shortcut-targets';

interface SmtpDraft {
  host: string;
  port: number | string;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

const EMPTY_SMTP: SmtpDraft = { host: '', port: 465, secure: true, user: '', password: '', from: '' };

/** 催收设置: when customers go on credit hold, the levels and their templates, and the mail server. */
export function DunningSettingsPage() {
  const { t } = useTranslation();
  const settings = useApiQuery('dunning.settings', {});
  return (
    <>
      <PageHeader
        title={t('dunning.settings.title')}
        actions={
          <Anchor component={Link} to="/dunning" size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} />
              {t('dunning.settings.back')}
            </Group>
          </Anchor>
        }
      />
      {settings.isError ? (
        <LoadFailed error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <Stack>
          {settings.data && <GeneralSettings settings={settings.data} />}
          <LevelsEditor />
        </Stack>
      )}
    </>
  );
}

function GeneralSettings({ settings }: { settings: DunningSettings }) {
  const { t } = useTranslation();
  const [holdAfter, setHoldAfter] = useState<number | string>(settings.holdAfterDays ?? '');
  const [smtp, setSmtp] = useState<SmtpDraft>(settings.smtp ? { ...settings.smtp, password: '' } : EMPTY_SMTP);
  const [testTo, setTestTo] = useState('');
  const save = useApiMutation('dunning.updateSettings');
  const test = useApiMutation('dunning.testEmail');
  useEffect(() => setHoldAfter(settings.holdAfterDays ?? ''), [settings.holdAfterDays]);
  const errors = fieldErrors(save.error);
  const set = (patch: Partial<SmtpDraft>) => setSmtp((s) => ({ ...s, ...patch }));
  const smtpFilled = smtp.host.trim() !== '' && smtp.from.trim() !== '' && typeof smtp.port === 'number';
  function submit() {
    save.mutate(
      {
        holdAfterDays: typeof holdAfter === 'number' ? holdAfter : null,
        ...(smtpFilled ? { smtp: { host: smtp.host.trim(), port: smtp.port as number, secure: smtp.secure, user: smtp.user.trim(), from: smtp.from.trim(), ...(smtp.password ? { password: smtp.password } : {}) } } : {}),
      },
      {
        onSuccess: () => {
          set({ password: '' });
          notifications.show({ color: 'teal', message: t('dunning.settings.saved') });
        },
      },
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>{t('dunning.settings.holdTitle')}</Title>
          <NumberInput label={t('dunning.settings.holdAfterDays')} value={holdAfter} onChange={setHoldAfter} min={0} max={3650} allowDecimal={false} w={200} error={errors.holdAfterDays} data-testid="hold-after-days" />
          <Text size="sm" c="dimmed">
            {t('dunning.settings.holdHint')}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={4}>{t('dunning.settings.smtpTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('dunning.settings.smtpHint')}
          </Text>
          <Group grow align="flex-start">
            <TextInput label={t('dunning.settings.host')} value={smtp.host} onChange={(e) => set({ host: e.currentTarget.value })} placeholder="smtp.exmail.qq.com" error={errors['smtp.host']} data-testid="smtp-host" />
            <NumberInput label={t('dunning.settings.port')} value={smtp.port} onChange={(v) => set({ port: v })} min={1} max={65535} allowDecimal={false} maw={110} error={errors['smtp.port']} />
          </Group>
          <Checkbox label={t('dunning.settings.secure')} checked={smtp.secure} onChange={(e) => set({ secure: e.currentTarget.checked })} />
          <Group grow align="flex-start">
            <TextInput label={t('dunning.settings.user')} value={smtp.user} onChange={(e) => set({ user: e.currentTarget.value })} autoComplete="off" />
            <PasswordInput
              label={t('dunning.settings.password')}
              value={smtp.password}
              onChange={(e) => set({ password: e.currentTarget.value })}
              placeholder={settings.smtp?.hasPassword ? t('dunning.settings.passwordKept') : ''}
              autoComplete="new-password"
            />
          </Group>
          <TextInput label={t('dunning.settings.from')} value={smtp.from} onChange={(e) => set({ from: e.currentTarget.value })} placeholder="ar@example.com" error={errors['smtp.from']} data-testid="smtp-from" />
          <Group align="flex-end">
            <TextInput label={t('dunning.settings.testTo')} value={testTo} onChange={(e) => setTestTo(e.currentTarget.value)} style={{ flex: 1 }} error={fieldErrors(test.error).to} />
            <Button
              variant="default"
              leftSection={<IconSend size={16} />}
              disabled={!settings.smtp || !testTo.trim()}
              loading={test.isPending}
              onClick={() => test.mutate({ to: testTo.trim() }, { onSuccess: () => notifications.show({ color: 'teal', message: t('dunning.settings.testSent', { to: testTo.trim() }) }) })}
              data-testid="smtp-test"
            >
              {t('dunning.settings.testSend')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="save-dunning-settings" {...shortcutTarget('save')}>
          {t('common.save')}
        </Button>
      </Group>
    </SimpleGrid>
  );
}
