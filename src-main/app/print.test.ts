import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { registerApiIpc } from './ipc';
import { pdfFileName, SAVE_PDF_METHOD, savePageAsPdf } from './print';
import { fakeElectron, resetFakeElectron } from './test-electron';

vi.mock('electron', async () => (await import('./test-electron')).fakeElectron);

const DOCUMENTS = '/home/li/Documents';
let folder: string;

beforeEach(() => {
  resetFakeElectron();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-pdf-'));
});

function openWindow() {
  const window = new fakeElectron.BrowserWindow({ width: 1280, height: 800 });
  return { window, contents: window.webContents as unknown as WebContents };
}

function userPicks(file: string) {
  fakeElectron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: file });
}

describe('保存为 PDF in the desktop window', () => {
  it("prints the page on print.css's own page size and saves it where the user chooses, offering the document's name", async () => {
    const { window, contents } = openWindow();
    const chosen = path.join(folder, '和记 送货单.pdf');
    userPicks(chosen);
    expect(await savePageAsPdf(contents, { fileName: '送货单 DN-2026-000402' }, DOCUMENTS)).toEqual({ ok: true, data: { file: chosen } });
    expect(window.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true });
    expect(fakeElectron.dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      defaultPath: path.join(DOCUMENTS, '送货单 DN-2026-000402.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(fs.readFileSync(chosen, 'utf8')).toBe('%PDF-1.4 fake page\n');
  });

  it('writes nothing when the user closes the dialog', async () => {
    const { contents } = openWindow();
    expect(await savePageAsPdf(contents, { fileName: '报价单 QT-2026-000128' }, folder)).toEqual({ ok: true, data: { file: null } });
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('says so when the chosen folder cannot be written, and refuses a call without a file name before printing anything', async () => {
    const { window, contents } = openWindow();
    userPicks(path.join(folder, 'gone', 'order.pdf'));
    const unwritable = await savePageAsPdf(contents, { fileName: 'order' }, folder);
    expect(unwritable).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!unwritable.ok && unwritable.error.message).toContain(`Could not write ${path.join(folder, 'gone', 'order.pdf')}`);

    window.webContents.printToPDF.mockClear();
    expect(await savePageAsPdf(contents, { fileName: '  ' }, folder)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fileName', code: 'required' }] } });
    expect(await savePageAsPdf(contents, { fileName: 'x', folder: '/etc' }, folder)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'folder', code: 'unknown_field' }] } });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
  });

  it("turns a document's title into a file name every system accepts", () => {
    expect(pdfFileName('采购订单 PO/2026:57')).toBe('采购订单 PO_2026_57.pdf');
    expect(pdfFileName('a<b>c|d?e*"f"\u0007')).toBe('a_b_c_d_e_f_.pdf');
    expect(pdfFileName('拣货单.PDF')).toBe('拣货单.PDF');
  });

  it('is answered by main for the window that asked, never by the backend, and only for our own page', async () => {
    const { window } = openWindow();
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const backend = { call: vi.fn() };
    registerApiIpc({
      ipcMain: { handle: (channel, handler) => handlers.set(channel, handler), removeHandler: (channel) => handlers.delete(channel) },
      backend,
      inMain: { [SAVE_PDF_METHOD]: (event, input) => savePageAsPdf(event.sender, input, folder) },
    });
    const invoke = handlers.get('api:call')!;
    const from = (url: string) => ({ senderFrame: { url }, sender: window.webContents }) as unknown as IpcMainInvokeEvent;

    userPicks(path.join(folder, 'order.pdf'));
    expect(await invoke(from('app://desk-erp/index.html#/print/order/SO-1'), SAVE_PDF_METHOD, { fileName: 'order' })).toEqual({ ok: true, data: { file: path.join(folder, 'order.pdf') } });
    expect(backend.call).not.toHaveBeenCalled();

    window.webContents.printToPDF.mockClear();
    expect(await invoke(from('https://example.com/'), SAVE_PDF_METHOD, { fileName: 'order' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(window.webContents.printToPDF).not.toHaveBeenCalled();
  });
});
