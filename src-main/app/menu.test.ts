import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS, MENU_LOCALES, menuLocaleFor, menuTemplate } from './menu';

const actions = { openDataFolder: vi.fn(), openLogFolder: vi.fn(), showAbout: vi.fn() };

const topLabels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label);

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => {
    // Electron also takes a built Menu here; the template nests plain arrays only, so the checks below see every item.
    if (item.submenu !== undefined && !Array.isArray(item.submenu)) throw new Error(`${item.label}: submenu is not a template array`);
    return [item, ...allItems(item.submenu ?? [])];
  });
}

/** Electron calls click(menuItem, window, keyboardEvent); the menu's actions use none of them. */
function click(item: MenuItemConstructorOptions | undefined): void {
  item!.click!(...([] as unknown as Parameters<NonNullable<MenuItemConstructorOptions['click']>>));
}

describe('application menu', () => {
  it('speaks Simplified Chinese by default', () => {
    const menu = menuTemplate('zh-CN', { platform: 'win32', developer: false, actions });
    expect(topLabels(menu)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('has English and Traditional Chinese menus too', () => {
    expect(topLabels(menuTemplate('en', { platform: 'linux', developer: false, actions }))).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(topLabels(menuTemplate('zh-TW', { platform: 'linux', developer: false, actions }))).toEqual(['檔案', '編輯', '檢視', '視窗', '說明']);
  });

  it('labels every item in every language', () => {
    for (const locale of MENU_LOCALES) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const items = allItems(menuTemplate(locale, { platform, developer: true, actions })).filter((item) => item.type !== 'separator');
        expect(items.every((item) => typeof item.label === 'string' && item.label.length > 0)).toBe(true);
      }
    }
    for (const locale of MENU_LOCALES) expect(Object.keys(MENU_LABELS[locale]).sort()).toEqual(Object.keys(MENU_LABELS['zh-CN']).sort());
  });

  it('puts the app menu first on macOS', () => {
    const menu = menuTemplate('zh-CN', { platform: 'darwin', developer: false, actions });
    expect(topLabels(menu)).toEqual(['Desk ERP', '文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('offers developer tools only outside a packaged build', () => {
    const roles = (developer: boolean) => allItems(menuTemplate('en', { platform: 'win32', developer, actions })).map((item) => item.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });

  it('opens the data and log folders from the menu', () => {
    const items = allItems(menuTemplate('zh-CN', { platform: 'win32', developer: false, actions }));
    click(items.find((item) => item.label === '打开数据文件夹'));
    click(items.find((item) => item.label === '打开日志文件夹'));
    expect(actions.openDataFolder).toHaveBeenCalled();
    expect(actions.openLogFolder).toHaveBeenCalled();
  });
});

describe('menu language', () => {
  it('uses the saved UI language first', () => {
    expect(menuLocaleFor('en', 'zh-CN')).toBe('en');
    expect(menuLocaleFor('zh-TW', 'en-US')).toBe('zh-TW');
  });

  it('otherwise follows the system locale, defaulting to zh-CN', () => {
    expect(menuLocaleFor(null, 'zh-CN')).toBe('zh-CN');
    expect(menuLocaleFor(null, 'zh-TW')).toBe('zh-TW');
    expect(menuLocaleFor(null, 'zh-HK')).toBe('zh-TW');
    expect(menuLocaleFor(undefined, 'en-GB')).toBe('en');
    expect(menuLocaleFor('fr', 'de-DE')).toBe('zh-CN');
  });
});
