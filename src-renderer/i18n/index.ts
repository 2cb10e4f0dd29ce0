import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import { FEATURE_MESSAGES } from './features';
import zhCN from './zh-CN';
import zhTW from './zh-TW';

export const LANGUAGES = ['zh-CN', 'en', 'zh-TW'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'desk-erp.language';

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(saved ?? '') ? (saved as Language) : 'zh-CN';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, ...FEATURE_MESSAGES['zh-CN'] } },
    en: { translation: { ...en, ...FEATURE_MESSAGES.en } },
    'zh-TW': { translation: { ...zhTW, ...FEATURE_MESSAGES['zh-TW'] } },
  },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
