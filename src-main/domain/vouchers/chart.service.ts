/**
 * The chart of accounts (会计科目) and which account each kind of posting goes to. Defaults follow
 * 小企业会计准则 and 企业会计准则 (/shared/reference/voucher-formats.md); the two differ here only in
 * where a written-off receivable goes.
 */
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import type { HandlerContext } from '../context';
import { nowIso } from '../shared/ids';
import { ACCOUNT_KINDS, ACCOUNT_ROLES, type AccountingStandard, type AccountKind, type AccountRole, type ChartAccount, type ChartOfAccounts } from './vouchers.dto';
import type { ChartAccountsTable, VoucherAccountMappingTable } from './vouchers.tables';

const SHARED_ACCOUNTS: [code: string, name: string, parent: string | null][] = [
  ['1001', '库存现金', null],
  ['1002', '银行存款', null],
  ['1121', '应收票据', null],
  ['1122', '应收账款', null],
  ['1405', '库存商品', null],
  ['2203', '预收账款', null],
  ['2221', '应交税费', null],
  ['222101', '应交税费—应交增值税', '2221'],
  ['22210102', '应交税费—应交增值税（销项税额）', '222101'],
  ['6001', '主营业务收入', null],
  ['6401', '主营业务成本', null],
  ['6602', '管理费用', null],
  ['6711', '营业外支出', null],
];

const SHARED_MAPPING: Omit<Record<AccountRole, string>, 'writeoff'> = {
  receivable: '1122',
  revenue: '6001',
  output_vat: '22210102',
  bank: '1002',
  cash: '1001',
  wechat: '1002',
  alipay: '1002',
  acceptance_bill: '1121',
  cost_of_sales: '6401',
  inventory: '1405',
};

/** A small company writes a bad debt off directly (营业外支出); under 企业会计准则 it goes to 管理费用. */
export const DEFAULT_MAPPING: Record<AccountingStandard, Record<AccountRole, string>> = {
  small_business: { ...SHARED_MAPPING, writeoff: '6711' },
  enterprise: { ...SHARED_MAPPING, writeoff: '6602' },
};

function accountRows(sqlite: Sqlite): ChartAccountsTable[] {
  return sqlite.prepare('SELECT * FROM chart_accounts ORDER BY code').all() as ChartAccountsTable[];
}

function accountKind(code: string): AccountKind | null {
  return ACCOUNT_KINDS[Number(code[0]) - 1] ?? null;
}

export function chartOfAccounts(sqlite: Sqlite): ChartOfAccounts {
  const rows = accountRows(sqlite);
  const parents = new Set(rows.map((r) => r.parent_code).filter((c): c is string => c !== null));
  const mapping = Object.fromEntries(
    (sqlite.prepare('SELECT role, account_code FROM voucher_account_mapping').all() as VoucherAccountMappingTable[]).map((m) => [m.role, m.account_code]),
  ) as Record<AccountRole, string>;
  // Only receivable lines name the customer (vouchers.generate), so that account keeps customer auxiliary items.
  const accounts: ChartAccount[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    parentCode: r.parent_code,
    leaf: !parents.has(r.code),
    kind: accountKind(r.code),
    customerAuxiliary: mapping.receivable === r.code,
  }));
  return { accounts, mapping };
}

/** The code and name of the account every role posts to. */
export function mappedAccounts(sqlite: Sqlite): Record<AccountRole, { code: string; name: string }> {
  const rows = sqlite
    .prepare('SELECT m.role, a.code, a.name FROM voucher_account_mapping m JOIN chart_accounts a ON a.code = m.account_code')
    .all() as { role: AccountRole; code: string; name: string }[];
  const byRole = Object.fromEntries(rows.map((r) => [r.role, { code: r.code, name: r.name }]));
  for (const role of ACCOUNT_ROLES) {
    if (!byRole[role]) throw new AppError('CONFLICT', `No account is mapped for ${role}; set it on the chart of accounts`, [fieldIssue(`mapping.${role}`, 'required')]);
  }
  return byRole as Record<AccountRole, { code: string; name: string }>;
}

