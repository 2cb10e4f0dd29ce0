/**
 * Business documents (quotes, orders, deliveries, invoices): a header row with its lines, a status
 * machine declared as data per kind, frozen past given states, numbered from the kind's series when
 * it reaches the state that numbers it (usually confirmed: drafts never use up numbers), and one
 * printable shape that print templates consume.
 *
 * The header table of a kind has at least: id TEXT PRIMARY KEY, number TEXT (NULL until numbered),
 * status TEXT NOT NULL, updated_at TEXT NOT NULL. Lines belong to the area; it calls
 * assertEditable before changing them.
 */
import { AppError } from '../../api/errors';
import type { Sqlite } from '../../db/connection';
import { fieldIssue } from '../../api/issues';
import { amountInWords, sumTaxLines, taxLine, type BasisPoints, type Fen, type TaxedAmount } from './money';
import { nextNumber, type SeriesDefinition } from './numbering';

export interface DocumentKind<Status extends string = string> {
  /** 'sales_order': also the entity type in the audit log. */
  kind: string;
  /** The header table. */
  table: string;
  series: SeriesDefinition;
  /** Every status and the statuses it may move to: { draft: ['confirmed', 'cancelled'], … }. */
  transitions: Readonly<Record<Status, readonly Status[]>>;
  /** Statuses in which the document's content can no longer change (its status still can). */
  frozenIn: readonly Status[];
  /** The status in which the document takes its number. */
  numberedIn: Status;
}

export interface DocumentHeader<Status extends string = string> {
  id: string;
  number: string | null;
  status: Status;
}

/** Checks a kind's declaration once, where the area declares it: a typo in a status is a bug. */
export function documentKind<Status extends string>(kind: DocumentKind<Status>): DocumentKind<Status> {
  const statuses = new Set<string>(Object.keys(kind.transitions));
  const unknown = [...Object.values<readonly Status[]>(kind.transitions).flat(), ...kind.frozenIn, kind.numberedIn].filter((s) => !statuses.has(s));
  if (unknown.length) throw new Error(`Document kind ${kind.kind} names statuses it does not declare: ${[...new Set(unknown)].join(', ')}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(kind.table)) throw new Error(`${kind.table} is not a table name`);
  return kind;
}

/** Refuses a move the kind's table does not allow, e.g. shipped → draft. */
export function assertTransition<Status extends string>(kind: DocumentKind<Status>, from: Status, to: Status): void {
  if (kind.transitions[from]?.includes(to)) return;
  throw new AppError('CONFLICT', `A ${kind.kind} cannot go from ${from} to ${to}`, [fieldIssue('status', 'invalid_transition', { from, to })]);
}

/** Refuses a change to the content of a document past the states that freeze it. */
export function assertEditable<Status extends string>(kind: DocumentKind<Status>, header: DocumentHeader<Status>): void {
  if (!kind.frozenIn.includes(header.status)) return;
  throw new AppError('CONFLICT', `${kind.kind} ${header.number ?? header.id} is ${header.status} and can no longer be edited`, [
    fieldIssue('status', 'frozen', { status: header.status }),
  ]);
}

export function findDocument<Status extends string>(sqlite: Sqlite, kind: DocumentKind<Status>, id: string): DocumentHeader<Status> {
  const header = sqlite.prepare(`SELECT id, number, status FROM ${kind.table} WHERE id = ?`).get(id) as DocumentHeader<Status> | undefined;
  if (!header) throw new AppError('NOT_FOUND', `${kind.kind} ${id} does not exist`, [fieldIssue('id', 'not_found', { entity: kind.kind, id })]);
  return header;
}

/** The header of a document whose content is about to change; refused when it is frozen. */
export function documentForEdit<Status extends string>(sqlite: Sqlite, kind: DocumentKind<Status>, id: string): DocumentHeader<Status> {
  const header = findDocument(sqlite, kind, id);
  assertEditable(kind, header);
  return header;
}

/**
 * Moves a document to another status in the caller's transaction, taking its number when it
 * reaches `numberedIn` without one (so a rollback gives the number back, and a document reopened
 * and confirmed again keeps the number it had).
 */
export function changeStatus<Status extends string>(
  sqlite: Sqlite,
  kind: DocumentKind<Status>,
  id: string,
  to: Status,
  at: { businessDate: string; now: string },
): DocumentHeader<Status> & { from: Status } {
  const header = findDocument(sqlite, kind, id);
  assertTransition(kind, header.status, to);
  const number = header.number ?? (to === kind.numberedIn ? nextNumber(sqlite, kind.series, at.businessDate) : null);
  sqlite.prepare(`UPDATE ${kind.table} SET status = ?, number = ?, updated_at = ? WHERE id = ?`).run(to, number, at.now, id);
  return { id, number, status: to, from: header.status };
}

// ---------------------------------------------------------------- print

export interface PrintableLineInput {
  /** 商品编码, printed in its own column. */
  code?: string | null;
  /** 名称 */
  description: string;
  /** 规格型号 */
  specification?: string | null;
  /** In the unit printed beside it. */
  quantity: number;
  unit: string;
  unitPrice: Fen;
  discount?: Fen;
  taxRate: BasisPoints;
}

export type PrintableLine = PrintableLineInput & TaxedAmount & { lineNo: number };

export interface PrintableDocument {
  kind: string;
  number: string | null;
  status: string;
  /** Header fields in print order; `label` is a message key the template words in the UI language. */
  fields: { label: string; value: string }[];
  currency: string;
  pricesIncludeTax: boolean;
  lines: PrintableLine[];
  totals: TaxedAmount;
  /** 价税合计 in 大写, for RMB documents; null in other currencies. */
  amountInWords: string | null;
}

/** What a print template needs, with every amount computed here: per line, then summed. */
export function printable(input: {
  kind: Pick<DocumentKind, 'kind'>;
  header: DocumentHeader;
  fields: { label: string; value: string }[];
  currency: string;
  pricesIncludeTax: boolean;
  lines: readonly PrintableLineInput[];
}): PrintableDocument {
  const lines = input.lines.map((line, i) => ({ ...line, lineNo: i + 1, ...taxLine({ ...line, pricesIncludeTax: input.pricesIncludeTax }) }));
  const totals = sumTaxLines(lines);
  return {
    kind: input.kind.kind,
    number: input.header.number,
    status: input.header.status,
    fields: input.fields,
    currency: input.currency,
    pricesIncludeTax: input.pricesIncludeTax,
    lines,
    totals,
    amountInWords: input.currency === 'CNY' ? amountInWords(totals.gross) : null,
  };
}
