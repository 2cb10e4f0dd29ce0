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

describe('language catalogs', () => {
  it.each(['en', 'zh-TW'] as const)('%s has exactly the keys of zh-CN', (language) => {
    expect([...catalogs[language].keys()].sort()).toEqual([...catalogs['zh-CN'].keys()].sort());
  });

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])('%s has no empty string and keeps every {{placeholder}}', (language) => {
    for (const [key, text] of catalogs[language]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(catalogs['zh-CN'].get(key)!) });
    }
  });

  it('writes Traditional Chinese the Taiwan way', () => {
    const all = [...catalogs['zh-TW'].values()].join('\n');
    expect(all).toContain('使用者');
    expect(all).not.toMatch(/[户们这个为说设]/);
  });
});
