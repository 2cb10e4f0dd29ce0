/**
 * Auto-approval rules (自动审批规则): a list in sort order; the first active rule whose condition
 * holds decides whether a submitted order is approved at once or goes to a manager.
 * Until a company saves a rule of its own, the built-in defaults below apply; the first save
 * writes them into approval_rules, so from then on the table alone decides.
 */
import type { z } from 'zod';
import { AppError, notFound } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { changedFields, type HandlerContext } from '../context';
import { newId, nowIso } from '../shared/ids';
import type { approvalRuleInput } from './orders.contract';
import type { ApprovalReason, ApprovalRule, ApprovalRuleParams, CreditProblem } from './orders.dto';
import type { ApprovalRulesTable } from './orders.tables';
import { OVERDUE_DAYS_SETTING, overdueDaysAllowed } from './orders.credit';

const BUILT_IN_AT = '2026-01-01T00:00:00.000Z';

/** What a company starts with: credit problems, big orders and deep discounts go to a manager. */
const DEFAULT_RULES: readonly ApprovalRulesTable[] = [
  { id: '0190a000-0000-7000-8000-000000000001', name: '信用异常需审批', sort_order: 10, condition: 'credit_problem', params: '{}', action: 'require_approval' },
  { id: '0190a000-0000-7000-8000-000000000002', name: '大额订单（5万元以上）需审批', sort_order: 20, condition: 'amount_over', params: '{"amount":5000000}', action: 'require_approval' },
  { id: '0190a000-0000-7000-8000-000000000003', name: '折扣超过15%需审批', sort_order: 30, condition: 'discount_over', params: '{"bp":1500}', action: 'require_approval' },
  { id: '0190a000-0000-7000-8000-000000000004', name: '其余订单自动通过', sort_order: 100, condition: 'any', params: '{}', action: 'approve' },
].map((r) => ({ ...r, active: 1, created_at: BUILT_IN_AT, updated_at: BUILT_IN_AT }) as ApprovalRulesTable);

/** The company's rules, or the built-in defaults while it has none. */
function ruleRows(sqlite: Sqlite): readonly ApprovalRulesTable[] {
  const rows = statement(sqlite, 'SELECT * FROM approval_rules ORDER BY sort_order, name').all() as ApprovalRulesTable[];
  return rows.length > 0 ? rows : DEFAULT_RULES;
}

/** Before the first change, the defaults become rows, so editing one keeps the others. */
function writeDefaultsOnce(sqlite: Sqlite): void {
  if (statement(sqlite, 'SELECT 1 FROM approval_rules LIMIT 1').get()) return;
  const insert = statement(
    sqlite,
    `INSERT INTO approval_rules (id, name, sort_order, condition, params, action, active, created_at, updated_at)
     VALUES (@id, @name, @sort_order, @condition, @params, @action, @active, @created_at, @updated_at)`,
  );
  for (const row of DEFAULT_RULES) insert.run(row);
}

