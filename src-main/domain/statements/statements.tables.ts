import type { StatementStatus } from './statements.contract';

export interface StatementsTable {
  id: string;
  number: string | null;
  customer_id: string;
  period_from: string;
  period_to: string;
  status: StatementStatus;
  currency: string;
  opening_balance: number;
  total_debit: number;
  total_credit: number;
  closing_balance: number;
  sent_on: string | null;
  responded_on: string | null;
  customer_note: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}
