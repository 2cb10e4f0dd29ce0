import type { PrintSheet } from '../../src-main/domain/print/print.contract';
import type { Translate } from './translate';

/** Text as a CSS string token. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ')}"`;
}

// Private-use characters stand in for the counters: no catalog text contains them.
const PAGE = '\uE000';
const PAGES = '\uE001';

/** '第 {{page}} 页 / 共 {{pages}} 页' as `content`: "第 " counter(page) " 页 / 共 " counter(pages) " 页". */
function pageNumberContent(t: Translate): string {
  return t('print.pageNumber', { page: PAGE, pages: PAGES })
    .split(/([\uE000\uE001])/)
    .filter((part) => part !== '')
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ');
}

/** 送货单 DN-2026-000402: the page title, the PDF's name and the page footer's. */
export function documentTitle(sheet: PrintSheet, t: Translate): string {
  return `${t(`print.titles.${sheet.template}`)} ${sheet.document.number ?? ''}`.trim();
}

/**
 * The words in the page margins (print.css): which document, page x of y, when printed. They are
 * custom properties on <html> because @page margin boxes inherit from the root element only.
 */
export function pageVariables(sheet: PrintSheet, t: Translate): Record<string, string> {
  return {
    '--print-footer-left': cssString(documentTitle(sheet, t)),
    '--print-page-number': pageNumberContent(t),
    '--print-footer-right': cssString(t('print.printedOn', { date: sheet.printedOn })),
  };
}
