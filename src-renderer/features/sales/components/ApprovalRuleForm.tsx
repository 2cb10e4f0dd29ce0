import { NumberInput, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { yuanText } from '../../../../src-main/domain/core/money';
import { ordersContract } from '../../../../src-main/domain/orders/orders.contract';
import { APPROVAL_ACTIONS, APPROVAL_CONDITIONS, type ApprovalCondition, type ApprovalRule } from '../../../../src-main/domain/orders/orders.dto';
import { api } from '../../../api/client';
import { amountErrors, fenFromTyped } from '../../../components/form/amount';
import { ContractForm, useContractForm } from '../../../components/form/contract-form';

interface RuleValues {
  name: string;
  sortOrder: number;
  condition: ApprovalCondition;
  /** The amount as typed in yuan, the discount in percent: the same paths as the method's params. */
  params: { amount: string; tiers: string[]; bp: number | string };
  action: ApprovalRule['action'];
  active: boolean;
}

function toInput(values: RuleValues, id: string | undefined) {
  const { params, ...rest } = values;
  const bp = typeof params.bp === 'number' ? Math.round(params.bp * 100) : undefined;
  return {
    ...(id ? { id } : {}),
    ...rest,
    params: {
      ...(values.condition === 'amount_over' ? { amount: fenFromTyped(params.amount, null) ?? undefined } : {}),
      ...(values.condition === 'customer_tier' && params.tiers.length ? { tiers: params.tiers } : {}),
      ...(values.condition === 'discount_over' && bp !== undefined ? { bp } : {}),
    },
  };
}

/** One auto-approval rule: what it looks at, its threshold, and whether the order goes through or to a manager. */
export function ApprovalRuleForm({ rule, nextSortOrder, onClose }: { rule: ApprovalRule | null; nextSortOrder: number; onClose: () => void }) {
  const { t } = useTranslation();
  const editor = useContractForm({
    initialValues: {
      name: rule?.name ?? '',
      sortOrder: rule?.sortOrder ?? nextSortOrder,
      condition: rule?.condition ?? 'amount_over',
      params: { amount: rule?.params.amount !== undefined ? yuanText(rule.params.amount) : '', tiers: rule?.params.tiers ?? [], bp: rule?.params.bp !== undefined ? rule.params.bp / 100 : '' },
      action: rule?.action ?? 'require_approval',
      active: rule?.active ?? true,
    } as RuleValues,
    schema: ordersContract['orders.saveRule'].input,
    toInput: (values) => toInput(values, rule?.id),
    also: (values) => (values.condition === 'amount_over' ? amountErrors({ 'params.amount': values.params.amount }) : {}),
    save: (values) => api.orders.saveRule(toInput(values, rule?.id) as Parameters<typeof api.orders.saveRule>[0]),
    onSaved: () => {
      notifications.show({ color: 'teal', message: t('sales.rules.saved') });
      onClose();
    },
  });
  const { form } = editor;
  const condition = form.getValues().condition;
  return (
    <ContractForm editor={editor} onCancel={onClose} saveTestId="rule-save">
      <Stack gap="sm">
        <TextInput label={t('sales.rules.name')} withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('sales.rules.condition')}
          withAsterisk
          allowDeselect={false}
          data={APPROVAL_CONDITIONS.map((c) => ({ value: c, label: t(`sales.rules.conditions.${c}`) }))}
          {...form.getInputProps('condition')}
        />
        {condition === 'amount_over' && <TextInput label={t('sales.rules.amount')} leftSection="¥" withAsterisk {...form.getInputProps('params.amount')} />}
        {condition === 'customer_tier' && <TagsInput label={t('sales.rules.tiers')} description={t('sales.rules.tiersHint')} withAsterisk {...form.getInputProps('params.tiers')} />}
        {condition === 'discount_over' && <NumberInput label={t('sales.rules.discount')} suffix=" %" min={0} max={100} decimalScale={2} withAsterisk {...form.getInputProps('params.bp')} />}
        <Select
          label={t('sales.rules.action')}
          withAsterisk
          allowDeselect={false}
          data={APPROVAL_ACTIONS.map((a) => ({ value: a, label: t(`sales.rules.actions.${a}`) }))}
          {...form.getInputProps('action')}
        />
        <NumberInput label={t('sales.rules.sortOrder')} description={t('sales.rules.sortOrderHint')} min={0} max={100000} allowDecimal={false} {...form.getInputProps('sortOrder')} />
        <Switch label={t('sales.rules.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
      </Stack>
    </ContractForm>
  );
}
