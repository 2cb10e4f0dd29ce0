import { beforeAll, describe, expect, it } from 'vitest';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aCustomer, creditCode } from './customers.test-helpers';

describe('finding customers', () => {
  let api: TestApi;
  let boya: { id: string; code: string };
  const boyaCredit = creditCode('91320100MA1BYAA05');

  beforeAll(async () => {
    api = await ownerApi();
    boya = await api.ok(
      'customers.create',
      aCustomer({ name: '南京博雅食品有限公司', shortName: '博雅', creditCode: boyaCredit, contacts: [{ name: '单雄', mobile: '13951234567', phone: '025-8888 6666' }] }),
    );
    await api.ok('customers.create', aCustomer({ name: '重庆长安汽配有限公司', shortName: '长安汽配', contacts: [{ name: '曾乐', mobile: '13800001111' }] }));
    await api.ok('customers.create', aCustomer({ name: '南通博远纺织有限公司', shortName: '博远', contacts: [{ name: '李四', mobile: '13700002222' }] }));
  });

  const namesFor = async (q: string) => (await api.ok('customers.list', { q })).rows.map((r) => r.name);

  it.each([
    ['njby', 'pinyin initials'],
    ['nanjingboya', 'full pinyin'],
    ['NanJingBo', 'full pinyin typed in mixed case'],
    ['boya', 'pinyin of the short name'],
    ['by', 'initials of the short name'],
    ['博雅', 'Chinese characters'],
    ['南京 食品', 'two words, both required'],
    ['13951234567', 'the contact’s mobile'],
    ['4567', 'the last four digits of a mobile'],
    ['6666', 'the last four digits of a landline'],
    ['单雄', 'the contact’s name'],
    ['shanxiong', 'the pinyin of the contact’s name read as a surname (单 = shan)'],
    ['C000001', 'the customer code'],
    [boyaCredit.slice(0, 10), 'the start of the credit code'],
  ])('finds 南京博雅食品有限公司 by %s (%s)', async (q) => {
    expect(await namesFor(q)).toContain('南京博雅食品有限公司');
  });

  it('reads 重庆 as chongqing and 长安 as chang’an', async () => {
    expect(await namesFor('chongqingchangan')).toEqual(['重庆长安汽配有限公司']);
    expect(await namesFor('cqca')).toEqual(['重庆长安汽配有限公司']);
    expect(await namesFor('zengle')).toEqual(['重庆长安汽配有限公司']);
  });

  it('does not match characters that are not next to each other', async () => {
    expect(await namesFor('南博')).toEqual([]);
    expect(await namesFor('nanjingboyuan')).toEqual([]);
  });

  it('keeps the index in step with renames and new contacts', async () => {
    const other = await api.ok('customers.create', aCustomer({ name: '杭州西湖茶叶有限公司', shortName: null }));
    await api.ok('customers.update', { id: other.id, name: '杭州龙井茶业有限公司' });
    expect(await namesFor('xihu')).toEqual([]);
    expect(await namesFor('longjing')).toEqual(['杭州龙井茶业有限公司']);
    await api.ok('customers.addContact', { customerId: other.id, contact: { name: '钱七', mobile: '13600009999' } });
    expect(await namesFor('13600009999')).toEqual(['杭州龙井茶业有限公司']);
  });

  it('gives the command palette a hint of why each customer matched', async () => {
    const hits = await api.ok('customers.search', { q: 'njby', limit: 5 });
    expect(hits[0]).toMatchObject({ id: boya.id, name: '南京博雅食品有限公司', matchHint: 'pinyin' });
    expect((await api.ok('customers.search', { q: boya.code }))[0]).toMatchObject({ id: boya.id, matchHint: 'code' });
    expect((await api.ok('customers.search', { q: '4567' }))[0]).toMatchObject({ id: boya.id, matchHint: 'phone' });
  });

  it('ranks the palette: the customer whose code was typed, then names starting with the typed pinyin, then other matches', async () => {
    const suzhou = await api.ok('customers.create', aCustomer({ name: '苏州中华印刷有限公司', shortName: null, contacts: [{ name: '张伟', mobile: '13500003333' }] }));
    const zhangjiagang = await api.ok('customers.create', aCustomer({ name: '张家港华远贸易有限公司', shortName: null }));
    const names = async (q: string) => (await api.ok('customers.search', { q, limit: 5 })).map((h) => h.name);
    // 苏州中华 (created first) matches zh by its contact and by 中华 inside its name; 张家港 starts with it.
    const zh = await names('zh');
    expect(zh[0]).toBe('张家港华远贸易有限公司');
    expect(zh).toContain('苏州中华印刷有限公司');
    expect(await names('zhangjia')).toEqual(['张家港华远贸易有限公司']);
    expect((await api.ok('customers.search', { q: zhangjiagang.code.toLowerCase(), limit: 5 }))[0]).toMatchObject({ id: zhangjiagang.id, matchHint: 'code' });
    expect((await api.ok('customers.search', { q: 'zhangwei', limit: 5 }))[0]).toMatchObject({ id: suzhou.id });
  });

  it('finds accented Latin with or without its accents, and emoji', async () => {
    await api.ok('customers.create', aCustomer({ name: '🍎 Café Ünïcödé 贸易有限公司', shortName: null }));
    for (const q of ['ünïcödé', 'unicode', 'UNICO', 'café', 'cafe', '🍎', '🍎 贸易']) expect(await namesFor(q)).toEqual(['🍎 Café Ünïcödé 贸易有限公司']);
    expect(await namesFor('🍊')).toEqual([]);
  });

  it('reads one letter as the first letter of the name in pinyin, in name order', async () => {
    expect(await namesFor('n')).toEqual(['南京博雅食品有限公司', '南通博远纺织有限公司']);
    expect(await namesFor('Ｃ')).toContain('重庆长安汽配有限公司');
    expect(await namesFor('Ｃ')).not.toContain('南京博雅食品有限公司');
    expect((await api.ok('customers.search', { q: 'n', limit: 1 })).map((h) => h.name)).toEqual(['南京博雅食品有限公司']);
  });

  it('treats FTS syntax in a query as plain text', async () => {
    expect(await namesFor('"njby OR *')).toBeDefined();
    expect((await api.call('customers.list', { q: 'NEAR( AND' })).ok).toBe(true);
  });
});
