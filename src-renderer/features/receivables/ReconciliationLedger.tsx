import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Reconciliation, ReconciliationEntry } from '../../../src-main/domain/receivables/receivables.dto';
import { useApiMutation } from '../../api/hooks';

const NUMERIC = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The period's postings in date order with what was owed after each; an allocation can be undone (a reversing entry). */
export function ReconciliationLedger({ report, writable }: { report: Reconciliation; writable: boolean }) {
  const { t } = useTranslation();
  const reverse = useApiMutation('receivables.reverseAllocation');
  const [undoing, setUndoing] = useState<ReconciliationEntry | null>(null);
  const [reason, setReason] = useState('');
  const kindLabel = (e: ReconciliationEntry) => {
    const kind = e.kind === 'invoice' || e.kind === 'credit_note' || e.kind === 'receipt' ? t(`receivables.kind.${e.kind}`) : t(`receivables.reconciliation.kind.${e.kind}`);
    return e.reversal ? t('receivables.reconciliation.reversalOf', { kind }) : kind;
  };

  function openUndo(entry: ReconciliationEntry) {
    setReason(t('receivables.reconciliation.undoDefault'));
    setUndoing(entry);
  }

  function undo() {
    if (!undoing || !reason.trim()) return;
    reverse.mutate(
      { id: undoing.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('receivables.reconciliation.undone') });
          setUndoing(null);
        },
      },
    );
  }

  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped highlightOnHover verticalSpacing={4} data-testid="reconciliation-entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('receivables.reconciliation.date')}</Table.Th>
              <Table.Th>{t('receivables.reconciliation.summary')}</Table.Th>
              <Table.Th>{t('receivables.reconciliation.number')}</Table.Th>
              <Table.Th>{t('receivables.reconciliation.invoice')}</Table.Th>
              <Table.Th ta="right">{t('receivables.reconciliation.amount')}</Table.Th>
              <Table.Th ta="right">{t('receivables.reconciliation.change')}</Table.Th>
              <Table.Th ta="right">{t('receivables.reconciliation.balance')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{report.from}</Table.Td>
              <Table.Td colSpan={5} c="dimmed">{t('receivables.reconciliation.opening')}</Table.Td>
              <Table.Td ta="right" fw={600} style={NUMERIC}>{formatFen(report.openingBalance)}</Table.Td>
              <Table.Td />
            </Table.Tr>
            {report.entries.map((e) => (
              <Table.Tr key={`${e.id}-${e.reversal ? 'r' : 'p'}`} c={e.reversal ? 'dimmed' : undefined} data-testid={`entry-${e.id}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.date}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {kindLabel(e)}
                  {e.reason && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {e.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.number}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.invoiceNo}</Table.Td>
                <Table.Td ta="right" style={NUMERIC}>{formatFen(e.amount)}</Table.Td>
                <Table.Td ta="right" style={NUMERIC} c={e.change > 0 ? undefined : e.change < 0 ? 'teal' : 'dimmed'}>
                  {e.change === 0 ? '—' : formatFen(e.change)}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={NUMERIC}>{formatFen(e.balance)}</Table.Td>
                <Table.Td ta="right">
                  {writable && e.undoable && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => openUndo(e)} data-testid={`undo-${e.id}`}>
                      {t('receivables.reconciliation.undo')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{report.to}</Table.Td>
              <Table.Td colSpan={5} fw={600}>{t('receivables.reconciliation.closing')}</Table.Td>
              <Table.Td ta="right" fw={700} style={NUMERIC} data-testid="closing-balance">{formatFen(report.closingBalance)}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {report.entries.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="sm">
          {t('receivables.reconciliation.noEntries')}
        </Text>
      )}
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title={undoing ? t('receivables.reconciliation.undoTitle', { number: undoing.number ?? '', invoice: undoing.invoiceNo ?? '' }) : ''}>
        <Stack>
          <Text size="sm">{t('receivables.reconciliation.undoHint')}</Text>
          <TextInput label={t('receivables.reconciliation.undoReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-autofocus data-testid="undo-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUndoing(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" disabled={!reason.trim()} loading={reverse.isPending} onClick={undo} data-testid="confirm-undo">
              {t('receivables.reconciliation.undo')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
