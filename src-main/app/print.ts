import fs from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, dialog, type WebContents } from 'electron';
import { z } from 'zod';
import { issuesFromZod } from '../api/issues';
import type { Result } from '../api/result';
import { fileNamePart } from '../domain/shared/text';

/**
 * The print route's 保存为 PDF in the desktop window. It travels as an ordinary `erp.call` (the
 * preload exposes nothing else) but main answers it: only main can turn a page into a PDF.
 */
export const SAVE_PDF_METHOD = 'app.savePdf';

export const savePdfInput = z.object({ fileName: z.string().trim().min(1).max(120) }).strict();

/** `{ file: null }` when the user closed the save dialog. */
export type SavedPdf = { file: string | null };

/** The name a PDF is offered under: what a file system refuses in a name becomes '_'. */
export function pdfFileName(name: string): string {
  const cleaned = fileNamePart(name);
  return cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned}.pdf`;
}

/**
 * The page as it prints (print media, print.css's @page size, margins and page numbers; the same
 * options the CLI gives headless Chromium), saved where the user chooses.
 */
export async function savePageAsPdf(contents: WebContents, input: unknown, defaultFolder: string): Promise<Result<SavedPdf>> {
  const parsed = savePdfInput.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: 'VALIDATION', message: `${SAVE_PDF_METHOD} needs { fileName } of 1–120 characters`, issues: issuesFromZod(parsed.error) } };
  }
  let pdf: Buffer;
  try {
    pdf = await contents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: `The page did not print to PDF: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const options = { defaultPath: path.join(defaultFolder, pdfFileName(parsed.data.fileName)), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const window = BrowserWindow.fromWebContents(contents);
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { ok: true, data: { file: null } };
  try {
    await fs.writeFile(choice.filePath, pdf);
  } catch (error) {
    return { ok: false, error: { code: 'INTERNAL', message: `Could not write ${choice.filePath}: ${error instanceof Error ? error.message : String(error)}` } };
  }
  return { ok: true, data: { file: choice.filePath } };
}
