import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_KINDS, type CustomerKind } from '../../../../src-main/domain/customers/customers.dto';
import type { Lead } from '../../../../src-main/domain/leads/leads.contract';
import { api, ApiCallError } from '../../../api/client';
import { errorMessage, notifyError } from '../../../api/hooks';
import { describeIssue } from '../../../api/issues';

/**
 * 转为客户: the backend creates the customer with every customer rule; a likely duplicate comes
 * back as CONFLICT and the person decides whether to go ahead.
 */
export function ConvertLeadModal({ opened, onClose, lead }: { opened: boolean; onClose: () => void; lead: Lead }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CustomerKind>('company');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<string[] | null>(null);
  const [problem, setProblem] = useState<string[] | null>(null);

  useEffect(() => {
    if (!opened) return;
    setKind(lead.company ? 'company' : 'individual');
    setName(lead.company ?? lead.name);
    setDuplicate(null);
    setProblem(null);
  }, [opened, lead]);

  async function convert(allowDuplicate: boolean) {
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.leads.convert({ id: lead.id, kind, customerName: name, allowDuplicate });
      notifications.show({ color: 'teal', message: t('leads.detail.converted', { code: result.customer.code }) });
      onClose();
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'CONFLICT' && error.issues.length) setDuplicate(error.issues.map(describeIssue));
      else if (error instanceof ApiCallError && error.code === 'VALIDATION') setProblem(error.issues.length ? error.issues.map(describeIssue) : [errorMessage(error)]);
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.detail.convertTitle')} size="md">
      <Stack>
        <Text size="sm" c="dimmed">
          {t('leads.detail.convertText')}
        </Text>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('leads.detail.customerKind')}
          </Text>
          <SegmentedControl fullWidth value={kind} onChange={(v) => setKind(v as CustomerKind)} data={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customers.kind.${k}`) }))} />
        </div>
        <TextInput label={t('leads.detail.customerName')} withAsterisk value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="convert-name" />
        {problem && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="convert-problem">
            {problem.map((line) => (
              <Text key={line} size="sm">
                {line}
              </Text>
            ))}
          </Alert>
        )}
        {duplicate && (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('leads.detail.duplicateTitle')} data-testid="convert-duplicate">
            <Text size="sm">{t('leads.detail.duplicateText')}</Text>
            {duplicate.map((line) => (
              <Text key={line} size="sm" mt={4}>
                {line}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {duplicate ? (
            <Button color="yellow" loading={busy} onClick={() => void convert(true)}>
              {t('leads.detail.convertAnyway')}
            </Button>
          ) : (
            <Button loading={busy} disabled={!name.trim()} onClick={() => void convert(false)} data-testid="convert-submit">
              {t('leads.detail.convert')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
