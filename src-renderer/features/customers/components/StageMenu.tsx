import { Button, Group, Menu, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconHandStop, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, type Customer, type LifecycleStage } from '../../../../src-main/domain/customers/customers.dto';
import { api } from '../../../api/client';
import { describeIssue } from '../../../api/issues';
import { fieldErrors, notifyError } from '../../../api/hooks';
import { StageBadge } from './StageBadge';

/** The lifecycle stage badge; with write permission a menu sets it by hand (with a reason) or hands it back to the rules. */
export function StageMenu({ customer, editable }: { customer: Customer; editable: boolean }) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState<LifecycleStage | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const overridden = customer.lifecycleOverride !== null;

  async function setStage(stage: LifecycleStage | null, why: string | null) {
    try {
      await api.customers.setStage({ id: customer.id, stage, reason: why });
      notifications.show({ color: 'teal', message: t('common.saved') });
      setChoosing(null);
      setReason('');
    } catch (e) {
      const message = fieldErrors(e).reason;
      if (message) setError(message);
      else notifyError(e);
    }
  }

  const badge = (
    <Group gap={4} wrap="nowrap">
      <StageBadge stage={customer.lifecycleStage} size="lg" />
      {overridden && (
        <Text size="xs" c="dimmed" title={customer.lifecycleOverrideReason ?? undefined}>
          {t('customers.view.stageOverridden')}
        </Text>
      )}
      {editable && <IconChevronDown size={14} />}
    </Group>
  );
  if (!editable) return badge;

  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={t('customers.view.setStage')} data-testid="stage-menu">
            {badge}
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('customers.view.setStage')}</Menu.Label>
          {LIFECYCLE_STAGES.filter((s) => s !== customer.lifecycleStage).map((stage) => (
            <Menu.Item key={stage} leftSection={<IconHandStop size={14} />} onClick={() => setChoosing(stage)}>
              {t(`customers.stage.${stage}`)}
            </Menu.Item>
          ))}
          {overridden && (
            <>
              <Menu.Divider />
              <Menu.Item leftSection={<IconRefresh size={14} />} onClick={() => void setStage(null, null)}>
                {t('customers.view.clearStageOverride')}
                <Text size="xs" c="dimmed">
                  {t('customers.view.stageComputed', { stage: t(`customers.stage.${customer.lifecycleComputed}`) })}
                </Text>
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={choosing !== null} onClose={() => setChoosing(null)} title={choosing ? `${t('customers.view.setStage')}: ${t(`customers.stage.${choosing}`)}` : ''}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setError(describeIssue({ code: 'required' }));
            void setStage(choosing, reason);
          }}
        >
          <Stack>
            <TextInput
              label={t('customers.view.stageReason')}
              placeholder={t('customers.view.stageReasonPlaceholder')}
              withAsterisk
              data-autofocus
              value={reason}
              error={error}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChoosing(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
