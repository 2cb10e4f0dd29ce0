import { Alert, Badge, Button, Group, Modal, Paper, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerImportRecord } from '../../../../src-main/domain/imports/imports.contract';
import { api, ApiCallError } from '../../../api/client';
import { errorMessage, useApiMutation } from '../../../api/hooks';
import { DataTable, type Column } from '../../../components/DataTable';
import { EmptyState } from '../../../components/EmptyState';
import { exportLanguage, saveExport } from '../../../components/download';
import { formatTimestamp } from '../../../format';

const STATUS_COLOR: Record<CustomerImportRecord['status'], string> = { publishing: 'blue', published: 'teal', cancelled: 'gray', failed: 'red', undone: 'orange' };

/** What differs between the customer and the product import's history: its methods and its words. */
const KINDS = {
  customers: { history: 'imports.customerHistory', undo: 'imports.undoCustomers', words: 'imports.history' },
  products: { history: 'imports.productHistory', undo: 'imports.undoProducts', words: 'imports.productHistory' },
} as const;

type ImportKind = keyof typeof KINDS;

/** Why an undo was refused, with the customers or products that stand in its way (the server names them). */
function refusal(error: unknown, kind: ImportKind, t: (key: string, options?: Record<string, unknown>) => string): string {
  const details = error instanceof ApiCallError ? error.details : undefined;
  const blocking = kind === 'customers' ? details?.blockingCustomers : details?.blockingProducts;
  if (!blocking) return errorMessage(error);
  return t(`${KINDS[kind].words}.refused.${blocking.reason}`, { count: blocking.count, codes: blocking.codes.join('、') + (blocking.count > blocking.codes.length ? '…' : '') });
}

/** 导入记录: every customer (or product) import, newest first and paged, each finished one with 撤销导入 behind a confirmation. */
export function ImportHistory({ kind = 'customers' }: { kind?: ImportKind }) {
  const { t } = useTranslation();
  const { words } = KINDS[kind];
  const [undoing, setUndoing] = useState<CustomerImportRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Both undo methods take and return the same shapes.
  const undo = useApiMutation(KINDS[kind].undo as 'imports.undoCustomers', {
    onSuccess: () => setUndoing(null),
    onError: (error) => setProblem(refusal(error, kind, t)),
  });
  const columns: Column<CustomerImportRecord>[] = [
    { key: 'file', header: t('imports.history.file'), render: (row) => row.fileName },
    { key: 'at', header: t('imports.history.at'), render: (row) => formatTimestamp(row.startedAt), nowrap: true },
    { key: 'by', header: t('imports.history.by'), render: (row) => row.userName ?? '—', nowrap: true },
    { key: 'created', header: t('imports.result.imported'), render: (row) => row.created.toLocaleString(), align: 'right' },
    { key: 'updated', header: t('imports.result.updated'), render: (row) => row.updated.toLocaleString(), align: 'right' },
    {
      key: 'status',
      header: t('imports.history.status'),
      render: (row) => (
        <Badge color={STATUS_COLOR[row.status]} variant="light">
          {t(`imports.history.statuses.${row.status}`)}
        </Badge>
      ),
      nowrap: true,
    },
    {
      key: 'undo',
      header: '',
      nowrap: true,
      render: (row) =>
        row.status === 'published' && (
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
        ),
    },
  ];
  return (
    <Paper withBorder radius="md" p="lg" data-testid="import-history">
      <Title order={4} mb="sm">
        {t('imports.history.title')}
      </Title>
      <DataTable
        method={KINDS[kind].history as 'imports.customerHistory'}
        input={{}}
        columns={columns}
        rowKey={(row) => row.id}
        rowTestId="import-history-row"
        minWidth={640}
        onExport={async (jobId) => saveExport(await (kind === 'customers' ? api.exports.customerImports : api.exports.productImports)({ format: 'xlsx', language: exportLanguage(), jobId }))}
        empty={<EmptyState title={t(`${words}.emptyTitle`)} text={t(`${words}.emptyText`)} />}
      />
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title={t('imports.history.undoTitle')} data-testid="import-undo-dialog">
        {undoing && (
          <>
            <Text size="sm" data-testid="import-undo-what">
              {[
                undoing.created > 0 ? t(`${words}.undoRemoves`, { file: undoing.fileName, count: undoing.created }) : '',
                undoing.updated > 0 ? t(`${words}.undoRestores`, { count: undoing.updated }) : '',
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
