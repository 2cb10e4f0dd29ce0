/**
 * What each line-document template shows. The five share one sheet (LineDocumentSheet.tsx) and
 * differ in columns, totals and the lines people sign on: a 拣货单 has no prices and a column to
 * write the picked quantity in; a 送货单 has the receiver's signature and date.
 */
import type { LineDocumentTemplate } from '../../src-main/domain/print/print.contract';

export type ColumnKey = 'lineNo' | 'code' | 'name' | 'specification' | 'unit' | 'quantity' | 'unitPrice' | 'discount' | 'taxRate' | 'amount' | 'picked' | 'remark';
export type SignatureKey =
  | 'quotedBy'
  | 'preparedBy'
  | 'approvedBy'
  | 'sellerSeal'
  | 'customerConfirmation'
  | 'supplierConfirmation'
  | 'picker'
  | 'checker'
  | 'deliveredBy'
  | 'receivedBy'
  | 'date';

export interface LineDocumentLayout {
  columns: readonly ColumnKey[];
  /** Net, tax, gross and the amount in words under the lines. */
  totals: boolean;
  /** The company's bank and account in the letterhead, for a customer paying by transfer. */
  bank: boolean;
  /** The receiver's statement above the signatures (送货单). */
  receipt: boolean;
  signatures: readonly SignatureKey[];
}

const PRICED: readonly ColumnKey[] = ['lineNo', 'code', 'name', 'specification', 'unit', 'quantity', 'unitPrice', 'discount', 'taxRate', 'amount'];

export const LINE_DOCUMENT_LAYOUTS: Record<LineDocumentTemplate, LineDocumentLayout> = {
  quotation: { columns: PRICED, totals: true, bank: true, receipt: false, signatures: ['quotedBy', 'customerConfirmation'] },
  order_confirmation: { columns: PRICED, totals: true, bank: true, receipt: false, signatures: ['sellerSeal', 'customerConfirmation', 'date'] },
  pick_list: {
    columns: ['lineNo', 'code', 'name', 'specification', 'unit', 'quantity', 'picked', 'remark'],
    totals: false,
    bank: false,
    receipt: false,
    signatures: ['picker', 'checker', 'date'],
  },
  delivery_note: { columns: PRICED, totals: true, bank: true, receipt: true, signatures: ['deliveredBy', 'receivedBy', 'date'] },
  purchase_order: { columns: PRICED, totals: true, bank: false, receipt: false, signatures: ['preparedBy', 'approvedBy', 'supplierConfirmation'] },
};

export function layoutFor(template: string): LineDocumentLayout | null {
  return Object.hasOwn(LINE_DOCUMENT_LAYOUTS, template) ? LINE_DOCUMENT_LAYOUTS[template as LineDocumentTemplate] : null;
}
