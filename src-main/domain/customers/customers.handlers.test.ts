import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { aCustomer, aMobile, creditCode } from './customers.test-helpers';

describe('customers.create', () => {
  it('files a company with code C000001, its contacts, addresses and tags', async () => {
    const api = await ownerApi();
    const tag = await api.ok('customers.saveTag', { name: '重点客户', color: 'red' });
    const created = await api.ok(
      'customers.create',
      aCustomer({
        creditCode: creditCode(),
        creditLimit: 5_000_00,
        paymentTermsDays: 30,
        tagIds: [tag.id],
        contacts: [{ name: '周博雅', mobile: '+86 139 1234 5678', title: '总经理' }, { name: '李会计', email: 'LI@BOYA.CN' }],
        addresses: [{ kind: 'shipping', province: '江苏省', city: '南京市', district: '鼓楼区', detail: '中山北路 1 号' }],
      }),
    );
    expect(created).toMatchObject({ code: 'C000001', name: '南京博雅食品有限公司', creditLimit: 500000, status: 'active', lifecycleStage: 'prospect', province: '江苏省', duplicates: [] });
    expect(created.contacts).toEqual([
      expect.objectContaining({ name: '周博雅', mobile: '13912345678', isPrimary: true }),
      expect.objectContaining({ name: '李会计', email: 'li@boya.cn', isPrimary: false }),
    ]);
    expect(created.addresses).toEqual([expect.objectContaining({ kind: 'shipping', isDefault: true })]);
    expect(created.tags).toEqual([{ id: tag.id, name: '重点客户', color: 'red' }]);
    expect(await api.ok('customers.get', { id: created.id })).toMatchObject({ id: created.id, code: 'C000001' });
    const second = await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', shortName: '申达' }));
    expect(second.code).toBe('C000002');
  });

  it('requires a mobile by default and says where it goes', async () => {
    const api = await ownerApi();
    const result = await api.call('customers.create', aCustomer({ contacts: [{ name: '周博雅' }] }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'contacts.0.mobile', code: 'required', params: { field: 'mobile' } }] } });
  });

  it('saves a company or a person with only a name and a mobile, ignoring a contact card left blank', async () => {
    const api = await ownerApi();
    const company = await api.ok('customers.create', { kind: 'company', name: '苏州恒远五金有限公司', mobile: '13912340001', contacts: [{ name: '', mobile: '  ', isPrimary: true }] });
    expect(company).toMatchObject({ kind: 'company', name: '苏州恒远五金有限公司', mobile: '13912340001', contacts: [] });
    const person = await api.ok('customers.create', { kind: 'individual', name: '王小梅', mobile: '13912340002' });
    expect(person).toMatchObject({ kind: 'individual', mobile: '13912340002', contacts: [] });
    expect((await api.ok('customers.list', {})).total).toBe(2);
  });

  it('still names a half-filled contact card by its own place when a blank card comes before it', async () => {
    const api = await ownerApi();
    const result = await api.call('customers.create', { kind: 'company', name: '苏州恒远五金有限公司', mobile: '13912340001', contacts: [{ name: '' }, { name: '', mobile: '13912340003' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'contacts.1.name', code: 'required' }] } });
  });

  it('drops a blank new card on update but keeps the stored contacts', async () => {
    const api = await ownerApi();
    const created = await api.ok('customers.create', aCustomer());
    const [stored] = created.contacts;
    const updated = await api.ok('customers.update', { id: created.id, contacts: [{ id: stored!.id, name: stored!.name, mobile: stored!.mobile }, { name: '', title: '', email: '' }] });
    expect(updated.contacts.map((c) => c.id)).toEqual([stored!.id]);
  });

  it('honours the required-fields setting', async () => {
    const api = await ownerApi();
    // companyName too: settings.update with only customerRequiredFields runs an empty UPDATE (a settings bug, reported).
    await api.ok('settings.update', { companyName: '南京博雅食品有限公司', customerRequiredFields: ['industry', 'creditCode'] });
    const result = await api.call('customers.create', aCustomer({ contacts: [] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues!.map((i) => i.path).sort()).toEqual(['creditCode', 'industry']);
  });

  it('answers VALIDATION naming every bad field, and writes nothing', async () => {
    const api = await ownerApi();
    const result = await api.call(
      'customers.create',
      aCustomer({ creditCode: '91350100M000100Y44', email: 'boya@', contacts: [{ name: '周', mobile: '123' }], addresses: [{ kind: 'billing', detail: '' }] }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues!.map((i) => i.path).sort()).toEqual(['addresses.0.detail', 'contacts.0.mobile', 'creditCode', 'email']);
    expect((await api.ok('customers.list', {})).total).toBe(0);
  });

  it('refuses a warehouse user', async () => {
    const api = await ownerApi();
    const warehouse = await api.as('warehouse');
    expect(await warehouse.call('customers.create', aCustomer())).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await warehouse.ok('customers.list', {})).total).toBe(0);
  });

  it('lets service staff log interactions but not edit the record', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    const service = await api.as('service');
    expect(await service.call('customers.update', { id: customer.id, notes: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await service.call('customers.logInteraction', { customerId: customer.id, kind: 'call', subject: '回访' })).ok).toBe(true);
    const sales = await api.as('sales');
    expect(await sales.call('customers.merge', { sourceId: customer.id, targetId: customer.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('customers.update', () => {
  it('changes only the given fields and audits them before/after', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer({ industry: '食品' }));
    const updated = await api.ok('customers.update', { id: customer.id, industry: '餐饮', creditLimit: 100_000_00 });
    expect(updated).toMatchObject({ industry: '餐饮', creditLimit: 10_000_000, name: customer.name, shortName: '博雅' });
    const log = await api.ok('audit.list', { method: 'customers.update' });
    expect(log.rows[0]!.changes[0]!.fields).toEqual({ industry: { before: '食品', after: '餐饮' }, creditLimit: { before: null, after: 10_000_000 } });
  });

  it('clears a field given as null or empty text', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer({ industry: '食品' }));
    expect((await api.ok('customers.update', { id: customer.id, industry: '' })).industry).toBeNull();
  });

  it('archives and restores', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    expect((await api.ok('customers.archive', { id: customer.id })).status).toBe('archived');
    expect((await api.ok('customers.list', {})).total).toBe(0);
    expect((await api.ok('customers.list', { filters: { status: 'archived' } })).total).toBe(1);
    expect((await api.ok('customers.restore', { id: customer.id })).status).toBe('active');
  });

  it('answers NOT_FOUND for an unknown customer', async () => {
    const api = await ownerApi();
    expect(await api.call('customers.get', { id: '0190a000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('contacts and addresses', () => {
  it('keeps exactly one primary contact', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    const first = customer.contacts[0]!;
    const second = await api.ok('customers.addContact', { customerId: customer.id, contact: { name: '王采购', mobile: aMobile(), isPrimary: true } });
    let contacts = (await api.ok('customers.get', { id: customer.id })).contacts;
    expect(contacts.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([second.id]);

    await api.ok('customers.updateContact', { id: first.id, isPrimary: true });
    contacts = (await api.ok('customers.get', { id: customer.id })).contacts;
    expect(contacts.filter((c) => c.isPrimary).map((c) => c.id)).toEqual([first.id]);

    await api.ok('customers.removeContact', { id: first.id });
    contacts = (await api.ok('customers.get', { id: customer.id })).contacts;
    expect(contacts.map((c) => [c.id, c.isPrimary])).toEqual([[second.id, true]]);

    const only = await api.call('customers.updateContact', { id: second.id, isPrimary: false });
    expect(only).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'isPrimary', code: 'not_allowed', params: { reason: 'only_contact_is_primary' } }] } });
  });

  it('refuses two primary contacts on create', async () => {
    const api = await ownerApi();
    const result = await api.call('customers.create', aCustomer({ contacts: [{ name: '甲', mobile: aMobile(), isPrimary: true }, { name: '乙', isPrimary: true }] }));
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'contacts.1.isPrimary' }] } });
  });

  it('will not remove the last mobile while mobiles are required', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    const result = await api.call('customers.removeContact', { id: customer.contacts[0]!.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await api.ok('customers.get', { id: customer.id })).contacts).toHaveLength(1);
  });

  it('keeps one default address per kind', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer());
    const a = await api.ok('customers.addAddress', { customerId: customer.id, address: { kind: 'shipping', detail: '仓库 A' } });
    const b = await api.ok('customers.addAddress', { customerId: customer.id, address: { kind: 'shipping', detail: '仓库 B', isDefault: true } });
    const billing = await api.ok('customers.addAddress', { customerId: customer.id, address: { kind: 'billing', detail: '财务部' } });
    expect(a.isDefault).toBe(true);
    expect(billing.isDefault).toBe(true);
    const defaults = (await api.ok('customers.get', { id: customer.id })).addresses.filter((x) => x.isDefault).map((x) => x.id);
    expect(defaults.sort()).toEqual([b.id, billing.id].sort());
    await api.ok('customers.removeAddress', { id: b.id });
    const after = (await api.ok('customers.get', { id: customer.id })).addresses;
    expect(after.find((x) => x.id === a.id)!.isDefault).toBe(true);
  });
});

