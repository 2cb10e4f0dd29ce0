/**
 * What the search index holds for a product: the name and spec as CJK characters (names), and
 * tokens for the code, barcode, pinyin and initials of the name. Built with the customers' helpers
 * (customers.search-text.ts), so a product and a customer are found the same way.
 */
import { nameTokens, spacedText, toFtsQuery } from '../customers/customers.search-text';

export interface ProductSearchSource {
  code: string;
  name: string;
  spec: string | null;
  barcode: string | null;
}

export interface ProductSearchDoc {
  names: string;
  tokens: string;
}

export function buildProductSearchDoc(source: ProductSearchSource): ProductSearchDoc {
  const tokens = new Set<string>();
  const add = (token: string | null | undefined) => {
    const t = (token ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
    if (t.length > 1) tokens.add(t);
  };
  add(source.code);
  // A code with separators (01.02.003, SP-001) is also found by its parts.
  for (const part of source.code.split(/[._\-/]+/)) add(part);
  add(source.barcode);
  nameTokens(source.name, false).forEach(add);
  return { names: [source.name, source.spec ?? ''].map(spacedText).join(' ').trim(), tokens: [...tokens].join(' ') };
}

/** The FTS5 query for what a user typed in a product search box (CJK terms match the name and spec). */
export function toProductFtsQuery(q: string): string | null {
  return toFtsQuery(q, ['names']);
}
