import type { MenuItemConstructorOptions } from 'electron';

export const MENU_LOCALES = ['zh-CN', 'en', 'zh-TW'] as const;
export type MenuLocale = (typeof MENU_LOCALES)[number];

interface MenuLabels {
  app: string;
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quit: string;
  closeWindow: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  reload: string;
  actualSize: string;
  zoomIn: string;
  zoomOut: string;
  fullScreen: string;
  devTools: string;
  minimize: string;
  zoom: string;
  bringAllToFront: string;
  openDataFolder: string;
  openLogFolder: string;
  /** Title of the error box when the backend cannot start. */
  startFailed: string;
}

/** Menu wording per UI language, as each platform's own menus say it in that language. */
export const MENU_LABELS: Record<MenuLocale, MenuLabels> = {
  'zh-CN': {
    app: 'Desk ERP',
    file: '文件',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    help: '帮助',
    about: '关于 Desk ERP',
    services: '服务',
    hide: '隐藏 Desk ERP',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    quit: '退出',
    closeWindow: '关闭窗口',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    reload: '重新加载',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    devTools: '开发者工具',
    minimize: '最小化',
    zoom: '缩放',
    bringAllToFront: '前置全部窗口',
    openDataFolder: '打开数据文件夹',
    openLogFolder: '打开日志文件夹',
    startFailed: 'Desk ERP 无法启动',
  },
  en: {
    app: 'Desk ERP',
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    about: 'About Desk ERP',
    services: 'Services',
    hide: 'Hide Desk ERP',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit',
    closeWindow: 'Close Window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    reload: 'Reload',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    devTools: 'Developer Tools',
    minimize: 'Minimize',
    zoom: 'Zoom',
    bringAllToFront: 'Bring All to Front',
    openDataFolder: 'Open Data Folder',
    openLogFolder: 'Open Log Folder',
    startFailed: 'Desk ERP cannot start',
  },
  'zh-TW': {
    app: 'Desk ERP',
    file: '檔案',
    edit: '編輯',
    view: '檢視',
    window: '視窗',
    help: '說明',
    about: '關於 Desk ERP',
    services: '服務',
    hide: '隱藏 Desk ERP',
    hideOthers: '隱藏其他',
    showAll: '全部顯示',
    quit: '結束',
    closeWindow: '關閉視窗',
    undo: '復原',
    redo: '重做',
    cut: '剪下',
    copy: '複製',
    paste: '貼上',
    selectAll: '全選',
    reload: '重新載入',
    actualSize: '實際大小',
    zoomIn: '放大',
    zoomOut: '縮小',
    fullScreen: '切換全螢幕',
    devTools: '開發人員工具',
    minimize: '最小化',
    zoom: '縮放',
    bringAllToFront: '將全部視窗移至最前',
    openDataFolder: '開啟資料所在資料夾',
    openLogFolder: '開啟記錄檔資料夾',
    startFailed: 'Desk ERP 無法啟動',
  },
};

export function isMenuLocale(value: unknown): value is MenuLocale {
  return typeof value === 'string' && (MENU_LOCALES as readonly string[]).includes(value);
}

/**
 * The saved UI language wins; otherwise the system's (`app.getLocale()`): Traditional Chinese regions
 * get zh-TW, English gets en, everything else the product default zh-CN.
 */
export function menuLocaleFor(saved: unknown, systemLocale: string): MenuLocale {
  if (isMenuLocale(saved)) return saved;
  const system = systemLocale.toLowerCase();
  if (/^zh[-_](tw|hk|mo|hant)/.test(system)) return 'zh-TW';
  if (system === 'en' || system.startsWith('en-') || system.startsWith('en_')) return 'en';
  return 'zh-CN';
}

export interface MenuActions {
  openDataFolder(): void;
  openLogFolder(): void;
  showAbout(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Developer tools only outside a packaged build. */
  developer: boolean;
  actions: MenuActions;
}

export function menuTemplate(locale: MenuLocale, options: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[locale];
  const mac = options.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: t.app,
      submenu: [
        { label: t.about, click: options.actions.showAbout },
        separator,
        { label: t.services, role: 'services' },
        separator,
        { label: t.hide, role: 'hide' },
        { label: t.hideOthers, role: 'hideOthers' },
        { label: t.showAll, role: 'unhide' },
        separator,
        { label: `${t.quit} Desk ERP`, role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: t.file,
      submenu: [
        { label: t.openDataFolder, click: options.actions.openDataFolder },
        separator,
        mac ? { label: t.closeWindow, role: 'close' } : { label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { label: t.undo, role: 'undo' },
        { label: t.redo, role: 'redo' },
        separator,
        { label: t.cut, role: 'cut' },
        { label: t.copy, role: 'copy' },
        { label: t.paste, role: 'paste' },
        { label: t.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.reload, role: 'reload' },
        ...(options.developer ? [{ label: t.devTools, role: 'toggleDevTools' } as const] : []),
        separator,
        { label: t.actualSize, role: 'resetZoom' },
        { label: t.zoomIn, role: 'zoomIn' },
        { label: t.zoomOut, role: 'zoomOut' },
        separator,
        { label: t.fullScreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: t.window,
      role: 'window',
      submenu: [
        { label: t.minimize, role: 'minimize' },
        ...(mac ? [{ label: t.zoom, role: 'zoom' } as const, separator, { label: t.bringAllToFront, role: 'front' } as const] : []),
        ...(mac ? [] : [{ label: t.closeWindow, role: 'close' } as const]),
      ],
    },
    {
      label: t.help,
      role: 'help',
      submenu: [
        { label: t.openLogFolder, click: options.actions.openLogFolder },
        ...(mac ? [] : [separator, { label: t.about, click: options.actions.showAbout }]),
      ],
    },
  );
  return template;
}
