import { defineArea } from '../area';
import { amountOwedFigure, balanceMatchesDocuments, RECEIVABLES_TIMELINE } from './balances';
import { CREDIT_NOTE_SERIES, INVOICE_SERIES } from './invoices.service';
import { RECEIPT_SERIES } from './receipts.service';
import { receivablesContract } from './receivables.contract';
import { receivablesHandlers } from './receivables.handlers';
import { seedReceivables } from './receivables.seed';
import { businessDateIn } from '../core/dates';

/**
 * 应收: invoices and credit notes, receipts, allocation, write-offs, refunds, balances and aging.
 * One area rather than invoices + receipts: allocation, balance and aging read both documents and
 * one ledger, so two areas would call into each other.
 */
export const receivablesArea = defineArea({
  name: 'receivables',
  contract: receivablesContract,
  handlers: receivablesHandlers,
  permissions: {
    'receivables.read': ['owner', 'manager', 'accountant', 'sales'],
    'receivables.write': ['owner', 'manager', 'accountant'],
    // Writing money off is the accountant's and the owner's call, not the sales manager's.
    'receivables.writeOff': ['owner', 'accountant'],
  },
  series: [INVOICE_SERIES, CREDIT_NOTE_SERIES, RECEIPT_SERIES],
  checks: [balanceMatchesDocuments],
  customerFigures: [amountOwedFigure],
  customerTimeline: RECEIVABLES_TIMELINE,
  // After the orders (60): invoices for about half the delivered orders, most of them paid.
  seed: { order: 70, run: (conn, { random, staffIds }) => seedReceivables(conn, { random, staffIds, asOf: businessDateIn('Asia/Shanghai') }).invoices },
});
