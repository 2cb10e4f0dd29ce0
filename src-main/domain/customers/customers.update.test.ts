import { describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import type { CustomerUpdateInput } from './customers.contract';
import type { Customer } from './customers.dto';
import { aCustomer, aMobile } from './customers.test-helpers';

/** 博雅 with its manager as the one contact and a shipping address, as the form would load it. */
async function boyaWithAnAddress(api: TestApi): Promise<Customer> {
  return api.ok('customers.create', aCustomer({ addresses: [{ kind: 'shipping', province: '江苏省', city: '南京市', detail: '中山北路 1 号' }] }));
}

/** Rename, give the manager a new mobile, add a buyer, drop the old address: one form save. */
function theWholeEdit(customer: Customer, { buyerMobile = aMobile(), managerMobile = '139 0000 1111' } = {}): CustomerUpdateInput {
  const manager = customer.contacts[0]!;
  return {
    id: customer.id,
    name: '南京博雅食品集团有限公司',
    contacts: [
      { id: manager.id, name: manager.name, mobile: managerMobile },
      { name: '王采购', title: '采购经理', mobile: buyerMobile, phone: '025-8765 4321' },
    ],
    addresses: [],
  };
}

async function updateAudits(api: TestApi) {
  return (await api.ok('audit.list', { method: 'customers.update' })).rows;
}

describe('customers.update with contacts and addresses', () => {
  it('refuses the whole edit when the new contact’s mobile is bad, naming that contact’s field', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);

    const result = await api.call('customers.update', theWholeEdit(customer, { buyerMobile: '1234' }));

    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'contacts.1.mobile' }] } });
    if (!result.ok) expect(result.error.message).toMatch(/^contacts\.1\.mobile: /);
    const unchanged = await api.ok('customers.get', { id: customer.id });
    expect(unchanged.name).toBe('南京博雅食品有限公司');
    expect(unchanged.contacts).toEqual(customer.contacts);
    expect(unchanged.addresses).toEqual(customer.addresses);
    expect(await updateAudits(api)).toEqual([]);
  });

  it('undoes the steps already written when the edit is refused at the end', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);

    // Mobiles are required: clearing the primary contact's leaves the customer without one.
    const result = await api.call('customers.update', theWholeEdit(customer, { managerMobile: '' }));

    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'contacts.0.mobile', code: 'required', params: { field: 'mobile' } }] } });
    const unchanged = await api.ok('customers.get', { id: customer.id });
    expect(unchanged).toMatchObject({ name: customer.name, contacts: customer.contacts, addresses: customer.addresses });
    expect(await updateAudits(api)).toEqual([]);
  });

  it('applies the whole edit in one audit row with before and after', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);
    const buyerMobile = aMobile();

    const updated = await api.ok('customers.update', theWholeEdit(customer, { buyerMobile }));

    expect(updated.name).toBe('南京博雅食品集团有限公司');
    expect(updated.contacts).toEqual([
      expect.objectContaining({ id: customer.contacts[0]!.id, mobile: '13900001111', isPrimary: true }),
      expect.objectContaining({ name: '王采购', mobile: buyerMobile, isPrimary: false }),
    ]);
    expect(updated.addresses).toEqual([]);

    const audits = await updateAudits(api);
    expect(audits).toHaveLength(1);
    const [customerChange, ...itemChanges] = audits[0]!.changes;
    expect(audits[0]).toMatchObject({ entityType: 'customer', entityId: customer.id });
    expect(customerChange!.fields.name).toEqual({ before: '南京博雅食品有限公司', after: '南京博雅食品集团有限公司' });
    expect(Object.keys(customerChange!.fields).sort()).toEqual(['addresses', 'contacts', 'name']);
    expect(itemChanges.map((c) => [c.entityType, c.entityId])).toEqual([
      ['customerContact', customer.contacts[0]!.id],
      ['customerContact', updated.contacts[1]!.id],
      ['customerAddress', customer.addresses[0]!.id],
    ]);
    expect(itemChanges[0]!.fields.mobile).toEqual({ before: customer.contacts[0]!.mobile, after: '13900001111' });
  });

  it('finds the customer by the new contact’s phone afterwards', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);
    const buyerMobile = aMobile();
    await api.ok('customers.update', theWholeEdit(customer, { buyerMobile }));

    expect((await api.ok('customers.list', { q: '02587654321' })).rows.map((r) => r.id)).toEqual([customer.id]);
    expect((await api.ok('customers.list', { q: '4321' })).rows.map((r) => r.id)).toEqual([customer.id]);
    expect((await api.ok('customers.search', { q: buyerMobile }))[0]).toMatchObject({ id: customer.id, name: '南京博雅食品集团有限公司' });
  });

  it('makes a new contact the primary one, leaving exactly one primary', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);
    const manager = customer.contacts[0]!;

    const updated = await api.ok('customers.update', {
      id: customer.id,
      contacts: [
        { id: manager.id, name: manager.name, isPrimary: false },
        { name: '王采购', mobile: aMobile(), isPrimary: true },
      ],
    });

    expect(updated.contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['王采购']);
    expect(updated.contacts).toHaveLength(2);
  });

  it('refuses two primary contacts in one edit', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);
    const manager = customer.contacts[0]!;
    const result = await api.call('customers.update', {
      id: customer.id,
      contacts: [
        { id: manager.id, name: manager.name, isPrimary: true },
        { name: '王采购', mobile: aMobile(), isPrimary: true },
      ],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'contacts.1.isPrimary', code: 'one_primary_only' }] } });
  });

  it('moves the default shipping address to a new one in the same edit', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);
    const old = customer.addresses[0]!;

    const updated = await api.ok('customers.update', {
      id: customer.id,
      addresses: [
        { id: old.id, detail: old.detail, isDefault: false },
        { kind: 'shipping', detail: '仓库 B', isDefault: true },
      ],
    });

    expect(updated.addresses.map((a) => [a.detail, a.kind, a.isDefault])).toEqual(
      expect.arrayContaining([
        ['中山北路 1 号', 'shipping', false],
        ['仓库 B', 'shipping', true],
      ]),
    );
    expect(updated.addresses).toHaveLength(2);
  });

  it('refuses a contact or address of another customer, naming it, and changes nothing', async () => {
    const api = await ownerApi();
    const customer = await boyaWithAnAddress(api);
    const other = await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', shortName: '申达', addresses: [{ kind: 'billing', detail: '财务部' }] }));

    const result = await api.call('customers.update', {
      id: customer.id,
      industry: '食品',
      contacts: [
        { id: customer.contacts[0]!.id, name: customer.contacts[0]!.name },
        { id: other.contacts[0]!.id, name: '改名' },
        { id: customer.contacts[0]!.id, name: '又一次' },
      ],
      addresses: [{ id: other.addresses[0]!.id, detail: '财务部' }],
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues!.map((i) => [i.path, i.code]).sort()).toEqual([
      ['addresses.0.id', 'not_found'],
      ['contacts.1.id', 'not_found'],
      ['contacts.2.id', 'listed_twice'],
    ]);
    expect(await api.ok('customers.get', { id: other.id })).toMatchObject({ contacts: other.contacts, addresses: other.addresses });
    expect((await api.ok('customers.get', { id: customer.id })).industry).toBeNull();
    expect(await updateAudits(api)).toEqual([]);
  });
});
