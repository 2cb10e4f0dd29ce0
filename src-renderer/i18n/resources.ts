import en from './en';
import { FEATURE_MESSAGES } from './features';
import zhCN from './zh-CN';
import zhTW from './zh-TW';

export const LANGUAGES = ['zh-CN', 'en', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** Every catalog, with no side effect: the app's i18n instance and the CLI's print rendering both load these. */
export const RESOURCES = {
  'zh-CN': { translation: { ...zhCN, ...FEATURE_MESSAGES['zh-CN'] } },
  en: { translation: { ...en, ...FEATURE_MESSAGES.en } },
  'zh-TW': { translation: { ...zhTW, ...FEATURE_MESSAGES['zh-TW'] } },
};