function assertLeaf(sqlite: Sqlite, code: string, path: string): void {
  if (!sqlite.prepare('SELECT 1 FROM chart_accounts WHERE code = ?').get(code)) {
    throw new AppError('NOT_FOUND', `Account ${code} is not in the chart`, [fieldIssue(path, 'not_found', { entity: 'account', id: code })]);
  }
  if (sqlite.prepare('SELECT 1 FROM chart_accounts WHERE parent_code = ?').get(code)) {
    throw new AppError('VALIDATION', `Account ${code} has sub-accounts`, [fieldIssue(path, 'not_leaf_account', { code })]);
  }
}

/** Adds an account or renames one; a sub-account's code starts with its parent's. */
export function saveAccount(ctx: HandlerContext, input: { code: string; name: string; parentCode: string | null }): ChartOfAccounts {
  const { sqlite } = ctx;
  const before = sqlite.prepare('SELECT * FROM chart_accounts WHERE code = ?').get(input.code) as ChartAccountsTable | undefined;
  if (input.parentCode !== null) {
    if (!input.code.startsWith(input.parentCode) || input.code === input.parentCode) {
      throw new AppError('VALIDATION', `A sub-account's code starts with its parent's (${input.parentCode})`, [fieldIssue('code', 'invalid_format')]);
    }
    if (!sqlite.prepare('SELECT 1 FROM chart_accounts WHERE code = ?').get(input.parentCode)) {
      throw new AppError('NOT_FOUND', `Account ${input.parentCode} is not in the chart`, [fieldIssue('parentCode', 'not_found', { entity: 'account', id: input.parentCode })]);
    }
    // An account that carries a mapping cannot become a parent: its amounts would sit above a leaf.
    const mapped = sqlite.prepare('SELECT role FROM voucher_account_mapping WHERE account_code = ?').pluck().get(input.parentCode) as string | undefined;
    if (mapped) throw new AppError('CONFLICT', `Account ${input.parentCode} is mapped for ${mapped}; map a sub-account instead first`, [fieldIssue('parentCode', 'account_mapped', { code: input.parentCode, role: mapped })]);
  }
  const now = nowIso();
  sqlite
    .prepare('INSERT INTO chart_accounts (code, name, parent_code, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code, updated_at = excluded.updated_at')
    .run(input.code, input.name, input.parentCode, now);
  ctx.audit({ entityType: 'account', entityId: input.code, fields: { name: { before: before?.name ?? null, after: input.name }, parentCode: { before: before?.parent_code ?? null, after: input.parentCode } } });
  return chartOfAccounts(sqlite);
}

export function setMapping(ctx: HandlerContext, input: { role: AccountRole; accountCode: string }): ChartOfAccounts {
  const { sqlite } = ctx;
  assertLeaf(sqlite, input.accountCode, 'accountCode');
  const before = sqlite.prepare('SELECT account_code FROM voucher_account_mapping WHERE role = ?').pluck().get(input.role) as string | undefined;
  sqlite
    .prepare('INSERT INTO voucher_account_mapping (role, account_code, updated_at) VALUES (?, ?, ?) ON CONFLICT (role) DO UPDATE SET account_code = excluded.account_code, updated_at = excluded.updated_at')
    .run(input.role, input.accountCode, nowIso());
  ctx.audit({ entityType: 'account_mapping', entityId: input.role, fields: { accountCode: { before: before ?? null, after: input.accountCode } } });
  return chartOfAccounts(sqlite);
}

/** Puts the standard's default accounts in the chart (keeping the company's own) and maps every role to its defaults. */
export function applyStandard(ctx: HandlerContext, input: { standard: AccountingStandard }): ChartOfAccounts {
  const { sqlite } = ctx;
  const now = nowIso();
  const insert = sqlite.prepare('INSERT INTO chart_accounts (code, name, parent_code, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO NOTHING');
  for (const [code, name, parent] of SHARED_ACCOUNTS) insert.run(code, name, parent, now);
  for (const [role, accountCode] of Object.entries(DEFAULT_MAPPING[input.standard])) setMapping(ctx, { role: role as AccountRole, accountCode });
  return chartOfAccounts(sqlite);
}
