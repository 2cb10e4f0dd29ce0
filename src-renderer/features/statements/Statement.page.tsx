import { Alert, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Statement } from '../../../src-main/domain/statements/statements.contract';
import { useApiQuery } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { StatementAnswerModal, type StatementAction } from './StatementAnswerModal';
import { STATUS_COLOR } from './Statements.page';

function Figure({ label, value, strong }: { label: string; value: number; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={strong ? 700 : 500} size={strong ? 'lg' : 'md'}>
        {formatFen(value)}
      </Text>
    </div>
  );
}

function Actions({ statement, onAction }: { statement: Statement; onAction: (action: StatementAction) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <Button component={Link} to={`/print/statement/${statement.id}`} variant="default" leftSection={<IconPrinter size={16} />} data-testid="print-statement">
        {t('statements.print')}
      </Button>
      {can('statements.write') && statement.status === 'draft' && (
        <Button onClick={() => onAction('markSent')} data-testid="mark-sent">
          {t('statements.markSent')}
        </Button>
      )}
      {can('statements.write') && (statement.status === 'sent' || statement.status === 'disputed') && (
        <Button color="teal" onClick={() => onAction('confirm')} data-testid="confirm-statement">
          {t('statements.confirm')}
        </Button>
      )}
      {can('statements.write') && statement.status === 'sent' && (
        <Button color="red" variant="light" onClick={() => onAction('dispute')} data-testid="dispute-statement">
          {t('statements.dispute')}
        </Button>
      )}
    </>
  );
}

/** One statement: its figures, its lines from the ledger, printing and the customer's answer. */
export function StatementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useApiQuery('statements.get', { id });
  const [action, setAction] = useState<StatementAction | null>(null);
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const s = query.data;
  return (
    <>
      <PageHeader title={`${t('statements.title')} ${s.number ?? ''}`.trim()} actions={<Actions statement={s} onAction={setAction} />} />
      <Stack>
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm">
            <Group gap="xs">
              <Text fw={600}>{s.customerName}</Text>
              <Text c="dimmed" size="sm">
                {s.customerCode} · {s.periodFrom} ~ {s.periodTo}
              </Text>
            </Group>
            <Badge color={STATUS_COLOR[s.status]} variant="light" size="lg" data-testid="statement-status">
              {t(`statements.status.${s.status}`)}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label={t('statements.field.opening')} value={s.openingBalance} />
            <Figure label={t('statements.field.debit')} value={s.totalDebit} />
            <Figure label={t('statements.field.credit')} value={s.totalCredit} />
            <Figure label={t('statements.field.closing')} value={s.closingBalance} strong />
          </SimpleGrid>
          {(s.sentOn || s.respondedOn || s.customerNote) && (
            <Group gap="xl" mt="sm">
              {s.sentOn && <Text size="sm">{`${t('common.labelColon', { label: t('statements.field.sentOn') })}${s.sentOn}`}</Text>}
              {s.respondedOn && <Text size="sm">{`${t('common.labelColon', { label: t('statements.field.respondedOn') })}${s.respondedOn}`}</Text>}
              {s.customerNote && <Text size="sm">{`${t('common.labelColon', { label: t('statements.field.note') })}${s.customerNote}`}</Text>}
              {s.taskId && (
                <Badge color="orange" variant="dot">
                  {t('statements.openTask')}
                </Badge>
              )}
            </Group>
          )}
        </Paper>
        {s.status !== 'draft' && s.ledgerClosingBalance !== s.closingBalance && (
          <Alert color="orange" icon={<IconAlertTriangle size={16} />} data-testid="changed-since-sent">
            {t('statements.changedSinceSent', { amount: formatFen(s.ledgerClosingBalance) })}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Table.ScrollContainer minWidth={760}>
            <Table striped verticalSpacing="xs" data-testid="statement-lines">
              <Table.Thead>
                <Table.Tr>
                  {(['date', 'kind', 'number', 'reference'] as const).map((key) => (
                    <Table.Th key={key}>{t(`statements.lines.${key}`)}</Table.Th>
                  ))}
                  {(['debit', 'credit', 'balance'] as const).map((key) => (
                    <Table.Th key={key} ta="right">
                      {t(`statements.lines.${key}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr fw={600}>
                  <Table.Td>{s.periodFrom}</Table.Td>
                  <Table.Td colSpan={5}>{t('statements.field.opening')}</Table.Td>
                  <Table.Td ta="right">{formatFen(s.openingBalance)}</Table.Td>
                </Table.Tr>
                {s.lines.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={7}>
                      <Text c="dimmed" ta="center" size="sm">
                        {t('statements.lines.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {s.lines.map((line, i) => (
                  <Table.Tr key={i}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{line.date}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{`${t(`statements.kind.${line.kind}`)}${line.reversal ? t('statements.reversal') : ''}`}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{line.number}</Table.Td>
                    <Table.Td>{line.reference ?? ''}</Table.Td>
                    <Table.Td ta="right">{line.debit ? formatFen(line.debit) : ''}</Table.Td>
                    <Table.Td ta="right">{line.credit ? formatFen(line.credit) : ''}</Table.Td>
                    <Table.Td ta="right">{formatFen(line.balance)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
      {action && <StatementAnswerModal statement={s} action={action} onClose={() => setAction(null)} />}
    </>
  );
}
