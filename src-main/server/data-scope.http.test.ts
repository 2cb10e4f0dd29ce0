import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testBackend } from '../db/test-db';
import { startServer, type RunningServer } from './http';
import { answerOf, request, setUpCompany, signInAs } from './http.test-helpers';

describe('data scope through the HTTP API', () => {
  let server: RunningServer;

  beforeEach(async () => {
    server = await startServer({ backend: testBackend(), rendererDir: os.tmpdir(), port: 0 });
  });

  afterEach(async () => {
    await server.close();
  });

  async function call(cookie: string, method: string, body: unknown): Promise<{ status: number; json: { ok: boolean; data: Record<string, any>; error?: { code: string } } }> {
    const reply = await request(server, `/api/${method}`, { body, headers: { Cookie: cookie } });
    return { status: reply.status, json: (await answerOf(reply)) as never };
  }

  it('does not let a salesperson with own-customers scope read, find or export another salesperson’s customer', async () => {
    const owner = await setUpCompany(server);
    const sales = await signInAs(server, owner, 'sales');
    const colleague = await signInAs(server, owner, 'sales');
    const colleagueId = (await call(colleague, 'auth.status', {})).json.data.user.id as string;
    const salesId = (await call(sales, 'auth.status', {})).json.data.user.id as string;
    const theirs = (await call(owner, 'customers.create', { name: '苏州恒通建材有限公司', mobile: '13962112345', ownerUserId: colleagueId })).json.data.id as string;
    await call(owner, 'customers.create', { name: '南京博雅食品有限公司', mobile: '13770012345', ownerUserId: salesId });

    const read = await call(sales, 'customers.get', { id: theirs });
    expect(read.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(read.json)).not.toContain('恒通');
    const view = await call(sales, 'customers.view', { id: theirs });
    expect(view.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const list = await call(sales, 'customers.list', { q: '恒通' });
    expect(list.json).toMatchObject({ ok: true, data: { total: 0, rows: [] } });

    const chosen = await call(sales, 'exports.customers', { format: 'xlsx', ids: [theirs] });
    expect(chosen.json).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const everything = await call(sales, 'exports.customers', { format: 'csv', language: 'zh-CN' });
    expect(everything.json.ok).toBe(true);
    const file = Buffer.from(everything.json.data.content).toString('utf8');
    expect(file).toContain('博雅');
    expect(file).not.toContain('恒通');

    // The colleague who owns it reads it through the same API.
    expect((await call(colleague, 'customers.get', { id: theirs })).json).toMatchObject({ ok: true, data: { name: '苏州恒通建材有限公司' } });
  });

  it('does not let a salesperson read or export another salesperson’s deal or lead', async () => {
    const owner = await setUpCompany(server);
    const sales = await signInAs(server, owner, 'sales');
    const colleague = await signInAs(server, owner, 'sales');
    const colleagueId = (await call(colleague, 'auth.status', {})).json.data.user.id as string;
    const customerId = (await call(owner, 'customers.create', { name: '苏州恒通建材有限公司', mobile: '13962112345', ownerUserId: colleagueId })).json.data.id as string;
    const deal = (await call(owner, 'leads.createOpportunity', { title: '恒通年度采购', customerId, expectedAmount: 500_000, ownerUserId: colleagueId })).json.data.id as string;
    const lead = (await call(owner, 'leads.create', { name: '王强', company: '恒通华东分公司', mobile: '13962199999', ownerUserId: colleagueId })).json.data.id as string;

    for (const [method, id] of [['leads.getOpportunity', deal], ['leads.get', lead]] as const) {
      const read = await call(sales, method, { id });
      expect({ method, status: read.status, code: read.json.error?.code }).toEqual({ method, status: 404, code: 'NOT_FOUND' });
    }
    const board = await call(sales, 'leads.opportunityBoard', {});
    expect(JSON.stringify(board.json)).not.toContain('恒通');
    const leads = await call(sales, 'exports.leads', { format: 'csv', language: 'zh-CN' });
    expect(leads.json.data.rows).toBe(0);
    expect(Buffer.from(leads.json.data.content).toString('utf8')).not.toContain('恒通');
    expect((await call(colleague, 'leads.getOpportunity', { id: deal })).json).toMatchObject({ ok: true, data: { title: '恒通年度采购' } });
  });
  it('does not let a salesperson read another salesperson’s invoice or statement, nor see that customer in the aging or the receipts file', async () => {
    const owner = await setUpCompany(server);
    const sales = await signInAs(server, owner, 'sales');
    const colleague = await signInAs(server, owner, 'sales');
    const colleagueId = (await call(colleague, 'auth.status', {})).json.data.user.id as string;
    const customerId = (await call(owner, 'customers.create', { name: '苏州恒通建材有限公司', mobile: '13962112345', ownerUserId: colleagueId })).json.data.id as string;
    const invoice = await call(owner, 'receivables.invoiceServices', { customerId, invoiceDate: '2026-03-02', lines: [{ description: '安装服务', quantity: 1, unitPrice: 50_000, vatRate: 1300 }] });
    await call(owner, 'receivables.createReceipt', { customerId, receiptDate: '2026-03-03', method: 'bank_transfer', amount: 20_000 });
    const statement = await call(owner, 'statements.create', { customerId, periodFrom: '2026-03-01', periodTo: '2026-03-31' });

    for (const [method, id] of [['receivables.getInvoice', invoice.json.data.id], ['statements.get', statement.json.data.id]] as const) {
      const read = await call(sales, method, { id });
      expect({ method, status: read.status, code: read.json.error?.code }).toEqual({ method, status: 404, code: 'NOT_FOUND' });
    }
    expect((await call(sales, 'receivables.aging', { asOf: '2026-03-31' })).json).toMatchObject({ ok: true, data: { rows: [], totals: { total: 0 } } });
    const receipts = await call(sales, 'exports.receipts', { format: 'csv', language: 'zh-CN' });
    expect(receipts.json.data.rows).toBe(0);
    expect((await call(owner, 'receivables.aging', { asOf: '2026-03-31' })).json.data.rows).toHaveLength(1);
  });
});
