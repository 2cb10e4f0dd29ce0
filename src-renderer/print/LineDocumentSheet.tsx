import type { PrintableLine } from '../../src-main/domain/core/document';
import { formatBasisPoints, formatFen } from '../../src-main/domain/core/money';
import type { Letterhead, PrintSheet } from '../../src-main/domain/print/print.contract';
import type { ColumnKey, LineDocumentLayout } from './templates';
import type { Translate } from './translate';

// Plain HTML and print CSS, no Mantine: the same markup renders in the app and on the server for the CLI.

interface SheetProps {
  sheet: PrintSheet;
  layout: LineDocumentLayout;
  t: Translate;
  language: string;
}

const quantityFormat = new Intl.NumberFormat('en-US');

const NUMERIC: ReadonlySet<ColumnKey> = new Set(['quantity', 'unitPrice', 'discount', 'amount', 'picked']);
const CENTRED: ReadonlySet<ColumnKey> = new Set(['lineNo', 'unit', 'taxRate']);

function cellText(column: ColumnKey, line: PrintableLine, sheet: PrintSheet): string {
  const { currency, pricesIncludeTax } = sheet.document;
  switch (column) {
    case 'lineNo':
      return String(line.lineNo);
    case 'code':
      return line.code ?? '';
    case 'name':
      return line.description;
    case 'specification':
      return line.specification ?? '';
    case 'unit':
      return line.unit;
    case 'quantity':
      return quantityFormat.format(line.quantity);
    case 'unitPrice':
      return formatFen(line.unitPrice, currency);
    case 'discount':
      return line.discount ? formatFen(line.discount, currency) : '';
    case 'taxRate':
      return formatBasisPoints(line.taxRate);
    case 'amount':
      return formatFen(pricesIncludeTax ? line.gross : line.net, currency);
    case 'picked':
    case 'remark':
      // Left empty for the picker's pen.
      return '';
  }
}

function cellClass(column: ColumnKey): string | undefined {
  if (NUMERIC.has(column)) return 'print-num';
  if (CENTRED.has(column)) return 'print-center';
  return undefined;
}

function LetterheadBlock({ company, bank, t }: { company: Letterhead; bank: boolean; t: Translate }) {
  const contact: [string, string][] = [
    ['address', company.address],
    ['phone', company.phone],
    ['taxId', company.taxId],
  ];
  const payment: [string, string][] = bank
    ? [
        ['bank', company.bank],
        ['bankAccount', company.bankAccount],
      ]
    : [];
  const lines = [contact, payment].map((items) => items.filter(([, value]) => value !== '')).filter((items) => items.length > 0);
  return (
    <header className="print-letterhead">
      <div className="print-company">{company.name}</div>
      {lines.map((items, i) => (
        <div className="print-company-lines" key={i}>
          {items.map(([key, value]) => (
            <span key={key}>
              <span className="print-label">{t(`print.letterhead.${key}`)}</span>
              {value}
            </span>
          ))}
        </div>
      ))}
    </header>
  );
}

function Totals({ sheet, t }: { sheet: PrintSheet; t: Translate }) {
  const { totals, currency, amountInWords, pricesIncludeTax, lines } = sheet.document;
  return (
    <div className="print-totals">
      <div className="print-words">
        {amountInWords !== null && (
          <div>
            <span className="print-label">{t('print.totals.inWords')}</span>
            <span className="print-words-value">{t('print.totals.inWordsValue', { words: amountInWords })}</span>
          </div>
        )}
        <div className="print-tax-note">
          <span>{t('print.totals.lines', { count: lines.length })}</span>
          <span>{t(pricesIncludeTax ? 'print.pricesIncludeTax' : 'print.pricesExcludeTax')}</span>
        </div>
      </div>
      <table className="print-sums">
        <tbody>
          <tr>
            <th>{t('print.totals.net')}</th>
            <td>{formatFen(totals.net, currency)}</td>
          </tr>
          <tr>
            <th>{t('print.totals.tax')}</th>
            <td>{formatFen(totals.tax, currency)}</td>
          </tr>
          <tr className="print-grand">
            <th>{t('print.totals.gross')}</th>
            <td>{formatFen(totals.gross, currency)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** The letterhead, the document's title and number, and its header fields. */
export function SheetHeading({ sheet, bank, t }: { sheet: PrintSheet; bank: boolean; t: Translate }) {
  const { document } = sheet;
  return (
    <div className="print-heading">
      <LetterheadBlock company={sheet.company} bank={bank} t={t} />
      <div className="print-title-row">
        <span />
        <h1 className="print-title">{t(`print.titles.${sheet.template}`)}</h1>
        <div className="print-number">
          {t('print.number')} <strong>{document.number ?? t('print.draft')}</strong>
        </div>
      </div>
      <dl className="print-fields">
        {document.fields.map((field) => (
          <div className="print-field" key={field.label}>
            <dt className="print-label">{t(field.label)}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** One document with lines — quotation, order confirmation, pick list, delivery note, purchase order — on A4. */
export function LineDocumentSheet({ sheet, layout, t, language }: SheetProps) {
  const { document } = sheet;
  return (
    <article className="print-sheet" lang={language} data-template={sheet.template}>
      <SheetHeading sheet={sheet} bank={layout.bank} t={t} />
      <table className="print-lines">
        <colgroup>
          {layout.columns.map((column) => (
            <col key={column} className={`print-col-${column}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {layout.columns.map((column) => (
              <th key={column}>{t(`print.columns.${column}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {document.lines.map((line) => (
            <tr key={line.lineNo}>
              {layout.columns.map((column) => (
                <td key={column} className={cellClass(column)}>
                  {cellText(column, line, sheet)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="print-closing">
        {layout.totals && <Totals sheet={sheet} t={t} />}
        {layout.receipt && <p className="print-receipt">{t('print.receipt')}</p>}
        <div className="print-signatures">
          {layout.signatures.map((signature) => (
            <div className="print-signature" key={signature}>
              <span className="print-label">{t(`print.signatures.${signature}`)}</span>
              <span className="print-signature-line" />
            </div>
          ))}
        </div>
      </div>
    </article>
  );
}
