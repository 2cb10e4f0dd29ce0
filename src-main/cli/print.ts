/**
 * `print KIND REF --out FILE.pdf [--lang zh-CN|en|zh-TW]`: the document as the local administrator
 * may read it (print.document through dispatch), rendered to the print route's HTML with the same
 * React template and print.css, and turned into a PDF by headless Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningBackend } from '../backend/backend';
import type { Session } from '../api/session';
import type { PrintSheet } from '../domain/print/print.contract';
import { isLanguage, LANGUAGES } from '../../src-renderer/i18n/resources';
import { printPageHtml } from '../../src-renderer/print/print-page-html';
import { UsageError } from './args';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Headless, no network of its own, nothing persisted: it only lays out one page we hand it. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const PRINT_CSS = fileURLToPath(new URL('../../src-renderer/print/print.css', import.meta.url));

export interface PrintRequest {
  kind: string;
  ref: string;
  language: string;
  out: string;
  chromium?: string;
}

export interface PrintedFile {
  file: string;
  kind: string;
  number: string | null;
  pages: number;
  bytes: number;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
}

/** Page objects in a PDF (not the /Pages tree nodes). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** Lays the HTML out on A4 in headless Chromium and returns the PDF. */
export async function htmlToPdf(html: string, chromium = chromiumPath()): Promise<Buffer> {
  if (!fs.existsSync(chromium)) {
    throw new Error(`Chromium was not found at ${chromium}. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to its executable.`);
  }
  const { chromium: launcher } = await import('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // preferCSSPageSize: print.css's @page (A4 and its margins, the page numbers in the margin) decides.
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

export async function printToPdf(backend: RunningBackend, session: Session, request: PrintRequest): Promise<PrintedFile> {
  if (!isLanguage(request.language)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, not ${request.language}`);
  const out = path.resolve(request.out);
  if (!out.toLowerCase().endsWith('.pdf')) throw new UsageError(`--out must name a .pdf file, not ${request.out}`);
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`The folder ${path.dirname(out)} does not exist`);
  const result = await backend.call({ session, transport: 'cli' }, 'print.document', { kind: request.kind, ref: request.ref });
  if (!result.ok) {
    const issues = (result.error.issues ?? []).map((issue) => `\n  ${issue.path}: ${issue.message}`).join('');
    throw new Error(`Cannot print ${request.kind} ${request.ref}: ${result.error.message}${issues}`);
  }
  const sheet = result.data as PrintSheet;
  const html = await printPageHtml(sheet, request.language, fs.readFileSync(PRINT_CSS, 'utf8'));
  const pdf = await htmlToPdf(html, request.chromium);
  fs.writeFileSync(out, pdf);
  return { file: out, kind: sheet.kind, number: sheet.document.number, pages: pdfPageCount(pdf), bytes: pdf.length };
}
