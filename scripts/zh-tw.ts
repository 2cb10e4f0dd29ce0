/**
 * Writes every Traditional Chinese catalog from its Simplified one (`npx tsx scripts/zh-tw.ts`):
 * OpenCC with Taiwan phrasing (軟體, 使用者, 預設), then the fixes below, which OpenCC does not make.
 * Review the diff before committing; hand edits belong in FIXES so the next run keeps them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';

const FIXES: [string, string][] = [
  ['退出登入', '登出'],
  ['賬號', '帳號'],
  ['賬戶', '帳戶'],
  ['“', '「'],
  ['”', '」'],
  ['‘', '『'],
  ['’', '』'],
  ['當前', '目前'],
  ['操作日誌', '操作紀錄'],
  ['導出', '匯出'],
  ['導入', '匯入'],
  ['默認', '預設'],
  ['程式碼', '代碼'],
  ['型別', '類型'],
  ['營銷', '行銷'],
  ['渠道', '通路'],
  ['自定義', '自訂'],
  ['}} 條', '}} 筆'],
  ['筆記錄', '筆紀錄'],
  ['制單', '製單'],
  ['稽核', '審核'],
  ['示例', '範例'],
  ['訂單號', '訂單編號'],
  ['納稅人識別號', '統一編號'],
  ['許可權', '權限'],
  ['服務專案', '服務項目'],
  ['序列號', '序號'],
  ['條形碼', '條碼'],
  ['校驗碼', '檢查碼'],
  ['復購', '回購'],
  ['字首', '前綴'],
  ['關鍵詞', '關鍵字'],
  ['}}+ 條', '}}+ 筆'],
  ['過賬', '過帳'],
  ['賬', '帳'],
  ['發貨', '出貨'],
  ['下采購', '下採購'],
  ['錄入', '輸入'],
  ['出入庫記錄', '出入庫紀錄'],
  ['操作記錄', '操作紀錄'],
  ['數據庫', '資料庫'],
  ['行動硬碟', '外接硬碟'],
  ['備份與恢復', '備份與還原'],
  ['備份恢復', '備份還原'],
  ['4 周', '4 週'],
  ['發貨', '出貨'],
  ['審批', '審核'],
];

const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
const toTraditional = (text: string) => FIXES.reduce((acc, [from, to]) => acc.split(from).join(to), convert(text));

type Tree = string | { [key: string]: Tree };
const walk = (value: Tree, key = ''): Tree =>
  typeof value === 'string'
    ? key === 'zh-CN' || key === 'en' || key === 'zh-TW'
      ? value // language names are each language's own name
      : toTraditional(value)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));

function findCatalogs(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findCatalogs(full);
    return entry.name === 'zh-CN.ts' || entry.name === 'messages.zh-CN.ts' ? [full] : [];
  });
}

const root = path.resolve(import.meta.dirname, '..', 'src-renderer');
for (const source of findCatalogs(root)) {
  const simplified = (await import(pathToFileURL(source).href)).default as Tree;
  const target = source.replace(/zh-CN\.ts$/, 'zh-TW.ts');
  const isMain = path.basename(source) === 'zh-CN.ts';
  const typeImport = isMain ? "import type { Catalog } from './catalog';" : `import type { Messages } from './messages.zh-CN';`;
  const typeName = isMain ? 'Catalog' : 'Messages';
  const body = JSON.stringify(walk(simplified), null, 2).replace(/^(\s*)"([A-Za-z_$][A-Za-z0-9_$]*)":/gm, '$1$2:');
  fs.writeFileSync(
    target,
    `${typeImport}\n\n/** Traditional Chinese (Taiwan): written by scripts/zh-tw.ts from the Simplified catalog, then reviewed. */\nconst zhTW: ${typeName} = ${body};\n\nexport default zhTW;\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
