import { describe, expect, it } from 'vitest';
import { RESOURCES } from './resources';

type Tree = string | { [key: string]: Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const chinese = {
  'zh-CN': leaves(RESOURCES['zh-CN'].translation as Tree),
  'zh-TW': leaves(RESOURCES['zh-TW'].translation as Tree),
};

/** The messages that match, as `key: text`, so a failure names every one to fix. */
const offending = (language: keyof typeof chinese, pattern: RegExp) => chinese[language].filter(([, text]) => pattern.test(text)).map(([key, text]) => `${key}: ${text}`);

describe('wording in Chinese', () => {
  it.each(['zh-CN', 'zh-TW'] as const)('%s tells of errors and results calmly: no exclamation marks', (language) => {
    expect(chinese[language].length).toBeGreaterThan(500);
    expect(offending(language, /[!！]/)).toEqual([]);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('%s lets no programmer’s words through (Error, failed, undefined, null, [object)', (language) => {
    expect(offending(language, /\berror\b|\bfailed\b|\bundefined\b|\bnull\b|\[object/i)).toEqual([]);
  });

  it('counts customers and suppliers, which are businesses, in 家 (已建档 500 家客户)', () => {
    expect(offending('zh-CN', /[个條条名]客户|\}\}\s*位客户|[个条名]供应商/)).toEqual([]);
    expect(offending('zh-TW', /[個條条名]客戶|\}\}\s*位客戶|[個條名](供應商|廠商)/)).toEqual([]);
    expect(chinese['zh-CN']).toContainEqual(['customers.list.total', '共 {{count}} 家客户']);
  });

  it.each(['zh-CN', 'zh-TW'] as const)('%s counts a list in what it holds (共 12 张采购单, 共 3 条线索), not in a bare 条', (language) => {
    const bare = chinese[language].filter(([key, text]) => key !== 'common.total' && /^共 \{\{count\}\} [条條筆笔]$/.test(text));
    expect(bare).toEqual([]);
  });

  it('counts documents in 张, leads in 条, products in 个 and stock moves in 笔', () => {
    expect(chinese['zh-CN']).toEqual(
      expect.arrayContaining([
        ['purchasing.orders.total', '共 {{count}} 张采购单'],
        ['sales.deliveries.total', '共 {{count}} 张发货单'],
        ['leads.list.total', '共 {{count}} 条线索'],
        ['catalog.list.total', '共 {{count}} 个商品'],
        ['stock.moves.total', '共 {{count}} 笔流水'],
        ['vouchers.list.total', '共 {{count}} 张凭证'],
        ['users.total', '共 {{count}} 位用户'],
      ]),
    );
    expect(chinese['zh-TW']).toContainEqual(['purchasing.orders.total', '共 {{count}} 張採購單']);
  });
});