function toRule(r: ApprovalRulesTable): ApprovalRule {
  return {
    id: r.id,
    name: r.name,
    sortOrder: r.sort_order,
    condition: r.condition,
    params: JSON.parse(r.params) as ApprovalRuleParams,
    action: r.action,
    active: r.active === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listRules(sqlite: Sqlite): { rules: ApprovalRule[]; overdueDaysAllowed: number; usingDefaults: boolean } {
  const rows = ruleRows(sqlite);
  return { rules: rows.map(toRule), overdueDaysAllowed: overdueDaysAllowed(sqlite), usingDefaults: rows === DEFAULT_RULES };
}

export function activeRules(sqlite: Sqlite): ApprovalRule[] {
  return ruleRows(sqlite)
    .filter((r) => r.active === 1)
    .map(toRule);
}

/** Only the params the condition reads are kept, so a rule never carries a stale threshold. */
function paramsFor(input: z.output<typeof approvalRuleInput>): ApprovalRuleParams {
  switch (input.condition) {
    case 'amount_over':
      return { amount: input.params.amount! };
    case 'customer_tier':
      return { tiers: input.params.tiers! };
    case 'discount_over':
      return { bp: input.params.bp! };
    default:
      return {};
  }
}

export function saveRule(ctx: HandlerContext, input: z.output<typeof approvalRuleInput>): ApprovalRule {
  writeDefaultsOnce(ctx.sqlite);
  const now = nowIso();
  const before = input.id ? (statement(ctx.sqlite, 'SELECT * FROM approval_rules WHERE id = ?').get(input.id) as ApprovalRulesTable | undefined) : undefined;
  if (input.id && !before) throw new AppError('NOT_FOUND', `Approval rule ${input.id} does not exist`, [fieldIssue('id', 'not_found', { entity: 'approval_rule' })]);
  const row: ApprovalRulesTable = {
    id: input.id ?? newId(),
    name: input.name,
    sort_order: input.sortOrder,
    condition: input.condition,
    params: JSON.stringify(paramsFor(input)),
    action: input.action,
    active: input.active ? 1 : 0,
    created_at: before?.created_at ?? now,
    updated_at: now,
  };
  statement(
    ctx.sqlite,
    `INSERT INTO approval_rules (id, name, sort_order, condition, params, action, active, created_at, updated_at)
     VALUES (@id, @name, @sort_order, @condition, @params, @action, @active, @created_at, @updated_at)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order, condition = excluded.condition, params = excluded.params,
       action = excluded.action, active = excluded.active, updated_at = excluded.updated_at`,
  ).run(row);
  const rule = toRule(row);
  const view = (r: ApprovalRule | null) => (r ? { name: r.name, sortOrder: r.sortOrder, condition: r.condition, params: r.params, action: r.action, active: r.active } : null);
  ctx.audit({ entityType: 'approvalRule', entityId: rule.id, fields: changedFields(view(before ? toRule(before) : null), view(rule)) });
  return rule;
}

export function removeRule(ctx: HandlerContext, id: string): null {
  writeDefaultsOnce(ctx.sqlite);
  const before = statement(ctx.sqlite, 'SELECT * FROM approval_rules WHERE id = ?').get(id) as ApprovalRulesTable | undefined;
  if (!before) throw notFound('Approval rule', id);
  statement(ctx.sqlite, 'DELETE FROM approval_rules WHERE id = ?').run(id);
  ctx.audit({ entityType: 'approvalRule', entityId: id, fields: { name: { before: before.name, after: null } } });
  return null;
}

export function saveCreditSettings(ctx: HandlerContext, days: number): { overdueDaysAllowed: number } {
  const before = overdueDaysAllowed(ctx.sqlite);
  statement(ctx.sqlite, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(OVERDUE_DAYS_SETTING, JSON.stringify(days));
  ctx.audit({ entityType: 'settings', entityId: OVERDUE_DAYS_SETTING, fields: changedFields({ overdueDaysAllowed: before }, { overdueDaysAllowed: days }) });
  return { overdueDaysAllowed: days };
}

/** What the rules look at in a submitted order. */
export interface OrderFacts {
  totalGross: number;
  customerTier: string | null;
  creditProblems: CreditProblem[];
  shortLines: number;
  /** The deepest discount off the price list on any line, basis points. */
  maxDiscountBp: number;
}

function matches(rule: ApprovalRule, facts: OrderFacts): ApprovalReason | null {
  switch (rule.condition) {
    case 'amount_over':
      return facts.totalGross > (rule.params.amount ?? 0) ? { code: 'amount_over', params: { amount: rule.params.amount ?? 0, total: facts.totalGross } } : null;
    case 'customer_tier':
      return facts.customerTier !== null && (rule.params.tiers ?? []).includes(facts.customerTier) ? { code: 'customer_tier', params: { tier: facts.customerTier } } : null;
    case 'credit_problem':
      return facts.creditProblems.length > 0 ? { code: 'credit_problem', params: { problems: facts.creditProblems.join(',') } } : null;
    case 'stock_shortage':
      return facts.shortLines > 0 ? { code: 'stock_shortage', params: { lines: facts.shortLines } } : null;
    case 'discount_over':
      return facts.maxDiscountBp > (rule.params.bp ?? 0) ? { code: 'discount_over', params: { bp: rule.params.bp ?? 0, max: facts.maxDiscountBp } } : null;
    case 'any':
      return { code: 'any', params: {} };
  }
}

export interface RulesDecision {
  /** The first matching rule; null when none matched (the order is approved). */
  rule: ApprovalRule | null;
  action: ApprovalRule['action'];
  /** What every matching rule saw (the deciding rule's first), except the catch-all. */
  reasons: ApprovalReason[];
}

export function decide(rules: readonly ApprovalRule[], facts: OrderFacts): RulesDecision {
  let decider: ApprovalRule | null = null;
  const reasons: ApprovalReason[] = [];
  for (const rule of rules) {
    const reason = matches(rule, facts);
    if (!reason) continue;
    decider ??= rule;
    if (reason.code !== 'any' && !reasons.some((r) => r.code === reason.code)) reasons.push(reason);
  }
  return { rule: decider, action: decider?.action ?? 'approve', reasons };
}
