import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, RESOURCES, type Language } from './resources';

export { LANGUAGES, type Language } from './resources';

const STORAGE_KEY = 'desk-erp.language';

export function savedLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : 'zh-CN';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources: RESOURCES,
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
