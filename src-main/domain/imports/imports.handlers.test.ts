import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { aCustomer, creditCode } from '../customers/customers.test-helpers';
import { csvUpload, lines, xlsxUpload } from './imports.test-helpers';
import { inlineRow, xlsxOfRepeatedRows } from './imports.zip.test-helpers';

const HEADER = '客户名称,联系人,手机,详细地址,标签';
const BOYA = '南京博雅食品有限公司,周博雅,13912345678,南京市鼓楼区中山北路1号,重点客户、VIP';
const SHENDA = '上海申达贸易有限公司,李明,13811112222,上海市黄浦区南京东路8号,经销商';

describe('imports.previewCustomers', () => {
  it.each(['utf-8', 'utf-8-bom', 'gbk', 'gb18030', 'utf-16le'] as const)('reads a %s CSV and names its encoding', async (encoding) => {
    const api = await ownerApi();
    const preview = await api.ok('imports.previewCustomers', csvUpload(lines(HEADER, BOYA, SHENDA), encoding));
    // A GB18030 file that uses only GBK characters cannot be told apart from GBK.
    expect(preview).toMatchObject({ encoding: encoding === 'gb18030' ? 'gbk' : encoding, delimiter: ',', headers: ['客户名称', '联系人', '手机', '详细地址', '标签'], rowCount: 2, toCreate: 2, errors: [] });
    expect(preview.sample[0]).toEqual({ row: 2, cells: BOYA.split(',') });
  });

  it('says gb18030 when the file uses characters GBK lacks', async () => {
    const api = await ownerApi();
    // 𠮷 (U+20BB7) exists only in GB18030's four-byte range.
    const preview = await api.ok('imports.previewCustomers', csvUpload(lines(HEADER, '𠮷祥食品有限公司,周博雅,13912345678,,'), 'gb18030'));
    expect(preview.encoding).toBe('gb18030');
    expect(preview.sample[0]!.cells[0]).toBe('𠮷祥食品有限公司');
  });

  it.each([
    ['Shift-JIS', 'shift_jis', 'Shift_JIS', lines('顧客名,担当者,電話番号', '株式会社サンプル,山田太郎,03-1234-5678', 'テスト商事,鈴木花子,06-9876-5432')],
    ['Latin-1', 'latin1', 'ISO-8859-1', lines('Name,Stadt,Straße', 'Müller GmbH,München,Hauptstraße 5', 'Café Zoë,Köln,Rüdesheimer Weg 2')],
  ])('refuses a %s CSV with the encoding named, and imports nothing', async (_name, encoding, detected, text) => {
    const api = await ownerApi();
    const upload = { fileName: 'customers.csv', contentBase64: iconv.encode(text, encoding).toString('base64') };
    for (const method of ['imports.previewCustomers', 'imports.customers'] as const) {
      const result = await api.call(method, upload);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringContaining(detected), issues: [{ path: 'contentBase64', code: 'unsupported_encoding', params: { encoding: detected } }] },
      });
    }
    expect((await api.ok('customers.list', {})).total).toBe(0);
  });

  it('refuses a header that appears twice, naming it and its columns', async () => {
    const api = await ownerApi();
    const result = await api.call('imports.previewCustomers', csvUpload(lines('客户名称,手机,联系人,手機', '南京博雅食品有限公司,13912345678,周博雅,13900000000')));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'contentBase64', code: 'duplicate_header', params: { header: '手机', columns: ['B', 'D'], line: 1 } }] },
    });
  });

  it('refuses a zip bomb with the limit named, quickly', async () => {
    const api = await ownerApi();
    const bomb = xlsxOfRepeatedRows(inlineRow(1, ['x'.repeat(40)]).repeat(10_000), 600).file;
    const started = performance.now();
    const result = await api.call('imports.previewCustomers', { fileName: '客户.xlsx', contentBase64: bomb.toString('base64') });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('at most 256 MB'), issues: [{ path: 'contentBase64', code: 'file_too_large', params: { max: '256 MB' } }] } });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('detects tab and semicolon separated files', async () => {
    const api = await ownerApi();
    const tabbed = await api.ok('imports.previewCustomers', csvUpload(lines(HEADER.replaceAll(',', '\t'), BOYA.replaceAll(',', '\t'))));
    expect(tabbed).toMatchObject({ delimiter: '\t', toCreate: 1, errors: [] });
    const semi = await api.ok('imports.previewCustomers', csvUpload(lines(HEADER.replaceAll(',', ';'), BOYA.replaceAll(',', ';'))));
    expect(semi).toMatchObject({ delimiter: ';', toCreate: 1, errors: [] });
  });

  it('maps Chinese, English and our own export headers to fields', async () => {
    const api = await ownerApi();
    await api.ok('customers.saveFieldDef', { key: 'grade', label: '客户评级', type: 'choice', options: ['A', 'B'] });
    const headers = [
      '客户编号',
      '*客户全称',
      '客户简称',
      '纳税人识别号',
      '联系人姓名',
      '手机号码',
      '固定电话',
      '电子邮件',
      '微信号',
      '省份',
      '城市',
      '区县',
      '联系地址',
      '邮编',
      '开户行',
      '银行账号',
      '开票抬头',
      '注册地址',
      '注册电话',
      '所属行业',
      '来源',
      '规模',
      '信用额度（元）',
      '账期(天)',
      '会员等级',
      '业务员',
      '标签',
      '生日',
      '备注',
      '客户类型',
      '客户评级',
      'Unknown column',
    ];
    const preview = await api.ok('imports.previewCustomers', csvUpload(lines(headers.join(','))));
    expect(preview.suggestedMapping).toEqual([
      'code',
      'name',
      'shortName',
      'creditCode',
      'contactName',
      'contactMobile',
      'contactPhone',
      'contactEmail',
      'contactWechat',
      'province',
      'city',
      'district',
      'addressDetail',
      'postcode',
      'bankName',
      'bankAccount',
      'invoiceTitle',
      'registeredAddress',
      'registeredPhone',
      'industry',
      'source',
      'size',
      'creditLimit',
      'paymentTermsDays',
      'tier',
      'owner',
      'tags',
      'birthday',
      'notes',
      'kind',
      'custom.grade',
      null,
    ]);
    const english = await api.ok('imports.previewCustomers', csvUpload(lines('Customer Code,Name,Short Name,Credit Code,Mobile,E-mail,Address')));
    expect(english.suggestedMapping).toEqual(['code', 'name', 'shortName', 'creditCode', 'mobile', 'email', 'addressDetail']);
    const traditional = await api.ok('imports.previewCustomers', csvUpload(lines('客戶編碼,客戶名稱,聯繫人,手機號碼,統一社會信用代碼')));
    expect(traditional.suggestedMapping).toEqual(['code', 'name', 'contactName', 'contactMobile', 'creditCode']);
  });

  it('takes 姓名 as the customer for a list of people and as the contact beside a company name', async () => {
    const api = await ownerApi();
    expect((await api.ok('imports.previewCustomers', csvUpload(lines('姓名,手机,类型')))).suggestedMapping).toEqual(['name', 'mobile', 'kind']);
    expect((await api.ok('imports.previewCustomers', csvUpload(lines('姓名,客户名称,手机')))).suggestedMapping).toEqual(['contactName', 'name', 'contactMobile']);
  });

  it('finds the header under a title line and counts lines from the top of the file', async () => {
    const api = await ownerApi();
    const preview = await api.ok('imports.previewCustomers', csvUpload(lines('客户资料表（2026年11月）', HEADER, BOYA, '上海申达贸易有限公司,李明,123,,')));
    expect(preview).toMatchObject({ headerRow: 2, rowCount: 2, toCreate: 1 });
    expect(preview.errors).toEqual([expect.objectContaining({ row: 4, field: 'contactMobile' })]);
  });

  it('reports every kind of bad cell with the line it is on, counting lines inside quoted cells', async () => {
    const api = await ownerApi();
    const header = '客户编码,客户名称,类型,统一社会信用代码,联系人,手机,邮箱,信用额度,账期,规模,生日,邮编,业务员,微信';
    const file = lines(
      header,
      `,"南京博雅食品
有限公司
（总部）",公司,,周博雅,13912345678,,,,,,,,`, // lines 2–4
      ',上海申达贸易有限公司,外星人,,李明,12345,li@,五千,400天,超大,1990-02-30,1234,张三,', // line 5
      `,${'长'.repeat(101)},,91320100MA1XYW1230,,,,,,,,,,`, // line 6
      ',,,,,,,,,,,,,', // blank line 7 (only separators) is not a row
      ',杭州某某有限公司,,,,,,,,,,,,wx_hz', // line 8: contact details without a contact name
      'C000009,,,,,,,,,,,,,', // line 9: a new customer without a name
    );
    const preview = await api.ok('imports.previewCustomers', csvUpload(file));
    const errors = preview.errors.map((e) => [e.row, e.field, e.code]);
    expect(errors).toEqual([
      [5, 'kind', 'kind'],
      [5, 'contactMobile', 'mobile'],
      [5, 'contactEmail', 'email'], // beside a contact column, 邮箱 is the contact's
      [5, 'creditLimit', 'money'],
      [5, 'paymentTermsDays', 'days'],
      [5, 'size', 'size'],
      [5, 'birthday', 'date'],
      [5, 'postcode', 'postcode'],
      [5, 'owner', 'owner'],
      [6, 'name', 'tooLong'],
      [6, 'creditCode', 'creditCode'],
      [8, 'contactName', 'contactName'],
      [9, 'name', 'required'],
    ]);
    expect(preview.errors.find((e) => e.field === 'contactMobile')).toMatchObject({ column: '手机', value: '12345', message: expect.stringContaining('mobile') });
    expect(preview).toMatchObject({ rowCount: 5, toCreate: 1, skipped: 4 });
    expect(preview.sample[0]).toMatchObject({ row: 2, cells: expect.arrayContaining(['南京博雅食品\n有限公司\n（总部）']) });
  });

  it('applies the required-fields setting to new customers', async () => {
    const api = await ownerApi();
    const preview = await api.ok('imports.previewCustomers', csvUpload(lines('客户名称,联系人', '南京博雅食品有限公司,周博雅')));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, field: 'contactMobile', code: 'required' })]);
  });

  it('flags likely duplicates of existing customers and of earlier lines, and refuses a repeated code', async () => {
    const api = await ownerApi();
    const existing = await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司', contacts: [{ name: '周博雅', mobile: '13912345678' }] }));
    const file = lines(
      '客户编码,客户名称,联系人,手机',
      ',南京博雅食品有限责任公司,王五,13700000001', // same name as C000001
      ',苏州恒通机械有限公司,赵六,13912345678', // same mobile as C000001's contact
      'X-1,无锡华盛电子有限公司,钱七,13700000002',
      'X-1,无锡华盛电子有限公司,钱七,13700000002', // same code as line 4
      ',常州金源贸易有限公司,孙八,13700000001', // same mobile as line 2
    );
    const preview = await api.ok('imports.previewCustomers', csvUpload(file));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 5, field: 'code', code: 'duplicateCode', params: { otherRow: 4 } })]);
    // Line 2 is C000001 itself (the same company name): not a possible duplicate but the same customer.
    expect(preview.sameAsOnFile).toEqual([{ row: 2, reason: 'name', value: '南京博雅食品有限责任公司', customer: { id: existing.id, code: 'C000001', name: '南京博雅食品有限公司' }, action: 'update' }]);
    expect(preview.duplicates).toEqual([
      { row: 3, matches: [{ reason: 'mobile', value: '13912345678', customer: { id: existing.id, code: 'C000001', name: '南京博雅食品有限公司' } }] },
      { row: 6, matches: [{ reason: 'mobile', value: '13700000001', row: 2 }] },
    ]);
    expect(preview).toMatchObject({ toCreate: 3, toUpdate: 1 });
  });

  it('lets the user skip or update a row that is a customer already on file by credit code or company name', async () => {
    const api = await ownerApi();
    const code = creditCode('91320100MA1XYW124');
    const byCredit = await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', creditCode: code, industry: '贸易' }));
    const byName = await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司', industry: '食品' }));
    const file = lines('客户名称,统一社会信用代码,行业,手机', `上海申达贸易有限公司,${code},外贸,`, '南京博雅食品有限责任公司,,餐饮,', '无锡华盛电子有限公司,,电子,13700000009');

    const skip = await api.ok('imports.previewCustomers', { ...csvUpload(file), onDuplicate: 'skip' });
    expect(skip.sameAsOnFile.map((r) => [r.row, r.reason, r.value, r.customer.code, r.action])).toEqual([
      [2, 'creditCode', code, byCredit.code, 'skip'],
      [3, 'name', '南京博雅食品有限责任公司', byName.code, 'skip'],
    ]);
    expect(skip).toMatchObject({ toCreate: 1, toUpdate: 0, skipped: 0, duplicates: [] });
    expect(await api.ok('imports.customers', { ...csvUpload(file), onDuplicate: 'skip' })).toMatchObject({ imported: 1, updated: 0 });
    expect(await api.ok('customers.get', { id: byName.id })).toMatchObject({ industry: '食品' });

    expect(await api.ok('imports.customers', { ...csvUpload(file), onDuplicate: 'update' })).toMatchObject({ imported: 0, updated: 2 });
    expect(await api.ok('customers.get', { id: byCredit.id })).toMatchObject({ industry: '外贸', name: '上海申达贸易有限公司' });
    expect(await api.ok('customers.get', { id: byName.id })).toMatchObject({ industry: '餐饮' });
    expect((await api.ok('customers.list', {})).total).toBe(3);
  });
});

