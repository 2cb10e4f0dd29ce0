/**
 * Who paid: a bank statement's payer (对方户名, 对方账号) → the customer. Surest first: the
 * customer's bank account, the exact name (or its invoice title or short name), the name without
 * legal form, brackets and spaces (南京博雅食品有限公司 = 南京博雅食品（有限）公司), then the same
 * pinyin (a homophone typo 博亚 for 博雅, or a payer written in pinyin, NANJING BOYA). A key two
 * customers share suggests no one: the user picks.
 */
import type { Sqlite } from '../../db/connection';
import { customerNameKey } from '../customers/customers.rules';
import { pinyinSortKey } from '../customers/customers.search-text';
import { toHalfWidth } from '../shared/text';
import type { PayerMatch } from './receivables.dto';

export interface MatchedCustomer {
  id: string;
  code: string;
  name: string;
  matchedOn: PayerMatch;
}

interface CustomerKeys {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  invoice_title: string | null;
  name_key: string;
  name_pinyin: string;
  bank_account: string | null;
}

/** Pinyin of the legal form, so NANJING BOYA SHIPIN matches 南京博雅食品有限公司. */
const LEGAL_FORM_PINYIN = /(gufenyouxiangongsi|youxianzerengongsi|youxiangongsi|gongsi)$/;

/** Key → the customers with it; a key of several customers says nothing. */
class KeyIndex {
  private readonly map = new Map<string, CustomerKeys | null>();
  add(key: string | null | undefined, customer: CustomerKeys): void {
    if (!key) return;
    const seen = this.map.get(key);
    if (seen === undefined) this.map.set(key, customer);
    else if (seen !== null && seen.id !== customer.id) this.map.set(key, null);
  }
  get(key: string): CustomerKeys | null {
    return key ? (this.map.get(key) ?? null) : null;
  }
}

function digits(account: string): string {
  return toHalfWidth(account).replace(/\D/g, '');
}

function letters(text: string): string {
  return toHalfWidth(text).toLowerCase().replace(/[^a-z]/g, '');
}

export class PayerMatcher {
  private readonly accounts = new KeyIndex();
  private readonly names = new KeyIndex();
  private readonly nameKeys = new KeyIndex();
  private readonly pinyin = new KeyIndex();

  constructor(sqlite: Sqlite) {
    const customers = sqlite
      .prepare(
        `SELECT id, code, name, short_name, invoice_title, name_key, name_pinyin, bank_account FROM customers
         WHERE merged_into_id IS NULL ORDER BY code`,
      )
      .all() as CustomerKeys[];
    for (const c of customers) {
      if (c.bank_account && digits(c.bank_account).length >= 8) this.accounts.add(digits(c.bank_account), c);
      for (const name of [c.name, c.invoice_title, c.short_name]) this.names.add(name?.trim(), c);
      this.nameKeys.add(c.name_key, c);
      if (c.short_name) this.nameKeys.add(customerNameKey(c.short_name), c);
      this.pinyin.add(c.name_pinyin, c);
      this.pinyin.add(c.name_pinyin.replace(LEGAL_FORM_PINYIN, ''), c);
    }
  }

  match(payer: string, account: string | null): MatchedCustomer | null {
    const found = (c: CustomerKeys | null, matchedOn: PayerMatch) => (c ? { id: c.id, code: c.code, name: c.name, matchedOn } : null);
    const latin = /^[\x20-\x7e]+$/.test(toHalfWidth(payer));
    const spelled = latin ? letters(payer) : pinyinSortKey(payer);
    return (
      (account && digits(account).length >= 8 ? found(this.accounts.get(digits(account)), 'bank_account') : null) ??
      found(this.names.get(payer.trim()), 'name') ??
      found(this.nameKeys.get(customerNameKey(payer)), 'name_key') ??
      // A few letters are too easily someone else's spelling.
      (spelled.length >= 6 ? found(this.pinyin.get(spelled) ?? this.pinyin.get(spelled.replace(LEGAL_FORM_PINYIN, '')), 'pinyin') : null)
    );
  }
}
