import { z } from 'zod';
import { method } from '../../api/method';
import type { PrintableDocument } from '../core/document';

/**
 * The renderer's templates for documents with lines (src-renderer/print/templates.ts). A printable
 * whose layout is not a lines table (a statement of account) adds its template here and there.
 */
export const LINE_DOCUMENT_TEMPLATES = ['quotation', 'order_confirmation', 'pick_list', 'delivery_note', 'purchase_order'] as const;
export type LineDocumentTemplate = (typeof LINE_DOCUMENT_TEMPLATES)[number];

/** The company as its printed documents head it (settings); '' for a line not filled in. */
export interface Letterhead {
  name: string;
  address: string;
  phone: string;
  taxId: string;
  bank: string;
  bankAccount: string;
}

/** Everything one printed document needs, worded by the template in the language it prints in. */
export interface PrintSheet {
  kind: string;
  template: string;
  company: Letterhead;
  /** Today's business date in the company's zone. */
  printedOn: string;
  document: PrintableDocument;
}

export const printContract = {
  /** A document as a template prints it; the printable's own read permission is checked inside. */
  'print.document': method<PrintSheet>()({
    input: z
      .object({
        kind: z.string().trim().min(1).max(40),
        /** The document's id or its number. */
        ref: z.string().trim().min(1).max(64),
      })
      .strict(),
    permission: 'signedIn',
    mutates: false,
  }),
};
