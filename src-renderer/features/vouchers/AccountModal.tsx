import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { vouchersContract } from '../../../src-main/domain/vouchers/vouchers.contract';
import type { ChartAccount } from '../../../src-main/domain/vouchers/vouchers.dto';
import { api } from '../../api/client';
import { ContractForm, useContractForm } from '../../components/form/contract-form';

interface AccountValues {
  code: string;
  name: string;
  parentCode: string | null;
}

function AccountForm({ account, accounts, onClose }: { account: ChartAccount | null; accounts: ChartAccount[]; onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: { code: account?.code ?? '', name: account?.name ?? '', parentCode: account?.parentCode ?? null } as AccountValues,
    schema: vouchersContract['vouchers.saveAccount'].input,
    save: (values) => api.vouchers.saveAccount(values),
    onSaved: (_chart, values) => {
      notifications.show({ color: 'teal', message: t('vouchers.accounts.saved', { code: values.code }) });
      onClose();
    },
  });
  const { form } = editor;
  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="save-account" testId="account-form">
      <Stack gap="sm">
        <Select
          label={t('vouchers.accounts.parent')}
          placeholder={t('vouchers.accounts.noParent')}
          data={accounts.filter((a) => a.code !== account?.code).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }))}
          searchable
          clearable
          disabled={account !== null}
          data-testid="account-parent"
          {...form.getInputProps('parentCode')}
        />
        <TextInput label={t('vouchers.accounts.code')} description={t('vouchers.accounts.codeHint')} withAsterisk disabled={account !== null} data-autofocus data-testid="account-code" {...form.getInputProps('code')} />
        <TextInput label={t('vouchers.accounts.name')} withAsterisk data-testid="account-name" {...form.getInputProps('name')} />
      </Stack>
    </ContractForm>
  );
}

/** 新增 / 修改科目: a new account under its parent, or a new name for one; the code of an existing account stays. */
export function AccountModal({ opened, account, accounts, onClose }: { opened: boolean; account: ChartAccount | null; accounts: ChartAccount[]; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={account ? t('vouchers.accounts.editTitle', { code: account.code }) : t('vouchers.accounts.addTitle')}>
      {opened && <AccountForm key={account?.code ?? 'new'} account={account} accounts={accounts} onClose={onClose} />}
    </Modal>
  );
}
