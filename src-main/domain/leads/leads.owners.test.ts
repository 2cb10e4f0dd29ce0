import { describe, expect, it } from 'vitest';
import { ownerApi, signedInAs, type TestApi } from '../../db/test-db';
import { localAdmin } from '../users/local-admin';
import { aCustomer } from '../customers/customers.test-helpers';
import { aLead } from './leads.test-helpers';

async function aSalesperson(api: TestApi, username: string) {
  return api.ok('users.create', { username, displayName: username, role: 'sales', password: 'sales-pass-123' });
}

describe('who owns a converted lead', () => {
  it('gives the customer the converting user when the lead’s owner has left', async () => {
    const api = await ownerApi();
    const leaver = await aSalesperson(api, 'zhangwei');
    const lead = await api.ok('leads.create', aLead({ ownerUserId: leaver.id }));
    await api.ok('users.update', { id: leaver.id, active: false });
    const { customer, lead: converted } = await api.ok('leads.convert', { id: lead.id });
    const owner = api.session.user!.id;
    expect(await api.ok('customers.get', { id: customer.id })).toMatchObject({ ownerUserId: owner, leadId: lead.id });
    expect(converted).toMatchObject({ ownerUserId: owner, customerId: customer.id });
  });

  it('converts a lead made from the command line, owned by the password-less local administrator', async () => {
    const api = await ownerApi();
    const cli = { session: signedInAs(localAdmin(api.backend.conn)), transport: 'cli' as const };
    const made = await api.backend.call(cli, 'leads.create', aLead());
    if (!made.ok) throw new Error(made.error.message);
    const chosen = await aSalesperson(api, 'lina');
    const { customer } = await api.ok('leads.convert', { id: (made.data as { id: string }).id, ownerUserId: chosen.id });
    expect((await api.ok('customers.get', { id: customer.id })).ownerUserId).toBe(chosen.id);
  });

  it('refuses a chosen owner who is not an active user, and converts nothing', async () => {
    const api = await ownerApi();
    const leaver = await aSalesperson(api, 'wangfang');
    await api.ok('users.update', { id: leaver.id, active: false });
    const lead = await api.ok('leads.create', aLead());
    expect(await api.call('leads.convert', { id: lead.id, ownerUserId: leaver.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'ownerUserId', code: 'not_found' }] },
    });
    expect(await api.ok('leads.get', { id: lead.id })).toMatchObject({ status: 'new', customerId: null });
  });
});

describe('handing over a leaving salesperson’s work', () => {
  it('moves open leads, open opportunities and active customers, and leaves history alone', async () => {
    const api = await ownerApi();
    const leaver = await aSalesperson(api, 'liqiang');
    const colleague = await aSalesperson(api, 'zhaomin');
    const open = await api.ok('leads.create', aLead({ ownerUserId: leaver.id }));
    const lost = await api.ok('leads.create', aLead({ ownerUserId: leaver.id }));
    await api.ok('leads.markLost', { id: lost.id, reason: '预算不足' });
    const customer = await api.ok('customers.create', aCustomer({ ownerUserId: leaver.id }));
    const deal = await api.ok('leads.createOpportunity', { title: '年度采购', customerId: customer.id, ownerUserId: leaver.id, expectedAmount: 1_000_000 });

    expect(await api.ok('leads.reassignOwner', { fromUserId: leaver.id, toUserId: colleague.id })).toEqual({ leads: 1, opportunities: 1, customers: 1 });
    expect((await api.ok('leads.get', { id: open.id })).ownerUserId).toBe(colleague.id);
    expect((await api.ok('leads.get', { id: lost.id })).ownerUserId).toBe(leaver.id);
    expect((await api.ok('customers.get', { id: customer.id })).ownerUserId).toBe(colleague.id);
    expect((await api.ok('leads.getOpportunity', { id: deal.id })).ownerUserId).toBe(colleague.id);
  });

  it('hands over only to an active colleague, and only managers may', async () => {
    const api = await ownerApi();
    const leaver = await aSalesperson(api, 'sunli');
    const gone = await aSalesperson(api, 'zhouxun');
    await api.ok('users.update', { id: gone.id, active: false });
    await api.ok('leads.create', aLead({ ownerUserId: leaver.id }));
    expect(await api.call('leads.reassignOwner', { fromUserId: leaver.id, toUserId: gone.id })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'toUserId', code: 'not_found' }] },
    });
    const sales = await api.as('sales');
    expect(await sales.call('leads.reassignOwner', { fromUserId: leaver.id, toUserId: api.session.user!.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the link between a customer and its lead', () => {
  it('is set only by converting the lead', async () => {
    const api = await ownerApi();
    expect(await api.call('customers.create', { ...aCustomer(), leadId: 'no-such-lead' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'leadId', code: 'unknown_field' }] } });
    const customer = await api.ok('customers.create', aCustomer());
    const lead = await api.ok('leads.create', aLead());
    expect(await api.call('customers.update', { id: customer.id, leadId: lead.id } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await api.ok('customers.get', { id: customer.id })).leadId).toBeNull();
  });
});
