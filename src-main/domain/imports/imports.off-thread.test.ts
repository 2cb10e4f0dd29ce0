import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ownerApi, readerBackend, testBackend } from '../../db/test-db';
import { readSpreadsheet } from './imports.file';
import { planImport } from './imports.plan';
import { importUploads } from './imports.uploads';
import { prepareCreates } from './imports.write';
import { csvUpload, lines } from './imports.test-helpers';

// Spies on this thread only: a reader thread loads its own, untouched copy of these modules.
vi.mock('./imports.file', async (load) => {
  const real = await load<typeof import('./imports.file')>();
  return { ...real, readSpreadsheet: vi.fn(real.readSpreadsheet) };
});
vi.mock('./imports.plan', async (load) => {
  const real = await load<typeof import('./imports.plan')>();
  return { ...real, planImport: vi.fn(real.planImport) };
});
vi.mock('./imports.write', async (load) => {
  const real = await load<typeof import('./imports.write')>();
  return { ...real, prepareCreates: vi.fn(real.prepareCreates) };
});

const HEADER = '客户名称,联系人,手机,详细地址,标签';
const ROWS = 3000;
const sheet = lines(HEADER, ...Array.from({ length: ROWS }, (_, i) => `南京客户${i}有限公司,联系人${i},139${String(i).padStart(8, '0')},南京市中山北路${i}号,重点客户`), '无名手机,,12345,,');

afterEach(() => vi.clearAllMocks());

describe('the customer import on a backend with reader threads', () => {
  it('reads, checks and prepares the file on the reader, never on the thread serving calls, with the same result as in place', async () => {
    const inPlace = await ownerApi(testBackend());
    const expected = await inPlace.ok('imports.customers', csvUpload(sheet));
    expect(vi.mocked(readSpreadsheet)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(planImport)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(prepareCreates)).toHaveBeenCalledTimes(1);
    vi.clearAllMocks();

    const api = await ownerApi(await readerBackend());
    const progress: string[] = [];
    api.backend.onEvent((event) => event.kind === 'progress' && progress.push(event.message ?? ''));
    const preview = await api.ok('imports.previewCustomers', csvUpload(sheet));
    const result = await api.ok('imports.customers', { ...csvUpload(sheet), jobId: 'off-thread' });

    expect(vi.mocked(readSpreadsheet)).not.toHaveBeenCalled();
    expect(vi.mocked(planImport)).not.toHaveBeenCalled();
    expect(vi.mocked(prepareCreates)).not.toHaveBeenCalled();
    const { importId: _one, ...same } = result;
    const { importId: _other, ...sameInPlace } = expected;
    expect(same).toEqual(sameInPlace);
    expect(result).toMatchObject({ imported: ROWS, skipped: 1, errors: [{ row: ROWS + 2, field: 'contactMobile', code: 'mobile', value: '12345' }, { row: ROWS + 2, code: 'contactName' }] });
    expect(preview).toMatchObject({ rowCount: ROWS + 1, toCreate: ROWS, errors: result.errors });
    // The reader's progress reaches the caller, phase by phase, then the writer's.
    expect([...new Set(progress)]).toEqual(['reading', 'checking', 'preparing', 'writing']);
    expect((await api.ok('customers.list', { q: '南京客户2999' })).rows).toHaveLength(1);
  }, 180_000);

  it('imports a file uploaded before, reading its bytes where uploads are kept', async () => {
    const api = await ownerApi(await readerBackend());
    const { uploadId } = await importUploads.receive(Readable.from([Buffer.from(lines(HEADER, '南京博雅食品有限公司,周博雅,13912345678,南京市鼓楼区中山北路1号,重点客户'))]), api.session.user!.id);
    expect(await api.ok('imports.customers', { fileName: '客户.csv', uploadId })).toMatchObject({ imported: 1, errors: [] });
    expect(vi.mocked(readSpreadsheet)).not.toHaveBeenCalled();
  }, 60_000);

  it('reads and checks a product file on the reader too, with the same preview and import as in place', async () => {
    const products = csvUpload(lines('商品编码,商品名称,商品分类,单位,零售价', 'NFSQ550,农夫山泉饮用天然水,饮料/饮用水,瓶,2.5', 'CUP500,一次性PP奶茶杯,餐饮耗材/杯具吸管,只,0.35', ',没有单位,,,2'), 'utf-8', '商品.csv');
    const inPlace = await ownerApi(testBackend());
    // Each import has its own record (for its undo); the rest is the same.
    const withoutId = ({ importId, ...result }: { importId?: string }) => (expect(importId).toBeTruthy(), result);
    const expected = [await inPlace.ok('imports.previewProducts', products), withoutId(await inPlace.ok('imports.products', products))];
    vi.clearAllMocks();

    const api = await ownerApi(await readerBackend());
    expect([await api.ok('imports.previewProducts', products), withoutId(await api.ok('imports.products', products))]).toEqual(expected);
    expect(expected[1]).toMatchObject({ imported: 2, skipped: 1, newCategories: ['餐饮耗材/杯具吸管', '饮料/饮用水'] });
    expect(vi.mocked(readSpreadsheet)).not.toHaveBeenCalled();
  }, 60_000);
});