describe('imports.customers', () => {
  it('creates customers with their contact, address, tags and search text, numbered from the series', async () => {
    const api = await ownerApi();
    await api.ok('customers.create', aCustomer({ name: '已有客户有限公司' })); // takes C000001
    const file = lines('客户编码,客户名称,联系人,手机,省份,城市,详细地址,标签,信用额度,账期', `,${BOYA.split(',')[0]},周博雅,13912345678,江苏省,南京市,中山北路1号,重点客户、VIP,"5,000.50",30天`, 'C000120,上海申达贸易有限公司,李明,13811112222,,,,,,');
    const result = await api.ok('imports.customers', csvUpload(file));
    expect(result).toMatchObject({ imported: 2, updated: 0, skipped: 0, errors: [] });
    const found = await api.ok('customers.list', { q: 'njby' });
    // The series first moves past the file's own C000120, then numbers the new customer after it.
    expect(found.rows.map((r) => r.code)).toEqual(['C000121']);
    const boya = await api.ok('customers.get', { id: found.rows[0]!.id });
    expect(boya).toMatchObject({ name: '南京博雅食品有限公司', province: '江苏省', creditLimit: 500050, paymentTermsDays: 30, lifecycleStage: 'prospect' });
    expect(boya.contacts).toEqual([expect.objectContaining({ name: '周博雅', mobile: '13912345678', isPrimary: true })]);
    expect(boya.addresses).toEqual([expect.objectContaining({ kind: 'shipping', province: '江苏省', detail: '中山北路1号', isDefault: true })]);
    expect(boya.tags.map((t) => t.name).sort()).toEqual(['VIP', '重点客户']);
    expect((await api.ok('customers.search', { q: '13811112222' })).map((h) => h.code)).toEqual(['C000120']);
    expect((await api.ok('customers.create', aCustomer({ name: '杭州新天科技有限公司' }))).code).toBe('C000122');
  });

  it('imports an XLSX workbook with dates, numbers as text and formulas', async () => {
    const api = await ownerApi();
    const upload = await xlsxUpload([
      ['客户名称', '手机', '生日', '类型', '信用额度', '银行账号'],
      ['张三', 13912345678, new Date(Date.UTC(1990, 4, 6)), '个人', 3000, '6222021234567890123'],
    ]);
    const preview = await api.ok('imports.previewCustomers', upload);
    expect(preview).toMatchObject({ encoding: 'xlsx', delimiter: null, rowCount: 1, errors: [] });
    expect(preview.sample[0]).toEqual({ row: 2, cells: ['张三', '13912345678', '1990-05-06', '个人', '3000', '6222021234567890123'] });
    expect(await api.ok('imports.customers', upload)).toMatchObject({ imported: 1, errors: [] });
    const [row] = (await api.ok('customers.list', { q: '张三' })).rows;
    expect(await api.ok('customers.get', { id: row!.id })).toMatchObject({ kind: 'individual', mobile: '13912345678', birthday: '1990-05-06', creditLimit: 300000, bankAccount: '6222021234567890123' });
  });

  it('updates an existing customer matched by code, and another matched by credit code, changing only the given cells', async () => {
    const api = await ownerApi();
    const code = creditCode('91320100MA1XYW124');
    const byCode = await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司', industry: '食品', notes: '老客户' }));
    const byCredit = await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', creditCode: code, contacts: [{ name: '李明', mobile: '13811112222' }] }));
    const file = lines('客户编码,客户名称,统一社会信用代码,行业,备注,联系人,手机', `${byCode.code},,,餐饮,,周博雅,13900000000`, `,上海申达贸易有限公司,${code},贸易,,,`);
    const preview = await api.ok('imports.previewCustomers', csvUpload(file));
    expect(preview).toMatchObject({ toCreate: 0, toUpdate: 2, errors: [] });
    expect(await api.ok('imports.customers', csvUpload(file))).toMatchObject({ imported: 0, updated: 2, skipped: 0 });
    const boya = await api.ok('customers.get', { id: byCode.id });
    expect(boya).toMatchObject({ name: '南京博雅食品有限公司', industry: '餐饮', notes: '老客户' });
    expect(boya.contacts).toEqual([expect.objectContaining({ name: '周博雅', mobile: '13900000000', isPrimary: true })]);
    expect((await api.ok('customers.search', { q: '13900000000' })).map((h) => h.id)).toEqual([byCode.id]);
    expect(await api.ok('customers.get', { id: byCredit.id })).toMatchObject({ industry: '贸易', code: byCredit.code });
    expect((await api.ok('customers.list', {})).total).toBe(2);
  });

  it('refuses a row whose code and credit code belong to different customers', async () => {
    const api = await ownerApi();
    const code = creditCode('91320100MA1XYW124');
    const a = await api.ok('customers.create', aCustomer({ name: '南京博雅食品有限公司' }));
    await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', creditCode: code }));
    const preview = await api.ok('imports.previewCustomers', csvUpload(lines('客户编码,统一社会信用代码', `${a.code},${code}`)));
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, field: 'creditCode', code: 'creditCodeTaken' })]);
  });

  it('imports the valid rows and reports the others', async () => {
    const api = await ownerApi();
    const result = await api.ok('imports.customers', csvUpload(lines(HEADER, BOYA, '坏行有限公司,王五,123,,', SHENDA)));
    expect(result).toMatchObject({ imported: 2, skipped: 1, errors: [expect.objectContaining({ row: 3, field: 'contactMobile' })] });
    expect((await api.ok('customers.list', {})).total).toBe(2);
  });

  it('imports nothing in strict mode when any row has an error', async () => {
    const api = await ownerApi();
    const result = await api.ok('imports.customers', { ...csvUpload(lines(HEADER, BOYA, '坏行有限公司,王五,123,,', SHENDA)), strict: true });
    expect(result).toMatchObject({ imported: 0, updated: 0, skipped: 3, errors: [expect.objectContaining({ row: 3 })] });
    expect((await api.ok('customers.list', {})).total).toBe(0);
  });

  it('rolls everything back when cancelled, and reports progress while it runs', async () => {
    const api = await ownerApi();
    const rows = Array.from({ length: 3000 }, (_, i) => `南京客户${i}有限公司,联系人${i},139${String(i).padStart(8, '0')},,`);
    const events: { done: number; total: number; message?: string }[] = [];
    const jobId = 'import-job-1';
    const stop = api.backend.onEvent((event) => {
      if (event.kind !== 'progress' || event.jobId !== jobId) return;
      events.push(event);
      if (event.message === 'writing' && event.done >= 1000) void api.call('jobs.cancel', { jobId });
    });
    const result = await api.call('imports.customers', { ...csvUpload(lines(HEADER, ...rows)), jobId });
    stop();
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(events.some((e) => e.message === 'checking' && e.total === 3000)).toBe(true);
    expect((await api.ok('customers.list', {})).total).toBe(0);
    expect((await api.ok('customers.create', aCustomer())).code).toBe('C000001');
  });

  it('refuses, importing nothing, when the customer series has fallen behind a code already in use', async () => {
    const api = await ownerApi();
    await api.ok('customers.create', aCustomer({ name: '已有客户有限公司' })); // takes C000001
    api.backend.conn.sqlite.prepare("UPDATE numbering_series SET next_number = 1 WHERE code = 'customer'").run();
    const result = await api.call('imports.customers', csvUpload(lines(HEADER, BOYA)));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('C000001') } });
    expect((await api.ok('customers.list', {})).total).toBe(1);
  });

  it('writes one audit row summarising the import', async () => {
    const api = await ownerApi();
    await api.ok('imports.customers', csvUpload(lines(HEADER, BOYA, SHENDA)));
    const audit = api.backend.conn.sqlite.prepare("SELECT entity_type, changes FROM audit_log WHERE method = 'imports.customers'").all() as { entity_type: string; changes: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.entity_type).toBe('customerImport');
    expect(JSON.parse(audit[0]!.changes)[0].fields).toMatchObject({ imported: { after: 2 }, rows: { after: 2 } });
  });

  it('uses a mapping chosen on the screen and ignores unmapped columns', async () => {
    const api = await ownerApi();
    const upload = csvUpload(lines('公司,人,电话号码,随便', '南京博雅食品有限公司,周博雅,13912345678,忽略我'));
    expect((await api.ok('imports.previewCustomers', upload)).suggestedMapping).toEqual(['name', null, null, null]);
    const result = await api.ok('imports.customers', { ...upload, mapping: ['name', 'contactName', 'contactMobile', null] });
    expect(result).toMatchObject({ imported: 1, errors: [] });
    const [row] = (await api.ok('customers.list', {})).rows;
    expect(row!.primaryContact).toEqual({ name: '周博雅', mobile: '13912345678' });
    expect(await api.call('imports.customers', { ...upload, mapping: ['name'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'mapping' }] } });
  });

  it('refuses a user without the import permission and a file that is not a spreadsheet', async () => {
    const api = await ownerApi();
    const warehouse = await api.as('warehouse');
    expect(await warehouse.call('imports.previewCustomers', csvUpload(lines(HEADER, BOYA)))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const xls = { fileName: '客户.xls', contentBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]).toString('base64') };
    expect(await api.call('imports.previewCustomers', xls)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fileName' }] } });
    const brokenZip = { fileName: '客户.xlsx', contentBase64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]).toString('base64') };
    expect(await api.call('imports.previewCustomers', brokenZip)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
