import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../api/contract';
import type { Session } from '../../api/session';
import type { RunningBackend } from '../../backend/backend';
import { ownerApi, testBackend, type TestApi } from '../../db/test-db';
import { DEMO_OWNER, seedDemoData } from '../../seed/seed';
import { addDays, businessDateIn } from '../core/dates';
import { aCustomer } from '../customers/customers.test-helpers';
import type { Workbench, WorkbenchFigure } from './workbench.contract';

const today = () => businessDateIn('Asia/Shanghai');

function card(workbench: Workbench, key: string) {
  return workbench.cards.find((c) => c.key === key);
}

function figure(workbench: Workbench, cardKey: string, figureKey: string, label?: string): WorkbenchFigure | undefined {
  return card(workbench, cardKey)?.figures.find((f) => f.key === figureKey && (label === undefined || f.label === label));
}

async function signIn(backend: RunningBackend, username: string) {
  const session: Session = { user: null };
  const ctx = { session, transport: 'test' as const };
  const login = await backend.call(ctx, 'auth.login', { username, password: DEMO_OWNER.password });
  if (!login.ok) throw new Error(login.error.message);
  return async (method: MethodName, input: unknown) => {
    const result = await backend.call(ctx, method, input as never);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.data as never;
  };
}

/** Opens every linked figure's list with the figure's filters and compares the totals. */
async function linkedTotals(call: Awaited<ReturnType<typeof signIn>>, workbench: Workbench) {
  const compared: { figure: string; count: number; total: number }[] = [];
  for (const c of workbench.cards) {
    for (const f of c.figures.flatMap((f) => [f, ...(f.parts ?? []).map((p) => ({ ...p, key: `${f.key}.${p.key}` }))])) {
      if (!f.link?.method) continue;
      const page = (await call(f.link.method as MethodName, { ...(f.link.filters ? { filters: f.link.filters } : {}), pageSize: 1 })) as { total: number; totalIsExact?: boolean };
      compared.push({ figure: `${c.key}.${f.key}${f.label ? `.${f.label}` : ''}`, count: f.count, total: page.total });
    }
  }
  return compared;
}

describe('the workbench on the demo book', () => {
  it('gives the owner and a salesperson figures that equal the totals of the lists they open', async () => {
    const backend = testBackend();
    await seedDemoData(backend, { scale: 'small', seed: 2026 });
    const owner = await signIn(backend, DEMO_OWNER.username);
    const sales = await signIn(backend, 'wangfang');
    const ownerBench = (await owner('workbench.cards', {})) as Workbench;
    const salesBench = (await sales('workbench.cards', {})) as Workbench;

    for (const [call, bench] of [[owner, ownerBench], [sales, salesBench]] as const) {
      const compared = await linkedTotals(call, bench);
      expect(compared.length).toBeGreaterThan(10);
      expect(compared.filter((c) => c.count > 0).length).toBeGreaterThan(5);
      for (const c of compared) expect({ figure: c.figure, total: c.total }).toEqual({ figure: c.figure, total: c.count });
    }

    // Its printed documents carry a whole letterhead.
    expect(await owner('settings.get', {})).toMatchObject({ companyName: '南京博雅食品有限公司', companyAddress: expect.stringContaining('南京市'), companyTaxId: expect.stringMatching(/^[0-9A-Z]{18}$/), companyBankAccount: expect.any(String) });

    // The demo plans next contacts on recent follow-ups, some of them due by now.
    expect(figure(ownerBench, 'followUp', 'nextContactDue')!.count).toBeGreaterThan(0);
    expect(ownerBench.ownOnly).toBe(false);
    expect(salesBench.ownOnly).toBe(true);
    expect(card(salesBench, 'teamActivity')).toBeUndefined();
    const everyone = figure(ownerBench, 'customers', 'total')!.count;
    const mine = figure(salesBench, 'customers', 'total')!.count;
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(everyone);
    expect(figure(salesBench, 'customers', 'total')!.link!.filters).toHaveProperty('ownerUserId');

    // The seeded stage history is dated by the orders, so the last 30 days hold only genuine moves,
    // not every customer moving on the day of seeding.
    const sqlite = backend.conn.sqlite;
    const customers = sqlite.prepare("SELECT count(*) FROM customers WHERE status = 'active'").pluck().get() as number;
    const recentMoves = sqlite.prepare("SELECT count(*) FROM customer_stage_history WHERE from_stage IS NOT NULL AND changed_at >= ?").pluck().get(`${addDays(today(), -30)}T00:00:00`) as number;
    const movedEver = sqlite.prepare('SELECT count(DISTINCT customer_id) FROM customer_stage_history WHERE from_stage IS NOT NULL').pluck().get() as number;
    expect(movedEver).toBeGreaterThan(customers / 4);
    // A real shop's spread moves some customers every month (into and out of at risk, new, churned): a quarter at most.
    expect(recentMoves).toBeLessThan(customers / 4);
    const stale = sqlite
      .prepare(
        `SELECT count(*) FROM customers c WHERE c.lifecycle_computed <> (SELECT h.to_stage FROM customer_stage_history h WHERE h.customer_id = c.id ORDER BY h.changed_at DESC, h.rowid DESC LIMIT 1)`,
      )
      .pluck()
      .get() as number;
    expect(stale).toBe(0);
  }, 180_000);
});

