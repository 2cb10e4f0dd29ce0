import { Button, Group, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../src-main/domain/backup/backup.contract';
import { api } from '../../../api/client';
import { showFormError } from '../../../api/hooks';

/** 备份文件夹 and 自动备份: an empty folder means the default beside the database. */
export function BackupSettingsCard({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { folder: '', autoDaily: true } });

  useEffect(() => {
    form.setValues({ folder: status.customFolder ? (status.folder ?? '') : '', autoDaily: status.autoDaily });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status.folder, status.customFolder, status.autoDaily]);

  async function save(values: typeof form.values) {
    setBusy(true);
    try {
      await api.backup.updateSettings({ folder: values.folder.trim() || null, autoDaily: values.autoDaily });
      notifications.show({ color: 'teal', message: t('backup.folder.saved') });
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('backup.folder.title')}
      </Title>
      <form onSubmit={form.onSubmit((values) => void save(values))}>
        <Stack>
          <TextInput
            label={t('backup.folder.label')}
            description={t('backup.folder.help', { folder: status.defaultFolder ?? '' })}
            placeholder={status.defaultFolder ?? ''}
            data-testid="backup-folder"
            {...form.getInputProps('folder')}
          />
          {!status.folderExists && status.customFolder && (
            <Text size="sm" c="red">
              {t('backup.folder.missing')}
            </Text>
          )}
          <Switch label={t('backup.folder.auto')} description={t('backup.folder.autoHelp')} {...form.getInputProps('autoDaily', { type: 'checkbox' })} />
          <Group>
            <Button type="submit" variant="default" loading={busy}>
              {t('backup.folder.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
