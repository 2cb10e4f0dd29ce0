import { describe, expect, it } from 'vitest';
import { backendOn } from '../../backend/backend';
import { buildRegistry } from '../../backend/registry';
import { openDatabase } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { ownerApi } from '../../db/test-db';
import { defineArea } from '../area';
import { AREAS } from '../areas';
import { TRANSFER_NOTE, transferNotesArea } from './print.test-area';

async function companyWithTransferNotes() {
  const conn = openDatabase(':memory:');
  migrate(conn.sqlite);
  return ownerApi(backendOn(conn, [...AREAS, transferNotesArea]));
}

const env = { file: ':memory:', jobs: new Map<string, AbortController>() };

describe('printing a registered document', () => {
  it('gives the document an area registered, by number or id, under the letterhead from the settings', async () => {
    const api = await companyWithTransferNotes();
    await api.ok('settings.update', { companyAddress: '南京市玄武区中山路 18 号', companyPhone: '025-8451 2233', companyTaxId: '91320102MA1X2Y3Z4K' });
    const sheet = await api.ok('print.document', { kind: 'transfer_note', ref: TRANSFER_NOTE.number });
    expect(sheet).toMatchObject({
      kind: 'transfer_note',
      template: 'delivery_note',
      company: { name: '南京博雅食品有限公司', address: '南京市玄武区中山路 18 号', phone: '025-8451 2233', taxId: '91320102MA1X2Y3Z4K', bank: '', bankAccount: '' },
      document: { number: 'TN-2026-000001', fields: [{ label: 'print.fields.customer', value: '无锡惠山玉兰面馆' }] },
    });
    expect(sheet.printedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // 40 × 6.50 = 260.00 and 12 × 45.00 − 20.00 = 520.00: 780.00 in all.
    expect(sheet.document.totals.gross).toBe(78_000);
    expect(sheet.document.amountInWords).toBe('柒佰捌拾元整');
    expect((await api.ok('print.document', { kind: 'transfer_note', ref: TRANSFER_NOTE.id })).document.number).toBe(TRANSFER_NOTE.number);
    expect((await api.ok('print.document', { kind: 'transfer', ref: TRANSFER_NOTE.id })).kind).toBe('transfer_note');
  });

  it("prints only for a role that may read the area's documents", async () => {
    const api = await companyWithTransferNotes();
    const warehouse = await api.as('warehouse');
    expect((await warehouse.ok('print.document', { kind: 'transfer_note', ref: TRANSFER_NOTE.number })).document.lines).toHaveLength(2);
    const sales = await api.as('sales');
    expect(await sales.call('print.document', { kind: 'transfer_note', ref: TRANSFER_NOTE.number })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses an unknown kind beside the field, naming the kinds there are, and a document that does not exist', async () => {
    const api = await companyWithTransferNotes();
    const unknown = await api.call('print.document', { kind: 'invoice', ref: 'INV-1' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'kind', code: 'invalid_choice' }] } });
    expect(!unknown.ok && unknown.error.issues![0]!.params!.options).toContain('transfer_note');
    expect(await api.call('print.document', { kind: 'transfer_note', ref: 'TN-2026-999999' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', issues: [{ path: 'ref', code: 'not_found' }] },
    });
  });

  it('asks who is printing before anything else', async () => {
    const conn = openDatabase(':memory:');
    migrate(conn.sqlite);
    const backend = backendOn(conn, [...AREAS, transferNotesArea]);
    const result = await backend.call({ session: { user: null }, transport: 'test' }, 'print.document', { kind: 'transfer_note', ref: TRANSFER_NOTE.number });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    backend.close();
  });

  it('refuses two areas printing the same kind, and a printable behind a permission no area declares', () => {
    const twin = defineArea({ name: 'twin', contract: {}, handlers: {}, printables: transferNotesArea.printables });
    expect(() => buildRegistry([...AREAS, transferNotesArea, twin], env)).toThrow(/Printable transfer_note is registered twice/);
    const squatter = defineArea({ name: 'squatter', contract: {}, handlers: {}, printables: [{ ...transferNotesArea.printables![0]!, kind: 'transfer', aliases: [] }] });
    expect(() => buildRegistry([...AREAS, transferNotesArea, squatter], env)).toThrow(/Printable transfer is registered twice/);
    const loose = defineArea({ name: 'loose', contract: {}, handlers: {}, printables: [{ ...transferNotesArea.printables![0]!, kind: 'loose_note', permission: 'loose.read' }] });
    expect(() => buildRegistry([...AREAS, loose], env)).toThrow(/Printable loose_note needs permission loose.read, which no area declares/);
  });
});

describe('sample documents', () => {
  it('prints a sample of every template with as many lines as asked, its totals summed from them', async () => {
    const api = await ownerApi();
    for (const kind of ['sample_quotation', 'sample_order_confirmation', 'sample_pick_list', 'sample_delivery_note', 'sample_purchase_order']) {
      const sheet = await api.ok('print.document', { kind, ref: '60' });
      expect(sheet.template).toBe(kind.replace('sample_', ''));
      expect(sheet.document.lines).toHaveLength(60);
      expect(sheet.document.totals.gross).toBe(sheet.document.lines.reduce((sum, line) => sum + line.gross, 0));
    }
    expect(await api.call('print.document', { kind: 'sample_delivery_note', ref: '0' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'ref', code: 'out_of_range' }] } });
    expect(await api.call('print.document', { kind: 'sample_delivery_note', ref: 'abc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
