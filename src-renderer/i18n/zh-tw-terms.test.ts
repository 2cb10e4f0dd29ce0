import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { MAINLAND_ONLY, taiwanPhrasing } from './zh-tw-phrases';

// Every zh-TW catalog of the screens, as text.
const catalogs = import.meta.glob<string>(['../**/zh-TW.ts', '../**/messages.zh-TW.ts'], { query: '?raw', import: 'default', eager: true });

describe('Traditional Chinese (Taiwan) catalogs', () => {
  it('use no mainland-only terms', () => {
    expect(Object.keys(catalogs).length).toBeGreaterThanOrEqual(5);
    const found = Object.entries(catalogs).flatMap(([file, text]) =>
      text.split('\n').flatMap((line, i) => MAINLAND_ONLY.filter((term) => term.test(line)).map((term) => `${file}:${i + 1} ${String(term)} ${line.trim()}`)),
    );
    expect(found).toEqual([]);
  });

  it('get Taiwan terms from the conversion step, rows as 列 and columns as 欄', () => {
    const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
    const toTaiwan = (text: string) => taiwanPhrasing(convert(text));
    expect(toTaiwan('新建客户，填写邮箱、手机号和邮编')).toBe('新增客戶，填寫電子郵件、手機號碼和郵遞區號');
    expect(toTaiwan('已同步到客户时间线')).toBe('已同步到客戶時間軸');
    expect(toTaiwan('下载导入模板，第一行是表头')).toBe('下載匯入範本，第一列是標題列');
    expect(toTaiwan('表格里的每一列导入到哪里')).toBe('表格裡的每一欄匯入到哪裡');
    expect(toTaiwan('第 {{row}} 行')).toBe('第 {{row}} 列');
    expect(toTaiwan('赢单、输单两列')).toBe('贏單、輸單兩欄');
    expect(toTaiwan('对账单、账期、重置密码、合同、反馈')).toBe('對帳單、帳期、重設密碼、合約、回饋');
    for (const term of MAINLAND_ONLY) expect({ term: String(term), left: term.test(toTaiwan('创建于「阶段」；文本；此操作不能撤销')) }).toEqual({ term: String(term), left: false });
  });
});
