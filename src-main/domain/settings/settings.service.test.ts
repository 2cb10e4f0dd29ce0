import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';

describe('company settings', () => {
  it('changes only the required customer fields when that is all that is sent', async () => {
    const api = await ownerApi();
    const after = await api.ok('settings.update', { customerRequiredFields: ['mobile', 'email'] });
    expect(after).toMatchObject({ companyName: '南京博雅食品有限公司', customerRequiredFields: ['mobile', 'email'] });
  });

  it('refuses an unknown time zone beside the field', async () => {
    const api = await ownerApi();
    const result = await api.call('settings.update', { timeZone: 'Mars/Olympus' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'timeZone' }] } });
  });

  it('records the before and after of a company rename', async () => {
    const api = await ownerApi();
    await api.ok('settings.update', { companyName: '南京博雅食品股份有限公司' });
    const log = await api.ok('audit.list', { method: 'settings.update' });
    expect(log.rows[0]!.changes[0]!.fields.companyName).toEqual({ before: '南京博雅食品有限公司', after: '南京博雅食品股份有限公司' });
  });

  it('keeps the letterhead printed documents carry, trimmed, and clears a line sent empty', async () => {
    const api = await ownerApi();
    expect(await api.ok('settings.get', {})).toMatchObject({ companyAddress: '', companyPhone: '', companyTaxId: '', companyBank: '', companyBankAccount: '' });
    await api.ok('settings.update', { companyAddress: ' 南京市玄武区中山路 18 号 ', companyBank: '中国工商银行南京中山路支行', companyBankAccount: '4301 0123 0910 0123 456' });
    await api.ok('settings.update', { companyPhone: '025-8451 2233', companyBank: '' });
    expect(await api.ok('settings.get', {})).toMatchObject({
      companyAddress: '南京市玄武区中山路 18 号',
      companyPhone: '025-8451 2233',
      companyBank: '',
      companyBankAccount: '4301 0123 0910 0123 456',
    });
    const log = await api.ok('audit.list', { method: 'settings.update' });
    expect(log.rows[0]!.changes[0]!.fields).toEqual({
      companyPhone: { before: '', after: '025-8451 2233' },
      companyBank: { before: '中国工商银行南京中山路支行', after: '' },
    });
    const tooLong = await api.call('settings.update', { companyTaxId: '9'.repeat(31) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'companyTaxId', code: 'too_long' }] } });
  });

  it('is read by everyone signed in but changed only by the owner', async () => {
    const api = await ownerApi();
    const sales = await api.as('sales');
    expect(await sales.ok('settings.get', {})).toMatchObject({ currency: 'CNY', timeZone: 'Asia/Shanghai' });
    expect(await sales.call('settings.update', { companyName: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
