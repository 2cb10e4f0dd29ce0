import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, businessDateIn } from '../domain/core/dates';
import { startSmtpSink, type SmtpSink } from '../domain/dunning/smtp-sink.test-helpers';
import type { Result } from '../api/result';
import { serveBackend, type FromWorker, type ToWorker } from '../worker/backend-worker';
import { BackendClient } from './ipc';
import { PDF_PARTITION, pdfFromHtml } from './pdf-window';
import { fakeElectron, resetFakeElectron, type FakeBrowserWindow } from './test-electron';

vi.mock('electron', async () => (await import('./test-electron')).fakeElectron);

const PAGE = '<!doctype html><html><head><style>@page { size: A4 }</style></head><body>对账单 南京博雅商贸有限公司</body></html>';

/** Runs `prepare` on the PDF window as soon as it exists, before the maker loads the page into it. */
function onPdfWindow(prepare: (window: FakeBrowserWindow) => void) {
  fakeElectron.app.on('web-contents-created', () => prepare(fakeElectron.BrowserWindow.instances.at(-1)!));
}

beforeEach(() => resetFakeElectron());

describe('the desktop app’s PDF maker (printToPDF in a hidden window)', () => {
  it('lays the page out in a hidden, sandboxed, offscreen window on print.css’s page size, then destroys the window', async () => {
    let pageHtml = '';
    onPdfWindow((window) => window.loadFile.mockImplementation(async (file: string) => void (pageHtml = fs.readFileSync(file, 'utf8'))));

    const pdf = await pdfFromHtml(PAGE);

    expect(pdf.toString('latin1')).toBe('%PDF-1.4 fake page\n');
    const [window] = fakeElectron.BrowserWindow.instances;
    expect(window!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, offscreen: true } });
    expect(window!.options.webPreferences.session).toBe(fakeElectron.session.partitions.get(PDF_PARTITION));
    expect(window!.options.webPreferences).not.toHaveProperty('preload');
    expect(pageHtml).toBe(PAGE);
    expect(window!.webContents.executeJavaScript).toHaveBeenCalledWith(expect.stringContaining('document.fonts.ready'));
    expect(window!.webContents.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true });
    expect(window!.destroy).toHaveBeenCalledTimes(1);
    // The temporary page is gone with the window.
    const file = window!.loadFile.mock.calls[0]![0];
    expect(fs.existsSync(file)).toBe(false);
  });

  it('destroys the window and removes the page when printToPDF fails, and says why', async () => {
    onPdfWindow((window) => window.webContents.printToPDF.mockRejectedValueOnce(new Error('Printing failed')));

    await expect(pdfFromHtml(PAGE)).rejects.toThrow('Printing failed');

    const [window] = fakeElectron.BrowserWindow.instances;
    expect(window!.destroy).toHaveBeenCalledTimes(1);
    expect(fs.existsSync(window!.loadFile.mock.calls[0]![0])).toBe(false);
  });

  it('gives up after its time limit when the page never finishes loading, and destroys the window', async () => {
    onPdfWindow((window) => window.loadFile.mockImplementation(() => new Promise<undefined>(() => undefined)));

    await expect(pdfFromHtml(PAGE, 50)).rejects.toThrow(/not laid out within/);

    const [window] = fakeElectron.BrowserWindow.instances;
    expect(window!.destroy).toHaveBeenCalledTimes(1);
    expect(window!.webContents.printToPDF).not.toHaveBeenCalled();
  });

  it('cancels every request but the page itself: no network, no other file, also while the page loads', async () => {
    const seen: Record<string, boolean> = {};
    onPdfWindow((window) =>
      window.loadFile.mockImplementation(async (file: string) => {
        const pdfSession = fakeElectron.session.partitions.get(PDF_PARTITION)!;
        seen.page = pdfSession.allows(pathToFileURL(file).href);
        seen.web = pdfSession.allows('https://tracker.example.com/pixel.png');
        seen.otherFile = pdfSession.allows(pathToFileURL('/etc/passwd').href);
        seen.app = pdfSession.allows('app://desk-erp/index.html');
      }),
    );

    await pdfFromHtml(PAGE);

    expect(seen).toEqual({ page: true, web: false, otherFile: false, app: false });
    const pdfSession = fakeElectron.session.partitions.get(PDF_PARTITION)!;
    // Once laid out, not even the page may be loaded again.
    expect(pdfSession.allows(pathToFileURL(fakeElectron.BrowserWindow.instances[0]!.loadFile.mock.calls[0]![0]).href)).toBe(false);
    expect(pdfSession.checkHandler!(null, 'media')).toBe(false);
  });
});

