/**
 * Writes every Traditional Chinese catalog from its Simplified one (`npx tsx scripts/zh-tw.ts`):
 * OpenCC with Taiwan phrasing (軟體, 使用者, 預設), then src-renderer/i18n/zh-tw-phrases.ts, which
 * OpenCC does not make. Review the diff before committing; hand edits belong in that list so the
 * next run keeps them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as OpenCC from 'opencc-js';
import { taiwanPhrasing } from '../src-renderer/i18n/zh-tw-phrases';

const convert = OpenCC.Converter({ from: 'cn', to: 'twp' });
const toTraditional = (text: string) => taiwanPhrasing(convert(text));

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
