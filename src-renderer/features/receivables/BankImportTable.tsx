import { Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import type { BankStatementLine } from '../../../src-main/domain/receivables/receivables.dto';
import { describeIssue } from '../../api/issues';
import { CustomerPicker } from '../../components/CustomerPicker';
import { importable, type LineDecision, type LineRefusal } from './bank-import-lines';

interface Props {
  lines: BankStatementLine[];
  decisions: Map<number, LineDecision>;
  /** What the server refused, by file line. */
  refused: Map<number, LineRefusal[]>;
  onInclude: (line: number, include: boolean) => void;
  onCustomer: (line: BankStatementLine, customerId: string | null) => void;
}

/** The statement's incoming payments: who paid, which customer and invoices the import gives it to, and why a line cannot go. */
export function BankImportTable({ lines, decisions, refused, onInclude, onCustomer }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={980} mah="calc(100vh - 300px)">
      <Table stickyHeader verticalSpacing={6} data-testid="bank-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={52} style={{ whiteSpace: 'nowrap' }}>{t('receivables.bankImport.include')}</Table.Th>
            <Table.Th w={44}>{t('receivables.bankImport.line')}</Table.Th>
            <Table.Th w={100}>{t('receivables.bankImport.date')}</Table.Th>
            <Table.Th miw={140}>{t('receivables.bankImport.payer')}</Table.Th>
            <Table.Th ta="right" w={120}>{t('receivables.bankImport.amount')}</Table.Th>
            <Table.Th>{t('receivables.bankImport.reference')}</Table.Th>
            <Table.Th w={260}>{t('receivables.bankImport.customer')}</Table.Th>
            <Table.Th w={220}>{t('receivables.bankImport.invoices')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => {
            const decision = decisions.get(line.line)!;
            const usable = importable(line);
            const errors = refused.get(line.line) ?? [];
            return (
              <Table.Tr key={line.line} data-testid={`bank-line-${line.line}`} bg={errors.length ? 'var(--mantine-color-red-light)' : undefined} style={{ opacity: usable ? 1 : 0.75 }}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('receivables.bankImport.include')}
                    checked={decision.include}
                    disabled={!usable || !decision.customerId}
                    onChange={(e) => onInclude(line.line, e.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td c="dimmed">{line.line}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{line.date ?? ''}</Table.Td>
                <Table.Td>
                  <Text size="sm">{line.payer}</Text>
                  {line.account && <Text size="xs" c="dimmed">{line.account}</Text>}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>{line.amount !== null ? formatFen(line.amount) : ''}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>{line.reference ?? ''}</Text>
                </Table.Td>
                <Table.Td>
                  {usable ? (
                    <Stack gap={2}>
                      <CustomerPicker
                        size="xs"
                        placeholder={t('receivables.bankImport.pickCustomer')}
                        value={decision.customerId}
                        valueLabel={decision.customerLabel ?? undefined}
                        onChange={(id) => onCustomer(line, id)}
                        aria-label={t('receivables.bankImport.customer')}
                        data-testid={`bank-customer-${line.line}`}
                      />
                      {line.customer && decision.customerId === line.customer.id && (
                        <Badge size="xs" variant="light" color={line.customer.matchedOn === 'pinyin' || line.customer.matchedOn === 'name_key' ? 'yellow' : 'teal'}>
                          {t(`receivables.bankImport.matchedOn.${line.customer.matchedOn}`)}
                        </Badge>
                      )}
                    </Stack>
                  ) : (
                    <LineRefusal line={line} />
                  )}
                  {errors.map((error) => (
                    <Text key={`${error.column}${error.text}`} size="xs" c="red" data-testid={`bank-error-${line.line}`}>
                      {t('common.labelColon', { label: t(`receivables.bankImport.${error.column}`) })}{error.text}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  {usable && decision.customerId && (
                    decision.allocations.length === 0 ? (
                      <Text size="xs" c="orange">{t('receivables.bankImport.noInvoices')}</Text>
                    ) : (
                      decision.allocations.map((a) => (
                        <Text key={a.invoiceId} size="xs" style={{ whiteSpace: 'nowrap' }}>
                          {a.invoiceNo} · {formatFen(a.amount)}
                        </Text>
                      ))
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Why a line is not imported: imported before, or a column that could not be read. */
function LineRefusal({ line }: { line: BankStatementLine }) {
  const { t } = useTranslation();
  if (line.duplicateOf) {
    return (
      <Badge color="gray" variant="light" data-testid={`bank-duplicate-${line.line}`}>
        {line.duplicateOf.receiptNo ? t('receivables.bankImport.duplicateOf', { number: line.duplicateOf.receiptNo }) : t('receivables.bankImport.duplicateLine', { line: line.duplicateOf.line })}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      {line.problems.map((problem) => (
        <Text key={problem.path} size="xs" c="red">
          {t('common.labelColon', { label: t(`receivables.bankImport.${problem.path}`) })}{describeIssue(problem)}
        </Text>
      ))}
    </Stack>
  );
}
