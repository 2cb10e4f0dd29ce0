/**
 * The commands the palette runs, found by their words in the UI language, by the pinyin of their
 * Chinese name or by its initials (新建客户: xinjiankehu, xjkh). The pinyin is written here, so the
 * renderer ships no pinyin dictionary; a test checks it against pinyin-pro.
 */
import type { Permission } from '../../../src-main/api/contract';
import type { Language } from '../../i18n';

export interface CommandEnv {
  navigate(to: string): void;
  switchLanguage(language: Language): void;
  toggleTheme(): void;
  showShortcuts(): void;
}

export interface PaletteCommand {
  key: string;
  /** i18n key of the command's words. */
  label: string;
  /** The zh-CN words' pinyin, syllables joined by spaces. */
  pinyin: string;
  permission?: Permission;
  run(env: CommandEnv): void;
}

const language = (lng: Language, pinyin: string): PaletteCommand => ({
  key: `language.${lng}`,
  label: `palette.commands.language.${lng}`,
  pinyin,
  run: (env) => env.switchLanguage(lng),
});

export const PALETTE_COMMANDS: PaletteCommand[] = [
  { key: 'newCustomer', label: 'palette.commands.newCustomer', pinyin: 'xin jian ke hu', permission: 'customers.write', run: (env) => env.navigate('/customers/new') },
  { key: 'newLead', label: 'palette.commands.newLead', pinyin: 'xin jian xian suo', permission: 'leads.write', run: (env) => env.navigate('/leads?new=1') },
  { key: 'importCustomers', label: 'palette.commands.importCustomers', pinyin: 'dao ru ke hu', permission: 'customers.import', run: (env) => env.navigate('/customers/import') },
  { key: 'newOrder', label: 'palette.commands.newOrder', pinyin: 'xin jian ding dan', permission: 'sales.write', run: (env) => env.navigate('/orders/new') },
  language('zh-CN', 'qie huan dao jian ti zhong wen'),
  language('en', 'qie huan dao ying wen'),
  language('zh-TW', 'qie huan dao fan ti zhong wen'),
  { key: 'theme', label: 'palette.commands.theme', pinyin: 'qie huan qian se shen se wai guan', run: (env) => env.toggleTheme() },
  { key: 'shortcuts', label: 'palette.commands.shortcuts', pinyin: 'kuai jie jian', run: (env) => env.showShortcuts() },
];

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** Whether `query` names the command: in its words as shown, its full pinyin, or its initials. */
export function commandMatches(command: PaletteCommand, words: string, query: string): boolean {
  const q = squash(query);
  if (!q) return true;
  const syllables = command.pinyin.split(' ');
  return squash(words).includes(q) || syllables.join('').includes(q) || syllables.map((s) => s[0]).join('').includes(q);
}
