/**
 * What the search index holds for a customer, and how a typed query becomes an FTS5 query.
 *
 * unicode61 treats a run of CJK characters as one token, so CJK text is indexed as
 * space-separated single characters and queried as a phrase ("博雅" → "博 雅"); emoji (the
 * index's `So` category) likewise. Other letters keep their accents: the index folds them
 * (remove_diacritics 2), so "ünïcödé", "unicode" and "Unicode" find one another. Pinyin,
 * initials, codes and phone numbers are single tokens queried as prefixes (`njby*`).
 */
import { pinyin } from 'pinyin-pro';
import { RecentlyUsed } from '../shared/recently-used';
import { toHalfWidth } from '../shared/text';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** Characters that are words by themselves: CJK and symbols such as emoji. */
const STANDALONE = /[\u3400-\u9fff\uf900-\ufaff]|\p{So}/gu;
const HAS_STANDALONE = /[\u3400-\u9fff\uf900-\ufaff]|\p{So}/u;

/** Lower-cased, half-width text with every CJK character and emoji standing alone. */
export function spacedText(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(STANDALONE, (c) => ` ${c} `)
    .replace(/[^\p{L}\p{N}\p{So}]+/gu, ' ')
    .trim();
}

export interface PinyinSpelling {
  /** Syllables, e.g. ['nan','jing','bo','ya']; a run of letters/digits stays one "syllable". */
  full: string[];
  initials: string[];
}

/**
 * Pinyin of a name. People's names use pinyin-pro's surname mode for the leading surname only
 * (单 = shan, 曾 = zeng); company names rely on its word segmentation for 长沙/重庆/银行.
 */
export function spell(text: string, person = false): PinyinSpelling {
  const key = `${person ? 'p' : 'n'}${text}`;
  let spelling = spellings.get(key);
  if (!spelling) {
    spelling = spellUncached(text, person);
    spellings.set(key, spelling);
  }
  return spelling;
}

/**
 * pinyin-pro is the slow step and names repeat (contacts' names, short names, the seeder's parts);
 * an import of 50,000 distinct company names still keeps its few hundred contact names cached.
 */
const spellings = new RecentlyUsed<string, PinyinSpelling>(20_000);

/** Empties the spelling cache, so a benchmark's second run starts as cold as its first. */
export function forgetSpellings(): void {
  spellings.clear();
}

function spellUncached(text: string, person: boolean): PinyinSpelling {
  const chars = Array.from(toHalfWidth(text).toLowerCase());
  const syllables = pinyin(chars.join(''), { toneType: 'none', type: 'array', ...(person ? { mode: 'surname' as const, surname: 'head' as const } : {}) });
  const full: string[] = [];
  const initials: string[] = [];
  let word = '';
  const flush = () => {
    if (word) {
      full.push(word);
      initials.push(word);
      word = '';
    }
  };
  // pinyin-pro's array has one entry per character; a non-Chinese character comes back as itself.
  syllables.forEach((syllable, i) => {
    const origin = chars[i] ?? '';
    if (CJK.test(origin) && /^[a-zü]+$/.test(syllable)) {
      flush();
      const plain = syllable.replace(/ü/g, 'v');
      full.push(plain);
      initials.push(plain[0]!);
    } else if (/^[a-z0-9]$/.test(origin)) {
      word += origin;
    } else {
      flush();
    }
  });
  flush();
  return { full, initials };
}

/** The pinyin sort key of a name ("nanjingboyashipinyouxiangongsi"). */
export function pinyinSortKey(name: string): string {
  return spell(name).full.join('');
}

/**
 * Tokens for one name: the full spelling and initials from the start (`nanjingboya…`, `njby…`),
 * plus four-syllable pieces starting at each of the next syllables, so `boya`, `by` and `shipin`
 * find 南京博雅食品 too. The pieces are short, so most are shared between customers and the index
 * stays small.
 */
