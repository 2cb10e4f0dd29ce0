import { Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { authContract } from '../../../src-main/domain/auth/auth.contract';
import { api } from '../../api/client';
import { ContractForm, useContractForm } from '../../components/form/contract-form';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  /** Typed twice so a slip of the finger does not lock the user out; never sent. */
  confirm: string;
}

const inputOf = ({ currentPassword, newPassword }: PasswordValues) => ({ currentPassword, newPassword });

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('password.title')}>
      <ChangePasswordForm onClose={onClose} />
    </Modal>
  );
}

function ChangePasswordForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    schema: authContract['auth.changePassword'].input,
    toInput: inputOf,
    also: (values): Record<string, string> => (values.confirm === values.newPassword ? {} : { confirm: t('setup.passwordsDiffer') }),
    save: (values) => api.auth.changePassword(inputOf(values)),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('password.changed') });
      onClose();
    },
  });
  const { form } = editor;
  return (
    <ContractForm editor={editor} onCancel={onClose}>
      <Stack>
        <PasswordInput label={t('password.current')} autoComplete="current-password" data-autofocus {...form.getInputProps('currentPassword')} />
        <PasswordInput label={t('password.new')} description={t('setup.passwordHint')} autoComplete="new-password" {...form.getInputProps('newPassword')} />
        <PasswordInput label={t('password.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
      </Stack>
    </ContractForm>
  );
}
