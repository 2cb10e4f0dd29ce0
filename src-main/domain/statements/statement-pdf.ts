/**
 * A customer's statement for a period as a PDF, for other areas to attach (a dunning reminder):
 * the same template and print.css as `print statement`, laid out by whatever the hosting process
 * provides (Electron's printToPDF on the desktop, headless Chromium under the CLI and the server).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../../src-renderer/i18n/resources';
import { printPageHtml } from '../../../src-renderer/print/print-page-html';
import type { HandlerContext } from '../context';
import { statementSheet } from './statements.print';

const PRINT_CSS = fileURLToPath(new URL('../../../src-renderer/print/print.css', import.meta.url));

export async function statementPdf(ctx: HandlerContext, period: { customerId: string; periodFrom: string; periodTo: string }, language: Language = 'zh-CN'): Promise<Buffer> {
  const sheet = await statementSheet(ctx, period);
  return ctx.layOutPdf(await printPageHtml(sheet, language, fs.readFileSync(PRINT_CSS, 'utf8')));
}
