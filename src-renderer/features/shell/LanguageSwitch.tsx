import { Select } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
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
      onChange={(value) => {
        if (!value) return;
        const language = value as Language;
        void i18n.changeLanguage(language);
        rememberLanguage(language);
        if (signedIn) void api.auth.setLocale({ locale: language }).catch(() => undefined);
      }}
    />
  );
}
