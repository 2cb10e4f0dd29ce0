import { Alert, Badge, Button, Center, Group, Loader, Modal, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { ApprovalRule } from '../../../src-main/domain/orders/orders.dto';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { ApprovalRuleForm } from './components/ApprovalRuleForm';
import { shortcutTarget } from '../../components/shortcut-targets';

function useThreshold() {
  const { t } = useTranslation();
  return (rule: ApprovalRule): string => {
    if (rule.condition === 'amount_over') return formatFen(rule.params.amount ?? 0);
    if (rule.condition === 'discount_over') return `${(rule.params.bp ?? 0) / 100}%`;
    if (rule.condition === 'customer_tier') return (rule.params.tiers ?? []).join('、');
    return t('sales.rules.noThreshold');
  };
}

/** 超期天数 and 先拣货后发货: the two company settings beside the rules. */
function SalesSettings({ overdueDays }: { overdueDays: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const [days, setDays] = useState<number | string>(overdueDays);
  useEffect(() => setDays(overdueDays), [overdueDays]);
  const saveDays = useApiMutation('orders.saveCreditSettings', { onSuccess: () => notifications.show({ color: 'teal', message: t('sales.rules.saved') }) });
  const picking = useApiQuery('deliveries.pickingRule', {});
  const savePicking = useApiMutation('deliveries.savePickingRule', { onSuccess: () => void picking.refetch() });
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('sales.rules.settings')}
      </Title>
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <NumberInput label={t('sales.rules.overdueDays')} description={t('sales.rules.overdueDaysHint')} min={0} max={3650} allowDecimal={false} w={320} value={days} onChange={setDays} disabled={!can('sales.approve')} />
          {can('sales.approve') && (
            <Button variant="light" loading={saveDays.isPending} disabled={typeof days !== 'number' || days === overdueDays} onClick={() => saveDays.mutate({ overdueDaysAllowed: Number(days) })} data-testid="overdue-save">
              {t('sales.rules.save')}
            </Button>
          )}
        </Group>
        <Switch
          label={t('sales.rules.requirePicking')}
          description={t('sales.rules.requirePickingHint')}
          checked={picking.data?.requirePicking ?? true}
          disabled={!can('settings.manage') || picking.isPending || savePicking.isPending}
          onChange={(e) => savePicking.mutate({ requirePicking: e.currentTarget.checked })}
          data-testid="require-picking"
        />
      </Stack>
    </Paper>
  );
}

/** 审批规则: the rules order confirmation applies, first match decides; the built-in ones until the company saves its own. */
export function SalesRulesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const threshold = useThreshold();
  const query = useApiQuery('orders.listRules', {});
  const [editing, setEditing] = useState<ApprovalRule | null | undefined>(undefined);
  const remove = useApiMutation('orders.removeRule', { onSuccess: () => void query.refetch() });
  const write = can('sales.approve');
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  const { rules, usingDefaults, overdueDaysAllowed } = query.data;
  const close = () => {
    setEditing(undefined);
    void query.refetch();
  };
  return (
    <>
      <PageHeader
        title={t('sales.rules.title')}
        actions={
          write && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="rule-add" {...shortcutTarget('create')}>
              {t('sales.rules.add')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Alert color={usingDefaults ? 'yellow' : 'blue'} data-testid="rules-note">
          {usingDefaults ? t('sales.rules.usingDefaults') : t('sales.rules.howItWorks')}
        </Alert>
        <Paper withBorder>
          <Table striped highlightOnHover verticalSpacing="sm" data-testid="rules-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('sales.rules.sortOrder')}</Table.Th>
                <Table.Th>{t('sales.rules.name')}</Table.Th>
                <Table.Th>{t('sales.rules.condition')}</Table.Th>
                <Table.Th>{t('sales.rules.threshold')}</Table.Th>
                <Table.Th>{t('sales.rules.action')}</Table.Th>
                <Table.Th>{t('sales.rules.active')}</Table.Th>
                {write && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.map((r) => (
                <Table.Tr key={r.id} onClick={write ? () => setEditing(r) : undefined} style={write ? { cursor: 'pointer' } : undefined}>
                  <Table.Td>{r.sortOrder}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{t(`sales.rules.conditions.${r.condition}`)}</Table.Td>
                  <Table.Td>{threshold(r)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={r.action === 'approve' ? 'teal' : 'orange'}>
                      {t(`sales.rules.actions.${r.action}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{r.active ? t('sales.rules.on') : <Text c="dimmed">{t('sales.rules.off')}</Text>}</Table.Td>
                  {write && (
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" color="red" loading={remove.isPending && remove.variables?.id === r.id} onClick={(e) => (e.stopPropagation(), remove.mutate({ id: r.id }))}>
                        {t('sales.rules.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rules.length === 0 && (
            <Text c="dimmed" ta="center" p="lg">
              {t('sales.rules.empty')}
            </Text>
          )}
        </Paper>
        <SalesSettings overdueDays={overdueDaysAllowed} />
      </Stack>
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('sales.rules.edit') : t('sales.rules.add')}>
        {editing !== undefined && <ApprovalRuleForm key={editing?.id ?? 'new'} rule={editing} nextSortOrder={Math.max(0, ...rules.map((r) => r.sortOrder)) + 10} onClose={close} />}
      </Modal>
    </>
  );
}
