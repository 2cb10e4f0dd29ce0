import { ActionIcon, Badge, Button, Menu, Modal, PasswordInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-main/api/permissions';
import type { UserRow } from '../../../src-main/domain/users/users.contract';
import { usersContract } from '../../../src-main/domain/users/users.contract';
import { api } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../format';
import { ContractForm, useContractForm } from '../../components/form/contract-form';
import { shortcutTarget } from '../../components/shortcut-targets';

export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [createOpened, createModal] = useDisclosure();
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [rolesOpened, rolesModal] = useDisclosure();

  const updateUser = useApiMutation('users.update', { onSuccess: () => notifications.show({ color: 'teal', message: t('common.saved') }) });
  const update = (user: UserRow, patch: { role?: Role; active?: boolean; managerUserId?: string | null }) => updateUser.mutate({ id: user.id, ...patch });
  // A team is the people whose 上级 is an owner or a manager; a manager with team scope sees their customers.
  const leaders = (useApiQuery('users.options', {}).data ?? []).filter((u) => u.role === 'owner' || u.role === 'manager');

  const columns: Column<UserRow>[] = [
    { key: 'displayName', header: t('users.displayName'), render: (u) => u.displayName },
    { key: 'username', header: t('users.username'), render: (u) => u.username },
    {
      key: 'role',
      header: t('users.role'),
      render: (u) => (
        <Select
          size="xs"
          w={120}
          aria-label={t('users.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={u.role}
          allowDeselect={false}
          onChange={(v) => v && v !== u.role && update(u, { role: v as Role })}
        />
      ),
    },
    {
      key: 'manager',
      header: t('users.manager'),
      render: (u) => (
        <Select
          size="xs"
          w={130}
          aria-label={t('users.manager')}
          placeholder={t('users.noManager')}
          data={leaders.filter((l) => l.id !== u.id).map((l) => ({ value: l.id, label: l.displayName }))}
          value={u.managerUserId}
          clearable
          onChange={(v) => (v ?? null) !== u.managerUserId && update(u, { managerUserId: v ?? null })}
        />
      ),
    },
    {
      key: 'active',
      header: t('common.status'),
      render: (u) => <Badge color={u.active ? 'teal' : 'gray'}>{u.active ? t('common.active') : t('common.disabled')}</Badge>,
    },
    { key: 'lastLogin', header: t('users.lastLogin'), render: (u) => (u.lastLoginAt ? formatTimestamp(u.lastLoginAt) : t('common.never')) },
    {
      key: 'actions',
      header: '',
      render: (u) => (
        <Menu position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('common.actions')}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setResetting(u)}>{t('users.resetPassword')}</Menu.Item>
            <Menu.Item color={u.active ? 'red' : undefined} onClick={() => update(u, { active: !u.active })}>
              {u.active ? t('users.disable') : t('users.enable')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        actions={
          <>
            <Button variant="default" onClick={rolesModal.open}>
              {t('users.rolesHelp')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open} data-testid="add-user" {...shortcutTarget('create')}>
              {t('users.add')}
            </Button>
          </>
        }
      />
      <TextInput mb="sm" maw={320} leftSection={<IconSearch size={16} />} placeholder={t('users.searchPlaceholder')} {...shortcutTarget('search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <DataTable
        method="users.list"
        countWords="users"
        input={{ q: debouncedQ || undefined }}
        columns={columns}
        rowKey={(u) => u.id}
        onExport={async (jobId) => saveExport(await api.exports.users({ q: debouncedQ || undefined, format: 'xlsx', language: exportLanguage(), jobId }))}
        empty={<EmptyState icon={<IconUserPlus size={30} />} title={t('users.emptyTitle')} text={t('users.emptyText')} />}
      />
      <CreateUserModal opened={createOpened} onClose={createModal.close} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <Modal opened={rolesOpened} onClose={rolesModal.close} title={t('users.rolesHelp')} size="lg">
        <Table>
          <Table.Tbody>
            {ROLES.map((r) => (
              <Table.Tr key={r}>
                <Table.Td fw={600}>{t(`roles.${r}`)}</Table.Td>
                <Table.Td>{t(`users.roleDescriptions.${r}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </>
  );
}

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.add')}>
      <CreateUserForm onClose={onClose} />
    </Modal>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: { username: '', displayName: '', role: 'sales' as Role, password: '' },
    schema: usersContract['users.create'].input,
    save: (values) => api.users.create(values),
    onSaved: (user) => {
      notifications.show({ color: 'teal', message: t('users.created', { name: user.displayName }) });
      onClose();
    },
  });
  const { form } = editor;
  return (
    <ContractForm editor={editor} onCancel={onClose}>
      <Stack>
        <TextInput label={t('users.displayName')} withAsterisk {...form.getInputProps('displayName')} />
        <TextInput label={t('users.username')} withAsterisk autoComplete="off" {...form.getInputProps('username')} />
        <Select
          label={t('users.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          allowDeselect={false}
          description={t(`users.roleDescriptions.${form.getValues().role}`)}
          {...form.getInputProps('role')}
        />
        <PasswordInput label={t('users.initialPassword')} description={t('setup.passwordHint')} withAsterisk autoComplete="new-password" {...form.getInputProps('password')} />
      </Stack>
    </ContractForm>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={`${t('users.resetPassword')} · ${user?.displayName ?? ''}`}>
      {user && <ResetPasswordForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function ResetPasswordForm({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: { id: user.id, newPassword: '' },
    schema: usersContract['users.resetPassword'].input,
    save: (values) => api.users.resetPassword(values),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      onClose();
    },
  });
  return (
    <ContractForm editor={editor} onCancel={onClose}>
      <PasswordInput label={t('users.newPassword')} description={t('setup.passwordHint')} autoComplete="new-password" data-autofocus {...editor.form.getInputProps('newPassword')} />
    </ContractForm>
  );
}