/**
 * Main and the backend thread wired as in the desktop app, on one thread: what each posts reaches the
 * other as a structured clone, a turn later, as through a real worker's port.
 */
function desktopBackend() {
  const toMain = new Set<(message: FromWorker) => void>();
  let toWorker: ((message: ToWorker) => void) | null = null;
  const deliver = <T>(listener: ((message: T) => void) | null, message: T) => setImmediate(() => listener?.(structuredClone(message)));
  serveBackend(
    { postMessage: (message) => toMain.forEach((listener) => deliver(listener, message)), on: (_event, listener) => void (toWorker = listener), close: () => undefined },
    { role: 'desk-erp-backend', file: ':memory:' },
  );
  const thread = {
    postMessage: (message: ToWorker) => deliver(toWorker, message),
    on: (event: string, listener: (message: FromWorker) => void) => void (event === 'message' && toMain.add(listener)),
  };
  const client = new BackendClient(thread as never, { onFatal: (message) => expect.fail(message), layOutPdf: (html) => pdfFromHtml(html) });
  return {
    client,
    async ok<T>(method: string, input: unknown): Promise<T> {
      const result = (await client.call(method, input)) as Result<T>;
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.data;
    },
  };
}

describe('the desktop app’s dunning e-mail', () => {
  let sink: SmtpSink | null = null;
  afterEach(async () => {
    await sink?.close();
    sink = null;
  });

  it(
    'attaches the statement laid out by Electron’s printToPDF, not by a system Chromium',
    async () => {
      sink = await startSmtpSink();
      let statementHtml = '';
      onPdfWindow((window) => window.loadFile.mockImplementation(async (file: string) => void (statementHtml = fs.readFileSync(file, 'utf8'))));
      const desktop = desktopBackend();
      await desktop.ok('auth.setup', { companyName: '南京博雅食品有限公司', ownerUsername: 'owner', ownerDisplayName: '王老板', password: 'secret-123' });
      await desktop.ok('dunning.updateSettings', { smtp: { host: '127.0.0.1', port: sink.port, secure: false, user: '', from: 'ar@boya.example' } });
      const customer = await desktop.ok<{ id: string }>('customers.create', {
        kind: 'company',
        name: '无锡惠山玉兰面馆',
        email: 'caiwu@yulan.example',
        paymentTermsDays: 30,
        contacts: [{ name: '周玉兰', mobile: '13900004321' }],
      });
      const today = businessDateIn('Asia/Shanghai');
      await desktop.ok('receivables.invoiceServices', {
        customerId: customer.id,
        invoiceDate: addDays(today, -75),
        lines: [{ description: '年度维护', quantity: 1, unitPrice: 88_800, vatRate: 600 }],
      });
      expect(await desktop.ok('dunning.run', {})).toMatchObject({ reminders: 1 });
      const queue = await desktop.ok<{ rows: { id: string }[] }>('dunning.queue', { filters: { scope: 'all' } });

      await desktop.ok('dunning.send', { id: queue.rows[0]!.id });

      const [mail] = sink.received;
      expect(mail!.attachments).toHaveLength(1);
      expect(mail!.attachments[0]!.contentType).toBe('application/pdf');
      expect(mail!.attachments[0]!.content.toString('latin1')).toBe('%PDF-1.4 fake page\n');
      expect(statementHtml).toContain('无锡惠山玉兰面馆');
      expect(fakeElectron.BrowserWindow.instances).toHaveLength(1);
      expect(fakeElectron.BrowserWindow.instances[0]!.destroy).toHaveBeenCalled();
      await desktop.client.close();
    },
    180_000,
  );
});