export function nameTokens(text: string, person: boolean): string[] {
  const spellings = [spell(text, person)];
  if (person) spellings.push(spell(text, false)); // either reading of a polyphonic surname finds the person
  const tokens: string[] = [];
  for (const { full, initials } of spellings) {
    tokens.push(full.join(''), initials.join(''));
    for (let i = 1; i < Math.min(full.length, 7); i++) {
      tokens.push(full.slice(i, i + 4).join(''), initials.slice(i, i + 4).join(''));
    }
  }
  return tokens;
}

/** The number, its last four digits, and a mobile's eight digits after the carrier prefix (139|1234 5678). */
function phoneTokens(phone: string | null | undefined): string[] {
  const digits = (phone ?? '').replace(/\D/g, '');
  if (digits.length < 4) return digits ? [digits] : [];
  return digits.length === 11 ? [digits, digits.slice(-4), digits.slice(3)] : [digits, digits.slice(-4)];
}

export interface SearchSource {
  kind: 'company' | 'individual';
  code: string;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  taxpayerId: string | null;
  mobile: string | null;
  phone: string | null;
  contacts: { name: string; mobile: string | null; phone: string | null }[];
  /** Each word of an address (`c1@boya.cn`: c1, boya, cn) is a token. */
  emails?: (string | null)[];
}

export interface SearchDoc {
  names: string;
  people: string;
  tokens: string;
}

/** A code, phone or pinyin word as the index holds it; '' for what is not worth a token. */
function searchToken(token: string | null | undefined): string {
  const t = (token ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  // Single letters (the initial of a given name) would make a token most customers share.
  return t.length > 1 ? t : '';
}

export function buildSearchDoc(source: SearchSource): SearchDoc {
  const person = source.kind === 'individual';
  const tokens = new Set<string>();
  const add = (token: string | null | undefined) => {
    const t = searchToken(token);
    if (t) tokens.add(t);
  };
  add(source.code);
  add(source.creditCode);
  add(source.taxpayerId);
  nameTokens(source.name, person).forEach(add);
  if (source.shortName) nameTokens(source.shortName, false).forEach(add);
  phoneTokens(source.mobile).forEach(add);
  phoneTokens(source.phone).forEach(add);
  for (const contact of source.contacts) {
    nameTokens(contact.name, true).forEach(add);
    phoneTokens(contact.mobile).forEach(add);
    phoneTokens(contact.phone).forEach(add);
  }
  for (const email of source.emails ?? []) (email ?? '').toLowerCase().split(/[^a-z0-9]+/).forEach(add);
  return {
    names: [source.name, source.shortName ?? ''].map(spacedText).join(' '),
    people: source.contacts.map((c) => spacedText(c.name)).join(' '),
    tokens: [...tokens].join(' '),
  };
}

/**
 * The document of a customer built before its code was known (an import numbers its customers only
 * when it publishes), with the code added: the same document `buildSearchDoc` makes with the code.
 */
export function withCodeToken(doc: SearchDoc, code: string): SearchDoc {
  const token = searchToken(code);
  if (!token) return doc;
  const others = doc.tokens ? doc.tokens.split(' ').filter((t) => t !== token) : [];
  return { ...doc, tokens: [token, ...others].join(' ') };
}

/**
 * FTS5 query for what a user typed; every whitespace-separated term must match. A term with CJK
 * or emoji is a phrase over the index's CJK columns (customers: names and people); anything else is a
 * prefix over every column. Null when the query has nothing searchable.
 */
export function toFtsQuery(q: string, cjkColumns: readonly string[] = ['names', 'people']): string | null {
  const terms = toHalfWidth(q).trim().split(/\s+/).filter(Boolean);
  const parts: string[] = [];
  for (const term of terms) {
    if (HAS_STANDALONE.test(term)) {
      const phrase = spacedText(term);
      if (phrase) parts.push(`{${cjkColumns.join(' ')}} : "${phrase.replace(/"/g, '""')}"`);
    } else {
      const token = term.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
      // One letter or digit as a prefix would match most of the index, and a term ending in
      // punctuation ("100%") has ended its word: both must match a whole token.
      const wholeWord = token.length < 2 || !/[\p{L}\p{N}]$/u.test(term);
      if (token) parts.push(wholeWord ? `"${token}"` : `"${token}"*`);
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}
