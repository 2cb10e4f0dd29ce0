import { describe, expect, it } from 'vitest';
import { statementFileName } from '../dunning/dunning.contract';
import { fileNamePart, toHalfWidth } from './text';

describe('fileNamePart', () => {
  it('replaces each run of characters a file system refuses, control characters included, and trims the ends', () => {
    expect(fileNamePart('金陵/酒店:协议价')).toBe('金陵_酒店_协议价');
    expect(fileNamePart('a<>b', ' ')).toBe('a b');
    expect(fileNamePart(' SO-2026\u0007\u0000-1 ', '-')).toBe('SO-2026--1');
    expect(fileNamePart('南京博雅食品有限公司')).toBe('南京博雅食品有限公司');
  });

  it("names a reminder's statement without spaces", () => {
    expect(statementFileName('Acme Trading / Shanghai', '2026-12-01')).toBe('对账单-Acme_Trading___Shanghai-2026-12-01.pdf');
  });
});

describe('toHalfWidth', () => {
  it('turns what a Chinese IME types full-width into ASCII', () => {
    expect(toHalfWidth('ＳＯ－２０２６　１')).toBe('SO-2026 1');
  });
});
