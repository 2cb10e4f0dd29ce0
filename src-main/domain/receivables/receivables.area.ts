import { defineArea } from '../area';
import { receivablesFigures, balanceMatchesDocuments, RECEIVABLES_TIMELINE } from './balances';
import { clearingMatchesLedger } from './clearing';
import { CREDIT_NOTE_SERIES, INVOICE_SERIES } from './invoices.service';
import { RECEIPT_SERIES } from './receipts.service';
import { receivablesContract } from './receivables.contract';
import { receivablesHandlers } from './receivables.handlers';
import { seedReceivables } from './receivables.seed';
import { RECEIVABLES_WORKBENCH_CARDS } from './receivables.workbench';

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
  checks: [balanceMatchesDocuments, clearingMatchesLedger],
  customerFigures: [receivablesFigures],
  customerTimeline: RECEIVABLES_TIMELINE,
  workbenchCards: RECEIVABLES_WORKBENCH_CARDS,
  // After the sales seed (60): its deliveries invoiced and paid, late, in part or not at all.
  seed: { order: 70, run: async (conn, { random, asOf }) => (await seedReceivables(conn, { random, asOf })).invoices },
});