describe('the workbench rules', () => {
  async function book(): Promise<{ owner: TestApi; sales: TestApi; salesId: string }> {
    const owner = await ownerApi();
    const sales = await owner.as('sales');
    return { owner, sales, salesId: sales.session.user!.id };
  }

  it('lists a customer to follow up when nobody has logged a follow-up within the set number of days', async () => {
    const { owner } = await book();
    const now = new Date();
    const called = await owner.ok('customers.create', aCustomer({ name: '南京甲商行', shortName: null }));
    const calledLongAgo = await owner.ok('customers.create', aCustomer({ name: '南京乙商行', shortName: null }));
    const neverCalled = await owner.ok('customers.create', aCustomer({ name: '南京丙商行', shortName: null }));
    await owner.ok('customers.logInteraction', { customerId: called.id, kind: 'call', occurredAt: now.toISOString(), subject: '问候' });
    await owner.ok('customers.logInteraction', { customerId: calledLongAgo.id, kind: 'visit', occurredAt: new Date(now.getTime() - 20 * 86_400_000).toISOString(), subject: '拜访' });

    let bench = await owner.ok('workbench.cards', {});
    expect(bench.followUpDays).toBe(14);
    expect(figure(bench, 'followUp', 'due')!.count).toBe(2);
    const due = await owner.ok('customers.list', { filters: figure(bench, 'followUp', 'due')!.link!.filters as never });
    expect(due.rows.map((r) => r.id).sort()).toEqual([calledLongAgo.id, neverCalled.id].sort());

    await owner.ok('settings.update', { followUpDays: 30 });
    bench = await owner.ok('workbench.cards', {});
    expect(figure(bench, 'followUp', 'due')!.count).toBe(1);
    expect((await owner.ok('customers.list', { filters: figure(bench, 'followUp', 'due')!.link!.filters as never })).rows.map((r) => r.id)).toEqual([neverCalled.id]);
  });

  it('lists a customer whose latest follow-up planned the next contact for today or earlier, until a later follow-up plans otherwise', async () => {
    const { owner } = await book();
    const now = new Date();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    const dueToday = await owner.ok('customers.create', aCustomer({ name: '苏州甲贸易', shortName: null }));
    const dueLastWeek = await owner.ok('customers.create', aCustomer({ name: '苏州乙贸易', shortName: null }));
    const later = await owner.ok('customers.create', aCustomer({ name: '苏州丙贸易', shortName: null }));
    const superseded = await owner.ok('customers.create', aCustomer({ name: '苏州丁贸易', shortName: null }));
    const log = (customerId: string, occurredAt: string, nextContactOn: string | null) =>
      owner.ok('customers.logInteraction', { customerId, kind: 'call', occurredAt, subject: '回访', nextContactOn });
    await log(dueToday.id, daysAgo(3), today());
    await log(dueLastWeek.id, daysAgo(10), addDays(today(), -7));
    await log(later.id, daysAgo(1), addDays(today(), 5));
    await log(superseded.id, daysAgo(6), addDays(today(), -2));
    // Called again since, and nothing planned: the old plan no longer stands.
    await log(superseded.id, daysAgo(1), null);

    const bench = await owner.ok('workbench.cards', {});
    const planned = figure(bench, 'followUp', 'nextContactDue')!;
    expect(planned.count).toBe(2);
    const listed = await owner.ok('customers.list', { filters: planned.link!.filters as never });
    expect(listed.rows.map((r) => r.id).sort()).toEqual([dueToday.id, dueLastWeek.id].sort());
    expect((await owner.ok('customers.get', { id: later.id })).nextContactOn).toBe(addDays(today(), 5));
    expect((await owner.ok('customers.get', { id: superseded.id })).nextContactOn).toBeNull();
    const timeline = await owner.ok('customers.timeline', { customerId: dueLastWeek.id, page: 1, pageSize: 10 });
    expect(timeline.rows.find((e) => e.kind === 'interaction')!.data.nextContactOn).toBe(addDays(today(), -7));
  });

  it('refuses a next contact planned before the day of the follow-up, and logs nothing', async () => {
    const { owner } = await book();
    const customer = await owner.ok('customers.create', aCustomer({ name: '苏州戊贸易', shortName: null }));
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const result = await owner.call('customers.logInteraction', { customerId: customer.id, kind: 'call', occurredAt: yesterday, subject: '回访', nextContactOn: addDays(today(), -2) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([expect.objectContaining({ path: 'nextContactOn', code: 'before_document_date', params: { date: addDays(today(), -1) } })]);
    const timeline = await owner.ok('customers.timeline', { customerId: customer.id, page: 1, pageSize: 10 });
    expect(timeline.rows.filter((e) => e.kind === 'interaction')).toEqual([]);
  });

  it('refuses a follow-up setting of zero days and keeps the old one', async () => {
    const { owner } = await book();
    const result = await owner.call('settings.update', { followUpDays: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('followUpDays');
    expect((await owner.ok('workbench.cards', {})).followUpDays).toBe(14);
  });

  it("counts a salesperson's own customers, deals and leads, and the owner's whole company with the team's follow-ups", async () => {
    const { owner, sales, salesId } = await book();
    const hers = await owner.ok('customers.create', aCustomer({ name: '苏州恒通建材有限公司', ownerUserId: salesId }));
    await owner.ok('customers.create', aCustomer({ name: '杭州嘉禾贸易有限公司' }));
    await sales.ok('customers.logInteraction', { customerId: hers.id, kind: 'call', subject: '报价跟进' });
    await owner.ok('leads.createOpportunity', { title: '年货礼盒', customerId: hers.id, ownerUserId: salesId, expectedAmount: 1_200_000, expectedCloseDate: addDays(today(), -1), stage: 'proposal' });
    await owner.ok('leads.createOpportunity', { title: '中秋月饼', customerId: hers.id, expectedAmount: 500_000, expectedCloseDate: addDays(today(), 3) });
    await sales.ok('leads.create', { name: '陈静', mobile: '13912340001', source: '展会' });

    const mine = await sales.ok('workbench.cards', {});
    expect(figure(mine, 'customers', 'total')!.count).toBe(1);
    expect(figure(mine, 'pipeline', 'overdue')).toMatchObject({ count: 1, amount: 1_200_000 });
    expect(figure(mine, 'pipeline', 'contact')!.count).toBe(0);
    expect(figure(mine, 'leadsWaiting', 'new')!.count).toBe(1);
    expect(card(mine, 'teamActivity')).toBeUndefined();

    const all = await owner.ok('workbench.cards', {});
    expect(figure(all, 'customers', 'total')!.count).toBe(2);
    expect(figure(all, 'customers', 'newThisMonth')!.count).toBe(2);
    expect(figure(all, 'pipeline', 'contact')).toMatchObject({ count: 1, amount: 500_000 });
    expect(figure(all, 'pipeline', 'proposal')).toMatchObject({ count: 1, amount: 1_200_000 });
    expect(figure(all, 'leadsByChannel', 'channel', '展会')!.count).toBe(1);
    expect(figure(all, 'teamActivity', 'interactions', 'sales')!.count).toBe(1);
  });

  it("gives the owner each stage's customers with those who moved in and out in 30 days, each matching its list, and a salesperson only her own stages", async () => {
    const { owner, sales, salesId } = await book();
    const moved = await owner.ok('customers.create', aCustomer({ name: '苏州恒通建材有限公司', ownerUserId: salesId }));
    await owner.ok('customers.create', aCustomer({ name: '杭州嘉禾贸易有限公司' }));
    await owner.ok('customers.setStage', { id: moved.id, stage: 'active', reason: '老客户，已在别处合作' });

    const bench = await owner.ok('workbench.cards', {});
    const stage = (key: string) => figure(bench, 'stages', key)!;
    const part = (key: string, direction: string) => stage(key).parts!.find((p) => p.key === direction)!.count;
    expect(card(bench, 'stages')!.figures.map((f) => [f.key, f.count])).toEqual([
      ['prospect', 1],
      ['active', 1],
    ]);
    expect([part('prospect', 'entered'), part('prospect', 'left'), part('active', 'entered'), part('active', 'left')]).toEqual([2, 1, 1, 0]);
    const left = await owner.ok('customers.list', { filters: stage('prospect').parts!.find((p) => p.key === 'left')!.link!.filters as never });
    expect(left.rows.map((r) => r.id)).toEqual([moved.id]);
    for (const c of await linkedTotals(owner.ok as never, bench)) expect({ figure: c.figure, total: c.total }).toEqual({ figure: c.figure, total: c.count });

    const mine = await sales.ok('workbench.cards', {});
    expect(card(mine, 'stages')!.figures.map((f) => [f.key, f.count, f.parts])).toEqual([['active', 1, undefined]]);
  });

  it('refuses a list filter on stage moves without a valid stage', async () => {
    const { owner } = await book();
    const result = await owner.call('customers.list', { filters: { stageMove: { stage: 'gone', direction: 'entered', since: today() } } as never });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('filters.stageMove.stage');
  });

  it('shows birthdays and anniversaries of cooperation in the coming week, soonest first', async () => {
    const { owner } = await book();
    const inTwoDays = addDays(today(), 2);
    const tomorrow = addDays(today(), 1);
    const yesterday = addDays(today(), -1);
    await owner.ok('customers.create', aCustomer({ kind: 'individual', name: '刘洋', shortName: null, contacts: [], mobile: '13912340002', birthday: `1988${inTwoDays.slice(4)}` }));
    await owner.ok('customers.create', aCustomer({ kind: 'individual', name: '赵敏', shortName: null, contacts: [], mobile: '13912340003', birthday: `1990${yesterday.slice(4)}` }));
    await owner.ok('customers.create', aCustomer({ name: '宁波海龙五金有限公司', cooperationSince: `${Number(tomorrow.slice(0, 4)) - 3}${tomorrow.slice(4)}` }));
    await owner.ok('customers.create', aCustomer({ name: '厦门瑞丰电子科技有限公司', cooperationSince: tomorrow }));

    const dates = card(await owner.ok('workbench.cards', {}), 'dates')!.figures;
    expect(dates.map((f) => [f.key, f.label, f.date, f.count])).toEqual([
      ['anniversary', '宁波海龙五金有限公司', tomorrow, 3],
      ['birthday', '刘洋', inTwoDays, 1],
    ]);
    expect(dates[0]!.link!.path).toMatch(/^\/customers\/[0-9a-f-]{36}$/);
  });
});
