import { formatFen } from '../../src-main/domain/core/money';
import type { PrintSheet } from '../../src-main/domain/print/print.contract';
import type { PrintableStatement, StatementLine } from '../../src-main/domain/statements/statements.contract';
import { SheetHeading } from './LineDocumentSheet';
import type { Translate } from './translate';

// Plain HTML and print CSS like the line documents: the CLI renders the same markup on the server.

function lineKind(line: StatementLine, t: Translate): string {
  return `${t(`print.statement.kinds.${line.kind}`)}${line.reversal ? t('print.statement.reversal') : ''}`;
}

/** Space for a pen: the customer signs and seals the slip and sends it back. */
function SignLines({ t }: { t: Translate }) {
  return (
    <div className="print-signatures">
      {(['signature', 'seal', 'date'] as const).map((key) => (
        <div className="print-signature" key={key}>
          <span className="print-label">{t(`print.statement.${key}`)}</span>
          <span className="print-signature-line" />
        </div>
      ))}
    </div>
  );
}

/** 对账单: opening balance, the period's postings with a running balance, closing balance and the 客户确认栏. */
export function StatementSheet({ sheet, document, t, language }: { sheet: PrintSheet; document: PrintableStatement; t: Translate; language: string }) {
  const { statement } = document;
  const money = (fen: number) => formatFen(fen, document.currency);
  const blank = (fen: number) => (fen === 0 ? '' : money(fen));
  const columns = ['date', 'kind', 'number', 'reference', 'debit', 'credit', 'balance'] as const;
  return (
    <article className="print-sheet print-statement" lang={language} data-template={sheet.template}>
      <SheetHeading sheet={sheet} bank t={t} />
      <table className="print-lines">
        <colgroup>
          {columns.map((column) => (
            <col key={column} className={`print-statement-${column}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column}>{t(`print.statement.columns.${column}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr className="print-statement-subtotal">
            <td>{statement.periodFrom}</td>
            <td colSpan={5}>{t('print.statement.opening')}</td>
            <td className="print-num">{money(statement.openingBalance)}</td>
          </tr>
          {statement.lines.length === 0 && (
            <tr>
              <td />
              <td colSpan={6} className="print-center">
                {t('print.statement.noLines')}
              </td>
            </tr>
          )}
          {statement.lines.map((line, i) => (
            <tr key={i}>
              <td>{line.date}</td>
              <td>{lineKind(line, t)}</td>
              <td>{line.number}</td>
              <td>{line.reference ?? ''}</td>
              <td className="print-num">{blank(line.debit)}</td>
              <td className="print-num">{blank(line.credit)}</td>
              <td className="print-num">{money(line.balance)}</td>
            </tr>
          ))}
          <tr className="print-statement-subtotal">
            <td />
            <td colSpan={3}>{t('print.statement.periodTotal')}</td>
            <td className="print-num">{money(statement.totalDebit)}</td>
            <td className="print-num">{money(statement.totalCredit)}</td>
            <td />
          </tr>
          <tr className="print-statement-subtotal print-statement-closing">
            <td>{statement.periodTo}</td>
            <td colSpan={5}>{t('print.statement.closing')}</td>
            <td className="print-num">{money(statement.closingBalance)}</td>
          </tr>
        </tbody>
      </table>
      <div className="print-closing">
        <div className="print-totals">
          <div className="print-words">
            {document.amountInWords !== null && (
              <div>
                <span className="print-label">{t('print.statement.closingInWords')}</span>
                <span className="print-words-value">{t('print.totals.inWordsValue', { words: document.amountInWords })}</span>
              </div>
            )}
            {statement.closingBalance < 0 && <div className="print-tax-note">{t('print.statement.credit')}</div>}
          </div>
          <table className="print-sums">
            <tbody>
              <tr className="print-grand">
                <th>{t('print.statement.closing')}</th>
                <td>{money(statement.closingBalance)}</td>
              </tr>
            </tbody>
          </table>
        </div>
        <section className="print-confirmation">
          <h2>{t('print.statement.slipTitle')}</h2>
          <p>{t('print.statement.slipTo', { company: sheet.company.name })}</p>
          <div className="print-confirmation-boxes">
            <div className="print-confirmation-box">
              <p>{t('print.statement.agreed')}</p>
              <SignLines t={t} />
            </div>
            <div className="print-confirmation-box">
              <p>{t('print.statement.disagreed')}</p>
              <div className="print-confirmation-write" />
              <SignLines t={t} />
            </div>
          </div>
        </section>
      </div>
    </article>
  );
}