describe('custom fields', () => {
  it('checks values by type and choice, naming the field', async () => {
    const api = await ownerApi();
    await api.ok('customers.saveFieldDef', { key: 'channel', label: '渠道', type: 'choice', options: ['线上', '线下'] });
    await api.ok('customers.saveFieldDef', { key: 'staff', label: '员工人数', type: 'number' });
    await api.ok('customers.saveFieldDef', { key: 'founded', label: '成立日期', type: 'date' });
    const bad = await api.call('customers.create', aCustomer({ customFields: { channel: '电话', staff: 'many', founded: '2020-13-01', nope: 'x' } }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.issues!.map((i) => i.path).sort()).toEqual(['customFields.channel', 'customFields.founded', 'customFields.nope', 'customFields.staff']);
    const good = await api.ok('customers.create', aCustomer({ customFields: { channel: '线上', staff: '12', founded: '2020-01-01' } }));
    expect(good.customFields).toEqual({ channel: '线上', staff: 12, founded: '2020-01-01' });
    const updated = await api.ok('customers.update', { id: good.id, customFields: { staff: null } });
    expect(updated.customFields).toEqual({ channel: '线上', founded: '2020-01-01' });
    expect((await api.ok('customers.list', { filters: { custom: { channel: '线上' } } })).total).toBe(1);
  });
});

describe('saved views', () => {
  it('keeps each user’s views to themselves', async () => {
    const api = await ownerApi();
    const view = await api.ok('customers.saveView', { name: '江苏重点', query: { filters: { province: '江苏省' } } });
    expect(await api.ok('customers.listViews', {})).toEqual([expect.objectContaining({ id: view.id, name: '江苏重点', query: { filters: { province: '江苏省' } } })]);
    const sales = await api.as('sales');
    expect(await sales.ok('customers.listViews', {})).toEqual([]);
    expect(await sales.call('customers.deleteView', { id: view.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await api.ok('customers.deleteView', { id: view.id });
    expect(await api.ok('customers.listViews', {})).toEqual([]);
  });
});

describe('a credit code whose organisation code fails GB 11714', () => {
  // 91320100MA1XYW12 + 3: the organisation code MA1XYW12 wants 4, but the whole code's check character fits.
  const olderCode = creditCode('91320100MA1XYW123');

  it('is refused until the user accepts the warning, then saved with the warning returned', async () => {
    const api = await ownerApi();
    const refused = await api.call('customers.create', aCustomer({ creditCode: olderCode }));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: 'creditCode', code: 'invalid_credit_code', params: { reason: 'organisation_check_char', warning: true } }] },
    });
    expect((await api.ok('customers.list', {})).total).toBe(0);
    const saved = await api.ok('customers.create', aCustomer({ creditCode: olderCode, acceptCreditCodeWarning: true }));
    expect(saved).toMatchObject({ creditCode: olderCode, warnings: [{ path: 'creditCode', params: { reason: 'organisation_check_char' } }] });
  });

  it('is questioned on update only when the code changes', async () => {
    const api = await ownerApi();
    const customer = await api.ok('customers.create', aCustomer({ creditCode: creditCode() }));
    expect(await api.call('customers.update', { id: customer.id, creditCode: olderCode })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await api.ok('customers.get', { id: customer.id })).creditCode).toBe(creditCode());
    await api.ok('customers.update', { id: customer.id, creditCode: olderCode, acceptCreditCodeWarning: true });
    expect(await api.ok('customers.update', { id: customer.id, creditCode: olderCode, notes: '核对过营业执照' })).toMatchObject({ notes: '核对过营业执照', warnings: [] });
  });

  it('is told apart from a refusal by customers.checkCreditCode, which reads it as typed', async () => {
    const api = await ownerApi();
    expect(await api.ok('customers.checkCreditCode', { creditCode: olderCode.replace(/(.{4})/g, '$1 ') })).toEqual({
      creditCode: olderCode,
      issues: [],
      warnings: [expect.objectContaining({ code: 'invalid_credit_code', params: { reason: 'organisation_check_char', warning: true } })],
    });
    expect(await api.ok('customers.checkCreditCode', { creditCode: '000000000000000000' })).toMatchObject({
      issues: [{ code: 'invalid_credit_code', params: { reason: 'registration_authority', char: '0' } }],
      warnings: [],
    });
  });
});
