import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../src-main/domain/imports/imports.contract';
import { suggestMapping } from '../../../src-main/domain/imports/imports.headers';
import en from './messages.en';
import zhCN from './messages.zh-CN';
import { TEMPLATE_FIELDS } from './template-fields';

describe('the import template and field labels', () => {
  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('reads its own %s template headers back as the same fields', (_lang, catalog) => {
    expect(suggestMapping(TEMPLATE_FIELDS.map((f) => catalog.field[f]))).toEqual(TEMPLATE_FIELDS);
  });

  it.each([
    ['zh-CN', zhCN],
    ['en', en],
  ] as const)('recognises every %s field label as a header', (_lang, catalog) => {
    expect(suggestMapping(IMPORT_FIELDS.map((f) => catalog.field[f]))).toEqual([...IMPORT_FIELDS]);
  });
});
