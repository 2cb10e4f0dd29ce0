import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('CSV for Excel', () => {
  it('starts with a BOM so Excel reads Chinese as UTF-8', () => {
    expect(toCsv(['名称'], [['南京博雅']]).startsWith('\uFEFF名称\r\n南京博雅')).toBe(true);
  });

  it('neutralises cells that Excel would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell(null)).toBe('');
  });
});
