import type { PrintSheet } from '../../src-main/domain/print/print.contract';
import { isPrintableStatement } from '../../src-main/domain/statements/statements.contract';
import { LineDocumentSheet } from './LineDocumentSheet';
import { StatementSheet } from './StatementSheet';
import { layoutFor } from './templates';
import type { Translate } from './translate';

/** The template a sheet names, laid out in the language it prints in. */
export function PrintSheetView({ sheet, t, language }: { sheet: PrintSheet; t: Translate; language: string }) {
  if (sheet.template === 'statement' && isPrintableStatement(sheet.document)) return <StatementSheet sheet={sheet} document={sheet.document} t={t} language={language} />;
  const layout = layoutFor(sheet.template);
  if (!layout) return <p className="print-message">{t('print.noTemplate', { template: sheet.template })}</p>;
  return <LineDocumentSheet sheet={sheet} layout={layout} t={t} language={language} />;
}
