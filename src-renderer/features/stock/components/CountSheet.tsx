import { Badge, Button, Group, Modal, NumberInput, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { notifyError, useApiQuery } from '../../../api/hooks';
import { useCan } from '../../auth/current-user';

/** One count sheet: the book quantity of each product, the counted quantity typed beside it, the difference. */
export function CountSheet({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const write = useCan()('stock.write');
  const sheet = useApiQuery('stock.getCount', { id });
  const [typed, setTyped] = useState<Record<string, number | null>>({});
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (!sheet.data) return null;
  const count = sheet.data;
  const editable = write && count.status === 'counting';
  const counted = (lineId: string, saved: number | null) => (lineId in typed ? typed[lineId]! : saved);

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    try {
      await action();
      notifications.show({ color: 'teal', message });
      setTyped({});
      await sheet.refetch();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  const save = () => api.stock.enterCounts({ id, lines: Object.entries(typed).map(([lineId, countedQuantity]) => ({ lineId, countedQuantity })) });
  const post = () => {
    setConfirming(false);
    void run(async () => {
      if (Object.keys(typed).length) await save();
      await api.stock.postCount({ id });
      onDone();
    }, t('stock.counts.posted'));
  };

  return (
    <>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('stock.counts.post')}>
        <Text size="sm">{t('stock.counts.confirmPost')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={post} data-testid="confirm-post-count">
            {t('stock.counts.post')}
          </Button>
        </Group>
      </Modal>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Badge variant="light">{t(`stock.countStatus.${count.status}`)}</Badge>
          <Text size="sm" c="dimmed">
            {count.warehouseName} · {count.countDate} · {t('stock.counts.progress', { counted: count.countedLines, total: count.lineCount, count: count.lineCount, differences: count.differenceLines })}
          </Text>
        </Group>
        {editable && (
          <Group gap="xs">
            <Button variant="default" color="red" disabled={busy} onClick={() => void run(() => api.stock.cancelCount({ id }).then(onDone), t('stock.countStatus.cancelled'))}>
              {t('stock.counts.cancel')}
            </Button>
            <Button variant="light" loading={busy} disabled={!Object.keys(typed).length} onClick={() => void run(save, t('stock.counts.saved'))}>
              {t('stock.counts.save')}
            </Button>
            <Button loading={busy} onClick={() => setConfirming(true)} data-testid="post-count">
              {t('stock.counts.post')}
            </Button>
          </Group>
        )}
      </Group>
      <Table striped verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stock.field.productCode')}</Table.Th>
            <Table.Th>{t('stock.field.productName')}</Table.Th>
            <Table.Th ta="right">{t('stock.field.expected')}</Table.Th>
            <Table.Th ta="right">{t('stock.field.counted')}</Table.Th>
            <Table.Th ta="right">{t('stock.field.difference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {count.lines.map((line) => {
            const value = counted(line.id, line.countedQuantity);
            const difference = value === null ? null : value - line.expectedQuantity;
            return (
              <Table.Tr key={line.id}>
                <Table.Td>{line.productCode}</Table.Td>
                <Table.Td>
                  {line.productName} {line.spec ?? ''}
                </Table.Td>
                <Table.Td ta="right">
                  {line.expectedQuantity} {line.unit}
                </Table.Td>
                <Table.Td ta="right" w={130}>
                  {editable ? (
                    <NumberInput size="xs" min={0} allowDecimal={false} value={value ?? ''} onChange={(v) => setTyped({ ...typed, [line.id]: v === '' ? null : Number(v) })} />
                  ) : (
                    (value ?? '—')
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm" c={difference ? (difference > 0 ? 'teal' : 'red') : 'dimmed'}>
                    {difference === null ? '—' : difference > 0 ? `+${difference}` : difference}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </>
  );
}
