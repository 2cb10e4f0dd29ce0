import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MethodName } from '../../src-main/api/contract';
import type { PrintSheet } from '../../src-main/domain/print/print.contract';
import { sampleDocument } from '../../src-main/domain/print/print.samples';
import { fakeBackend } from '../test-utils/fake-backend';
import { render } from '../test-utils/render';
import { PrintPage } from './Print.page';

const SHEET: PrintSheet = {
  kind: 'sample_delivery_note',
  template: 'delivery_note',
  company: { name: '南京博雅食品有限公司', address: '南京市玄武区中山路 18 号', phone: '025-8451 2233', taxId: '', bank: '', bankAccount: '' },
  printedOn: '2026-03-08',
  document: sampleDocument('delivery_note', 3),
};

afterEach(() => {
  document.documentElement.removeAttribute('style');
  vi.restoreAllMocks();
});

/** `extra`: methods outside the contract that main answers in the desktop window (app.savePdf). */
async function openDeliveryNote(extra: Record<string, () => unknown> = {}) {
  const backend = fakeBackend({ ...extra, 'print.document': () => SHEET } as Parameters<typeof fakeBackend>[0]);
  const view = await render(<PrintPage />, { path: '/print/:kind/:ref', url: '/print/sample_delivery_note/3' });
  await screen.findByText('南京博雅食品有限公司');
  return { ...view, backend };
}

describe('the print route', () => {
  it('shows the 送货单 on paper with the letterhead, the 大写 total and the receiver signing, titled for the PDF it becomes', async () => {
    const { backend } = await openDeliveryNote();
    expect(backend.inputsOf('print.document')).toEqual([{ kind: 'sample_delivery_note', ref: '3' }]);
    expect(screen.getByRole('heading', { name: '送货单' })).toBeTruthy();
    expect(screen.getByText(`人民币${SHEET.document.amountInWords!}`)).toBeTruthy();
    expect(screen.getByText('收货人签字')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3 + 3);
    expect(document.title).toBe('送货单 DN-2026-000402');
    expect(document.documentElement.style.getPropertyValue('--print-page-number')).toBe('"第 " counter(page) " 页 / 共 " counter(pages) " 页"');
  });

  it('prints the document in another language while the toolbar stays in the UI language', async () => {
    const { user } = await openDeliveryNote();
    await user.click(screen.getByText('English'));
    expect(await screen.findByRole('heading', { name: 'Delivery Note' })).toBeTruthy();
    expect(screen.getByText('Received by (signature)')).toBeTruthy();
    expect(screen.getByRole('button', { name: '打印' })).toBeTruthy();
  });

  it("prints through the browser's own dialog, and in the desktop window saves a PDF named after the document", async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user, backend } = await openDeliveryNote({ 'app.savePdf': () => ({ file: '/home/li/Documents/送货单 DN-2026-000402.pdf' }) });
    await user.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: '保存为 PDF' }));
    await waitFor(() => expect(backend.inputsOf('app.savePdf' as MethodName)).toEqual([{ fileName: '送货单 DN-2026-000402' }]));
    expect(await screen.findByText('已保存：/home/li/Documents/送货单 DN-2026-000402.pdf')).toBeTruthy();
  });
});
