import { Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { showFormError } from '../../api/hooks';
import { FormActions } from '../../components/FormActions';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('common.required')),
      newPassword: (v) => (v.length >= 8 ? null : t('setup.passwordHint')),
      confirm: (v, values) => (v === values.newPassword ? null : t('setup.passwordsDiffer')),
    },
  });

  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      await api.auth.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      notifications.show({ color: 'teal', message: t('password.changed') });
      form.reset();
      onClose();
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('password.title')}>
      <form onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack>
          <PasswordInput label={t('password.current')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <PasswordInput label={t('password.new')} description={t('setup.passwordHint')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('password.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
