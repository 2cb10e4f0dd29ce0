import { Button } from '@mantine/core';
import { IconHourglassEmpty, IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

/** An area whose issue has not landed yet: says what it will do, in its own words, and shows no invented data. */
export function ComingSoonPage({ area }: { area: string }) {
  const { t } = useTranslation();
  const name = t(`nav.${area}`);
  return (
    <>
      <PageHeader title={name} />
      <EmptyState
        icon={<IconHourglassEmpty size={30} />}
        title={t('comingSoon.title', { area: name })}
        text={t(`comingSoon.areas.${area}`)}
        action={
          <Button component={Link} to="/" variant="light">
            {t('comingSoon.back')}
          </Button>
        }
      />
    </>
  );
}

/** An address no screen answers (a mistyped link, a page that moved). */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMapOff size={30} />}
      title={t('comingSoon.notFoundTitle')}
      text={t('comingSoon.notFoundText')}
      action={
        <Button component={Link} to="/" variant="light">
          {t('comingSoon.back')}
        </Button>
      }
    />
  );
}
