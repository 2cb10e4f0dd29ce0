import { ActionIcon, Badge, Button, Grid, Group, Modal, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ROLES, ACCOUNTING_STANDARDS, type AccountingStandard, type AccountRole, type ChartAccount, type ChartOfAccounts } from '../../../src-main/domain/vouchers/vouchers.dto';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { useCan } from '../auth/current-user';
import { AccountModal } from './AccountModal';
import { shortcutTarget } from '../../components/shortcut-targets';

/** How deep an account sits under its parents, for the indent of the tree. */
function depthOf(account: ChartAccount, byCode: Map<string, ChartAccount>): number {
  let depth = 0;
  for (let parent = account.parentCode; parent && depth < 10; parent = byCode.get(parent)?.parentCode ?? null) depth++;
  return depth;
}

function ChartTable({ chart, onEdit, editable }: { chart: ChartOfAccounts; onEdit: (account: ChartAccount) => void; editable: boolean }) {
  const { t } = useTranslation();
  const byCode = new Map(chart.accounts.map((a) => [a.code, a]));
  const rolesOf = (code: string) => ACCOUNT_ROLES.filter((role) => chart.mapping[role] === code);
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table striped highlightOnHover verticalSpacing={6} data-testid="chart-of-accounts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('vouchers.accounts.code')}</Table.Th>
            <Table.Th>{t('vouchers.accounts.name')}</Table.Th>
            <Table.Th>{t('vouchers.accounts.kind')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('vouchers.accounts.auxiliary')}</Table.Th>
            <Table.Th>{t('vouchers.accounts.mappedAs')}</Table.Th>
            {editable && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chart.accounts.map((a) => (
            <Table.Tr key={a.code} data-testid={`account-${a.code}`}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{a.code}</Table.Td>
              <Table.Td style={{ paddingLeft: 12 + depthOf(a, byCode) * 18 }} data-depth={depthOf(a, byCode)} fw={a.leaf ? undefined : 600}>
                {a.name}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.kind ? t(`vouchers.accounts.kinds.${a.kind}`) : '—'}</Table.Td>
              <Table.Td>{a.customerAuxiliary && <Badge variant="light" size="sm">{t('vouchers.accounts.customerAux')}</Badge>}</Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">{rolesOf(a.code).map((role) => t(`vouchers.accounts.roles.${role}`)).join('、')}</Text>
              </Table.Td>
              {editable && (
                <Table.Td>
                  <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={() => onEdit(a)} data-testid={`edit-account-${a.code}`}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Each posting role and the leaf account it goes to; a change is saved as it is picked. */
function MappingPanel({ chart, editable }: { chart: ChartOfAccounts; editable: boolean }) {
  const { t } = useTranslation();
  const setMapping = useApiMutation('vouchers.setMapping', {
    onSuccess: (_chart, input) => notifications.show({ color: 'teal', message: t('vouchers.accounts.mappingSaved', { role: t(`vouchers.accounts.roles.${input.role}`), code: input.accountCode }) }),
  });
  const leaves = chart.accounts.filter((a) => a.leaf).map((a) => ({ value: a.code, label: `${a.code} ${a.name}` }));
  return (
    <Stack gap="xs" data-testid="account-mapping">
      <Text size="sm" c="dimmed">{t('vouchers.accounts.mappingHint')}</Text>
      {ACCOUNT_ROLES.map((role: AccountRole) => (
        <Group key={role} gap="sm" wrap="nowrap">
          <Text size="sm" w={96} style={{ flexShrink: 0 }}>{t(`vouchers.accounts.roles.${role}`)}</Text>
          <Select
            size="sm"
            style={{ flex: 1 }}
            data={leaves}
            value={chart.mapping[role] ?? null}
            searchable
            allowDeselect={false}
            disabled={!editable}
            aria-label={t(`vouchers.accounts.roles.${role}`)}
            data-testid={`mapping-${role}`}
            onChange={(code) => code && code !== chart.mapping[role] && setMapping.mutate({ role, accountCode: code })}
          />
        </Group>
      ))}
    </Stack>
  );
}

function ApplyStandardModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [standard, setStandard] = useState<AccountingStandard>('small_business');
  const apply = useApiMutation('vouchers.applyStandard', {
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('vouchers.accounts.applied', { standard: t(`vouchers.accounts.standards.${standard}`) }) });
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('vouchers.accounts.applyTitle')}>
      <Stack>
        <Select
          data={ACCOUNTING_STANDARDS.map((s) => ({ value: s, label: t(`vouchers.accounts.standards.${s}`) }))}
          value={standard}
          allowDeselect={false}
          onChange={(v) => v && setStandard(v as AccountingStandard)}
          data-testid="standard"
        />
        <Text size="sm">{t('vouchers.accounts.applyText', { standard: t(`vouchers.accounts.standards.${standard}`) })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="orange" loading={apply.isPending} onClick={() => apply.mutate({ standard })} data-testid="confirm-standard">
            {t('vouchers.accounts.applyConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 科目与映射: the chart of accounts as a tree with each account's class and auxiliary item, and where each kind of posting goes. */
export function AccountsTab() {
  const { t } = useTranslation();
  const can = useCan();
  const editable = can('vouchers.manage');
  const chart = useApiQuery('vouchers.chart', {});
  const [editing, setEditing] = useState<ChartAccount | 'new' | null>(null);
  const [applying, setApplying] = useState(false);
  if (chart.isError) return <LoadFailed error={chart.error} onRetry={() => void chart.refetch()} />;
  if (!chart.data) return null;
  const actions = editable && (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => setApplying(true)} data-testid="apply-standard">
        {t('vouchers.accounts.applyStandard')}
      </Button>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="add-account" {...shortcutTarget('create')}>
        {t('vouchers.accounts.add')}
      </Button>
    </Group>
  );
  return (
    <>
      {chart.data.accounts.length === 0 ? (
        <Paper withBorder p="md">
          <EmptyState title={t('vouchers.accounts.emptyTitle')} text={t('vouchers.accounts.emptyText')} action={actions} />
        </Paper>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder p="md">
              <Group justify="space-between" mb="sm">
                <Title order={4}>{t('vouchers.accounts.chartTitle')}</Title>
                {actions}
              </Group>
              <ChartTable chart={chart.data} onEdit={setEditing} editable={editable} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder p="md">
              <Title order={4} mb="sm">{t('vouchers.accounts.mappingTitle')}</Title>
              <MappingPanel chart={chart.data} editable={editable} />
            </Paper>
          </Grid.Col>
        </Grid>
      )}
      <AccountModal opened={editing !== null} account={editing === 'new' ? null : editing} accounts={chart.data.accounts} onClose={() => setEditing(null)} />
      <ApplyStandardModal opened={applying} onClose={() => setApplying(false)} />
    </>
  );
}
