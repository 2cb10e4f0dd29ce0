import { describe, expect, it } from 'vitest';
import en from './en';
import { FEATURE_MESSAGES } from './features';
import zhCN from './zh-CN';
import zhTW from './zh-TW';

type Tree = string | { [key: string]: Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  if (typeof tree === 'string') return new Map([[prefix, tree]]);
  return new Map(Object.entries(tree).flatMap(([k, v]) => [...leaves(v, prefix ? `${prefix}.${k}` : k)]));
}

const catalogs = {
  'zh-CN': leaves({ ...zhCN, ...FEATURE_MESSAGES['zh-CN'] } as Tree),
  en: leaves({ ...en, ...FEATURE_MESSAGES.en } as Tree),
  'zh-TW': leaves({ ...zhTW, ...FEATURE_MESSAGES['zh-TW'] } as Tree),
};

/** English singulars (i18next plurals): `<key>_one` is read for a count of 1, `<key>` for any other. */
const singular = (key: string) => (key.endsWith('_one') ? key.slice(0, -'_one'.length) : null);

/**
 * English messages with {{count}} that read right for 1 as they are, so need no `_one` form
 * (a count after a noun, a bare number, “+1 more”).
 */
const SAME_FOR_ONE = new Set([
  'common.total',
  'audit.moreFields',
  'dashboard.figure.entered',
  'dashboard.figure.left',
  'comingSoon.show',
  'form.fixErrors',
  'customers.units.years',
  'customers.list.selected',
  'imports.errors.more',
  'imports.sameAsOnFile.more',
  'imports.result.people',
  'leads.board.more',
  'receivables.bankImport.summary',
  'receivables.bankImport.duplicates',
  'receivables.issue.selected',
  'sales.order.backordered',
  'vouchers.export.repeatText',
  'dunning.queue.invoicesInAll',
  // Only ever said of two or more.
  'sales.form.pickOne',
]);

/**
 * A number before a plural noun, perhaps after a word or two but no preposition (“{{days}} days”, “{{count}}
 * draft purchase orders”, not “{{skipped}} with problems”): the message says 1 wrong without a `_one` form,
 * whatever its number is called.
 */
const COUNTED_NOUNS = [
  'days', 'weeks', 'months', 'years', 'hours', 'minutes', 'seconds', 'times',
  'customers', 'suppliers', 'users', 'contacts', 'addresses', 'tags', 'filters', 'leads', 'deals', 'campaigns', 'tasks', 'claims',
  'products', 'items', 'units', 'pieces', 'moves', 'counts', 'transfers', 'requests', 'reminders', 'levels',
  'orders', 'quotes', 'deliveries', 'returns', 'invoices', 'receipts', 'payments', 'notes', 'vouchers', 'statements', 'accounts', 'documents',
  'rows', 'lines', 'columns', 'characters', 'numbers', 'records', 'fields', 'changes', 'problems', 'errors', 'files', 'pages', 'backups', 'copies', 'entries',
];
const COUNTED_NOUN = new RegExp(`\\{\\{\\w+\\}\\} (?:(?!(?:with|of|in|on|to|for|from|and|or) )[a-z-]+ ){0,2}(?:${COUNTED_NOUNS.join('|')})\\b`);

describe('language catalogs', () => {
  it.each(['en', 'zh-TW'] as const)('%s has exactly the keys of zh-CN (English adding singulars of them)', (language) => {
    const keys = [...catalogs[language].keys()].filter((key) => language !== 'en' || singular(key) === null);
    expect(keys.sort()).toEqual([...catalogs['zh-CN'].keys()].sort());
    for (const key of catalogs[language].keys()) {
      if (singular(key) === null) continue;
      expect({ key, language, counted: catalogs['zh-CN'].get(singular(key)!)?.includes('{{') ?? false }).toEqual({ key, language: 'en', counted: true });
    }
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s has no empty string and keeps every {{placeholder}}', (language) => {
    const placeholders = (s: string): string[] => [...(s.match(/\{\{\w+\}\}/g) ?? [])].sort();
    for (const [key, text] of catalogs[language]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      const base = singular(key);
      if (base === null) {
        expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(catalogs['zh-CN'].get(key)!) });
      } else {
        // A singular may say “a customer” for {{count}}, but uses no placeholder its message lacks.
        const known = placeholders(catalogs['zh-CN'].get(base)!);
        expect({ key, unknown: placeholders(text).filter((p) => !known.includes(p)) }).toEqual({ key, unknown: [] });
      }
    }
  });

  it('says 1 in the singular in English: every counted message has a `_one` form, or reads right for 1', () => {
    const missing = [...catalogs.en]
      .filter(([key, text]) => singular(key) === null && text.includes('{{count}}') && !catalogs.en.has(`${key}_one`) && !SAME_FOR_ONE.has(key))
      .map(([key, text]) => `${key}: ${text}`);
    expect(missing).toEqual([]);
  });

  it('says 1 in the singular in English whatever the number is called: “{{days}} days” has a `_one` form that says “day”', () => {
    const missing = [...catalogs.en]
      .filter(([key, text]) => singular(key) === null && COUNTED_NOUN.test(text) && !catalogs.en.has(`${key}_one`) && !SAME_FOR_ONE.has(key))
      .map(([key, text]) => `${key}: ${text}`);
    expect(missing).toEqual([]);
    const pluralSingulars = [...catalogs.en].filter(([key, text]) => singular(key) !== null && COUNTED_NOUN.test(text)).map(([key, text]) => `${key}: ${text}`);
    expect(pluralSingulars).toEqual([]);
    expect(COUNTED_NOUN.test('Invoices {{days}} days overdue')).toBe(true);
    expect(COUNTED_NOUN.test('{{count}} draft purchase orders created')).toBe(true);
    expect(COUNTED_NOUN.test('{{count}} line with errors')).toBe(false);
  });

  it('hedges no English plural with “(s)”: a count picks its form', () => {
    expect([...catalogs.en].filter(([, text]) => text.includes('(s)')).map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it('writes Traditional Chinese the Taiwan way', () => {
    const all = [...catalogs['zh-TW'].values()].join('\n');
    expect(all).toContain('使用者');
    expect(all).not.toMatch(/[户们这个为说设]/);
  });
});
