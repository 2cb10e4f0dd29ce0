import type { AccountRole, VoucherFormat } from './vouchers.dto';

export interface ChartAccountsTable {
  code: string;
  name: string;
  parent_code: string | null;
  updated_at: string;
}

export interface VoucherAccountMappingTable {
  role: AccountRole;
  account_code: string;
  updated_at: string;
}

export interface PeriodLockEventsTable {
  id: string;
  action: 'close' | 'reopen';
  period: string;
  closed_through: string | null;
  reason: string | null;
  user_id: string | null;
  at: string;
}

export interface VoucherExportsTable {
  id: string;
  date_from: string;
  date_to: string;
  format: VoucherFormat;
  voucher_count: number;
  first_voucher: string | null;
  last_voucher: string | null;
  file_sha256: string;
  user_id: string | null;
  username: string | null;
  at: string;
}
