/**
 * The receivables card on the workbench (应收账款): open and overdue invoices and receipts not yet
 * allocated. Each figure is counted with the same conditions as the list its link opens
 * (receivables.listInvoices / listReceipts), so the figure equals that list's total.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { WorkbenchCardSource } from '../area';
import { customerIdVisible } from '../customers/customers.scope';
import type { DataScope } from '../users/data-scope';
import type { WorkbenchFigure } from '../workbench/workbench.contract';
import { INVOICE_SELECT, RECEIPT_SELECT } from './receivables.repository';

type Sum = { count: number; amount: number };

async function sumOf(db: Kysely<Database>, query: RawBuilder<Sum>): Promise<Sum> {
  const { rows } = await query.execute(db);
  return { count: Number(rows[0]?.count ?? 0), amount: Number(rows[0]?.amount ?? 0) };
}

/** The lists keep to the caller's data scope, so the figures do too. */
const within = (scope: DataScope, column: string) => {
  const visible = customerIdVisible(scope, column);
  return visible ? sql`AND ${visible}` : sql``;
};

function openInvoices(dueBefore: string | null, scope: DataScope): RawBuilder<Sum> {
  const due = dueBefore === null ? sql`` : sql`AND i.due_date < ${dueBefore}`;
  return sql<Sum>`SELECT count(*) AS count, coalesce(sum(open_amount), 0) AS amount
    FROM (${sql.raw(INVOICE_SELECT)} WHERE i.kind = 'invoice' AND i.status = 'posted' ${due} ${within(scope, 'i.customer_id')}) WHERE open_amount > 0`;
}

const unapplied = (scope: DataScope) =>
  sql<Sum>`SELECT count(*) AS count, coalesce(sum(unapplied_amount), 0) AS amount
    FROM (${sql.raw(RECEIPT_SELECT)} WHERE r.status = 'posted' ${within(scope, 'r.customer_id')}) WHERE unapplied_amount > 0`;

const receivables: WorkbenchCardSource = {
  key: 'receivables',
  permission: 'receivables.read',
  // What the company is owed is the owner's figure, not one salesperson's.
  team: true,
  async load(ctx, scope) {
    const dataScope = await ctx.dataScope();
    const [open, overdue, unappliedReceipts] = await Promise.all([
      sumOf(ctx.db, openInvoices(null, dataScope)),
      sumOf(ctx.db, openInvoices(scope.today, dataScope)),
      sumOf(ctx.db, unapplied(dataScope)),
    ]);
    const figures: WorkbenchFigure[] = [
      { key: 'openInvoices', count: open.count, amount: open.amount, link: { path: '/invoices', method: 'receivables.listInvoices', filters: { kind: 'invoice', openOnly: true } } },
      {
        key: 'overdueInvoices',
        count: overdue.count,
        amount: overdue.amount,
        link: { path: '/invoices', method: 'receivables.listInvoices', filters: { kind: 'invoice', openOnly: true, dueBefore: scope.today } },
      },
      { key: 'unappliedReceipts', count: unappliedReceipts.count, amount: unappliedReceipts.amount, link: { path: '/payments', method: 'receivables.listReceipts', filters: { unappliedOnly: true } } },
    ];
    return { key: 'receivables', figures };
  },
};

export const RECEIVABLES_WORKBENCH_CARDS: WorkbenchCardSource[] = [receivables];
