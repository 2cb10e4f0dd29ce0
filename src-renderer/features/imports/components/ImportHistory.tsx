import { Alert, Badge, Button, Group, Modal, Paper, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerImportRecord } from '../../../../src-main/domain/imports/imports.contract';
import { ApiCallError } from '../../../api/client';
import { errorMessage, useApiMutation, useApiQuery } from '../../../api/hooks';
import { formatTimestamp } from '../../../format';

const STATUS_COLOR: Record<CustomerImportRecord['status'], string> = { publishing: 'blue', published: 'teal', cancelled: 'gray', failed: 'red', undone: 'orange' };

/** Why an undo was refused, with the customers that stand in its way (the server names them). */
function refusal(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  const blocking = error instanceof ApiCallError ? error.details.blockingCustomers : undefined;
  if (!blocking) return errorMessage(error);
  return t(`imports.history.refused.${blocking.reason}`, { count: blocking.count, codes: blocking.codes.join('、') + (blocking.count > blocking.codes.length ? '…' : '') });
}

/** 导入记录: the recent customer imports, each finished one with 撤销导入 behind a confirmation. */
export function ImportHistory() {
  const { t } = useTranslation();
  const history = useApiQuery('imports.customerHistory', { limit: 20 });
  const [undoing, setUndoing] = useState<CustomerImportRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const undo = useApiMutation('imports.undoCustomers', {
    onSuccess: () => setUndoing(null),
    onError: (error) => setProblem(refusal(error, t)),
  });
  const rows = history.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="lg" data-testid="import-history">
      <Title order={4} mb="sm">
        {t('imports.history.title')}
      </Title>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.history.file')}</Table.Th>
            <Table.Th>{t('imports.history.at')}</Table.Th>
            <Table.Th>{t('imports.history.by')}</Table.Th>
            <Table.Th ta="right">{t('imports.result.imported')}</Table.Th>
            <Table.Th ta="right">{t('imports.result.updated')}</Table.Th>
            <Table.Th>{t('imports.history.status')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid="import-history-row">
              <Table.Td>{row.fileName}</Table.Td>
              <Table.Td>{formatTimestamp(row.startedAt)}</Table.Td>
              <Table.Td>{row.userName ?? '—'}</Table.Td>
              <Table.Td ta="right">{row.created.toLocaleString()}</Table.Td>
              <Table.Td ta="right">{row.updated.toLocaleString()}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[row.status]} variant="light">
                  {t(`imports.history.statuses.${row.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {row.status === 'published' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    leftSection={<IconArrowBackUp size={14} />}
                    onClick={() => {
                      setProblem(null);
                      setUndoing(row);
                    }}
                    data-testid="import-undo"
                  >
                    {t('imports.history.undo')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title={t('imports.history.undoTitle')} data-testid="import-undo-dialog">
        {undoing && (
          <>
            <Text size="sm" data-testid="import-undo-what">
              {[
                undoing.created > 0 ? t('imports.history.undoRemoves', { file: undoing.fileName, count: undoing.created }) : '',
                undoing.updated > 0 ? t('imports.history.undoRestores', { count: undoing.updated }) : '',
                t('imports.history.undoFinal'),
              ].join('')}
            </Text>
            {problem && (
              <Alert color="red" mt="sm" data-testid="import-undo-refused">
                {problem}
              </Alert>
            )}
            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={() => setUndoing(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={undo.isPending} onClick={() => undo.mutate({ importId: undoing.id })} data-testid="import-undo-confirm">
                {t('imports.history.undo')}
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </Paper>
  );
}
