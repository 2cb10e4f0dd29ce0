import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import type { i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LANGUAGES, rememberLanguage, type Language } from '../../i18n';

export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Select
      aria-label={t('shell.language')}
      data-testid="language-switch"
      w={130}
      size="xs"
      leftSection={<IconLanguage size={16} />}
      allowDeselect={false}
      value={i18n.language}
      data={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))}
      onChange={(value) => value && switchLanguage(i18n, value as Language, signedIn)}
    />
  );
}

/** The UI language now, on this computer from now on, and on the user's account for exports and mail. */
export function switchLanguage(i18n: I18n, language: Language, signedIn: boolean): void {
  void i18n.changeLanguage(language);
  rememberLanguage(language);
  if (signedIn) void api.auth.setLocale({ locale: language }).catch(() => undefined);
}
