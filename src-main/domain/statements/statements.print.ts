/**
 * The 对账单 as print.document serves it (`print statement ST-… --out FILE.pdf`, the 打印 button),
 * and as a PDF for other areas (dunning attaches it to a reminder) without saving a statement.
 */
import { amountInWords } from '../core/money';
import type { HandlerContext } from '../context';
import type { PrintableSource } from '../area';
import type { PrintSheet } from '../print/print.contract';
import { printDocumentSheet } from '../print/print.service';
import { statementOfAccount } from './statement-of-account';
import type { PrintableStatement, StatementOfAccount } from './statements.contract';
import { assertStatementVisible } from './statements.scope';
import { findStatementId, getStatement } from './statements.service';

export const STATEMENT_TEMPLATE = 'statement';

export function printableStatement(soa: StatementOfAccount, header: { number: string | null; status: string; sentOn: string | null }): PrintableStatement {
  const fields = [
    { label: 'print.fields.customer', value: soa.customerName },
    { label: 'print.fields.customerCode', value: soa.customerCode },
    { label: 'print.fields.period', value: `${soa.periodFrom} ~ ${soa.periodTo}` },
    ...(header.sentOn ? [{ label: 'print.fields.statementDate', value: header.sentOn }] : []),
  ];
  return {
    kind: 'statement',
    number: header.number,
    status: header.status,
    fields,
    currency: soa.currency,
    pricesIncludeTax: true,
    lines: [],
    // What the document comes to is what the customer owes at the end of the period.
    totals: { net: soa.closingBalance, tax: 0, gross: soa.closingBalance },
    amountInWords: soa.currency === 'CNY' ? amountInWords(soa.closingBalance) : null,
    statement: {
      periodFrom: soa.periodFrom,
      periodTo: soa.periodTo,
      customerCode: soa.customerCode,
      customerName: soa.customerName,
      lines: soa.lines,
      openingBalance: soa.openingBalance,
      totalDebit: soa.totalDebit,
      totalCredit: soa.totalCredit,
      closingBalance: soa.closingBalance,
    },
  };
}

export const STATEMENT_PRINTABLES: PrintableSource[] = [
  {
    kind: 'statement',
    template: STATEMENT_TEMPLATE,
    permission: 'statements.read',
    load: async (ctx, ref) => {
      const id = findStatementId(ctx.sqlite, ref);
      await assertStatementVisible(ctx, id);
      const saved = getStatement(ctx.sqlite, id);
      return printableStatement(saved, saved);
    },
  },
];

/** A customer's statement for a period as a print sheet, unsaved (a reminder's attachment). */
export async function statementSheet(ctx: HandlerContext, period: { customerId: string; periodFrom: string; periodTo: string }): Promise<PrintSheet> {
  const soa = statementOfAccount(ctx.sqlite, period);
  return printDocumentSheet(ctx, { kind: 'statement', template: STATEMENT_TEMPLATE }, printableStatement(soa, { number: null, status: 'draft', sentOn: null }));
}
