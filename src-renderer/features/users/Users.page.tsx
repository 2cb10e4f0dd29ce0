import { ActionIcon, Badge, Button, Group, Menu, Modal, PasswordInput, Select, Stack, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../src-main/api/permissions';
import type { UserRow } from '../../../src-main/domain/users/users.contract';
import { usersContract } from '../../../src-main/domain/users/users.contract';
import { api } from '../../api/client';
import { fieldErrors, notifyError, showFormError } from '../../api/hooks';
import { DataTable, type Column } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { zodValidate } from '../../api/issues';
import { formatTimestamp } from '../../format';
import { FormActions } from '../../components/FormActions';

export function UsersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [createOpened, createModal] = useDisclosure();
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [rolesOpened, rolesModal] = useDisclosure();

  async function update(user: UserRow, patch: { role?: Role; active?: boolean }) {
    try {
      await api.users.update({ id: user.id, ...patch });
      notifications.show({ color: 'teal', message: t('common.saved') });
    } catch (error) {
      notifyError(error);
    }
  }

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
          onChange={(v) => v && v !== u.role && void update(u, { role: v as Role })}
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
            <Menu.Item color={u.active ? 'red' : undefined} onClick={() => void update(u, { active: !u.active })}>
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
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open} data-testid="add-user">
              {t('users.add')}
            </Button>
          </>
        }
      />
      <TextInput mb="sm" maw={320} leftSection={<IconSearch size={16} />} placeholder={t('users.searchPlaceholder')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <DataTable
        queryKey={['users', 'list', debouncedQ]}
        fetchPage={(page, pageSize) => api.users.list({ q: debouncedQ || undefined, page, pageSize })}
        columns={columns}
        rowKey={(u) => u.id}
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
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { username: '', displayName: '', role: 'sales' as Role, password: '' },
    validate: zodValidate(usersContract['users.create'].input),
  });
  async function submit(values: typeof form.values) {
    setBusy(true);
    try {
      const user = await api.users.create(values);
      notifications.show({ color: 'teal', message: t('users.created', { name: user.displayName }) });
      form.reset();
      onClose();
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.add')}>
      <form onSubmit={form.onSubmit((v) => void submit(v))}>
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
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    if (!user) return;
    try {
      await api.users.resetPassword({ id: user.id, newPassword: password });
      notifications.show({ color: 'teal', message: t('common.saved') });
      setPassword('');
      onClose();
    } catch (e) {
      setError(fieldErrors(e).newPassword ?? null);
      if (!fieldErrors(e).newPassword) notifyError(e);
    }
  }
  return (
    <Modal opened={user !== null} onClose={onClose} title={`${t('users.resetPassword')} · ${user?.displayName ?? ''}`}>
      <Stack>
        <PasswordInput label={t('users.newPassword')} description={t('setup.passwordHint')} value={password} error={error} onChange={(e) => setPassword(e.currentTarget.value)} />
        <Group justify="flex-end">
          <Button onClick={() => void submit()}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

