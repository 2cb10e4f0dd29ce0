import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { denyAllPermissions } from './security';

/** Its own session, so the request filter below never touches the main window's. */
export const PDF_PARTITION = 'desk-erp-pdf';

/** A statement of a few hundred lines lays out in a second or two; past this something is stuck. */
export const PDF_TIMEOUT_MS = 60_000;

/** The files being laid out now; several may be (two reminders sent at once). */
const pagesLaidOut = new Set<string>();

/** Windows and macOS compare paths without case, and Chromium may spell a file URL's escapes its own way. */
function pageKey(file: string): string {
  const resolved = path.resolve(file);
  return process.platform === 'linux' ? resolved : resolved.toLowerCase();
}

function isPageLaidOut(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  try {
    return pagesLaidOut.has(pageKey(fileURLToPath(url)));
  } catch {
    return false;
  }
}
let filteredSession: ReturnType<typeof session.fromPartition> | null = null;

/**
 * The page is ours but its text is not (customer names, addresses): nothing it names may be fetched.
 * Every request except the pages themselves is cancelled, so a stray URL reaches neither network nor disk.
 */
function pdfSession() {
  if (!filteredSession) {
    filteredSession = session.fromPartition(PDF_PARTITION);
    denyAllPermissions(filteredSession);
    filteredSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPageLaidOut(details.url) }));
  }
  return filteredSession;
}

function timeLimit(ms: number): { expired: Promise<never>; clear(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`The PDF was not laid out within ${Math.round(ms / 1000)} s`)), ms);
  });
  return { expired, clear: () => clearTimeout(timer) };
}

/**
 * The desktop app's PDF maker (DESIGN §5: Electron prints with printToPDF, there is no system
 * Chromium on a shop's PC): the HTML in a hidden, sandboxed, offscreen window, laid out on
 * print.css's @page once its fonts are in, and the window destroyed whatever happens. The page goes
 * through a private temporary file because a data: URL stops at 2 MB, which a long statement passes.
 */
export async function pdfFromHtml(html: string, timeoutMs = PDF_TIMEOUT_MS): Promise<Buffer> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'desk-erp-pdf-'));
  const file = path.join(folder, 'page.html');
  let window: BrowserWindow | null = null;
  const limit = timeLimit(timeoutMs);
  try {
    await fs.writeFile(file, html, 'utf8');
    pagesLaidOut.add(pageKey(file));
    const hidden = new BrowserWindow({
      show: false,
      width: 794,
      height: 1123,
      paintWhenInitiallyHidden: true,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        spellcheck: false,
        offscreen: true,
        session: pdfSession(),
      },
    });
    window = hidden;
    const contents = hidden.webContents;
    const laidOut = (async () => {
      await hidden.loadFile(file);
      await contents.executeJavaScript('document.fonts.ready.then(() => true)');
      // preferCSSPageSize: print.css's @page (A4, its margins, the page numbers) decides, as in the CLI.
      return contents.printToPDF({ preferCSSPageSize: true, printBackground: true });
    })();
    laidOut.catch(() => undefined);
    return await Promise.race([laidOut, limit.expired]);
  } finally {
    limit.clear();
    pagesLaidOut.delete(pageKey(file));
    if (window && !window.isDestroyed()) window.destroy();
    await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
  }
}
