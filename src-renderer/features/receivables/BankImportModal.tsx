import { Alert, Button, FileButton, Group, Loader, Modal, Paper, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingBank, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { BankStatementLine, BankStatementPreview } from '../../../src-main/domain/receivables/receivables.dto';
import { api } from '../../api/client';
import { fieldErrors, notifyError, useApiMutation } from '../../api/hooks';
import { readUpload, uploadProblem } from '../imports/import-file';
import { acceptedLines, errorsByFileLine, firstDecisions, importable, type LineDecision, type LineRefusal } from './bank-import-lines';
import { BankImportTable } from './BankImportTable';

/**
 * 导入银行流水: choose the file, review what each incoming payment is suggested to pay (customer
 * and invoices), change a customer where the match is wrong, then post them all at once. Nothing
 * is posted until the user presses 导入; a refused line is marked and nothing is posted.
 */
export function BankImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<BankStatementPreview | null>(null);
  const [decisions, setDecisions] = useState<Map<number, LineDecision>>(new Map());
  const [refused, setRefused] = useState<Map<number, LineRefusal[]>>(new Map());
  const [bankAccount, setBankAccount] = useState('');
  const [reading, setReading] = useState(false);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const post = useApiMutation('receivables.importBankStatement', { onError: () => undefined });

  async function choose(file: File | null) {
    if (!file) return;
    const why = uploadProblem(file);
    setFileProblem(why);
    if (why) return;
    setReading(true);
    try {
      const read = await api.receivables.previewBankStatement(await readUpload(file));
      setPreview(read);
      setDecisions(firstDecisions(read.lines));
      setRefused(new Map());
    } catch (error) {
      notifyError(error);
    } finally {
      setReading(false);
    }
  }

  function decide(line: number, change: Partial<LineDecision>) {
    setDecisions((current) => new Map(current).set(line, { ...current.get(line)!, ...change }));
  }

  async function changeCustomer(line: BankStatementLine, customerId: string | null) {
    decide(line.line, { customerId, customerLabel: null, include: customerId !== null, allocations: [] });
    if (!customerId || !line.date || !line.amount) return;
    try {
      decide(line.line, { allocations: await api.receivables.suggestAllocation({ customerId, amount: line.amount, date: line.date }) });
    } catch (error) {
      notifyError(error);
    }
  }

  function close() {
    setPreview(null);
    setRefused(new Map());
    onClose();
  }

  const lines = preview?.lines ?? [];
  const sending = preview ? acceptedLines(lines, decisions) : [];
  const total = sending.reduce((sum, l) => sum + l.amount, 0);

  function submit() {
    post.mutate(
      { bankAccount: bankAccount.trim() || null, lines: sending },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', message: t('receivables.bankImport.done', { posted: result.posted.length, count: result.posted.length, skipped: result.skipped.length }) });
          close();
        },
        onError: (error) => {
          const byLine = errorsByFileLine(fieldErrors(error), sending);
          setRefused(byLine);
          if (byLine.size === 0) notifyError(error);
        },
      },
    );
  }

  const count = (test: (l: BankStatementLine) => boolean) => lines.filter(test).length;
  const needCustomer = count((l) => importable(l) && !decisions.get(l.line)?.customerId);
  const duplicates = count((l) => l.duplicateOf !== null);
  const problems = count((l) => l.problems.length > 0);

  return (
    <Modal opened={opened} onClose={close} title={t('receivables.bankImport.title')} size="calc(100vw - 48px)" data-testid="bank-import">
      {!preview ? (
        <Paper withBorder radius="md" p="xl" style={{ borderStyle: 'dashed', borderWidth: 2 }}>
          <Stack align="center" gap="sm" py="lg">
            <ThemeIcon size={64} radius="xl" variant="light">
              {reading ? <Loader size={28} /> : <IconBuildingBank size={34} />}
            </ThemeIcon>
            <Title order={4}>{t('receivables.bankImport.dropTitle')}</Title>
            <Text c="dimmed" ta="center" maw={620}>{t('receivables.bankImport.dropText')}</Text>
            <FileButton onChange={(file) => void choose(file)} accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              {(props) => (
                <Button {...props} leftSection={<IconUpload size={16} />} loading={reading} data-testid="bank-choose">
                  {t('receivables.bankImport.choose')}
                </Button>
              )}
            </FileButton>
            {fileProblem && <Alert color="red">{t(fileProblem)}</Alert>}
          </Stack>
        </Paper>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Group gap="lg" wrap="wrap">
              <Text fw={600} data-testid="bank-summary">{t('receivables.bankImport.summary', { count: sending.length, amount: formatFen(total) })}</Text>
              {needCustomer > 0 && <Text c="orange" size="sm">{t('receivables.bankImport.needCustomer', { count: needCustomer })}</Text>}
              {duplicates > 0 && <Text c="dimmed" size="sm">{t('receivables.bankImport.duplicates', { count: duplicates })}</Text>}
              {problems > 0 && <Text c="red" size="sm">{t('receivables.bankImport.problems', { count: problems })}</Text>}
              {preview.outgoing > 0 && <Text c="dimmed" size="sm">{t('receivables.bankImport.outgoing', { count: preview.outgoing })}</Text>}
            </Group>
            <TextInput size="xs" w={220} label={t('receivables.bankImport.bankAccount')} value={bankAccount} onChange={(e) => setBankAccount(e.currentTarget.value)} />
          </Group>
          {refused.size > 0 && <Alert color="red" data-testid="bank-refused">{t('receivables.bankImport.refused')}</Alert>}
          <BankImportTable lines={lines} decisions={decisions} refused={refused} onInclude={(line, include) => decide(line, { include })} onCustomer={(line, id) => void changeCustomer(line, id)} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setPreview(null)}>{t('receivables.bankImport.another')}</Button>
            <Group>
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button disabled={sending.length === 0} loading={post.isPending} onClick={submit} data-testid="bank-submit">
                {t('receivables.bankImport.submit', { count: sending.length })}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
