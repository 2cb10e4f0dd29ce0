import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aCustomer } from '../customers/customers.test-helpers';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';

async function aCustomerId(api: TestApi, name = '南京博雅食品有限公司'): Promise<string> {
  return (await api.ok('customers.create', aCustomer({ name }))).id;
}

describe('opportunities', () => {
  it('start with the probability of their stage unless one is given', async () => {
    const api = await ownerApi();
    const customerId = await aCustomerId(api);
    expect((await api.ok('leads.createOpportunity', { title: '春节礼盒', customerId })).probability).toBe(10);
    expect((await api.ok('leads.createOpportunity', { title: '中秋月饼', customerId, stage: 'proposal' })).probability).toBe(50);
    expect((await api.ok('leads.createOpportunity', { title: '年货', customerId, stage: 'proposal', probability: 65 })).probability).toBe(65);
  });

  it('need a customer or a lead', async () => {
    const api = await ownerApi();
    const result = await api.call('leads.createOpportunity', { title: '无主商机' });
    expect(result.ok || result.error.issues?.[0]?.path).toBe('customerId');
  });

  it('record every stage move with who, when and the probability, and close on won or lost', async () => {
    const api = await ownerApi();
    const deal = await api.ok('leads.createOpportunity', { title: '冷链配送年度合同', customerId: await aCustomerId(api), expectedAmount: 12_000_000 });
    const needs = await api.ok('leads.moveOpportunity', { id: deal.id, stage: 'needs' });
    expect(needs).toMatchObject({ stage: 'needs', probability: 25, closedAt: null });
    const hand = await api.ok('leads.moveOpportunity', { id: deal.id, stage: 'negotiation', probability: 90 });
    expect(hand.probability).toBe(90);
    const won = await api.ok('leads.moveOpportunity', { id: deal.id, stage: 'won', probability: 40 });
    expect(won).toMatchObject({ stage: 'won', probability: 100 });
    expect(won.closedAt).not.toBeNull();
    expect(won.history.map((h) => [h.fromStage, h.toStage, h.probability, h.userName])).toEqual([
      ['negotiation', 'won', 100, '王老板'],
      ['needs', 'negotiation', 90, '王老板'],
      ['contact', 'needs', 25, '王老板'],
      [null, 'contact', 10, '王老板'],
    ]);
  });

  it('lose only with a reason, and reopen when moved back to an open stage', async () => {
    const api = await ownerApi();
    const deal = await api.ok('leads.createOpportunity', { title: '办公室茶歇', customerId: await aCustomerId(api) });
    const noReason = await api.call('leads.moveOpportunity', { id: deal.id, stage: 'lost' });
    expect(noReason.ok || noReason.error.issues?.[0]?.path).toBe('lostReason');
    const lost = await api.ok('leads.moveOpportunity', { id: deal.id, stage: 'lost', lostReason: '价格高于竞品' });
    expect(lost).toMatchObject({ probability: 0, lostReason: '价格高于竞品' });
    expect(lost.history[0]!.note).toBe('价格高于竞品');
    const reopened = await api.ok('leads.moveOpportunity', { id: deal.id, stage: 'proposal' });
    expect(reopened).toMatchObject({ closedAt: null, lostReason: null, probability: 50 });
  });

  it('export as a customer’s deals tab lists them, with the pipeline figures, in the reader’s scope', async () => {
    const api = await ownerApi();
    const customerId = await aCustomerId(api);
    const elsewhere = await aCustomerId(api, '苏州恒通建材有限公司');
    await api.ok('leads.createOpportunity', { title: '年度食材配送合同', customerId, stage: 'proposal', expectedAmount: 1_200_000, expectedCloseDate: '2026-12-20' });
    const lost = await api.ok('leads.createOpportunity', { title: '办公室茶歇', customerId, expectedAmount: 30_000 });
    await api.ok('leads.moveOpportunity', { id: lost.id, stage: 'lost', lostReason: '价格高于竞品' });
    await api.ok('leads.createOpportunity', { title: '建材样品', customerId: elsewhere });
    const listed = await api.ok('leads.listOpportunities', { filters: { customerId } });

    const file = await api.ok('exports.opportunities', { filters: { customerId }, format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(file.content);
    expect(file.fileName).toMatch(/^商机-/);
    expect(header).toEqual(['商机名称', '客户', '阶段', '预计成交金额（元）', '赢率（%）', '加权', '预计成交日期', '负责人', '输单原因']);
    expect(rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[8] ?? null])).toEqual(
      listed.rows.map((d) => [d.title, d.stage === 'lost' ? '输单' : '方案报价', d.expectedAmount / 100, d.probability, d.weightedAmount / 100, d.lostReason]),
    );
    expect(rows.find((r) => r[0] === '年度食材配送合同')!.slice(3, 6)).toEqual([12_000, 50, 6_000]);
    const csv = csvLines((await api.ok('exports.opportunities', { filters: { customerId, stage: ['lost'] }, format: 'csv' })).content);
    expect(csv).toEqual(['title,party,stage,expected_amount,probability,weighted_amount,expected_close_date,owner,lost_reason', expect.stringMatching(/^办公室茶歇,南京博雅食品有限公司,lost,300\.00,0,0\.00,.*价格高于竞品$/)]);
    // Another salesperson's customer is not theirs to export.
    const sales = await api.as('sales');
    expect(await sales.call('exports.opportunities', { filters: { customerId }, format: 'csv' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('word the deals file as the deal screens do, in every language', async () => {
    const { OPPORTUNITY_EXPORT_WORDS } = await import('./leads.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const leads = (await import(`../../../src-renderer/features/leads/messages.${language}.ts`)).default;
      const words = OPPORTUNITY_EXPORT_WORDS[language];
      expect(words.stage).toEqual(leads.stage);
      expect(words.field.weighted).toBe(leads.board.weighted);
      const o = leads.opportunity;
      expect([words.field.title, words.field.party, words.field.stage, words.field.expectedAmount, words.field.probability, words.field.expectedCloseDate, words.field.owner]).toEqual([
        o.title,
        o.party,
        o.stage,
        o.expectedAmount,
        o.probability,
        o.expectedCloseDate,
        o.owner,
      ]);
    }
  });

  it('keep a closed deal’s probability fixed', async () => {
    const api = await ownerApi();
    const deal = await api.ok('leads.createOpportunity', { title: '门店装修', customerId: await aCustomerId(api) });
    await api.ok('leads.moveOpportunity', { id: deal.id, stage: 'won' });
    const result = await api.call('leads.updateOpportunity', { id: deal.id, probability: 50 });
    expect(result.ok || result.error.issues?.[0]).toMatchObject({ path: 'probability', code: 'out_of_range', params: { min: 100, max: 100 } });
    const edited = await api.ok('leads.updateOpportunity', { id: deal.id, expectedAmount: 500_000, expectedCloseDate: '2026-12-31' });
    expect(edited).toMatchObject({ expectedAmount: 500_000, expectedCloseDate: '2026-12-31', probability: 100 });
  });

  it('make a kanban with per-stage counts, amounts and weighted amounts rounded half-up', async () => {
    const api = await ownerApi();
    const customerId = await aCustomerId(api);
    // 333.33 × 25% = 83.3325 → 83.33; 0.02 × 25% = 0.005 → 0.01; the column sum is rounded once: 83.3375 → 83.34.
    await api.ok('leads.createOpportunity', { title: 'A', customerId, stage: 'needs', expectedAmount: 33_333, expectedCloseDate: '2026-12-20' });
    await api.ok('leads.createOpportunity', { title: 'B', customerId, stage: 'needs', expectedAmount: 2, expectedCloseDate: '2026-12-10' });
    await api.ok('leads.createOpportunity', { title: 'C', customerId, stage: 'proposal', expectedAmount: 100_000 });
    const board = await api.ok('leads.opportunityBoard', {});
    expect(board.columns.map((c) => c.stage)).toEqual(['contact', 'needs', 'proposal', 'negotiation', 'won', 'lost']);
    const needs = board.columns[1]!;
    expect(needs).toMatchObject({ count: 2, amount: 33_335, weightedAmount: 8_334 });
    expect(needs.cards.map((c) => [c.title, c.weightedAmount, c.partyName])).toEqual([
      ['B', 1, '南京博雅食品有限公司'],
      ['A', 8_333, '南京博雅食品有限公司'],
    ]);
    expect(board.columns[2]).toMatchObject({ count: 1, amount: 100_000, weightedAmount: 50_000 });
    expect(board.columns[0]).toMatchObject({ count: 0, amount: 0, cards: [] });
  });

  it('cap cards per column but count the whole column, and leave out deals closed long ago', async () => {
    const api = await ownerApi();
    const customerId = await aCustomerId(api);
    for (let i = 0; i < 3; i++) await api.ok('leads.createOpportunity', { title: `机会${i}`, customerId, expectedAmount: 100 });
    const old = await api.ok('leads.createOpportunity', { title: '去年的单', customerId });
    await api.ok('leads.moveOpportunity', { id: old.id, stage: 'won' });
    api.backend.conn.sqlite.prepare("UPDATE opportunities SET closed_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(old.id);
    const board = await api.ok('leads.opportunityBoard', { cardLimit: 2 });
    expect(board.columns[0]).toMatchObject({ count: 3, amount: 300 });
    expect(board.columns[0]!.cards).toHaveLength(2);
    expect(board.columns[4]!.count).toBe(0);
    expect((await api.ok('leads.opportunityBoard', { closedWithinDays: 3650 })).columns[4]!.count).toBe(1);
  });

  it('export every deal the board shows: open ones, and closed ones only since the board’s date', async () => {
    const api = await ownerApi();
    const customerId = await aCustomerId(api);
    for (let i = 0; i < 3; i++) await api.ok('leads.createOpportunity', { title: `机会${i}`, customerId, expectedAmount: 100 });
    const recent = await api.ok('leads.createOpportunity', { title: '上月成交', customerId });
    await api.ok('leads.moveOpportunity', { id: recent.id, stage: 'won' });
    const old = await api.ok('leads.createOpportunity', { title: '去年的单', customerId });
    await api.ok('leads.moveOpportunity', { id: old.id, stage: 'lost', lostReason: '预算取消' });
    api.backend.conn.sqlite.prepare("UPDATE opportunities SET closed_at = '2020-01-01T00:00:00.000Z' WHERE id = ?").run(old.id);
    const board = await api.ok('leads.opportunityBoard', { cardLimit: 2 });
    const onBoard = board.columns.reduce((n, c) => n + c.count, 0);

    const file = await api.ok('exports.opportunities', { filters: { closedSince: board.closedSince }, format: 'csv' });
    const titles = csvLines(file.content).slice(1).map((line) => line.split(',')[0]);
    expect(titles.sort()).toEqual(['上月成交', '机会0', '机会1', '机会2']);
    expect(titles).toHaveLength(onBoard); // every card, not only the two a column shows
    const listed = await api.ok('leads.listOpportunities', { filters: { closedSince: board.closedSince, stage: ['lost'] } });
    expect(listed.total).toBe(0);
    expect((await api.ok('leads.listOpportunities', { filters: { stage: ['lost'] } })).total).toBe(1);
  });

  it('show only the open deals past their expected close when asked, as many as the workbench counts', async () => {
    const api = await ownerApi();
    const customerId = await aCustomerId(api);
    const late = await api.ok('leads.createOpportunity', { title: '逾期未成交', customerId, stage: 'proposal', expectedAmount: 50_000 });
    const lateToo = await api.ok('leads.createOpportunity', { title: '也逾期了', customerId, stage: 'needs', expectedAmount: 20_000 });
    await api.ok('leads.createOpportunity', { title: '还没到期', customerId, stage: 'needs', expectedAmount: 30_000, expectedCloseDate: '2099-12-31' });
    const wonLate = await api.ok('leads.createOpportunity', { title: '已成交', customerId, stage: 'negotiation' });
    await api.ok('leads.moveOpportunity', { id: wonLate.id, stage: 'won' });
    const setClose = api.backend.conn.sqlite.prepare("UPDATE opportunities SET expected_close_date = '2026-01-15' WHERE id = ?");
    for (const id of [late.id, lateToo.id, wonLate.id]) setClose.run(id);

    const bench = await api.ok('workbench.cards', {});
    const overdue = bench.cards.find((c) => c.key === 'pipeline')!.figures.find((f) => f.key === 'overdue')!;
    const board = await api.ok('leads.opportunityBoard', { closeBefore: bench.today });
    const shown = board.columns.flatMap((c) => c.cards.map((card) => card.title));
    expect(shown.sort()).toEqual(['也逾期了', '逾期未成交']);
    expect(board.columns.reduce((n, c) => n + c.count, 0)).toBe(overdue.count);
    expect(overdue.link!.filters).toMatchObject({ closeBefore: bench.today });
  });
});
