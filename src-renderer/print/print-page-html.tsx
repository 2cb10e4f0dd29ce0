/**
 * The print route's document as one self-contained HTML page, rendered outside the browser: the
 * CLI hands it to Chromium for `page.pdf()`. Same template, same catalogs, same print.css as the
 * route in the app, so both paths print the same document.
 */
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import type { PrintSheet } from '../../src-main/domain/print/print.contract';
import { RESOURCES, type Language } from '../i18n/resources';
import { documentTitle, pageVariables } from './page-variables';
import { PrintSheetView } from './PrintSheetView';
import type { Translate } from './translate';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function printPageHtml(sheet: PrintSheet, language: Language, css: string): Promise<string> {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: RESOURCES, lng: language, fallbackLng: 'zh-CN', interpolation: { escapeValue: false }, showSupportNotice: false });
  const fixed = i18n.getFixedT(language);
  const t: Translate = (key, params) => fixed(key, params);
  const body = renderToStaticMarkup(<PrintSheetView sheet={sheet} t={t} language={language} />);
  const variables = Object.entries(pageVariables(sheet, t))
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
  const title = documentTitle(sheet, t);
  return `<!doctype html>
<html lang="${escapeHtml(language)}" style="${escapeHtml(variables)}">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${css.replace(/<\//g, '<\\/')}</style></head>
<body style="margin: 0">${body}</body>
</html>
`;
}
